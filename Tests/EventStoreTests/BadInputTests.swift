import EventModel
import Foundation
import Testing
@testable import EventStore

/// Every way a user can hand us a bad file gets an error that names the file and the thing.
@Suite struct BadInputTests {
    func expectError(_ path: String, containing fragments: [String], _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected an error for \(path)")
        } catch {
            let message = "\(error)"
            #expect(message.contains(path), "message should name the file: \(message)")
            for f in fragments { #expect(message.contains(f), "message should mention \(f): \(message)") }
        }
    }

    @Test func missingFile() {
        expectError("/nonexistent/x.h5", containing: ["no such file"]) { _ = try EventFileReader(path: "/nonexistent/x.h5") }
    }

    @Test func nonHDF5File() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("text.h5").path
        try Data("process,weight\nmumu,1\n".utf8).write(to: URL(fileURLWithPath: path))
        expectError(path, containing: ["not an HDF5 file"]) { _ = try EventFileReader(path: path) }
    }

    @Test func truncatedFile() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try TestSupport.writeFile(dir.appendingPathComponent("full.h5"), batches: [TestSupport.batch(events: 400)])
        let data = try Data(contentsOf: url)
        let cut = dir.appendingPathComponent("cut.h5")
        try data.prefix(data.count * 2 / 3).write(to: cut)
        expectError(cut.path, containing: ["truncated or corrupt"]) {
            let reader = try EventFileReader(path: cut.path)
            try reader.verifyAllChunks()
        }
    }

    @Test func corruptedChunkIsCaughtByTheChecksum() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try TestSupport.writeFile(dir.appendingPathComponent("flip.h5"), batches: [TestSupport.batch(events: 2000)],
                                            options: EventFileOptions(chunkRows: 256, compressionLevel: 0))
        var data = try Data(contentsOf: url)
        // Flip bytes in the middle of the raw data (uncompressed, so this hits column values);
        // at three places, so that a change of the layout (schema v3 added a column whose
        // free space fell in the middle) still lands in a chunk.
        for start in [data.count * 2 / 5, data.count / 2, data.count * 3 / 5] {
            for i in stride(from: start, to: start + 64, by: 1) { data[i] ^= 0xFF }
        }
        try data.write(to: url)
        expectError(url.path, containing: ["corrupt"]) {
            let reader = try EventFileReader(path: url.path)
            try reader.verifyAllChunks()
        }
    }

    /// Writes a file whose `tracks/px` is missing or of the wrong type, using the low-level layer.
    func writeMalformed(_ url: URL, pxType: ColumnType?) throws {
        let file = try HDF5File.create(path: url.path)
        let batch = TestSupport.batch(events: 10)
        for stored in batch.storedTables() {
            try file.createGroup(stored.spec.name)
            if let o = stored.offsets {
                try file.createColumn("\(stored.spec.name)/offsets", type: .int64, chunkRows: 8, compressionLevel: 1)
                try file.append("\(stored.spec.name)/offsets", .int64(o))
            }
            for c in stored.spec.columns {
                var data = stored.columns[c.name]!
                if stored.spec.name == "tracks" && c.name == "px" {
                    guard let t = pxType else { continue }
                    if t == .float64 { data = .float64(data.asDoubles) }
                }
                try file.createColumn("\(stored.spec.name)/\(c.name)", type: data.type, chunkRows: 8, compressionLevel: 1)
                try file.append("\(stored.spec.name)/\(c.name)", data)
            }
        }
        try TestSupport.metadata(events: 10).write(to: file)
        try file.close()
    }

    @Test func missingColumn() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("nopx.h5")
        try writeMalformed(url, pxType: nil)
        expectError(url.path, containing: ["tracks/px", "missing"]) { _ = try EventFileReader(path: url.path) }
    }

    @Test func wrongDtype() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A version 2 file (schema float32) with a float64 px.
        let url = dir.appendingPathComponent("f64.h5")
        try writeMalformed(url, pxType: .float64)
        expectError(url.path, containing: ["tracks/px", "float64", "expected float32"]) { _ = try EventFileReader(path: url.path) }
    }

    @Test func unwritableOutputDirectory() throws {
        let dir = TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A path below a regular file can never be a directory, even for root.
        let blocker = dir.appendingPathComponent("blocker")
        try Data().write(to: blocker)
        let target = blocker.appendingPathComponent("sub/out.h5")
        expectError(blocker.path, containing: ["cannot write here"]) { _ = try EventFileWriter(destination: target) }
        #expect(try Data(contentsOf: blocker).isEmpty)
    }
}
