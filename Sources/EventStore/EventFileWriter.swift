import EventModel
import Foundation

/// Tunables of the on-disk layout.
public struct EventFileOptions: Sendable {
    /// Rows per HDF5 chunk; reads and writes move whole chunks, so this trades memory for speed.
    public var chunkRows: Int
    /// Deflate level (0 = off). Level 1 keeps writes fast; higher levels gain little on floats.
    public var compressionLevel: Int
    /// Keep the generator truth table (`mc_particles`); off for pseudo-data.
    public var includeTruth: Bool

    public init(chunkRows: Int = 65_536, compressionLevel: Int = 1, includeTruth: Bool = true) {
        self.chunkRows = chunkRows
        self.compressionLevel = compressionLevel
        self.includeTruth = includeTruth
    }
}

/// Writes one sample shard: batches are appended as they are produced, and the file appears
/// at its destination only when `finish` succeeds (written under a temporary name in the same
/// directory, then renamed), so a killed run never leaves a half-written shard behind.
public final class EventFileWriter {
    public let destination: URL
    private let temporary: URL
    private let options: EventFileOptions
    private var file: HDF5File?
    private var eventCount = 0
    /// Row counts so far per jagged table, to shift the offsets of later batches.
    private var rowCounts: [String: Int64] = [:]
    private let tables: [EventSchema.TableSpec]
    /// Whether `events/weight` comes separately (`appendWeights`), and how much of it came.
    private var weightsDeferred = false
    private var weightsWritten = 0

    public init(destination: URL, options: EventFileOptions = EventFileOptions()) throws {
        self.destination = destination
        self.options = options
        self.tables = EventSchema.tables.filter { options.includeTruth || !$0.monteCarloOnly }
        let directory = destination.deletingLastPathComponent()
        try Self.prepareDirectory(directory)
        if FileManager.default.fileExists(atPath: destination.path) {
            throw EventStoreError.alreadyExists(path: destination.path)
        }
        temporary = directory.appendingPathComponent(
            ".\(destination.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        let f = try HDF5File.create(path: temporary.path)
        file = f
        do {
            for table in tables {
                try f.createGroup(table.name)
                // Every dataset carries its unit and description from the schema (`units`,
                // `description`: fixed strings, so files stay bit-identical for a seed).
                if let offsets = table.offsets {
                    try f.createColumn("\(table.name)/offsets", type: .int64, chunkRows: options.chunkRows,
                                       compressionLevel: options.compressionLevel,
                                       attributes: ColumnAttributes(offsets).stored)
                    try f.append("\(table.name)/offsets", .int64([0]))
                    rowCounts[table.name] = 0
                }
                for column in table.columns {
                    try f.createColumn("\(table.name)/\(column.name)", type: column.type,
                                       chunkRows: options.chunkRows, compressionLevel: options.compressionLevel,
                                       attributes: ColumnAttributes(column).stored)
                }
            }
        } catch {
            abandon()
            throw naming(error)
        }
    }

    /// Creates the directory if needed and checks that we may write into it.
    static func prepareDirectory(_ directory: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw EventStoreError.unwritableDirectory(path: directory.path, detail: "it is a file, not a directory")
            }
        } else {
            do {
                try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw EventStoreError.unwritableDirectory(path: directory.path, detail: "cannot create it: \(error.localizedDescription)")
            }
        }
        guard fm.isWritableFile(atPath: directory.path) else {
            throw EventStoreError.unwritableDirectory(path: directory.path, detail: "permission denied")
        }
    }

    deinit { abandon() }

    /// Appends a batch; its jagged offsets are rebased onto what is already in the file.
    public func append(_ batch: EventBatch) throws {
        try append(batch, deferringWeights: false)
    }

    /// Appends a batch; with `deferringWeights` its `events/weight` column is left out and
    /// must be supplied for every event with `appendWeights` before `finish`. A production
    /// normalises weights only when a shard is complete; deferring the one column lets it
    /// write (and reuse) each batch as it is made instead of holding the whole shard.
    /// After the call the file holds no reference to the batch's arrays.
    public func append(_ batch: EventBatch, deferringWeights: Bool) throws {
        try append(storedTables: batch.storedTables(), events: batch.count, deferringWeights: deferringWeights)
    }

    /// Appends `events` events given as stored tables (schema types, offsets from 0), as
    /// `EventBatchBuilder.flushStoredTables` makes them without an intermediate batch.
    public func append(storedTables: [StoredTable], events: Int, deferringWeights: Bool) throws {
        guard let f = file else { throw EventStoreError.writeFailed(path: destination.path, detail: "writer already finished") }
        guard events > 0 else { return }
        if deferringWeights { weightsDeferred = true }
        do {
            var items: [(String, ColumnData)] = []
            for stored in storedTables where tables.contains(where: { $0.name == stored.spec.name }) {
                let name = stored.spec.name
                if let offsets = stored.offsets {
                    let shift = rowCounts[name] ?? 0
                    items.append(("\(name)/offsets", .int64(offsets.dropFirst().map { $0 + shift })))
                    rowCounts[name] = shift + (offsets.last ?? 0)
                }
                for column in stored.spec.columns {
                    if deferringWeights && name == EventSchema.events.name && column.name == "weight" { continue }
                    guard let data = stored.columns[column.name] else {
                        throw EventStoreError.missingColumn(path: destination.path, table: name, column: column.name)
                    }
                    guard data.type == column.type else {
                        throw EventStoreError.writeFailed(path: destination.path,
                                                          detail: "\(name)/\(column.name) is \(data.type.rawValue), the schema says \(column.type.rawValue)")
                    }
                    items.append(("\(name)/\(column.name)", data))
                }
            }
            // One call, so that all columns' chunks are compressed in parallel.
            try f.append(items)
            eventCount += events
        } catch {
            abandon()
            throw naming(error)
        }
    }

    public var eventsWritten: Int { eventCount }

    /// The `events/weight` column left out by `append(_:deferringWeights: true)`, in event
    /// order (may be called several times; together they must cover every event).
    public func appendWeights(_ weights: [Double]) throws {
        guard let f = file else { throw EventStoreError.writeFailed(path: destination.path, detail: "writer already finished") }
        do {
            try f.append([("\(EventSchema.events.name)/weight", .float64(weights))])
            weightsWritten += weights.count
        } catch {
            abandon()
            throw naming(error)
        }
    }

    /// Writes the metadata, closes the file, and moves it to its destination atomically.
    public func finish(metadata: SampleMetadata) throws {
        guard let f = file else { throw EventStoreError.writeFailed(path: destination.path, detail: "writer already finished") }
        do {
            if weightsDeferred && weightsWritten != eventCount {
                throw EventStoreError.writeFailed(path: destination.path,
                                                  detail: "\(weightsWritten) deferred weights for \(eventCount) events")
            }
            try metadata.write(to: f)
            try f.close()
            file = nil
            if FileManager.default.fileExists(atPath: destination.path) {
                throw EventStoreError.alreadyExists(path: destination.path)
            }
            guard rename(temporary.path, destination.path) == 0 else {
                throw EventStoreError.writeFailed(path: destination.path, detail: String(cString: strerror(errno)))
            }
        } catch {
            abandon()
            throw naming(error)
        }
    }

    /// A write error as the user should see it: about the shard they asked for, not the
    /// hidden temporary name (which `abandon` has just removed).
    private func naming(_ error: Error) -> Error {
        if case let EventStoreError.writeFailed(path, detail) = error, path == temporary.path {
            return EventStoreError.writeFailed(path: destination.path, detail: detail)
        }
        return error
    }

    /// Drops the temporary file; the destination is never touched.
    public func abandon() {
        if let f = file {
            f.discard()
            file = nil
        }
        try? FileManager.default.removeItem(at: temporary)
    }
}
