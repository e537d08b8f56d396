/// Errors of sample production, each naming the configuration file and key.
public enum ProductionError: Error, CustomStringConvertible, Equatable {
    case malformedYAML(file: String, detail: String)
    case unknownKey(file: String, key: String, allowed: [String])
    case missingKey(file: String, key: String)
    case invalidValue(file: String, key: String, detail: String)
    case unknownProcess(file: String, key: String, name: String)
    case shardMismatch(path: String, detail: String)

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
        }
    }
}
