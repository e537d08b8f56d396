import Foundation

/// Reads a text file line by line through a fixed-size buffer, so that a generator file of
/// any size is read in bounded memory (the whole point of streaming event by event).
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`; the consumed part is dropped before each refill,
    /// so no line costs a copy of the buffer.
    private var cursor = 0
    private var atEnd = false
    private let chunkSize = 1 << 16
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(handle: FileHandle) {
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its terminator, nil at the end of the file.
    func next() throws -> String? {
        var searchFrom = cursor
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > cursor && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[cursor..<end], as: UTF8.self)
                cursor = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard cursor < buffer.count else { return nil }
                let line = String(decoding: buffer[cursor...], as: UTF8.self)
                cursor = buffer.count
                lineNumber += 1
                return line
            }
            buffer.removeSubrange(0..<cursor)
            cursor = 0
            searchFrom = buffer.count
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
