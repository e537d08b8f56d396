import EventModel
import Foundation
import Testing
@testable import EventStore

/// The event files are plain HDF5: h5py must read the same numbers we wrote.
///
/// `Tests/Fixtures/eventstore/reference_events.h5` (schema version 2) was written by
/// DarkSector from `TestSupport.batch(events: 25)` (regenerate with
/// `DARKSECTOR_WRITE_FIXTURES=1 swift test --filter H5pyInteropTests`), and `h5py_dump.py` read
/// it with h5py into `reference_events.h5py.json`. `reference_events_v1.h5` is the same batch
/// written by the version 1 schema (float64 momenta, energies, angles and positions), kept
/// to show that old samples stay readable. This test compares our reader with h5py's numbers.
@Suite struct H5pyInteropTests {
    let fixtures = TestSupport.fixtures

    @Test func h5pyReadsTheSameColumns() throws {
        let reference = fixtures.appendingPathComponent("reference_events.h5")
        if ProcessInfo.processInfo.environment["DARKSECTOR_WRITE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: reference)
            try TestSupport.writeFile(reference, batches: [TestSupport.batch(events: 25)])
        }
        try compare(reference, with: fixtures.appendingPathComponent("reference_events.h5py.json"), version: 2)
    }

    @Test func version1FilesStayReadable() throws {
        try compare(fixtures.appendingPathComponent("reference_events_v1.h5"),
                    with: fixtures.appendingPathComponent("reference_events_v1.h5py.json"), version: 1)
    }

    func compare(_ reference: URL, with dump: URL, version: Int) throws {
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
        #expect((attrs["schema_version"] as? NSNumber)?.intValue == version)
        #expect(reader.metadata.schemaVersion == Int64(version))

        // In memory every float column is Double; float32 ones are widened exactly, which is
        // what h5py's astype(float64) does too.
        let batch = try reader.read(events: 0..<reader.eventCount)
        var compared = 0
        var tables: [String: StoredTable] = [:]
        for stored in batch.storedTables() { tables[stored.spec.name] = stored }
        for spec in reader.tables {
            if spec.jagged {
                #expect(columns["\(spec.name)/offsets"] == tables[spec.name]!.offsets!.map(Double.init))
            }
            for column in spec.columns(inVersion: version) {
                let key = "\(spec.name)/\(column.name)"
                #expect(dtypes[key] == column.storedType(inVersion: version).rawValue, "h5py dtype of \(key)")
                #expect(columns[key] == Self.inMemory(batch, spec.name, column.name), "values of \(key)")
                compared += 1
            }
        }
        #expect(compared == EventSchema.tables.reduce(0) { $0 + $1.columns(inVersion: version).count })
        // Columns newer than the file read as 0 (schema v3's KLM photon veto for v1-2 files).
        if version < 3 { #expect(batch.events.nKLMNeutral == [Int32](repeating: 0, count: batch.count)) }
    }

    /// A column of the in-memory batch as Doubles (not through `storedTables`, which rounds).
    static func inMemory(_ b: EventBatch, _ table: String, _ column: String) -> [Double]? {
        switch (table, column) {
        case ("events", "extra_energy"): return b.events.extraEnergy
        case ("tracks", "px"): return b.tracks.px
        case ("tracks", "py"): return b.tracks.py
        case ("tracks", "pz"): return b.tracks.pz
        case ("clusters", "energy"): return b.clusters.energy
        case ("clusters", "theta"): return b.clusters.theta
        case ("clusters", "phi"): return b.clusters.phi
        case ("vertices", "x"): return b.vertices.x
        case ("vertices", "y"): return b.vertices.y
        case ("vertices", "z"): return b.vertices.z
        case ("mc_particles", "px"): return b.particles.px
        case ("mc_particles", "py"): return b.particles.py
        case ("mc_particles", "pz"): return b.particles.pz
        case ("mc_particles", "e"): return b.particles.e
        default:
            let stored = b.storedTables().first { $0.spec.name == table }
            return stored?.columns[column]?.asDoubles
        }
    }
}
