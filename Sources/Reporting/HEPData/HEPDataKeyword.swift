/// A number or a string, as HEPData YAML allows for values, qualifiers and keywords.
public enum HEPDataScalar: Sendable, Codable, Equatable {
    case number(Double)
    case string(String)
}

extension HEPDataScalar: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

/// A table keyword; HEPData accepts the names `observables`, `reactions`, `cmenergies` and
/// `phrases`, which the static helpers spell out.
public struct HEPDataKeyword: Sendable, Codable, Equatable {
    public var name: String
    public var values: [HEPDataScalar]

    public init(name: String, values: [HEPDataScalar]) {
        self.name = name
        self.values = values
    }

    /// e.g. `["SIG", "LIMIT"]` (HEPData's observable vocabulary).
    public static func observables(_ v: [String]) -> HEPDataKeyword { .init(name: "observables", values: v.map { .string($0) }) }
    /// e.g. `["E+ E- --> MU+ MU- Z0'"]`.
    public static func reactions(_ v: [String]) -> HEPDataKeyword { .init(name: "reactions", values: v.map { .string($0) }) }
    /// Centre-of-mass energies **in GeV** (HEPData's convention: LHC records use 13000).
    public static func cmenergies(_ v: [Double]) -> HEPDataKeyword { .init(name: "cmenergies", values: v.map { .number($0) }) }
    /// Free phrases, e.g. `["Dark photon", "Upper limit"]`.
    public static func phrases(_ v: [String]) -> HEPDataKeyword { .init(name: "phrases", values: v.map { .string($0) }) }

    /// The Belle II / SuperKEKB Upsilon(4S) energy, sqrt(s) = 10.58 GeV.
    public static let belleIIEnergy = cmenergies([HEPDataQualifier.belleIISqrtSGeV])
}
