/// Row offsets of a jagged table: event i owns rows offsets[i] ..< offsets[i + 1].
///
/// Storing offsets beside flat columns (rather than arrays of arrays) keeps every column
/// contiguous, so a cut over all tracks of a chunk is one pass over one array.
public struct JaggedOffsets: Sendable, Equatable {
    public private(set) var values: [Int64]

    public init() { values = [0] }

    /// Wraps stored offsets; they must start at 0 and never decrease.
    public init(validating values: [Int64]) throws {
        guard let first = values.first, first == 0 else {
            throw EventModelError.invalidOffsets("offsets must start at 0")
        }
        for i in 1..<values.count where values[i] < values[i - 1] {
            throw EventModelError.invalidOffsets("offsets decrease at entry \(i)")
        }
        self.values = values
    }

    public var eventCount: Int { values.count - 1 }
    public var rowCount: Int { Int(values[values.count - 1]) }

    @inlinable
    public func rows(ofEvent i: Int) -> Range<Int> { Int(values[i])..<Int(values[i + 1]) }

    @inlinable
    public func count(ofEvent i: Int) -> Int { Int(values[i + 1] - values[i]) }

    /// Closes the current event after `rows` rows were appended to the columns.
    public mutating func closeEvent(rowsAdded rows: Int) {
        values.append(values[values.count - 1] + Int64(rows))
    }

    public mutating func reserveCapacity(_ n: Int) { values.reserveCapacity(n + 1) }

    /// Appends end offsets (relative to the start of these rows' table, i.e. already
    /// cumulative) for several events at once.
    mutating func appendEnds(_ ends: UnsafeBufferPointer<Int64>) {
        values.append(contentsOf: ends)
    }

    /// Back to no events, keeping the storage (for buffers refilled batch after batch).
    public mutating func removeAll(keepingCapacity: Bool = true) {
        values.removeAll(keepingCapacity: keepingCapacity)
        values.append(0)
    }

    /// Offsets of `other` appended after these (its rows shifted by our row count).
    public mutating func append(contentsOf other: JaggedOffsets) {
        let shift = values[values.count - 1]
        values.append(contentsOf: other.values.dropFirst().map { $0 + shift })
    }

    /// Offsets for events `range`, rebased to start at 0.
    public func slice(_ range: Range<Int>) -> JaggedOffsets {
        let base = values[range.lowerBound]
        var out = JaggedOffsets()
        out.values = values[range.lowerBound...range.upperBound].map { $0 - base }
        return out
    }
}

public enum EventModelError: Error, CustomStringConvertible, Equatable {
    case invalidOffsets(String)
    case missingColumn(table: String, column: String)
    case wrongType(table: String, column: String, expected: ColumnType, found: ColumnType)
    case lengthMismatch(table: String, column: String, expected: Int, found: Int)

    public var description: String {
        switch self {
        case .invalidOffsets(let why): return "invalid jagged offsets: \(why)"
        case let .missingColumn(t, c): return "column '\(t)/\(c)' is missing; the file does not follow event schema v\(EventSchema.version)"
        case let .wrongType(t, c, e, f): return "column '\(t)/\(c)' has type \(f), expected \(e)"
        case let .lengthMismatch(t, c, e, f): return "column '\(t)/\(c)' has \(f) rows, expected \(e)"
        }
    }
}
