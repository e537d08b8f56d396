import CHDF5
import Dispatch
import EventModel
import Foundation

/// What a successful `ShardVerifier.verify` established about one shard.
public struct ShardVerificationReport: Sendable, Equatable {
    public let path: String
    public let metadata: SampleMetadata
    public let events: Int
    /// Datasets checked (every column and offsets array of every table present).
    public let datasets: Int
    /// Chunks whose Fletcher-32 checksum was recomputed and matched.
    public let chunks: Int
    /// Decoded bytes scanned for forbidden values.
    public let decodedBytes: Int
}

/// Proves that a shard is intact before anything uses it.
///
/// HDF5 verifies a chunk's Fletcher-32 only when the chunk is read, and only if the dataset
/// was written with the filter; a shard whose bytes were flipped, or that some other tool
/// wrote without checksums, opens and validates its schema without complaint, and NaN in a
/// physics column surfaces much later as a fit that does not converge. So the checks are
/// made once, up front, on the whole file:
///
/// - the schema (tables, columns, dtypes, lengths, attributes; `EventFileReader`);
/// - every dataset has the Fletcher-32 filter (a dataset without it is refused);
/// - every chunk is present, its checksum matches and it decompresses to its full size;
/// - no NaN or infinity in columns the schema marks finite-only
///   (`EventSchema.ColumnSpec.allowsNonFinite`), weights >= 0, offsets start at 0 and
///   never decrease.
///
/// It reads raw chunks under the HDF5 lock and decodes and scans them on all cores (the
/// same path as `ParallelChunkReader`), so it costs about one parallel read of the file.
public enum ShardVerifier {
    /// Verifies `path`; throws `EventStoreError` naming the file and the dataset (and chunk
    /// or row) of the first problem found.
    @discardableResult
    public static func verify(path: String) throws -> ShardVerificationReport {
        let reader = try EventFileReader(path: path)
        let version = Int(reader.metadata.schemaVersion)
        var datasets = 0, chunks = 0, bytes = 0
        for table in reader.tables {
            let rows = reader.rowCounts[table.name] ?? 0
            var items: [(name: String, type: ColumnType, rule: ValueRule, length: Int)] = []
            if table.jagged { items.append(("offsets", .int64, .offsets, reader.eventCount + 1)) }
            for column in table.columns(inVersion: version) {
                let type = column.storedType(inVersion: version)
                let rule: ValueRule
                if table.name == EventSchema.events.name && column.name == "weight" {
                    rule = .finiteNonNegative
                } else if type.isFloatingPoint && !column.allowsNonFinite {
                    rule = .finite
                } else {
                    rule = .none
                }
                items.append((column.name, type, rule, rows))
            }
            for item in items {
                let done = try verifyDataset(reader.file, path: path, name: "\(table.name)/\(item.name)",
                                             type: item.type, rule: item.rule, length: item.length)
                datasets += 1
                chunks += done.chunks
                bytes += done.bytes
            }
        }
        return ShardVerificationReport(path: path, metadata: reader.metadata, events: reader.eventCount,
                                       datasets: datasets, chunks: chunks, decodedBytes: bytes)
    }

    /// The shard's SHA-256 (what the sample catalog records); the same as
    /// `FileChecksum.sha256(path:)`.
    public static func fingerprint(path: String) throws -> String {
        try FileChecksum.sha256(path: path)
    }

    /// What values a dataset may hold beyond its dtype.
    enum ValueRule {
        case none, finite, finiteNonNegative, offsets
    }

    /// A problem found in one chunk: the first forbidden value, or a decode failure.
    private enum ChunkProblem {
        case decode(String)
        case value(row: Int, value: String, rule: String)
    }

    private static func verifyDataset(_ file: HDF5File, path: String, name: String, type: ColumnType,
                                      rule: ValueRule, length: Int) throws -> (chunks: Int, bytes: Int) {
        let display = "/" + name
        let (datasetID, layout) = try HDF5Library.withLock(file: path) { () throws -> (hid_t, ParallelChunkReader?) in
            let ds = try file.dataset(name)
            guard let dcpl = HDF5Handle(H5Dget_create_plist(ds.id), .propertyList) else {
                throw EventStoreError.unreadable(path: path, detail: "no creation properties for \(display)")
            }
            guard H5Pget_layout(dcpl.id) == H5D_CHUNKED, hasFletcher32(dcpl.id) else {
                throw EventStoreError.missingChecksumFilter(path: path, dataset: display)
            }
            return (ds.id, ParallelChunkReader.layout(of: ds.id))
        }
        guard length > 0 else { return (0, 0) }
        guard let layout else {
            // A filter pipeline the parallel decoder does not know (another writer's): HDF5
            // reads it, verifying the Fletcher-32 it has; then the values are scanned.
            let data = try file.read(name, as: type, range: 0..<length)
            let problem = data.withUnsafeRawPointer { scan($0, rows: 0..<length, type: type, rule: rule) }
            if case let .value(row, value, why)? = problem {
                throw EventStoreError.forbiddenValue(path: path, dataset: display, row: row, value: value, rule: why)
            }
            return (0, length * type.byteWidth)
        }
        let chunkRows = layout.chunkRows
        let chunkCount = (length + chunkRows - 1) / chunkRows
        let chunkBytes = chunkRows * type.byteWidth
        let group = max(4, 4 * ProcessInfo.processInfo.activeProcessorCount)
        var previousLastOffset: Int64? = nil
        var first = 0
        while first < chunkCount {
            let batch = first..<min(first + group, chunkCount)
            // Raw chunks, still filtered, fetched under the lock (the library is serial).
            let raw = try HDF5Library.withLock(file: path) { () throws -> [RawBytes] in
                var fetched: [RawBytes] = []
                fetched.reserveCapacity(batch.count)
                for c in batch {
                    var offset: [hsize_t] = [hsize_t(c * chunkRows)]
                    var size: hsize_t = 0
                    let rows = (c * chunkRows)..<min(length, (c + 1) * chunkRows)
                    guard H5Dget_chunk_storage_size(datasetID, &offset, &size) >= 0, size > 0 else {
                        throw EventStoreError.corruptChunk(path: path, dataset: display, chunk: c, rows: rows,
                                                           reason: "the chunk is missing from the file")
                    }
                    let bytes = RawBytes(count: Int(size))
                    var mask: UInt32 = 0
                    guard H5Dread_chunk(datasetID, ds_h5p_default(), &offset, &mask, bytes.pointer) >= 0 else {
                        throw EventStoreError.corruptChunk(path: path, dataset: display, chunk: c, rows: rows,
                                                           reason: "HDF5 cannot read it (\(HDF5Library.lastErrorMessage() ?? "unknown error"))")
                    }
                    guard mask == 0 else {
                        throw EventStoreError.corruptChunk(path: path, dataset: display, chunk: c, rows: rows,
                                                           reason: "it was stored with filters skipped (mask \(mask)), so its checksum is absent")
                    }
                    fetched.append(bytes)
                }
                return fetched
            }
            let problems = ProblemBox<ChunkProblem>(count: batch.count)
            let edges = EdgeBox(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: raw.count) { k in
                let c = batch.lowerBound + k
                let rows = (c * chunkRows)..<min(length, (c + 1) * chunkRows)
                let decoded = BufferPool.shared.take(byteCount: chunkBytes)
                let scratch = BufferPool.shared.take(byteCount: chunkBytes)
                defer {
                    BufferPool.shared.give(decoded, byteCount: chunkBytes)
                    BufferPool.shared.give(scratch, byteCount: chunkBytes)
                }
                let status = ds_decode_chunk(raw[k].pointer.assumingMemoryBound(to: UInt8.self), raw[k].count,
                                             layout.shuffled ? 1 : 0, layout.deflated ? 1 : 0, layout.fletcher32 ? 1 : 0,
                                             type.byteWidth, chunkBytes,
                                             scratch.assumingMemoryBound(to: UInt8.self),
                                             decoded.assumingMemoryBound(to: UInt8.self))
                guard status == 0 else {
                    let why = status == -1 ? "Fletcher-32 checksum mismatch"
                        : status == -2 ? "the compressed stream does not inflate" : "the chunk has the wrong size"
                    problems.set(k, .decode(why))
                    return
                }
                if rule == .offsets {
                    let p = decoded.assumingMemoryBound(to: Int64.self)
                    edges.set(k, first: p[0], last: p[rows.count - 1])
                }
                if let problem = scan(UnsafeRawPointer(decoded), rows: rows, type: type, rule: rule) {
                    problems.set(k, problem)
                }
            }
            for k in 0..<raw.count {
                let c = batch.lowerBound + k
                let rows = (c * chunkRows)..<min(length, (c + 1) * chunkRows)
                switch problems.value(k) {
                case .decode(let why)?:
                    throw EventStoreError.corruptChunk(path: path, dataset: display, chunk: c, rows: rows, reason: why)
                case let .value(row, value, why)?:
                    throw EventStoreError.forbiddenValue(path: path, dataset: display, row: row, value: value, rule: why)
                case nil:
                    break
                }
                if rule == .offsets, let (lo, hi) = edges.value(k) {
                    if c == 0 && lo != 0 {
                        throw EventStoreError.forbiddenValue(path: path, dataset: display, row: 0, value: "\(lo)",
                                                             rule: "offsets must start at 0")
                    }
                    if let prev = previousLastOffset, lo < prev {
                        throw EventStoreError.forbiddenValue(path: path, dataset: display, row: rows.lowerBound, value: "\(lo)",
                                                             rule: "offsets must not decrease (the row before holds \(prev))")
                    }
                    previousLastOffset = hi
                }
            }
            first = batch.upperBound
        }
        return (chunkCount, length * type.byteWidth)
    }

    private static func hasFletcher32(_ dcpl: hid_t) -> Bool {
        let count = H5Pget_nfilters(dcpl)
        guard count > 0 else { return false }
        for i in 0..<count {
            var flags: UInt32 = 0
            var nValues = 0
            var config: UInt32 = 0
            var name = [CChar](repeating: 0, count: 64)
            if H5Pget_filter2(dcpl, UInt32(i), &flags, &nValues, nil, 64, &name, &config) == 3 /* H5Z_FILTER_FLETCHER32 */ {
                return true
            }
        }
        return false
    }

    /// The first forbidden value among `rows` (the chunk's valid rows, starting at `base`).
    /// The loops only accumulate a flag, so that they vectorise; the position is searched
    /// for only when something was found.
    private static func scan(_ base: UnsafeRawPointer, rows: Range<Int>, type: ColumnType, rule: ValueRule) -> ChunkProblem? {
        let n = rows.count
        switch (rule, type) {
        case (.none, _):
            return nil
        case (.finite, .float32), (.finiteNonNegative, .float32):
            let bits = base.assumingMemoryBound(to: UInt32.self)
            var flag: UInt32 = 0
            for i in 0..<n { flag |= (bits[i] & 0x7fff_ffff) >= 0x7f80_0000 ? 1 : 0 }
            if rule == .finiteNonNegative { for i in 0..<n { flag |= (bits[i] >> 31) & ((bits[i] & 0x7fff_ffff) != 0 ? 1 : 0) } }
            guard flag != 0 else { return nil }
            let values = base.assumingMemoryBound(to: Float.self)
            for i in 0..<n where !values[i].isFinite || (rule == .finiteNonNegative && values[i] < 0) {
                return .value(row: rows.lowerBound + i, value: "\(values[i])", rule: ruleText(rule))
            }
            return nil
        case (.finite, .float64), (.finiteNonNegative, .float64):
            let bits = base.assumingMemoryBound(to: UInt64.self)
            var flag: UInt64 = 0
            for i in 0..<n { flag |= (bits[i] & 0x7fff_ffff_ffff_ffff) >= 0x7ff0_0000_0000_0000 ? 1 : 0 }
            if rule == .finiteNonNegative {
                for i in 0..<n { flag |= (bits[i] >> 63) & ((bits[i] & 0x7fff_ffff_ffff_ffff) != 0 ? 1 : 0) }
            }
            guard flag != 0 else { return nil }
            let values = base.assumingMemoryBound(to: Double.self)
            for i in 0..<n where !values[i].isFinite || (rule == .finiteNonNegative && values[i] < 0) {
                return .value(row: rows.lowerBound + i, value: "\(values[i])", rule: ruleText(rule))
            }
            return nil
        case (.offsets, .int64):
            let v = base.assumingMemoryBound(to: Int64.self)
            var flag = false
            for i in 1..<max(1, n) { flag = flag || v[i] < v[i - 1] }
            guard flag else { return nil }
            for i in 1..<n where v[i] < v[i - 1] {
                return .value(row: rows.lowerBound + i, value: "\(v[i])",
                              rule: "offsets must not decrease (the row before holds \(v[i - 1]))")
            }
            return nil
        default:
            return nil
        }
    }

    private static func ruleText(_ rule: ValueRule) -> String {
        switch rule {
        case .finiteNonNegative: return "event weights must be finite and >= 0"
        default: return "the event schema forbids NaN and infinity in this column"
        }
    }
}

extension ColumnType {
    var isFloatingPoint: Bool { self == .float32 || self == .float64 }
}

/// One raw chunk's bytes, freed when the last reference goes.
private final class RawBytes: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    let count: Int
    init(count: Int) {
        self.count = count
        pointer = .allocate(byteCount: max(count, 1), alignment: 16)
    }
    deinit { pointer.deallocate() }
}

/// Per-chunk problems found by the workers (each writes its own slot).
private final class ProblemBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ v: T) { lock.lock(); values[k] = v; lock.unlock() }
    func value(_ k: Int) -> T? { lock.lock(); defer { lock.unlock() }; return values[k] }
}

/// First and last offset of each chunk, to check that offsets never decrease across chunks.
private final class EdgeBox: @unchecked Sendable {
    private let box: ProblemBox<(Int64, Int64)>
    init(count: Int) { box = ProblemBox(count: count) }
    func set(_ k: Int, first: Int64, last: Int64) { box.set(k, (first, last)) }
    func value(_ k: Int) -> (Int64, Int64)? { box.value(k) }
}
