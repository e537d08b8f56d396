import CHDF5
import Dispatch
import EventModel
import Foundation

/// Buffers one column's appended values into whole chunks and encodes them (shuffle,
/// deflate, Fletcher-32, exactly as HDF5's filters would) so that the file can take them
/// with `H5Dwrite_chunk`.
///
/// Compression is the expensive part of writing, and inside `H5Dwrite` it runs one chunk at
/// a time under the serial library's lock; encoding here lets chunks of different columns,
/// and of different shards written by parallel jobs, compress at the same time.
final class ChunkedColumn {
    let name: String
    let elementSize: Int
    let chunkRows: Int
    let shuffled: Bool
    let deflateLevel: Int
    private(set) var pending: [UInt8] = []
    /// Rows already handed to HDF5 (always a multiple of `chunkRows` until the final flush).
    private(set) var rowsWritten = 0

    init(name: String, type: ColumnType, chunkRows: Int, deflateLevel: Int) {
        self.name = name
        self.elementSize = type.byteWidth
        self.chunkRows = chunkRows
        self.shuffled = deflateLevel > 0 && type.byteWidth > 1
        self.deflateLevel = deflateLevel
    }

    var chunkBytes: Int { chunkRows * elementSize }

    func add(_ data: ColumnData) {
        data.withUnsafeRawPointer { pointer in
            let bytes = UnsafeRawBufferPointer(start: pointer, count: data.count * elementSize)
            pending.append(contentsOf: bytes)
        }
    }

    /// Whole chunks ready to encode; with `final`, also the last partial chunk padded with zeros.
    func takeChunks(final: Bool) -> [RawChunk] {
        var chunks: [RawChunk] = []
        var start = 0
        while pending.count - start >= chunkBytes {
            chunks.append(RawChunk(column: self, firstRow: rowsWritten, rows: chunkRows,
                                   bytes: Array(pending[start..<(start + chunkBytes)])))
            rowsWritten += chunkRows
            start += chunkBytes
        }
        if final && pending.count > start {
            var tail = Array(pending[start...])
            let rows = tail.count / elementSize
            tail.append(contentsOf: [UInt8](repeating: 0, count: chunkBytes - tail.count))
            chunks.append(RawChunk(column: self, firstRow: rowsWritten, rows: rows, bytes: tail))
            rowsWritten += rows
            start = pending.count
        }
        pending.removeFirst(start)
        return chunks
    }
}

/// One chunk's values on their way to the file.
struct RawChunk: @unchecked Sendable {
    let column: ChunkedColumn
    let firstRow: Int
    /// Rows of real data (less than chunkRows only for the final chunk).
    let rows: Int
    let bytes: [UInt8]
    var encoded: [UInt8] = []

    init(column: ChunkedColumn, firstRow: Int, rows: Int, bytes: [UInt8]) {
        self.column = column
        self.firstRow = firstRow
        self.rows = rows
        self.bytes = bytes
    }

    /// Encodes chunks on all cores.
    static func encodeAll(_ chunks: inout [RawChunk]) throws {
        guard !chunks.isEmpty else { return }
        let input = chunks
        let results = EncodedChunks(count: input.count)
        DispatchQueue.concurrentPerform(iterations: input.count) { i in
            results.set(i, input[i].encode())
        }
        for i in chunks.indices {
            guard let e = results.get(i) else {
                throw EventStoreError.writeFailed(path: chunks[i].column.name, detail: "compressing a chunk failed")
            }
            chunks[i].encoded = e
        }
    }

    private func encode() -> [UInt8]? {
        let c = column
        let capacity = ds_encoded_bound(c.chunkBytes)
        // Uninitialised buffers: the encoder writes every byte it reports, nothing else is read.
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: max(c.chunkBytes, 1))
        defer { scratch.deallocate() }
        var size = 0
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { dst, initialised in
            size = bytes.withUnsafeBufferPointer { src in
                ds_encode_chunk(src.baseAddress, c.chunkBytes, c.elementSize, c.shuffled ? 1 : 0, Int32(c.deflateLevel), 1,
                                scratch, dst.baseAddress, capacity)
            }
            initialised = size
        }
        return size > 0 ? out : nil
    }
}

private final class EncodedChunks: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[UInt8]?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: [UInt8]?) { lock.lock(); values[i] = v; lock.unlock() }
    func get(_ i: Int) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return values[i] }
}
