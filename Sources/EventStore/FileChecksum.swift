import Crypto
import Foundation

/// SHA-256 of a whole file, streamed in blocks so that multi-GB shards need no memory.
public enum FileChecksum {
    public static func sha256(path: String, blockSize: Int = 4 << 20) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EventStoreError.fileNotFound(path: path)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let block: Data
            do {
                block = try handle.read(upToCount: blockSize) ?? Data()
            } catch {
                throw EventStoreError.unreadable(path: path, detail: error.localizedDescription)
            }
            if block.isEmpty { break }
            hasher.update(data: block)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
