import Foundation

/// What the weights of a weighted sampler look like: the numbers a user of weighted events
/// needs to judge them (mean, largest weight over the mean, and the effective sample size
/// (sum w)^2 / sum w^2, i.e. how many unweighted events the sample is worth).
///
/// Measured over proposals with w > 0 (the ones a weighted sample keeps), from a stream the
/// caller chooses, so a report is reproducible.
public struct WeightSummary: Sendable, Codable, Hashable {
    /// Proposals drawn, and those with a positive weight.
    public var trials: Int
    public var accepted: Int
    public var meanWeightFb: Double
    public var maxOverMean: Double
    /// (sum w)^2 / sum w^2 over the accepted proposals.
    public var effectiveSampleSize: Double
    /// Effective sample size per accepted proposal (1 for constant weights).
    public var effectiveFraction: Double { accepted > 0 ? effectiveSampleSize / Double(accepted) : 0 }
    /// Fraction of the cross section carried by the 1% largest weights.
    public var topPercentShare: Double

    public init(weights: [Double], trials: Int) {
        let w = weights.filter { $0 > 0 }.sorted()
        self.trials = trials
        accepted = w.count
        let sum = w.reduce(0, +), sum2 = w.reduce(0) { $0 + $1 * $1 }
        meanWeightFb = w.isEmpty ? 0 : sum / Double(w.count)
        maxOverMean = meanWeightFb > 0 ? (w.last ?? 0) / meanWeightFb : 0
        effectiveSampleSize = sum2 > 0 ? sum * sum / sum2 : 0
        let top = w.suffix(max(1, w.count / 100)).reduce(0, +)
        topPercentShare = sum > 0 ? top / sum : 0
    }

    /// Draws `trials` proposals of `sampler` and summarises their weights.
    public static func measure<S: ProcessSampler>(_ sampler: S, trials: Int, using rng: RandomStream) -> WeightSummary {
        var e = GeneratedEvent()
        var weights: [Double] = []
        weights.reserveCapacity(trials)
        for _ in 0..<trials {
            e.reset()
            let w = sampler.sample(into: &e, using: rng)
            if w > 0 { weights.append(w) }
        }
        return WeightSummary(weights: weights, trials: trials)
    }

    public var description: String {
        String(format: "%d of %d proposals kept, mean %.4g fb, max/mean %.1f, effective sample size %.0f (%.1f%%), top 1%% of weights carry %.1f%%",
               accepted, trials, meanWeightFb, maxOverMean, effectiveSampleSize, 100 * effectiveFraction, 100 * topPercentShare)
    }
}
