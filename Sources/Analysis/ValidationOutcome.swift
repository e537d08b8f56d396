import Crypto
import Foundation

/// The outcome of a validation run, tied to the search and the configuration it ran with;
/// what `Unblinding.authorise` demands.
///
/// Made by `ControlSampleValidator` (the initialiser is internal). An outcome decoded from a
/// file could still be edited by hand, so `Unblinding.authorise` also requires the provenance
/// database's record of the validation, whose digest must match this outcome's.
public struct ValidationOutcome: Sendable, Hashable, Codable {
    public let search: String
    public let configurationHash: String
    public let results: [ControlSampleResult]
    /// Every simulation and data shard the validation read, sorted: an unblinding must read
    /// exactly these (`ShardFingerprint.firstDifference`). Part of the digest.
    public let shards: [ShardFingerprint]
    init(search: String, configurationHash: String, results: [ControlSampleResult], shards: [ShardFingerprint] = []) {
        self.search = search
        self.configurationHash = configurationHash
        self.results = results
        self.shards = shards.sorted()
    }
    /// Passes when there is at least one control sample and every one passes.
    public var passed: Bool { !results.isEmpty && results.allSatisfy(\.passed) }
    public var failures: [String] { results.flatMap(\.failures) }

    /// SHA-256 of the outcome's canonical JSON (sorted keys; non-finite numbers as strings).
    public var digest: String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = (try? e.encode(self)) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
