import EventModel
import Foundation
import Kinematics
import Provenance
import Testing
@testable import EventStore

/// `ShardVerifier` refuses every kind of damaged shard that issue #14 found accepted, and
/// names the file and the dataset. Each test plants the damage at a place known from how
/// the file was built (a byte pattern, an event number), never from the verifier's output.
@Suite struct ShardVerificationTests {
    /// A value no other column of `batch(events:)` holds, exact in float32.
    static let marker: Float = 4321.25

    /// `n` events, each with two tracks whose px is `marker` and two clusters; `modify`
    /// changes single events before they are stored.
    static func batch(events n: Int, modify: (Int, inout ReconstructedEvent) -> Void = { _, _ in }) -> EventBatch {
        var batch = EventBatch()
        for i in 0..<n {
            let x = Double(i)
            let tracks = (0..<2).map { k in
                Track(charge: k == 0 ? 1 : -1, momentum: ThreeVector(x: Double(marker), y: 0.25 * Double(k), z: 1 + x * 1e-3),
                      vertex: ThreeVector(x: 0, y: 0, z: 0.5), muonID: 0.75, clusterEnergy: 0.125)
            }
            let clusters = (0..<2).map { k in
                Cluster(energy: 0.5 + 0.25 * Double(k), theta: 1, phi: 0.5, time: 0.25, trackMatched: k == 0)
            }
            var event = ReconstructedEvent(eventID: Int64(i), weight: 0.5, extraEnergy: 0.0625, tracks: tracks,
                                           clusters: clusters,
                                           particles: [Particle(pdg: 13, momentum: FourVector(e: 6, px: 1, py: 2, pz: 3))])
            modify(i, &event)
            batch.append(event)
        }
        return batch
    }

    static func write(_ url: URL, _ batch: EventBatch, options: EventFileOptions = EventFileOptions(chunkRows: 256)) throws {
        let writer = try EventFileWriter(destination: url, options: options)
        try writer.append(batch)
        try writer.finish(metadata: TestSupport.metadata(events: batch.count))
    }

    func expectRefusal(_ path: String, naming fragments: [String]) {
        do {
            try ShardVerifier.verify(path: path)
            Issue.record("\(path) verified, but it is damaged")
        } catch {
            let message = "\(error)"
            #expect(message.contains(path), "the message names the file: \(message)")
            for f in fragments { #expect(message.contains(f), "the message mentions \(f): \(message)") }
            #expect(!message.contains("\n"), "one line: \(message)")
        }
    }

    @Test func anIntactShardVerifies() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("ok.h5")
        try Self.write(url, Self.batch(events: 1000))
        let report = try ShardVerifier.verify(path: url.path)
        #expect(report.events == 1000)
        // Every column of the five tables plus the four offsets arrays (EventSchema).
        let expected = EventSchema.tables.reduce(0) { $0 + $1.columns.count + ($1.jagged ? 1 : 0) }
        #expect(report.datasets == expected)
        // 1000 events, 2000 tracks at 256 rows a chunk: the tracks columns alone have 8 chunks each.
        #expect(report.chunks >= 12 * 8)
    }

    @Test func flippedChunkBytesAreRefusedNamingTheDataset() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("flip.h5")
        // Uncompressed and unshuffled, so tracks/px's values appear verbatim in the file.
        try Self.write(url, Self.batch(events: 1000), options: EventFileOptions(chunkRows: 256, compressionLevel: 0))
        var data = try Data(contentsOf: url)
        let pattern = Data((0..<16).flatMap { _ in withUnsafeBytes(of: Self.marker.bitPattern.littleEndian) { Array($0) } })
        let at = try #require(data.range(of: pattern)).lowerBound
        // Still a valid file to the schema reader: only a value of tracks/px changes.
        data[at + 4 * 7 + 1] ^= 0x5A
        try data.write(to: url)
        _ = try EventFileReader(path: url.path)
        expectRefusal(url.path, naming: ["dataset /tracks/px", "Fletcher-32 checksum mismatch"])
    }

    @Test func nanInAFloatColumnIsRefusedNamingTheColumnAndRow() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two clusters per event: event 17's second cluster is row 2 * 17 + 1 = 35.
        let url = dir.appendingPathComponent("nan.h5")
        try Self.write(url, Self.batch(events: 600) { i, e in if i == 17 { e.clusters[1].energy = .nan } })
        expectRefusal(url.path, naming: ["dataset /clusters/energy", "row 35", "nan", "NaN and infinity"])

        // Infinity in a float32 column written as such (tracks/vz), row 2 * 300 = 600.
        let inf = dir.appendingPathComponent("inf.h5")
        try Self.write(inf, Self.batch(events: 600) { i, e in if i == 300 { e.tracks[0].vertex.z = .infinity } })
        expectRefusal(inf.path, naming: ["dataset /tracks/vz", "row 600", "inf"])
    }

    @Test func negativeOrNonFiniteWeightsAreRefused() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let negative = dir.appendingPathComponent("neg.h5")
        try Self.write(negative, Self.batch(events: 300) { i, e in if i == 5 { e.weight = -0.5 } })
        expectRefusal(negative.path, naming: ["dataset /events/weight", "row 5", "-0.5", "finite and >= 0"])
        let nan = dir.appendingPathComponent("nanw.h5")
        try Self.write(nan, Self.batch(events: 300) { i, e in if i == 299 { e.weight = .nan } })
        expectRefusal(nan.path, naming: ["dataset /events/weight", "row 299"])
    }

    @Test func aDatasetWithoutTheChecksumFilterIsRefused() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("nofletcher.h5")
        // Through the low-level layer: every dataset as production writes it, except
        // events/extra_energy, created without HDF5's Fletcher-32 filter.
        let file = try HDF5File.create(path: url.path)
        let batch = Self.batch(events: 50)
        for stored in batch.storedTables() {
            try file.createGroup(stored.spec.name)
            if let o = stored.offsets {
                try file.createColumn("\(stored.spec.name)/offsets", type: .int64, chunkRows: 16, compressionLevel: 1)
                try file.append("\(stored.spec.name)/offsets", .int64(o))
            }
            for c in stored.spec.columns {
                let data = stored.columns[c.name]!
                let checksummed = !(stored.spec.name == "events" && c.name == "extra_energy")
                try file.createColumn("\(stored.spec.name)/\(c.name)", type: data.type, chunkRows: 16, compressionLevel: 1,
                                      fletcher32: checksummed)
                try file.append("\(stored.spec.name)/\(c.name)", data)
            }
        }
        try TestSupport.metadata(events: 50).write(to: file)
        try file.close()
        // The schema reader accepts it and reads every value (what `store check` did before).
        let reader = try EventFileReader(path: url.path)
        try reader.verifyAllChunks()
        expectRefusal(url.path, naming: ["dataset /events/extra_energy", "no Fletcher-32 checksum filter", "regenerate"])
    }

    @Test func registerRefusesACorruptFileAndRegistersNothing() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.h5"), bad = dir.appendingPathComponent("bad.h5")
        try Self.write(good, Self.batch(events: 400))
        try Self.write(bad, Self.batch(events: 400) { i, e in if i == 3 { e.tracks[1].momentum.z = .nan } })
        let database = try ProvenanceDatabase(path: dir.appendingPathComponent("db.sqlite").path)
        let catalog = SampleCatalog(database: database)
        do {
            try catalog.register(paths: [good.path, bad.path])
            Issue.record("a file with NaN in tracks/pz was registered")
        } catch {
            #expect("\(error)".contains("dataset /tracks/pz"))
        }
        #expect(try database.samples().isEmpty)
        // The good one alone registers.
        #expect(try catalog.register(paths: [good.path]).count == 1)
    }

    @Test func catalogVerifyChecksBothTheFileAndItsHash() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("s.h5")
        try Self.write(url, Self.batch(events: 100))
        let catalog = SampleCatalog(database: try ProvenanceDatabase(path: dir.appendingPathComponent("db.sqlite").path))
        #expect(try catalog.verify(path: url.path).entry == nil)
        try catalog.register(paths: [url.path])
        #expect(try catalog.verify(path: url.path).entry != nil)
        // The fingerprint is the file's SHA-256 as coreutils computes it.
        let sha = Process()
        sha.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sha.arguments = [url.path]
        let pipe = Pipe()
        sha.standardOutput = pipe
        try sha.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sha.waitUntilExit()
        #expect(try ShardVerifier.fingerprint(path: url.path) == String(out.prefix(64)))
    }
}
