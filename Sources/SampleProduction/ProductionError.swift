/// Errors of sample production, each naming the configuration file and key.
public enum ProductionError: Error, CustomStringConvertible, Equatable {
    case malformedYAML(file: String, detail: String)
    case unknownKey(file: String, key: String, allowed: [String])
    case missingKey(file: String, key: String)
    case invalidValue(file: String, key: String, detail: String)
    case unknownProcess(file: String, key: String, name: String)
    case shardMismatch(path: String, detail: String)
    /// Another `darksector generate` holds the output folder's lock.
    case outputInUse(directory: String, pid: Int32?)
    case lockFailed(directory: String, detail: String)
    /// The production's estimated size crosses a sanity bound (and `--force` was not given).
    case tooLarge(estimate: String, bound: String, overridable: Bool)
    /// `generate --shards A:B` beyond the production plan's shards.
    case invalidShardRange(range: String, shards: Int)

    public var description: String {
        switch self {
        case let .malformedYAML(f, d):
            return "\(f): malformed YAML (\(d)); fix the syntax"
        case let .unknownKey(f, k, allowed):
            return "\(f): unknown key '\(k)'; allowed here: \(allowed.sorted().joined(separator: ", "))"
        case let .missingKey(f, k):
            return "\(f): missing key '\(k)'"
        case let .invalidValue(f, k, d):
            return "\(f): \(k): \(d)"
        case let .unknownProcess(f, k, n):
            return "\(f): \(k): unknown process '\(n)'; known: mumu, tautau, ee, gammagamma, eemumu, eeee"
        case let .shardMismatch(p, d):
            return "\(p): an existing shard does not match this configuration (\(d)); remove it or choose another --out"
        case let .outputInUse(d, pid):
            return "output folder \(d) is in use by another darksector generate (pid \(pid.map(String.init) ?? "unknown")); wait for it or choose another --out"
        case let .lockFailed(d, detail):
            return "output folder \(d): cannot take the producer lock (\(detail)); choose another --out or fix its permissions"
        case let .tooLarge(estimate, bound, overridable):
            return "refusing to start: \(estimate); \(bound)"
                + (overridable ? "; lower --lumi or the configuration's sizes, or pass --force if this is really meant"
                               : "; lower --lumi or the configuration's sizes (--force cannot override this)")
        case let .invalidShardRange(range, shards):
            return "--shards \(range): the production plan has \(shards) shards (0:\(shards)); `darksector generate --plan --json` lists them"
        }
    }
}
