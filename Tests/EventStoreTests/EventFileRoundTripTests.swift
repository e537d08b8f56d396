import EventModel
import Foundation
import Testing
@testable import EventStore

@Suite struct EventFileRoundTripTests {
    @Test func writeInBatchesReadInOtherChunks() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let parts = [TestSupport.batch(events: 37), TestSupport.batch(events: 50, firstID: 37), TestSupport.batch(events: 13, firstID: 87)]
        let url = try TestSupport.writeFile(dir.appendingPathComponent("a.h5"), batches: parts)
        let whole = TestSupport.batch(events: 100)

        let reader = try EventFileReader(path: url.path)
        #expect(reader.eventCount == 100)
        #expect(reader.metadata == TestSupport.metadata(events: 100))
        #expect(try reader.read(events: 0..<100) == whole)

        // Streaming in chunks of 9 reproduces every event with rebased offsets.
        var seen = 0
        try reader.forEachBatch(size: 9) { batch in
            for i in 0..<batch.count { #expect(batch.event(at: i) == whole.event(at: seen + i)) }
            seen += batch.count
        }
        #expect(seen == 100)
    }

    @Test func noTemporaryFileIsLeftAndNothingIsOverwritten() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("b.h5")
        try TestSupport.writeFile(url, batches: [TestSupport.batch(events: 5)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["b.h5"])
        let before = try Data(contentsOf: url)
        #expect(throws: EventStoreError.self) { try TestSupport.writeFile(url, batches: [TestSupport.batch(events: 9)]) }
        #expect(try Data(contentsOf: url) == before)

        // An abandoned writer (a killed run) leaves nothing behind.
        do {
            let writer = try EventFileWriter(destination: dir.appendingPathComponent("c.h5"))
            try writer.append(TestSupport.batch(events: 3))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["b.h5"])
    }

    @Test func sameInputGivesBitIdenticalFiles() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try TestSupport.writeFile(dir.appendingPathComponent("x.h5"), batches: [TestSupport.batch(events: 40)])
        let b = try TestSupport.writeFile(dir.appendingPathComponent("y.h5"), batches: [TestSupport.batch(events: 40)])
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test func dataFilesWithoutTruthAreReadable() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("data.h5")
        let writer = try EventFileWriter(destination: url, options: EventFileOptions(chunkRows: 8, includeTruth: false))
        try writer.append(TestSupport.batch(events: 20))
        try writer.finish(metadata: TestSupport.metadata(events: 20, conditions: "data"))
        let reader = try EventFileReader(path: url.path)
        #expect(!reader.tables.contains { $0.name == "mc_particles" })
        let batch = try reader.read(events: 0..<20)
        #expect(batch.particles.rowCount == 0)
        #expect(batch.tracks == TestSupport.batch(events: 20).tracks)
    }
}
