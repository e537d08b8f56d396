/// Core resolution of a peaking observable: half the width of the central 68.27% (weighted)
/// interval of (x - x_true).
///
/// Half the central 68% interval equals sigma for a Gaussian and, unlike the RMS, is not
/// pulled by radiative tails (ISR pushes the recoil mass up, FSR pulls the dimuon mass
/// down), which is what a core-Gaussian fit also ignores.
public enum CoreResolution {
    /// Weighted quantiles of the finite, positively weighted (x - truth); nil when fewer
    /// than `minimumEntries` such values are given.
    struct Quantiles {
        let pairs: [(x: Double, w: Double)]
        let total: Double
        init?(values: [Double], weights: [Double], truth: Double, minimumEntries: Int) {
            var p = zip(values, weights).filter { $0.0.isFinite && $0.1 > 0 }.map { (x: $0.0 - truth, w: $0.1) }
            guard p.count >= minimumEntries else { return nil }
            p.sort { $0.x < $1.x }
            pairs = p
            total = p.reduce(0) { $0 + $1.w }
        }
        func callAsFunction(_ q: Double) -> Double {
            var c = 0.0
            for (x, w) in pairs { c += w; if c >= q * total { return x } }
            return pairs[pairs.count - 1].x
        }
    }

    /// nil when fewer than `minimumEntries` finite values are given.
    public static func sigma(values: [Double], weights: [Double], truth: Double, minimumEntries: Int = 20) -> Double? {
        guard let q = Quantiles(values: values, weights: weights, truth: truth, minimumEntries: minimumEntries) else { return nil }
        return (q(0.841345) - q(0.158655)) / 2
    }

    /// Half-width of the narrower side of the central 68% interval: min(median - q(15.87%),
    /// q(84.13%) - median). Equal to sigma for a Gaussian; for a peak with a one-sided
    /// radiative tail (ISR drives the recoil mass up, FSR the dimuon mass down) it measures
    /// the detector resolution on the side the tail does not reach.
    public static func narrowSideSigma(values: [Double], weights: [Double], truth: Double, minimumEntries: Int = 20) -> Double? {
        guard let q = Quantiles(values: values, weights: weights, truth: truth, minimumEntries: minimumEntries) else { return nil }
        let median = q(0.5)
        return min(median - q(0.158655), q(0.841345) - median)
    }

    /// Relative standard error of `sigma` for a Gaussian sample of `effectiveEntries`
    /// ((sum w)^2 / sum w^2) events: 0.9617 / sqrt(N). From the asymptotic covariance of
    /// sample quantiles, cov(q_a, q_b) = a (1 - b) / (N f(x_a) f(x_b)) for a <= b, applied to
    /// (q_0.8413 - q_0.1587) / 2 with f(x) = phi(1) / sigma at both ends:
    /// [2 p (1 - p) - 2 (1 - p)^2] / (4 phi(1)^2) = 0.9250. Checked by simulation in
    /// `ResolutionComparisonTests`.
    public static func relativeStandardError(effectiveEntries n: Double) -> Double {
        n > 0 ? 0.9617 / n.squareRoot() : .infinity
    }

    /// Weighted median of the finite values (NaN when there are none).
    public static func median(values: [Double], weights: [Double]) -> Double {
        let pairs = zip(values, weights).filter { $0.0.isFinite && $0.1 > 0 }.sorted { $0.0 < $1.0 }
        let total = pairs.reduce(0) { $0 + $1.1 }
        var c = 0.0
        for (x, w) in pairs { c += w; if c >= total / 2 { return x } }
        return .nan
    }
}
