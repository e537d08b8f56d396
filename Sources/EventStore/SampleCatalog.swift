import Foundation
import Provenance

/// The catalog of sample shards: which files exist, what they hold, and their checksums,
/// kept in the provenance database so that results can name exactly the inputs they used.
public struct SampleCatalog: Sendable {
    public let database: ProvenanceDatabase

    public init(database: ProvenanceDatabase) {
        self.database = database
    }

    /// Reads a finished shard's metadata, checksums it and registers it (one transaction per call).
    @discardableResult
    public func register(paths: [String], runID: String? = nil) throws -> [SampleRecord] {
        let records = try paths.map { try Self.record(for: $0, runID: runID) }
        try database.register(samples: records)
        return records
    }

    /// The catalog row a file would get, computed from the file itself.
    public static func record(for path: String, runID: String? = nil) throws -> SampleRecord {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let reader = try EventFileReader(path: absolute)
        let m = reader.metadata
        let size = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? NSNumber)?.int64Value ?? 0
        return SampleRecord(path: absolute, process: m.process, conditions: m.conditions, shardIndex: m.shardIndex,
                            events: Int64(reader.eventCount), generatedEvents: m.generatedEvents,
                            crossSectionFb: m.crossSectionFb, luminosityInvFb: m.luminosityInvFb,
                            seed: m.generatorSeed, filter: m.filter, sha256: try FileChecksum.sha256(path: absolute),
                            sizeBytes: size, codeVersion: m.codeVersion, runID: runID)
    }

    /// Verifies a file against its catalog entry, if it has one.
    /// Returns nil when the file is not in the catalog.
    public func verifyChecksum(path: String) throws -> SampleRecord? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let entry = try database.sample(path: absolute) else { return nil }
        let actual = try FileChecksum.sha256(path: absolute)
        guard actual == entry.sha256 else {
            throw EventStoreError.checksumMismatch(path: absolute, expected: entry.sha256, found: actual)
        }
        return entry
    }
}
