// The variables of a HEPData data file: headers, x values (points or bins), y values with
// their errors, and the qualifiers that say under which conditions a y column holds.

/// Name and units of a variable.
public struct HEPDataHeader: Sendable, Codable, Equatable {
    public var name: String
    public var units: String?

    public init(name: String, units: String? = nil) {
        self.name = name
        self.units = units
    }
}

/// One x value: a point, a bin `[low, high]` (optionally with a central value), or text.
public enum HEPDataIndependentValue: Sendable, Codable, Equatable {
    case value(Double)
    case bin(low: Double, high: Double, value: Double? = nil)
    case text(String)
}

public struct HEPDataIndependentVariable: Sendable, Codable, Equatable {
    public var header: HEPDataHeader
    public var values: [HEPDataIndependentValue]

    public init(header: HEPDataHeader, values: [HEPDataIndependentValue]) {
        self.header = header
        self.values = values
    }
}

/// A qualifier of a dependent variable, e.g. `CL: 90%` or `SQRT(S): 10.58 GeV`.
public struct HEPDataQualifier: Sendable, Codable, Equatable {
    public var name: String
    public var value: HEPDataScalar
    public var units: String?

    public init(name: String, value: HEPDataScalar, units: String? = nil) {
        self.name = name
        self.value = value
        self.units = units
    }

    public static let belleIISqrtSGeV = 10.58
    /// `SQRT(S) = 10.58 GeV`.
    public static let belleIISqrtS = HEPDataQualifier(name: "SQRT(S)", value: .number(belleIISqrtSGeV), units: "GeV")
    /// `CL = 90%` style qualifier from a fraction.
    public static func confidenceLevel(_ fraction: Double) -> HEPDataQualifier {
        let pct = fraction * 100
        let text = pct == pct.rounded() ? "\(Int(pct))%" : "\(pct)%"
        return HEPDataQualifier(name: "CL", value: .string(text))
    }
}

/// An uncertainty on a dependent value. `asymmetric` stores signed offsets as HEPData does:
/// `plus` is normally positive and `minus` negative.
public enum HEPDataError: Sendable, Codable, Equatable {
    case symmetric(Double, label: String? = nil)
    case asymmetric(plus: Double, minus: Double, label: String? = nil)
}

/// One y value; `nil` is written as HEPData's `'-'` (no value at this point).
public struct HEPDataDependentValue: Sendable, Codable, Equatable {
    public var value: HEPDataScalar?
    public var errors: [HEPDataError]

    public init(_ value: HEPDataScalar?, errors: [HEPDataError] = []) {
        self.value = value
        self.errors = errors
    }
}

public struct HEPDataDependentVariable: Sendable, Codable, Equatable {
    public var header: HEPDataHeader
    public var qualifiers: [HEPDataQualifier]
    public var values: [HEPDataDependentValue]

    public init(header: HEPDataHeader, qualifiers: [HEPDataQualifier] = [], values: [HEPDataDependentValue]) {
        self.header = header
        self.qualifiers = qualifiers
        self.values = values
    }
}
