import Analysis
import EventStore
import Foundation
import Provenance

/// The event files of a samples directory (e.g. Samples/demo), split into simulation and
/// pseudo-data by their own metadata (`conditions`), never by path.
///
/// Opening a samples directory proves what it holds before any stage reads it: each file is
/// verified (`ShardVerifier`: checksum filter on every dataset, every chunk's Fletcher-32,
/// no NaN/inf where the schema forbids them), its SHA-256 is computed (and compared with the
/// catalog's where the catalog knows the file),
/// and the same shard twice (the same bytes, or the same process, conditions and shard
/// index in two files, e.g. a copy in a subfolder) is refused rather than counted twice.
/// The fingerprints are what a validation records and an unblinding compares.
public struct SampleSet {
    public let directory: String
    public let mc: [EventFileReader]
    public let data: [EventFileReader]
    /// Fingerprints of every shard (simulation and data), in file order.
    public let fingerprints: [ShardFingerprint]

    public init(directory: String, catalog: ProvenanceDatabase? = nil) throws {
        self.directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PipelineError.noSamples(directory: directory)
        }
        var paths: [String] = []
        if let e = FileManager.default.enumerator(atPath: directory) {
            for case let p as String in e where p.hasSuffix(".h5") { paths.append((directory as NSString).appendingPathComponent(p)) }
        }
        let readers = try paths.sorted().map { try EventFileReader(path: $0) }
        let prints = try ConcurrentMap.map(each: readers) { reader -> ShardFingerprint in
            do { _ = try ShardVerifier.verify(path: reader.path) } catch {
                throw PipelineError.corruptShard(path: reader.path, reason: "\(error); regenerate it with `darksector generate` into the same folder")
            }
            return try ShardFingerprint.of(reader)
        }
        try Self.refuseDuplicates(prints)
        if let catalog { try Self.checkCatalog(prints, catalog: catalog) }
        mc = readers.filter { $0.metadata.conditions == "mc" }
        data = readers.filter { $0.metadata.conditions == "data" }
        fingerprints = prints
    }

    /// Fingerprints of the simulation and data shards a stage reads.
    public var readFingerprints: [ShardFingerprint] { fingerprints.filter { $0.conditions == "mc" || $0.conditions == "data" } }

    /// Processes present in simulation and in data.
    public var mcProcesses: Set<String> { Set(mc.map(\.metadata.process)) }
    public var dataProcesses: Set<String> { Set(data.map(\.metadata.process)) }

    static func refuseDuplicates(_ prints: [ShardFingerprint]) throws {
        var byHash: [String: ShardFingerprint] = [:], byShard: [String: ShardFingerprint] = [:]
        for f in prints {
            if let other = byHash[f.sha256] {
                throw PipelineError.duplicateShard(first: other.path, second: f.path, reason: "identical contents (sha256 \(f.sha256.prefix(12)))")
            }
            let key = "\(f.process)/\(f.conditions)/\(f.shardIndex)"
            if let other = byShard[key] {
                throw PipelineError.duplicateShard(first: other.path, second: f.path, reason: "both are \(f.process)/\(f.conditions) shard \(f.shardIndex)")
            }
            byHash[f.sha256] = f
            byShard[key] = f
        }
    }

    /// A shard the catalog knows must still have the catalog's SHA-256.
    static func checkCatalog(_ prints: [ShardFingerprint], catalog: ProvenanceDatabase) throws {
        for f in prints {
            let absolute = URL(fileURLWithPath: f.path).standardizedFileURL.path
            guard let record = try catalog.sample(path: f.path) ?? catalog.sample(path: absolute) else { continue }
            guard record.sha256 == f.sha256 else {
                throw PipelineError.corruptShard(path: f.path, reason: "its SHA-256 \(f.sha256.prefix(12)) differs from the catalog's \(record.sha256.prefix(12)) (changed since it was produced); regenerate it with `darksector generate` into the same folder")
            }
        }
    }

    /// `process/conditions shard path` lines for the report's provenance.
    public var catalogLines: [String] {
        (mc + data).map { "\($0.metadata.process)/\($0.metadata.conditions) shard \($0.metadata.shardIndex): \($0.path)" }
    }
}
