import EventModel
import Foundation

/// Reads one sample shard, validated against the event schema when opened, in chunks of
/// events so that a selection never holds a whole sample in memory.
public final class EventFileReader {
    public let path: String
    public let metadata: SampleMetadata
    /// Events in the file.
    public let eventCount: Int
    /// Rows per table (events for `events`, rows for jagged tables).
    public let rowCounts: [String: Int]
    /// Tables present (data files have no `mc_particles`).
    public let tables: [EventSchema.TableSpec]
    let file: HDF5File

    public init(path: String) throws {
        self.path = path
        file = try HDF5File.openReadOnly(path: path)
        metadata = try SampleMetadata.read(from: file)
        var present: [EventSchema.TableSpec] = []
        var counts: [String: Int] = [:]
        var events = 0
        for table in EventSchema.tables {
            guard file.exists(table.name) else {
                if table.monteCarloOnly { continue }
                throw EventStoreError.missingTable(path: path, table: table.name)
            }
            present.append(table)
            var expectedRows: Int
            if table.jagged {
                let offsetsInfo = try Self.checkedInfo(file, path, table.name, "offsets", .int64)
                if table.name != EventSchema.events.name, offsetsInfo.length != events + 1 {
                    throw EventStoreError.lengthMismatch(path: path, table: table.name, column: "offsets",
                                                         expected: events + 1, found: offsetsInfo.length)
                }
                guard case .int64(let last) = try file.read("\(table.name)/offsets", as: .int64,
                                                           range: (offsetsInfo.length - 1)..<offsetsInfo.length) else {
                    throw EventStoreError.unreadable(path: path, detail: "offsets of \(table.name)")
                }
                expectedRows = Int(last[0])
            } else {
                expectedRows = -1
            }
            for column in table.columns(inVersion: Int(metadata.schemaVersion)) {
                let info = try Self.checkedInfo(file, path, table.name, column.name,
                                                column.storedType(inVersion: Int(metadata.schemaVersion)))
                if expectedRows < 0 { expectedRows = info.length }
                guard info.length == expectedRows else {
                    throw EventStoreError.lengthMismatch(path: path, table: table.name, column: column.name,
                                                         expected: expectedRows, found: info.length)
                }
            }
            if table.name == EventSchema.events.name { events = expectedRows }
            counts[table.name] = expectedRows
        }
        eventCount = events
        rowCounts = counts
        tables = present
    }

    private static func checkedInfo(_ file: HDF5File, _ path: String, _ table: String, _ column: String,
                                    _ type: ColumnType) throws -> (type: ColumnType?, typeName: String, length: Int) {
        guard file.exists("\(table)/\(column)") else {
            throw EventStoreError.missingColumn(path: path, table: table, column: column)
        }
        let info = try file.columnInfo("\(table)/\(column)")
        guard info.type == type else {
            throw EventStoreError.wrongType(path: path, table: table, column: column, expected: type, found: info.typeName)
        }
        return info
    }

    /// Events `range` as a batch (offsets rebased to the batch).
    public func read(events range: Range<Int>) throws -> EventBatch {
        let schemaVersion = Int(metadata.schemaVersion)
        precondition(range.lowerBound >= 0 && range.upperBound <= eventCount, "event range outside the file")
        var stored: [String: StoredTable] = [:]
        for table in tables {
            var columns: [String: ColumnData] = [:]
            var rows = range
            var offsets: [Int64]? = nil
            if table.jagged {
                guard case .int64(let raw) = try file.read("\(table.name)/offsets", as: .int64,
                                                          range: range.lowerBound..<(range.upperBound + 1)) else {
                    throw EventStoreError.unreadable(path: path, detail: "offsets of \(table.name)")
                }
                let base = raw[0]
                offsets = raw.map { $0 - base }
                rows = Int(base)..<Int(raw[raw.count - 1])
            }
            for column in table.columns(inVersion: schemaVersion) {
                columns[column.name] = try file.read("\(table.name)/\(column.name)",
                                                     as: column.storedType(inVersion: schemaVersion), range: rows)
            }
            stored[table.name] = StoredTable(spec: table, columns: columns, offsets: offsets)
        }
        do {
            return try EventBatch(storedTables: stored)
        } catch let error as EventModelError {
            throw EventStoreError.invalidContent(path: path, detail: error.description)
        }
    }

    /// Calls `body` with consecutive batches of at most `size` events.
    public func forEachBatch(size: Int, _ body: (EventBatch) throws -> Void) throws {
        precondition(size > 0, "batch size must be positive")
        var start = 0
        while start < eventCount {
            let end = min(start + size, eventCount)
            try body(try read(events: start..<end))
            start = end
        }
    }

    /// Reads every chunk of every column once: HDF5 verifies each chunk's Fletcher-32
    /// checksum on the way, so this detects corruption anywhere in the file.
    public func verifyAllChunks(batchSize: Int = 262_144) throws {
        try forEachBatch(size: batchSize) { _ in }
    }
}
