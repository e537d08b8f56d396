import EventModel
import Foundation
import Testing
@testable import EventStore

/// The event files are plain HDF5: h5py must read the same numbers we wrote.
///
/// `Tests/Fixtures/eventstore/reference_events.h5` was written by DarkSector from
/// `TestSupport.batch(events: 25)` (regenerate with `DARKSECTOR_WRITE_FIXTURES=1 swift test
/// --filter H5pyInteropTests`), and `h5py_dump.py` read it with h5py into
/// `reference_events.h5py.json`. This test compares our reader with h5py's numbers.
@Suite struct H5pyInteropTests {
    let reference = TestSupport.fixtures.appendingPathComponent("reference_events.h5")
    let dump = TestSupport.fixtures.appendingPathComponent("reference_events.h5py.json")

    @Test func h5pyReadsTheSameColumns() throws {
        if ProcessInfo.processInfo.environment["DARKSECTOR_WRITE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: reference)
            try TestSupport.writeFile(reference, batches: [TestSupport.batch(events: 25)])
        }
        // JSONDecoder parses doubles exactly (JSONSerialization on Linux loses the last bit).
        struct Dump: Decodable {
            let columns: [String: [Double]]
            let dtypes: [String: String]
        }
        let decoded = try JSONDecoder().decode(Dump.self, from: Data(contentsOf: dump))
        let columns = decoded.columns, dtypes = decoded.dtypes
        let attributes = try JSONSerialization.jsonObject(with: Data(contentsOf: dump)) as! [String: Any]

        let reader = try EventFileReader(path: reference.path)
        let attrs = attributes["attributes"] as! [String: Any]
        #expect(attrs["process"] as? String == reader.metadata.process)
        #expect(attrs["cross_section_fb"] as? Double == reader.metadata.crossSectionFb)
        #expect((attrs["schema_version"] as? NSNumber)?.intValue == EventSchema.version)

        let batch = try reader.read(events: 0..<reader.eventCount)
        var compared = 0
        for stored in batch.storedTables() where reader.tables.contains(where: { $0.name == stored.spec.name }) {
            if let offsets = stored.offsets {
                #expect(columns["\(stored.spec.name)/offsets"] == offsets.map(Double.init))
            }
            for spec in stored.spec.columns {
                let key = "\(stored.spec.name)/\(spec.name)"
                #expect(dtypes[key] == spec.type.rawValue, "h5py dtype of \(key)")
                #expect(columns[key] == stored.columns[spec.name]!.asDoubles, "values of \(key)")
                compared += 1
            }
        }
        #expect(compared == EventSchema.tables.reduce(0) { $0 + $1.columns.count })
    }
}
