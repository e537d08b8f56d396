import CHDF5
import Dispatch
import Foundation

/// Reads a range of a chunked 1-D dataset by fetching the raw (still filtered) chunks under
/// the HDF5 lock and decoding them on all cores outside it.
///
/// HDF5's serial library decompresses inside `H5Dread`, one chunk after another, and the
/// library is not thread-safe, so decoding is the bottleneck of every read; moving it out of
/// the library lets a read use every core. Only the event store's own pipeline (shuffle,
/// deflate, Fletcher-32, each optional, in that order) is decoded here; anything else falls
/// back to `H5Dread`.
struct ParallelChunkReader {
    let chunkRows: Int
    let shuffled: Bool
    let deflated: Bool
    let fletcher32: Bool

    /// The dataset's layout if it is one this reader decodes, nil otherwise.
    static func layout(of dataset: hid_t) -> ParallelChunkReader? {
        guard let dcpl = HDF5Handle(H5Dget_create_plist(dataset), .propertyList),
              H5Pget_layout(dcpl.id) == H5D_CHUNKED else { return nil }
        var dims: [hsize_t] = [0]
        guard H5Pget_chunk(dcpl.id, 1, &dims) == 1, dims[0] > 0 else { return nil }
        let count = H5Pget_nfilters(dcpl.id)
        var filters: [Int32] = []
        for i in 0..<count {
            var flags: UInt32 = 0
            var nValues = 0
            var config: UInt32 = 0
            var name = [CChar](repeating: 0, count: 64)
            filters.append(H5Pget_filter2(dcpl.id, UInt32(i), &flags, &nValues, nil, 64, &name, &config))
        }
        // Allowed: an ordered subsequence of [shuffle (2), deflate (1), fletcher32 (3)].
        let order: [Int32] = [2, 1, 3]
        var position = 0
        for f in filters {
            guard let at = order[position...].firstIndex(of: f) else { return nil }
            position = at + 1
        }
        return ParallelChunkReader(chunkRows: Int(dims[0]), shuffled: filters.contains(2),
                                   deflated: filters.contains(1), fletcher32: filters.contains(3))
    }

    /// Reads `range` into `destination` (which has room for `range.count` elements).
    /// `lock` wraps every HDF5 call; returns false if a chunk could not be fetched raw
    /// (e.g. never written), so the caller can fall back to `H5Dread`.
    func read(dataset: hid_t, elementSize: Int, range: Range<Int>, into destination: UnsafeMutableRawPointer,
              lock: (() -> Bool) -> Bool) throws -> Bool {
        let firstChunk = range.lowerBound / chunkRows
        let lastChunk = (range.upperBound - 1) / chunkRows
        let chunkBytes = chunkRows * elementSize
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let group = max(2 * workers, 4)
        var chunk = firstChunk
        while chunk <= lastChunk {
            let batch = chunk..<min(chunk + group, lastChunk + 1)
            var raw: [[UInt8]] = []
            let fetched = lock {
                for c in batch {
                    var offset: [hsize_t] = [hsize_t(c * chunkRows)]
                    var size: hsize_t = 0
                    guard H5Dget_chunk_storage_size(dataset, &offset, &size) >= 0, size > 0 else { return false }
                    var bytes = [UInt8](repeating: 0, count: Int(size))
                    var mask: UInt32 = 0
                    let status = bytes.withUnsafeMutableBytes {
                        H5Dread_chunk(dataset, ds_h5p_default(), &offset, &mask, $0.baseAddress)
                    }
                    guard status >= 0, mask == 0 else { return false }
                    raw.append(bytes)
                }
                return true
            }
            guard fetched else { return false }
            let failures = ChunkFailures()
            let rawChunks = raw
            // Each worker writes a disjoint slice of the destination.
            let target = UncheckedPointer(base: destination)
            DispatchQueue.concurrentPerform(iterations: rawChunks.count) { k in
                let c = batch.lowerBound + k
                let chunkStart = c * chunkRows
                let lo = max(range.lowerBound, chunkStart), hi = min(range.upperBound, chunkStart + chunkRows)
                let decoded = UnsafeMutableRawPointer.allocate(byteCount: chunkBytes, alignment: 16)
                let scratch = UnsafeMutableRawPointer.allocate(byteCount: chunkBytes, alignment: 16)
                defer { decoded.deallocate(); scratch.deallocate() }
                let status = rawChunks[k].withUnsafeBytes { src in
                    ds_decode_chunk(src.baseAddress!.assumingMemoryBound(to: UInt8.self), src.count,
                                    shuffled ? 1 : 0, deflated ? 1 : 0, fletcher32 ? 1 : 0, elementSize, chunkBytes,
                                    scratch.assumingMemoryBound(to: UInt8.self), decoded.assumingMemoryBound(to: UInt8.self))
                }
                guard status == 0 else {
                    failures.record(c, status)
                    return
                }
                (target.base + (lo - range.lowerBound) * elementSize)
                    .copyMemory(from: decoded + (lo - chunkStart) * elementSize, byteCount: (hi - lo) * elementSize)
            }
            if let (c, status) = failures.first {
                let why = status == -1 ? "Fletcher-32 checksum mismatch" : status == -2 ? "inflate failed" : "chunk size mismatch"
                throw ChunkDecodeError(chunk: c, reason: why)
            }
            chunk = batch.upperBound
        }
        return true
    }
}

struct ChunkDecodeError: Error {
    let chunk: Int
    let reason: String
}

/// The first chunk that failed to decode, from any worker.
private final class ChunkFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Int, Int32)?
    var first: (Int, Int32)? { lock.lock(); defer { lock.unlock() }; return value }
    func record(_ chunk: Int, _ status: Int32) { lock.lock(); if value == nil { value = (chunk, status) }; lock.unlock() }
}

/// A pointer handed to workers that write disjoint parts of one buffer.
private struct UncheckedPointer: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
}
