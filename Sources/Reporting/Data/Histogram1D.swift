import Foundation

/// A binned distribution with per-bin sum of squared weights, the shape ROOT's TH1 and
/// `hist` use, so weighted MC uncertainties (sqrt(sumw2)) survive into plots and HEPData.
public struct Histogram1D: Sendable, Codable, Equatable {
    /// `values.count + 1` increasing bin edges.
    public var binEdges: [Double]
    /// Sum of weights per bin.
    public var values: [Double]
    /// Sum of squared weights per bin; the bin uncertainty is its square root.
    public var sumw2: [Double]
    /// Legend / column label, e.g. "e+e- -> mu+mu-(gamma)".
    public var label: String
    /// Name of the binned quantity, e.g. "M_{X}" (gnuplot markup).
    public var xName: String
    /// Unit of the binned quantity, e.g. "GeV".
    public var unit: String?

    /// - Parameter sumw2: defaults to `values` (unweighted counts: Poisson variance).
    /// - Throws: `ReportingError.invalidData` if lengths disagree, edges do not increase, or
    ///   a number is not finite.
    public init(binEdges: [Double], values: [Double], sumw2: [Double]? = nil,
                label: String, xName: String = "x", unit: String? = nil) throws {
        let what = "histogram \"\(label)\""
        guard binEdges.count == values.count + 1, !values.isEmpty else {
            throw ReportingError.invalidData(what: what,
                reason: "needs \(values.count + 1) bin edges for \(values.count) bins, got \(binEdges.count)")
        }
        for i in 1..<binEdges.count where !(binEdges[i] > binEdges[i - 1]) {
            throw ReportingError.invalidData(what: what, reason: "bin edges must increase (edge \(i) = \(binEdges[i]))")
        }
        let w2 = sumw2 ?? values
        guard w2.count == values.count else {
            throw ReportingError.invalidData(what: what, reason: "sumw2 has \(w2.count) entries for \(values.count) bins")
        }
        guard (binEdges + values + w2).allSatisfy(\.isFinite) else {
            throw ReportingError.nonFiniteValue(what: "a bin edge, value or sumw2 of \(what)")
        }
        guard w2.allSatisfy({ $0 >= 0 }) else {
            throw ReportingError.invalidData(what: what, reason: "sumw2 must be non-negative")
        }
        self.binEdges = binEdges
        self.values = values
        self.sumw2 = w2
        self.label = label
        self.xName = xName
        self.unit = unit
    }

    /// Builds a histogram from per-bin uncertainties instead of sumw2.
    public init(binEdges: [Double], values: [Double], uncertainties: [Double],
                label: String, xName: String = "x", unit: String? = nil) throws {
        try self.init(binEdges: binEdges, values: values, sumw2: uncertainties.map { $0 * $0 },
                      label: label, xName: xName, unit: unit)
    }

    public var binCount: Int { values.count }
    public var uncertainties: [Double] { sumw2.map { $0.squareRoot() } }
    public var binCentres: [Double] { (0..<binCount).map { 0.5 * (binEdges[$0] + binEdges[$0 + 1]) } }
    public var binWidths: [Double] { (0..<binCount).map { binEdges[$0 + 1] - binEdges[$0] } }
    public var integral: Double { values.reduce(0, +) }

    /// Bin-by-bin sum (for stacking MC processes); edges must match exactly.
    public func adding(_ other: Histogram1D, label: String? = nil) throws -> Histogram1D {
        guard other.binEdges == binEdges else {
            throw ReportingError.invalidData(what: "histograms \"\(self.label)\" and \"\(other.label)\"",
                                             reason: "cannot add histograms with different binning")
        }
        return try Histogram1D(binEdges: binEdges, values: zip(values, other.values).map(+),
                               sumw2: zip(sumw2, other.sumw2).map(+),
                               label: label ?? self.label, xName: xName, unit: unit)
    }
}
