import Crypto
import EventModel
import Foundation

/// One event file as a validation or an unblinding saw it: where it was, what it claims to
/// be, and the SHA-256 of its bytes.
///
/// Unblinding is bound to data through these: a validation records the fingerprints of every
/// simulation and data shard it read, and `--unblind` recomputes the fingerprints of what it
/// is about to read and refuses unless they are exactly the validated ones. Paths are kept
/// for the messages only; the comparison is by content (process, conditions, shard, SHA-256),
/// so moving a validated folder does not matter and swapping a file does.
public struct ShardFingerprint: Sendable, Hashable, Codable, Comparable {
    public let path: String
    public let process: String
    public let conditions: String
    public let shardIndex: Int
    public let sha256: String

    public init(path: String, process: String, conditions: String, shardIndex: Int, sha256: String) {
        self.path = path
        self.process = process
        self.conditions = conditions
        self.shardIndex = shardIndex
        self.sha256 = sha256
    }

    /// What identifies the shard's content, without its location.
    public var identity: String { "\(conditions)/\(process)/\(shardIndex)/\(sha256)" }
    public var label: String { "\(process)/\(conditions) shard \(shardIndex) (\(path), sha256 \(sha256.prefix(12)))" }

    public static func < (a: ShardFingerprint, b: ShardFingerprint) -> Bool { a.identity < b.identity }

    /// The fingerprint of an event source: the file's SHA-256 for an event file; for
    /// batches in memory (tests, signal produced on the fly) a SHA-256 of their description.
    public static func of(_ source: any EventSource) throws -> ShardFingerprint {
        let m = source.metadata
        let digest: String
        if let sha = try source.contentSHA256() {
            digest = sha
        } else {
            digest = SHA256.hash(data: Data("\(source.path)|\(m.process)|\(m.conditions)|\(m.shardIndex)|\(m.generatedEvents)|\(m.generatorSeed)".utf8))
                .map { String(format: "%02x", $0) }.joined()
        }
        return ShardFingerprint(path: source.path, process: m.process, conditions: m.conditions,
                                shardIndex: Int(m.shardIndex), sha256: digest)
    }

    /// The first difference between what was validated and what is about to be read, as a
    /// sentence; nil when the two sets are the same.
    public static func firstDifference(validated: [ShardFingerprint], current: [ShardFingerprint]) -> String? {
        let v = Dictionary(validated.map { ($0.identity, $0) }, uniquingKeysWith: { a, _ in a })
        let c = Dictionary(current.map { ($0.identity, $0) }, uniquingKeysWith: { a, _ in a })
        if let new = current.sorted().first(where: { v[$0.identity] == nil }) {
            return "\(new.label) was not part of the validation"
        }
        if let gone = validated.sorted().first(where: { c[$0.identity] == nil }) {
            return "validated shard \(gone.label) is not among the samples now"
        }
        if validated.count != current.count {
            return "the validation read \(validated.count) shards, the samples now hold \(current.count) (a shard is present twice)"
        }
        return nil
    }

    /// Sorted JSON array of fingerprints, as the provenance database stores them.
    public static func json(_ shards: [ShardFingerprint]) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return (try? e.encode(shards.sorted())).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
