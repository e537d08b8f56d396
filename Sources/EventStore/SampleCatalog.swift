import Foundation
import Provenance

/// The catalog of sample shards: which files exist, what they hold, and their checksums,
/// kept in the provenance database so that results can name exactly the inputs they used.
public struct SampleCatalog: Sendable {
    public let database: ProvenanceDatabase

    public init(database: ProvenanceDatabase) {
        self.database = database
    }

    /// Verifies every shard (`ShardVerifier`: checksum filter, every chunk's checksum,
    /// forbidden values), checksums it and registers them all in one transaction. One
    /// corrupt file among several registers none of them: the catalog's SHA-256 is what
    /// later runs trust, so it must only ever be the hash of a verified file.
    @discardableResult
    public func register(paths: [String], runID: String? = nil) throws -> [SampleRecord] {
        let records = try paths.map { try Self.record(for: $0, runID: runID) }
        try database.register(samples: records)
        return records
    }

    /// The catalog row a file would get, computed from the file itself after
    /// `ShardVerifier.verify` has proved it intact (throws, naming file and dataset, if not).
    public static func record(for path: String, runID: String? = nil) throws -> SampleRecord {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let report = try ShardVerifier.verify(path: absolute)
        let m = report.metadata
        let size = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? NSNumber)?.int64Value ?? 0
        return SampleRecord(path: absolute, process: m.process, conditions: m.conditions, shardIndex: m.shardIndex,
                            events: Int64(report.events), generatedEvents: m.generatedEvents,
                            crossSectionFb: m.crossSectionFb, luminosityInvFb: m.luminosityInvFb,
                            seed: m.generatorSeed, filter: m.filter, sha256: try FileChecksum.sha256(path: absolute),
                            sizeBytes: size, codeVersion: m.codeVersion, runID: runID)
    }

    /// Everything known about a shard's integrity: `ShardVerifier.verify` on the file, then
    /// its SHA-256 against the catalog when the catalog has the path. Returns the catalog
    /// entry (nil when the file is not registered); throws naming the file and what failed.
    @discardableResult
    public func verify(path: String) throws -> (report: ShardVerificationReport, entry: SampleRecord?) {
        let report = try ShardVerifier.verify(path: path)
        return (report, try verifyChecksum(path: path))
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
