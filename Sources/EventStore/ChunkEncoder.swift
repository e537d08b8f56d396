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
///
/// Whole chunks inside an appended column are encoded straight from the caller's array; only
/// rows that do not fill a chunk are copied, once, into the pending buffer.
final class ChunkedColumn {
    let name: String
    let elementSize: Int
    let chunkRows: Int
    let shuffled: Bool
    let deflateLevel: Int
    /// Whether chunks end with HDF5's Fletcher-32 checksum (always, except in tests that
    /// make the files the verifier refuses).
    let fletcher32: Bool
    /// Rows that do not fill a chunk yet (fewer than `chunkRows`), `pendingBytes` of them used.
    private var pending: UnsafeMutableRawPointer?
    private var pendingBytes = 0
    /// Rows already handed out as chunks (always a multiple of `chunkRows` until the final flush).
    private(set) var rowsWritten = 0

    init(name: String, type: ColumnType, chunkRows: Int, deflateLevel: Int, fletcher32: Bool = true) {
        self.fletcher32 = fletcher32
        self.name = name
        self.elementSize = type.byteWidth
        self.chunkRows = chunkRows
        self.shuffled = deflateLevel > 0 && type.byteWidth > 1
        self.deflateLevel = deflateLevel
    }

    deinit { if let p = pending { BufferPool.shared.give(p, byteCount: chunkBytes) } }

    var chunkBytes: Int { chunkRows * elementSize }

    /// Appends `data` and hands out every chunk it completes, in row order.
    func add(_ data: ColumnData, into chunks: inout [RawChunk]) {
        let total = data.count * elementSize
        guard total > 0 else { return }
        var consumed = 0
        // First top up the pending rows to a whole chunk.
        if pendingBytes > 0 {
            let n = min(chunkBytes - pendingBytes, total)
            data.withUnsafeRawPointer { (pending! + pendingBytes).copyMemory(from: $0, byteCount: n) }
            pendingBytes += n
            consumed = n
            if pendingBytes == chunkBytes { chunks.append(takePending(rows: chunkRows)) }
        }
        // Whole chunks straight from the caller's storage.
        while total - consumed >= chunkBytes {
            chunks.append(RawChunk(column: self, firstRow: rowsWritten, rows: chunkRows,
                                   source: .slice(data, byteOffset: consumed)))
            rowsWritten += chunkRows
            consumed += chunkBytes
        }
        // The rest waits for the next append.
        if consumed < total {
            if pending == nil { pending = BufferPool.shared.take(byteCount: chunkBytes) }
            let n = total - consumed
            data.withUnsafeRawPointer { (pending! + pendingBytes).copyMemory(from: $0 + consumed, byteCount: n) }
            pendingBytes += n
        }
    }

    /// The last partial chunk, padded with zeros, if any rows are pending.
    func takeFinal(into chunks: inout [RawChunk]) {
        guard pendingBytes > 0 else { return }
        (pending! + pendingBytes).initializeMemory(as: UInt8.self, repeating: 0, count: chunkBytes - pendingBytes)
        chunks.append(takePending(rows: pendingBytes / elementSize))
    }

    private func takePending(rows: Int) -> RawChunk {
        let chunk = RawChunk(column: self, firstRow: rowsWritten, rows: rows, source: .owned(OwnedBytes(pending!, byteCount: chunkBytes)))
        rowsWritten += rows
        pending = nil
        pendingBytes = 0
        return chunk
    }
}

/// A chunk-sized buffer from the pool that goes back to it.
final class OwnedBytes: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    let byteCount: Int
    init(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        self.pointer = pointer
        self.byteCount = byteCount
    }
    deinit { BufferPool.shared.give(pointer, byteCount: byteCount) }
}

/// Reuses chunk-sized buffers. Fresh multi-megabyte allocations are mapped pages that fault
/// (and are zeroed by the kernel) on first touch, which cost as much as shuffling them.
final class BufferPool: @unchecked Sendable {
    static let shared = BufferPool()
    private let lock = NSLock()
    private var free: [Int: [UnsafeMutableRawPointer]] = [:]
    /// Buffers kept per size; enough for every core's scratch, output and a pending chunk.
    private let keep = 3 * ProcessInfo.processInfo.activeProcessorCount + 4

    func take(byteCount: Int) -> UnsafeMutableRawPointer {
        lock.lock()
        if let p = free[byteCount]?.popLast() {
            lock.unlock()
            return p
        }
        lock.unlock()
        return .allocate(byteCount: max(byteCount, 1), alignment: 16)
    }

    func give(_ p: UnsafeMutableRawPointer, byteCount: Int) {
        lock.lock()
        if free[byteCount, default: []].count < keep {
            free[byteCount, default: []].append(p)
            lock.unlock()
            return
        }
        lock.unlock()
        p.deallocate()
    }
}

/// One chunk's values on their way to the file.
struct RawChunk: @unchecked Sendable {
    enum Source {
        /// Rows copied out of the pending buffer.
        case owned(OwnedBytes)
        /// `chunkBytes` bytes of a caller's column starting at `byteOffset` (no copy).
        case slice(ColumnData, byteOffset: Int)
    }

    let column: ChunkedColumn
    let firstRow: Int
    /// Rows of real data (less than chunkRows only for the final chunk).
    let rows: Int
    let source: Source

    func withBytes<R>(_ body: (UnsafeRawPointer) -> R) -> R {
        switch source {
        case .owned(let b): return body(UnsafeRawPointer(b.pointer))
        case .slice(let data, let offset): return data.withUnsafeRawPointer { body($0 + offset) }
        }
    }

    /// Encodes chunks on all cores and hands each encoded chunk to `write` in the order of
    /// `chunks`, as soon as it and all before it are encoded: writing (serial, under the HDF5
    /// lock) overlaps with the encoding of later chunks. `write` is called on one thread at a
    /// time, possibly not the caller's. The first error stops further writes and is rethrown.
    static func encodeAndWrite(_ chunks: [RawChunk],
                               write: (RawChunk, UnsafeRawBufferPointer) throws -> Void) throws {
        guard !chunks.isEmpty else { return }
        let commit = OrderedCommit(count: chunks.count)
        withoutActuallyEscaping(write) { write in
            let writer = UncheckedWriter(write: write)
            DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
                let encoded = commit.failed ? nil : chunks[i].encode()
                var ready = commit.complete(i, encoded)
                while !ready.isEmpty {
                    for (k, buffer) in ready {
                        guard let buffer else {
                            commit.fail(EventStoreError.writeFailed(path: chunks[k].column.name,
                                                                    detail: "compressing a chunk failed"))
                            continue
                        }
                        if !commit.failed {
                            do {
                                try writer.write(chunks[k], UnsafeRawBufferPointer(start: buffer.pointer, count: buffer.count))
                            } catch {
                                commit.fail(error)
                            }
                        }
                        BufferPool.shared.give(buffer.pointer, byteCount: buffer.capacity)
                    }
                    ready = commit.next()
                }
            }
        }
        if let error = commit.error { throw error }
    }

    private func encode() -> EncodedBuffer? {
        let c = column
        let capacity = ds_encoded_bound(c.chunkBytes)
        // Uninitialised (pooled) buffers: the encoder writes every byte it reports, nothing else is read.
        let scratch = BufferPool.shared.take(byteCount: c.chunkBytes)
        defer { BufferPool.shared.give(scratch, byteCount: c.chunkBytes) }
        let out = BufferPool.shared.take(byteCount: capacity)
        let size = withBytes { src in
            ds_encode_chunk(src.assumingMemoryBound(to: UInt8.self), c.chunkBytes, c.elementSize, c.shuffled ? 1 : 0,
                            Int32(c.deflateLevel), c.fletcher32 ? 1 : 0, scratch.assumingMemoryBound(to: UInt8.self),
                            out.assumingMemoryBound(to: UInt8.self), capacity)
        }
        guard size > 0 else {
            BufferPool.shared.give(out, byteCount: capacity)
            return nil
        }
        return EncodedBuffer(pointer: out, count: size, capacity: capacity)
    }
}

/// An encoded chunk's bytes (returned to the pool by whoever writes it).
struct EncodedBuffer: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    let count: Int
    let capacity: Int
}

private struct UncheckedWriter: @unchecked Sendable {
    let write: (RawChunk, UnsafeRawBufferPointer) throws -> Void
}

/// Hands finished chunks to a single writer in index order.
///
/// Workers report each encoded chunk; the first worker to find the next chunk in order ready
/// becomes the writer and drains every consecutive ready chunk (`next()`), while the others
/// go back to encoding. The order, and so the file, does not depend on timing.
private final class OrderedCommit: @unchecked Sendable {
    private let lock = NSLock()
    private var done: [EncodedBuffer?]
    private var isDone: [Bool]
    private var nextToWrite = 0
    private var writing = false
    private var firstError: Error?

    init(count: Int) {
        done = Array(repeating: nil, count: count)
        isDone = Array(repeating: false, count: count)
    }

    var failed: Bool { lock.lock(); defer { lock.unlock() }; return firstError != nil }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return firstError }

    func fail(_ e: Error) { lock.lock(); if firstError == nil { firstError = e }; lock.unlock() }

    /// Records chunk `i`; returns the chunks the caller must now write (empty unless it
    /// becomes the writer).
    func complete(_ i: Int, _ buffer: EncodedBuffer?) -> [(Int, EncodedBuffer?)] {
        lock.lock(); defer { lock.unlock() }
        done[i] = buffer
        isDone[i] = true
        if writing { return [] }
        let ready = takeReady()
        if !ready.isEmpty { writing = true }
        return ready
    }

    /// Called by the writer after writing what it was given: more ready chunks, or empty
    /// (and the writer role is released).
    func next() -> [(Int, EncodedBuffer?)] {
        lock.lock(); defer { lock.unlock() }
        let ready = takeReady()
        if ready.isEmpty { writing = false }
        return ready
    }

    private func takeReady() -> [(Int, EncodedBuffer?)] {
        var ready: [(Int, EncodedBuffer?)] = []
        while nextToWrite < done.count && isDone[nextToWrite] {
            ready.append((nextToWrite, done[nextToWrite]))
            done[nextToWrite] = nil
            nextToWrite += 1
        }
        return ready
    }
}
