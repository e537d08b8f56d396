import Analysis
import Foundation
import Statistics

/// Bayesian counting limits (flat prior on s, Gaussian nuisances on the signal multiplier
/// and on b truncated at zero and marginalised) from `Statistics.BayesianUpperLimit`: the
/// method of PRL 124 (2020) 141801.
///
/// Expected limits: the limit is a non-decreasing step function of the observed count n, so
/// its quantiles under the background-only hypothesis are the limits at the quantiles of n ~
/// Poisson(b). For each band probability q in {Phi(-2), Phi(-1), 1/2, Phi(1), Phi(2)} we take
/// the smallest n with P(N <= n | b) >= q (the Poisson CDF) and compute the limit there. The
/// bands are therefore discrete (for small b several coincide), as they are in any counting
/// experiment; no pseudo-experiments are thrown, so the result is exact and deterministic.
public struct BayesianCountingCalculator: UpperLimitCalculator {
    public init() {}

    public func upperLimit(observed: Int, background: Double, relativeSignalUncertainty: Double,
                           relativeBackgroundUncertainty: Double, confidenceLevel: Double) throws -> Double {
        // A relative uncertainty on a zero background is zero (Statistics refuses the pair).
        try BayesianUpperLimit.compute(observed: observed, background: background,
                                       backgroundRelativeUncertainty: background > 0 ? relativeBackgroundUncertainty : 0,
                                       signalRelativeUncertainty: relativeSignalUncertainty, cl: confidenceLevel)
    }

    /// Band probabilities Phi(-2), Phi(-1), 0.5, Phi(1), Phi(2).
    public static let bandProbabilities: [Double] = [0.022750131948179, 0.158655253931457, 0.5,
                                                     0.841344746068543, 0.977249868051821]

    /// Smallest n with P(N <= n | mean) >= q (any mean; `Statistics.PoissonDistribution`).
    public static func poissonQuantile(_ q: Double, mean: Double) -> Int {
        PoissonDistribution.quantile(q, mean: mean)
    }

    public func expectedUpperLimit(background: Double, relativeSignalUncertainty: Double,
                                   relativeBackgroundUncertainty: Double, confidenceLevel: Double) throws -> ExpectedLimit {
        var cache: [Int: Double] = [:]
        let limits = try Self.bandProbabilities.map { q -> Double in
            let n = Self.poissonQuantile(q, mean: background)
            if let l = cache[n] { return l }
            let l = try upperLimit(observed: n, background: background, relativeSignalUncertainty: relativeSignalUncertainty,
                                   relativeBackgroundUncertainty: relativeBackgroundUncertainty, confidenceLevel: confidenceLevel)
            cache[n] = l
            return l
        }
        return ExpectedLimit(median: limits[2], minus2: limits[0], minus1: limits[1], plus1: limits[3], plus2: limits[4])
    }
}
