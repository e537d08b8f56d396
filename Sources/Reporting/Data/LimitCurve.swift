/// An upper-limit curve versus mass: the expected median with its +-1 and +-2 sigma bands and,
/// only once the search is unblinded, the observed limit.
///
/// `observed` is optional on purpose: a blinded run must not be able to produce an observed
/// curve by accident, and every writer omits it (plot line, HEPData column) when absent.
public struct LimitCurve: Sendable, Codable, Equatable {
    /// Masses in GeV (x axis).
    public var massesGeV: [Double]
    public var expected: [Double]
    public var expectedMinus1Sigma: [Double]
    public var expectedPlus1Sigma: [Double]
    public var expectedMinus2Sigma: [Double]
    public var expectedPlus2Sigma: [Double]
    public var observed: [Double]?
    /// Name of the limited quantity, e.g. a coupling or a product of branching fractions.
    public var quantity: String
    /// Unit of the quantity (nil for dimensionless couplings).
    public var quantityUnit: String?
    /// Name of the mass variable, e.g. "M_Z'".
    public var massName: String
    /// Confidence level as a fraction, e.g. 0.9.
    public var confidenceLevel: Double
    /// How the limit was computed, e.g. "CLs asymptotic" or "Bayesian, flat prior".
    public var method: String

    /// - Throws: `ReportingError.invalidData` if the arrays differ in length or are empty, or
    ///   `nonFiniteValue` if a number is NaN or infinite.
    public init(massesGeV: [Double], expected: [Double],
                expectedMinus1Sigma: [Double], expectedPlus1Sigma: [Double],
                expectedMinus2Sigma: [Double], expectedPlus2Sigma: [Double],
                observed: [Double]? = nil, quantity: String, quantityUnit: String? = nil,
                massName: String = "M", confidenceLevel: Double, method: String) throws {
        let n = massesGeV.count
        let what = "limit curve on \(quantity)"
        guard n > 0 else { throw ReportingError.invalidData(what: what, reason: "no mass points") }
        let arrays: [(String, [Double])] = [
            ("expected", expected), ("expectedMinus1Sigma", expectedMinus1Sigma),
            ("expectedPlus1Sigma", expectedPlus1Sigma), ("expectedMinus2Sigma", expectedMinus2Sigma),
            ("expectedPlus2Sigma", expectedPlus2Sigma), ("observed", observed ?? massesGeV),
        ]
        for (name, a) in arrays where a.count != n {
            throw ReportingError.invalidData(what: what, reason: "\(name) has \(a.count) points for \(n) masses")
        }
        for (name, a) in [("massesGeV", massesGeV)] + arrays where !a.allSatisfy(\.isFinite) {
            throw ReportingError.nonFiniteValue(what: "a value of \(name) in the \(what)")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw ReportingError.invalidData(what: what, reason: "confidence level \(confidenceLevel) must be a fraction in (0, 1), e.g. 0.9")
        }
        self.massesGeV = massesGeV
        self.expected = expected
        self.expectedMinus1Sigma = expectedMinus1Sigma
        self.expectedPlus1Sigma = expectedPlus1Sigma
        self.expectedMinus2Sigma = expectedMinus2Sigma
        self.expectedPlus2Sigma = expectedPlus2Sigma
        self.observed = observed
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.massName = massName
        self.confidenceLevel = confidenceLevel
        self.method = method
    }

    /// "90%" style text for the CL.
    public var confidenceLevelText: String {
        let pct = confidenceLevel * 100
        return pct == pct.rounded() ? "\(Int(pct))%" : "\(pct)%"
    }
}
