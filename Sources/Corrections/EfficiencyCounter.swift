/// Weighted pass/total sums of one efficiency, for data (unit weights) or simulation.
///
/// Uncertainty: for weighted events the binomial variance generalises to
/// V = [sum_pass w^2 (1 - eps)^2 + sum_fail w^2 eps^2] / W^2 (W the total weight), which for
/// unit weights is eps (1 - eps) / N. With no failing (or no passing) event that is zero, and
/// we use the Wilson-like floor 1/(N + 2) on the variance of eps(1-eps)/N instead, so that a
/// bin with few events never claims a perfect measurement.
public struct EfficiencyCounter: Sendable, Hashable {
    public var passW = 0.0, passW2 = 0.0
    public var failW = 0.0, failW2 = 0.0

    public init() {}

    public mutating func add(passed: Bool, weight w: Double) {
        if passed { passW += w; passW2 += w * w } else { failW += w; failW2 += w * w }
    }

    public mutating func merge(_ o: EfficiencyCounter) {
        passW += o.passW; passW2 += o.passW2; failW += o.failW; failW2 += o.failW2
    }

    public var total: Double { passW + failW }
    /// Effective number of events (sum w)^2 / sum w^2.
    public var effectiveEntries: Double {
        let w2 = passW2 + failW2
        return w2 > 0 ? total * total / w2 : 0
    }

    public var efficiency: Double { total > 0 ? passW / total : .nan }

    public var uncertainty: Double {
        let W = total
        guard W > 0 else { return .nan }
        let e = passW / W
        var v = (passW2 * (1 - e) * (1 - e) + failW2 * e * e) / (W * W)
        let n = effectiveEntries
        if n > 0 { v = max(v, 1 / ((n + 2) * (n + 2))) }
        return v.squareRoot()
    }
}

/// Ratio a/b with uncorrelated uncertainties propagated to first order.
func ratio(_ a: Double, _ sa: Double, _ b: Double, _ sb: Double) -> (value: Double, uncertainty: Double) {
    guard b > 0, a.isFinite else { return (.nan, .nan) }
    let r = a / b
    let rel = ((a > 0 ? sa / a : 0) * (a > 0 ? sa / a : 0) + (sb / b) * (sb / b)).squareRoot()
    return (r, a > 0 ? r * rel : sa / b)
}
