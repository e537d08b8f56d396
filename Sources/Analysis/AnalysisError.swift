/// Every error a user of the analysis framework can cause, typed, with a message that names
/// the thing at fault (search, cut, observable, file and key) and what to do about it.
///
/// Configuration errors carry `file` and `key` so that a physicist editing a YAML file is
/// sent to the line that is wrong; errors raised from code (not from a file) use
/// `file: "<code>"`.
public enum AnalysisError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknownSearch(id: String, known: [String])
    case duplicateSearch(id: String)
    case unknownCut(name: String, search: String, file: String, key: String)
    case unknownObservable(name: String, search: String, file: String, key: String)
    case massOutOfRange(mass: Double, parameter: String, low: Double, high: Double, search: String, file: String, key: String)
    case emptySignalSample(process: String, detail: String)
    case invalidConfiguration(file: String, key: String, reason: String)
    case unreadableConfiguration(file: String, reason: String)
    case observableLength(search: String, observable: String, expected: Int, found: Int)
    case missingObservable(search: String, observable: String)
    case dataNotAllowed(path: String, reason: String)
    case notData(path: String)
    case unblindingRefused(search: String, reason: String)
    case interpolationOutOfRange(value: Double, low: Double, high: Double, what: String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .unknownSearch(id, known):
            return "unknown search '\(id)'; known searches: \(known.sorted().joined(separator: ", ")) (run `darksector list`)"
        case let .duplicateSearch(id):
            return "search id '\(id)' is registered twice; search ids must be unique"
        case let .unknownCut(name, search, file, key):
            return "\(file): key '\(key)': search '\(search)' has no cut named '\(name)'"
        case let .unknownObservable(name, search, file, key):
            return "\(file): key '\(key)': search '\(search)' has no observable named '\(name)'"
        case let .massOutOfRange(m, p, lo, hi, search, file, key):
            return "\(file): key '\(key)': \(p) = \(m) is outside the range [\(lo), \(hi)] of search '\(search)'"
        case let .emptySignalSample(process, detail):
            return "signal sample '\(process)' is empty: \(detail); generate it (darksector generate) or remove the mass point"
        case let .invalidConfiguration(file, key, reason):
            return "\(file): key '\(key)': \(reason)"
        case let .unreadableConfiguration(file, reason):
            return "\(file): cannot read configuration: \(reason)"
        case let .observableLength(search, obs, expected, found):
            return "search '\(search)' computed observable '\(obs)' with \(found) values for \(expected) events; observables must have one value per event (NaN where undefined)"
        case let .missingObservable(search, obs):
            return "search '\(search)' did not compute observable '\(obs)' that its selection or signal regions use"
        case let .dataNotAllowed(path, reason):
            return "\(path) holds data (conditions 'data'): \(reason); data are read only through BlindedData"
        case let .notData(path):
            return "\(path) is simulation (conditions 'mc'); BlindedData reads only data files"
        case let .unblindingRefused(search, reason):
            return "unblinding of '\(search)' refused: \(reason)"
        case let .interpolationOutOfRange(v, lo, hi, what):
            return "\(what): \(v) is outside the generated range [\(lo), \(hi)]; extrapolation is not allowed, generate a signal sample there"
        case let .invalidArgument(why):
            return why
        }
    }
}
