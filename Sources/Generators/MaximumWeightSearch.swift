import Foundation
import EventModel
import Kinematics

/// The largest weight of a weighted sampler *inside a generator-level filter*, for unweighting.
///
/// Why: accept-reject against the largest weight of all proposals wastes the sample whenever
/// the filter keeps a corner of phase space whose weights are small (the radiative Bhabha
/// sampler's weights peak where the photon is soft or in an endcap, which the single-photon
/// filter then throws away). Only proposals that pass the filter can become events, so the
/// maximum that matters is theirs. The search draws proposals (fixed internal stream: the
/// result is deterministic) until `passingTarget` of them have a positive weight and pass
/// the filter, or `maximumTrials` were drawn, and sets the unweighting maximum to the largest
/// weight seen times `safety`.
///
/// A maximum from a finite search can be exceeded; such an event keeps weight w/w_max > 1
/// (`SampledGenerator`), so the sample stays unbiased, and `MaximumWeightCheck` counts how
/// often that happens and which share of the cross section those weights carry.
public struct MaximumWeightSearch: Sendable, Codable, Hashable {
    /// Proposals drawn, and those with w > 0 that pass the filter.
    public var trials: Int
    public var passing: Int
    /// Largest and mean weight (fb) of the passing proposals.
    public var largestWeightFb: Double
    public var meanWeightFb: Double
    /// Factor applied to the largest weight.
    public var safety: Double

    /// The weight accept-reject uses.
    public var maximumWeightFb: Double { largestWeightFb * safety }
    /// Fraction of proposals that pass the acceptance and the filter.
    public var passingFraction: Double { trials > 0 ? Double(passing) / Double(trials) : 0 }
    /// Accepted fraction of passing proposals: mean / maximum.
    public var unweightingEfficiency: Double { maximumWeightFb > 0 ? meanWeightFb / maximumWeightFb : 0 }
    /// Unweighted events per proposal.
    public var eventsPerProposal: Double { passingFraction * unweightingEfficiency }

    /// Default search size: 20 000 passing proposals, at most 4e6 proposals, safety 1.5.
    public static let defaultPassingTarget = 20_000
    public static let defaultMaximumTrials = 4_000_000
    public static let defaultSafety = 1.5
    /// The fixed stream of the search (reproducible maxima, independent of the production seed).
    public static func searchStream() -> RandomStream { RandomStream(seed: 0x5EED_0F_DA2C, stream: 1) }

    public init(trials: Int, passing: Int, largestWeightFb: Double, meanWeightFb: Double, safety: Double) {
        self.trials = trials
        self.passing = passing
        self.largestWeightFb = largestWeightFb
        self.meanWeightFb = meanWeightFb
        self.safety = safety
    }

    /// Searches `sampler`'s largest weight among proposals passing `filter` (nil: all w > 0).
    public static func search<S: ProcessSampler>(_ sampler: S, filter: GeneratorFilter?,
                                                 passingTarget: Int = defaultPassingTarget,
                                                 maximumTrials: Int = defaultMaximumTrials,
                                                 safety: Double = defaultSafety,
                                                 using rng: RandomStream = searchStream()) -> MaximumWeightSearch {
        precondition(passingTarget > 0 && maximumTrials > 0 && safety >= 1,
                     "MaximumWeightSearch: passingTarget and maximumTrials must be positive and safety >= 1")
        var e = GeneratedEvent()
        var trials = 0, passing = 0
        var largest = 0.0, sum = 0.0
        while passing < passingTarget && trials < maximumTrials {
            trials += 1
            e.reset()
            let w = sampler.sample(into: &e, using: rng)
            guard w > 0 else { continue }
            if let f = filter, !f.accepts(e.particles, transform: sampler.transform) { continue }
            passing += 1
            sum += w
            largest = max(largest, w)
        }
        return MaximumWeightSearch(trials: trials, passing: passing, largestWeightFb: largest,
                                   meanWeightFb: passing > 0 ? sum / Double(passing) : 0, safety: safety)
    }

    public var description: String {
        String(format: "max-weight search: %d passing of %d proposals (%.3g%%), largest %.4g fb x safety %.2f = %.4g fb, mean %.4g fb: unweighting efficiency %.3g, %.3g events per proposal",
               passing, trials, 100 * passingFraction, largestWeightFb, safety, maximumWeightFb, meanWeightFb,
               unweightingEfficiency, eventsPerProposal)
    }
}

/// How a maximum weight holds up on proposals it was not found on: how many passing
/// proposals exceed it, and the share of the cross section above it (sum of (w - w_max) over
/// sum of w). An unweighted sample keeps those events with weight w/w_max > 1, so nothing is
/// lost; the share says how far the sample is from having unit weights.
public struct MaximumWeightCheck: Sendable, Codable, Hashable {
    public var trials: Int
    public var passing: Int
    public var maximumWeightFb: Double
    public var aboveMaximum: Int
    public var shareAboveMaximum: Double
    /// Largest weight of the check over the maximum.
    public var largestOverMaximum: Double

    public init(trials: Int, passing: Int, maximumWeightFb: Double, aboveMaximum: Int,
                shareAboveMaximum: Double, largestOverMaximum: Double) {
        self.trials = trials
        self.passing = passing
        self.maximumWeightFb = maximumWeightFb
        self.aboveMaximum = aboveMaximum
        self.shareAboveMaximum = shareAboveMaximum
        self.largestOverMaximum = largestOverMaximum
    }

    /// Draws `trials` proposals from `rng` and compares the passing ones' weights with `maximumWeightFb`.
    public static func check<S: ProcessSampler>(_ sampler: S, filter: GeneratorFilter?, maximumWeightFb: Double,
                                                trials: Int, using rng: RandomStream) -> MaximumWeightCheck {
        var e = GeneratedEvent()
        var passing = 0, above = 0
        var sum = 0.0, excess = 0.0, largest = 0.0
        for _ in 0..<trials {
            e.reset()
            let w = sampler.sample(into: &e, using: rng)
            guard w > 0 else { continue }
            if let f = filter, !f.accepts(e.particles, transform: sampler.transform) { continue }
            passing += 1
            sum += w
            largest = max(largest, w)
            if w > maximumWeightFb {
                above += 1
                excess += w - maximumWeightFb
            }
        }
        return MaximumWeightCheck(trials: trials, passing: passing, maximumWeightFb: maximumWeightFb, aboveMaximum: above,
                                  shareAboveMaximum: sum > 0 ? excess / sum : 0,
                                  largestOverMaximum: maximumWeightFb > 0 ? largest / maximumWeightFb : 0)
    }

    public var description: String {
        String(format: "max-weight check: %d passing of %d proposals, %d above the maximum (%.2g%%), carrying %.2g%% of the cross section above it; largest/maximum %.2f",
               passing, trials, aboveMaximum, passing > 0 ? 100 * Double(aboveMaximum) / Double(passing) : 0,
               100 * shareAboveMaximum, largestOverMaximum)
    }
}
