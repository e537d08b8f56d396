import Foundation
import Provenance
import Testing
@testable import EventStore

@Suite struct SampleCatalogTests {
    @Test func registerAndVerifyChecksum() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try TestSupport.writeFile(dir.appendingPathComponent("s.h5"), batches: [TestSupport.batch(events: 30)])
        let catalog = SampleCatalog(database: try ProvenanceDatabase(path: dir.appendingPathComponent("db.sqlite").path))
        let records = try catalog.register(paths: [url.path])
        #expect(records.count == 1)
        #expect(records[0].events == 30 && records[0].process == "test_process" && records[0].shardIndex == 3)
        // SHA-256 is 64 hex digits and verifies.
        #expect(records[0].sha256.count == 64)
        #expect(try catalog.verifyChecksum(path: url.path)?.sha256 == records[0].sha256)

        // Touch one byte: the catalog notices.
        var data = try Data(contentsOf: url)
        data[data.count - 1] ^= 0x01
        try data.write(to: url)
        #expect(throws: EventStoreError.self) { try catalog.verifyChecksum(path: url.path) }
    }

    @Test func sha256KnownVector() throws {
        // FIPS 180-2 appendix B.1: SHA-256("abc").
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("abc").path
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try FileChecksum.sha256(path: path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
