/// An error in a detector conditions file, naming the file and the key path.
///
/// Conditions decide every efficiency and resolution of the simulated detector, so a typo
/// must stop the run with a message a physicist can act on, e.g.
/// `Conditions/mc.yaml: tracking.momentum_resolution.a: must be >= 0, got -0.1`.
public struct DetectorConditionsError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The file could not be read.
        case unreadable(String)
        /// The YAML parser rejected the text.
        case malformedYAML(String)
        /// A key the schema needs is absent.
        case missingKey
        /// A key the schema does not know (often a typo).
        case unknownKey
        /// A key appears twice in the same mapping.
        case duplicateKey
        /// A figure without a `source:` string.
        case missingSource
        /// The value has the wrong shape (e.g. a string where a number is expected).
        case wrongType(expected: String)
        /// The value violates a constraint such as `must be >= 0`.
        case outOfRange(constraint: String, got: String)
        /// `purpose:` differs from the conditions set the caller asked for.
        case wrongPurpose(expected: String, got: String)
    }

    public let file: String
    public let keyPath: String
    public let kind: Kind

    public init(file: String, keyPath: String, kind: Kind) {
        self.file = file
        self.keyPath = keyPath
        self.kind = kind
    }

    public var description: String {
        let what: String
        switch kind {
        case .unreadable(let reason): what = "cannot read file (\(reason))"
        case .malformedYAML(let reason): what = "malformed YAML: \(reason)"
        case .missingKey: what = "missing key"
        case .unknownKey: what = "unknown key (check the spelling against Conditions/mc.yaml)"
        case .duplicateKey: what = "duplicate key"
        case .missingSource: what = "every figure needs a `source:` string next to its `value:`"
        case .wrongType(let expected): what = "expected \(expected)"
        case .outOfRange(let constraint, let got): what = "\(constraint), got \(got)"
        case .wrongPurpose(let expected, let got):
            what = "expected purpose '\(expected)', file declares '\(got)'"
        }
        return keyPath.isEmpty ? "\(file): \(what)" : "\(file): \(keyPath): \(what)"
    }
}
