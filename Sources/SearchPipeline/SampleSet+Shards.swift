import Analysis
import EventStore
import Foundation
import Provenance

extension SampleSet {
    /// Only some shards of a samples directory (`files`, relative to it, e.g. one work unit
    /// of a production plan), proved as the whole-directory initialiser proves every file:
    /// verified, fingerprinted, compared with the catalog, no shard twice. A work unit of a
    /// fanned-out selection opens only its own shards, so it neither waits for nor reads the
    /// shards other jobs are still writing.
    public init(directory: String, files: [String], catalog: ProvenanceDatabase? = nil) throws {
        self.directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PipelineError.noSamples(directory: directory)
        }
        let paths = files.map { (directory as NSString).appendingPathComponent($0) }
        for p in paths where !FileManager.default.fileExists(atPath: p) {
            throw PipelineError.missingStageOutput(file: p, stage: "generate --shards")
        }
        let readers = try paths.sorted().map { try EventFileReader(path: $0) }
        let prints = try ConcurrentMap.map(each: readers) { reader -> ShardFingerprint in
            do { _ = try ShardVerifier.verify(path: reader.path) } catch {
                throw PipelineError.corruptShard(path: reader.path, reason: "\(error); regenerate it with `darksector generate --shards` into the same folder")
            }
            return try ShardFingerprint.of(reader)
        }
        try Self.refuseDuplicates(prints)
        if let catalog { try Self.checkCatalog(prints, catalog: catalog) }
        mc = readers.filter { $0.metadata.conditions == "mc" }
        data = readers.filter { $0.metadata.conditions == "data" }
        fingerprints = prints
    }
}
