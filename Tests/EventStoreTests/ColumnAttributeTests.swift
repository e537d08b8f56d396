import EventModel
import Foundation
import Testing
@testable import EventStore

/// Every dataset the writer creates carries `units` and `description` string attributes
/// from `EventSchema` (issue #22), read back here through the store's own HDF5 layer; files
/// written before them stay readable.
@Suite struct ColumnAttributeTests {
    /// Units as `Sources/EventModel/EventSchema.swift` states them, for a handful of columns
    /// (and what the detector fills: momenta in GeV/c, energies in GeV, angles in rad,
    /// positions in cm, cluster times in ns, charge in e; scores, counts, ids and flags "").
    static let expectedUnits: [String: String] = [
        "tracks/px": "GeV/c", "tracks/pz": "GeV/c", "tracks/vz": "cm", "tracks/charge": "e",
        "tracks/muon_id": "", "tracks/cluster_energy": "GeV", "tracks/offsets": "",
        "events/extra_energy": "GeV", "events/weight": "", "events/n_pi0": "", "events/event_id": "",
        "clusters/theta": "rad", "clusters/phi": "rad", "clusters/time": "ns", "clusters/track_matched": "",
        "vertices/x": "cm", "vertices/track1": "",
        "mc_particles/px": "GeV/c", "mc_particles/e": "GeV", "mc_particles/pdg": "",
    ]

    @Test func everyDatasetCarriesUnitsAndDescriptionFromTheSchema() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try TestSupport.writeFile(dir.appendingPathComponent("a.h5"), batches: [TestSupport.batch(events: 40)])
        let file = try HDF5File.openReadOnly(path: url.path)
        var checked = 0
        for table in EventSchema.tables {
            let datasets = try file.members(of: table.name)
            let specs = (table.offsets.map { [$0] } ?? []) + table.columns
            #expect(Set(datasets) == Set(specs.map(\.name)), "datasets of \(table.name)")
            for spec in specs {
                let path = "\(table.name)/\(spec.name)"
                #expect(file.attribute("units", of: path) == .string(spec.unit), "units of \(path)")
                #expect(file.attribute("description", of: path) == .string(spec.doc), "description of \(path)")
                #expect(!spec.doc.isEmpty, "\(path) has a description")
                checked += 1
            }
        }
        // 6 event columns (n_klm_neutral since schema v3), 4 offsets, 12 + 5 + 12 + 8 jagged
        // columns (vertex covariances and particle production vertices since schema v4).
        #expect(checked == 47)
        for (path, unit) in Self.expectedUnits {
            #expect(file.attribute("units", of: path)?.stringValue == unit, "units of \(path)")
        }
        #expect(file.attribute("description", of: "tracks/px")?.stringValue == "measured (smeared) lab-frame momentum, x component")
        #expect(file.attribute("description", of: "mc_particles/e")?.stringValue == "generated lab-frame energy")
        #expect(file.attribute("description", of: "tracks/offsets")?.stringValue?.contains("offsets[i] to offsets[i+1] - 1") == true)
        // Absent objects and attributes are nil, not a crash; the root keeps its own attributes.
        #expect(file.attribute("units", of: "tracks/nonexistent") == nil)
        #expect(file.attribute("units") == nil)
        #expect(file.attribute("process") == .string("test_process"))

        // The public reader API gives the same.
        let reader = try EventFileReader(path: url.path)
        #expect(reader.columnAttributes(table: "tracks", column: "px")
                    == ColumnAttributes(units: "GeV/c", description: "measured (smeared) lab-frame momentum, x component"))
        #expect(reader.columnAttributes(table: "clusters", column: "time").units == "ns")
    }

    @Test func pseudoDataFilesCarryThemToo() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try TestSupport.writeFile(dir.appendingPathComponent("d.h5"), batches: [TestSupport.batch(events: 10)],
                                            options: EventFileOptions(chunkRows: 16, includeTruth: false))
        let reader = try EventFileReader(path: url.path)
        #expect(!reader.tables.contains { $0.name == "mc_particles" })
        #expect(reader.columnAttributes(table: "events", column: "extra_energy").units == "GeV")
        #expect(reader.columnAttributes(table: "mc_particles", column: "px") == ColumnAttributes(units: nil, description: nil))
    }

    /// The attributes are fixed strings: the same events still give a bit-identical file.
    @Test func filesStayBitIdentical() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try TestSupport.writeFile(dir.appendingPathComponent("a.h5"), batches: [TestSupport.batch(events: 50)])
        let b = try TestSupport.writeFile(dir.appendingPathComponent("b.h5"), batches: [TestSupport.batch(events: 50)])
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    /// A shard written before the attributes existed (the schema version 1 fixture) opens,
    /// reads, and reports none.
    @Test func olderFilesWithoutAttributesStayReadable() throws {
        let reader = try EventFileReader(path: TestSupport.fixtures.appendingPathComponent("reference_events_v1.h5").path)
        #expect(reader.eventCount == 25)
        #expect(reader.columnAttributes(table: "tracks", column: "px") == ColumnAttributes(units: nil, description: nil))
        #expect(reader.columnAttributes(table: "tracks", column: "offsets").units == nil)
        _ = try reader.read(events: 0..<reader.eventCount)
        _ = try ShardVerifier.verify(path: reader.path)
    }
}
