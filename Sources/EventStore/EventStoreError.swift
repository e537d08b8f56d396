import EventModel

/// Everything that can go wrong reading or writing an event file, each naming the file
/// and what to do about it.
public enum EventStoreError: Error, CustomStringConvertible {
    case fileNotFound(path: String)
    case notHDF5(path: String)
    case unreadable(path: String, detail: String)
    case missingTable(path: String, table: String)
    case missingColumn(path: String, table: String, column: String)
    case wrongType(path: String, table: String, column: String, expected: ColumnType, found: String)
    case lengthMismatch(path: String, table: String, column: String, expected: Int, found: Int)
    case missingAttribute(path: String, attribute: String)
    case schemaVersion(path: String, found: Int, supported: ClosedRange<Int>)
    case invalidContent(path: String, detail: String)
    case unwritableDirectory(path: String, detail: String)
    case alreadyExists(path: String)
    case writeFailed(path: String, detail: String)
    case checksumMismatch(path: String, expected: String, found: String)
    /// A dataset written without HDF5's Fletcher-32 filter: its chunks cannot prove their integrity.
    case missingChecksumFilter(path: String, dataset: String)
    /// A chunk whose checksum, compression stream or size is wrong, or that is absent.
    case corruptChunk(path: String, dataset: String, chunk: Int, rows: Range<Int>, reason: String)
    /// A value the schema forbids (NaN/inf in a finite-only column, a negative weight,
    /// offsets that do not start at 0 or decrease).
    case forbiddenValue(path: String, dataset: String, row: Int, value: String, rule: String)

    public var description: String {
        switch self {
        case .fileNotFound(let p):
            return "\(p): no such file; check the path or run `darksector generate` to create samples"
        case .notHDF5(let p):
            return "\(p): not an HDF5 file (no HDF5 signature); event files are written by `darksector generate`"
        case let .unreadable(p, d):
            return "\(p): cannot be read (\(d)); the file is probably truncated or corrupt, regenerate it"
        case let .missingTable(p, t):
            return "\(p): table '\(t)' is missing; the file does not follow event schema v\(EventSchema.version)"
        case let .missingColumn(p, t, c):
            return "\(p): column '\(t)/\(c)' is missing; the file does not follow event schema v\(EventSchema.version)"
        case let .wrongType(p, t, c, e, f):
            return "\(p): column '\(t)/\(c)' has dtype \(f), expected \(e.rawValue); rewrite it with the schema's type"
        case let .lengthMismatch(p, t, c, e, f):
            return "\(p): column '\(t)/\(c)' has \(f) rows, expected \(e); the file is inconsistent, regenerate it"
        case let .missingAttribute(p, a):
            return "\(p): attribute '\(a)' is missing; every sample file records it (see Sources/EventStore/README.md)"
        case let .schemaVersion(p, f, s):
            return "\(p): event schema version \(f), this DarkSector reads versions \(s.lowerBound)-\(s.upperBound); regenerate the file with `darksector generate`"
        case let .invalidContent(p, d):
            return "\(p): \(d)"
        case let .unwritableDirectory(p, d):
            return "\(p): cannot write here (\(d)); choose another --out directory or fix its permissions"
        case .alreadyExists(let p):
            return "\(p): already exists; remove it first or write elsewhere (nothing was overwritten)"
        case let .writeFailed(p, d):
            return "\(p): write failed (\(d)); nothing was left at the destination"
        case let .checksumMismatch(p, e, f):
            return "\(p): SHA-256 \(f) differs from the catalog's \(e); the file changed after it was registered"
        case let .missingChecksumFilter(p, d):
            return "file \(p): dataset \(d) has no Fletcher-32 checksum filter, so its integrity cannot be verified; regenerate the shard with `darksector generate`"
        case let .corruptChunk(p, d, c, r, why):
            return "file \(p): dataset \(d) chunk \(c) (rows \(r.lowerBound)..<\(r.upperBound)): \(why); the file is corrupt, delete and regenerate the shard"
        case let .forbiddenValue(p, d, row, v, rule):
            return "file \(p): dataset \(d) row \(row) is \(v), but \(rule); the shard is corrupt or was written by a bug, regenerate it"
        }
    }
}
