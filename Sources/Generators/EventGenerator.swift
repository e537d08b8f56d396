import Foundation
import EventModel
import Kinematics

/// How events are weighted.
public enum GenerationMode: String, Sendable, Codable, Hashable {
    /// Accept-reject against the maximum weight: every event has weight 1 (the rare event
    /// whose weight exceeds the pre-computed maximum keeps weight w/w_max > 1 instead of
    /// biasing the sample).
    case unweighted
    /// Importance-sampled events with weight w/<w>: mean 1 (to the precision of the 20 000-trial
    /// warm-up, about 1%) over the unfiltered sample. Much
    /// cheaper when a filter keeps a corner of phase space the unweighting would starve.
    case weighted
}

/// A process that generates events and computes its own cross section.
///
/// Normalisation contract: a sample of N events with weights w_i produced with filter F
/// represents L * sigma_F events at integrated luminosity L, each event counting
/// L * sigma_F * w_i / sum_j(w_j), where sigma_F = `crossSection(...)`.valueFb is the cross
/// section within the process's generator-level acceptance and the filter.
///
/// Signal generators (e+e- -> mu mu Z', gamma A', A' h', gamma a, B -> K S) conform the
/// same way: implement `ProcessSampler` (one weighted event at a time, weight in fb) and
/// wrap it in `SampledGenerator`, which supplies filtering, unweighting and the cross
/// section; or conform to `EventGenerator` directly.
public protocol EventGenerator: Sendable {
    /// Stable identifier, e.g. "mumu" (used in file names and the sample catalog).
    var processName: String { get }
    /// The process's own generator-level acceptance, in words (e.g. "10 < theta* < 170 deg").
    var acceptance: String { get }
    /// The sample's filter (skim); nil keeps everything inside the process acceptance.
    var filter: GeneratorFilter? { get }
    var mode: GenerationMode { get }
    /// Cross section after acceptance and filter, in fb, with its MC uncertainty, from
    /// `trials` proposals drawn from `rng`.
    func crossSection(trials: Int, using rng: RandomStream) -> CrossSectionEstimate
    /// Generates the next event passing the filter into `event` (storage reused).
    func generate(into event: inout GeneratedEvent, using rng: RandomStream)
}

extension EventGenerator {
    /// Convenience: a fresh event (allocates; use `generate(into:using:)` in loops).
    public func generate(using rng: RandomStream) -> GeneratedEvent {
        var e = GeneratedEvent()
        generate(into: &e, using: rng)
        return e
    }

    /// Everything required, in words: process acceptance plus filter.
    public var acceptanceDescription: String {
        if let f = filter { return acceptance + "; filter " + f.description }
        return acceptance
    }
}

/// One weighted event at a time: the part of a generator that knows the physics.
public protocol ProcessSampler: Sendable {
    var processName: String { get }
    var acceptance: String { get }
    var transform: FrameTransform { get }
    /// Fills `event` (lab frame) and returns its weight in fb, with E[weight] = the
    /// cross section inside the process acceptance. A weight of 0 means "outside the
    /// acceptance"; the event content is then unspecified.
    func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double
    /// If the sampler already draws events distributed exactly as the cross section
    /// (constant weight), that constant in fb with its numerical uncertainty.
    var exactCrossSectionFb: (value: Double, uncertainty: Double)? { get }
}

/// Where `SampledGenerator` finds the maximum weight it unweights against.
public enum MaximumWeightPolicy: Sendable, Hashable {
    /// The largest weight of a fixed number of unfiltered warm-up proposals times a safety
    /// factor (`SampledGenerator.init`'s `warmUpTrials` and `safety`). Kept for the processes
    /// that had it, so that their samples stay bit-identical for a given seed.
    case unfilteredWarmUp
    /// `MaximumWeightSearch` among proposals that pass the filter; the filter is then applied
    /// before the accept-reject (only passing proposals can become events).
    case insideFilter(passingTarget: Int, maximumTrials: Int, safety: Double)

    /// `MaximumWeightSearch`'s defaults.
    public static let insideFilterDefault = MaximumWeightPolicy.insideFilter(
        passingTarget: MaximumWeightSearch.defaultPassingTarget, maximumTrials: MaximumWeightSearch.defaultMaximumTrials,
        safety: MaximumWeightSearch.defaultSafety)
}

/// Filtering, unweighting and cross-section estimation around a `ProcessSampler`.
public struct SampledGenerator<Sampler: ProcessSampler>: EventGenerator {
    public let sampler: Sampler
    public let filter: GeneratorFilter?
    public let mode: GenerationMode
    /// Maximum weight (fb) for unweighting, and the mean weight for weighted mode.
    public let maximumWeightFb: Double
    public let meanWeightFb: Double
    /// The search behind `maximumWeightFb` under `.insideFilter` in unweighted mode (nil otherwise).
    public let maximumWeightSearch: MaximumWeightSearch?
    /// Safety valve against a filter that never passes.
    public let maximumTrialsPerEvent: Int

    public var processName: String { sampler.processName }
    public var acceptance: String { sampler.acceptance }

    /// - Parameters:
    ///   - warmUpTrials: proposals used once, with a fixed internal seed, to find the
    ///     maximum weight (times `safety`) and the mean weight. Deterministic.
    ///   - maximumWeightPolicy: where the unweighting maximum comes from; `.insideFilter`
    ///     replaces the warm-up's maximum (not its mean) in unweighted mode.
    public init(sampler: Sampler, filter: GeneratorFilter? = nil, mode: GenerationMode = .unweighted,
                warmUpTrials: Int = 20_000, safety: Double = 1.2, maximumTrialsPerEvent: Int = 100_000_000,
                maximumWeightPolicy: MaximumWeightPolicy = .unfilteredWarmUp) {
        self.sampler = sampler
        self.filter = filter
        self.mode = mode
        self.maximumTrialsPerEvent = maximumTrialsPerEvent
        if let exact = sampler.exactCrossSectionFb {
            maximumWeightFb = exact.value
            meanWeightFb = exact.value
            maximumWeightSearch = nil
        } else if mode == .unweighted, case .insideFilter(let target, let trials, let factor) = maximumWeightPolicy {
            let search = MaximumWeightSearch.search(sampler, filter: filter, passingTarget: target,
                                                    maximumTrials: trials, safety: factor)
            precondition(search.passing > 0,
                         "\(sampler.processName): no proposal passed the filter '\(filter?.description ?? "")' in \(search.trials) trials of the maximum-weight search")
            maximumWeightSearch = search
            maximumWeightFb = search.maximumWeightFb
            meanWeightFb = search.meanWeightFb
        } else {
            maximumWeightSearch = nil
            let rng = RandomStream(seed: 0x5EED_0F_DA2C, stream: 0)
            var e = GeneratedEvent()
            var wmax = 0.0, sum = 0.0, positive = 0
            for _ in 0..<warmUpTrials {
                e.reset()
                let w = sampler.sample(into: &e, using: rng)
                sum += w
                if w > 0 { positive += 1 }
                wmax = max(wmax, w)
            }
            maximumWeightFb = wmax * safety
            // Mean over the events generate() can return (w > 0), so weights average to 1.
            meanWeightFb = max(sum / Double(max(positive, 1)), .leastNormalMagnitude)
        }
    }

    public func generate(into event: inout GeneratedEvent, using rng: RandomStream) {
        var trials = 0
        let exact = sampler.exactCrossSectionFb != nil
        // With a maximum found inside the filter, filter before the accept-reject (same
        // distribution, fewer random numbers); otherwise keep the original order (streams).
        let filterFirst = maximumWeightSearch != nil && filter != nil
        while true {
            trials += 1
            precondition(trials <= maximumTrialsPerEvent,
                         "\(processName): no event passed the filter in \(maximumTrialsPerEvent) trials; check the filter '\(filter?.description ?? "")' with crossSection(trials:using:)")
            event.reset()
            let w = sampler.sample(into: &event, using: rng)
            if w <= 0 { continue }
            if filterFirst, !filter!.accepts(event.particles, transform: sampler.transform) { continue }
            var weight: Double
            switch mode {
            case .unweighted:
                if exact {
                    weight = 1
                } else {
                    if rng.uniform() * maximumWeightFb > w { continue }
                    weight = max(1, w / maximumWeightFb)
                }
            case .weighted:
                weight = w / meanWeightFb
            }
            if !filterFirst, let f = filter, !f.accepts(event.particles, transform: sampler.transform) { continue }
            event.weight = weight
            event.trials = trials
            return
        }
    }

    public func crossSection(trials: Int, using rng: RandomStream) -> CrossSectionEstimate {
        var e = GeneratedEvent()
        let n = max(trials, 1)
        if let exact = sampler.exactCrossSectionFb {
            if filter == nil {
                return CrossSectionEstimate(process: processName, valueFb: exact.value, uncertaintyFb: exact.uncertainty,
                                            acceptance: acceptanceDescription, trials: 0, efficiency: 1)
            }
            var pass = 0
            for _ in 0..<n {
                e.reset()
                _ = sampler.sample(into: &e, using: rng)
                if filter!.accepts(e.particles, transform: sampler.transform) { pass += 1 }
            }
            let eff = Double(pass) / Double(n)
            let value = exact.value * eff
            let stat = exact.value * (eff * (1 - eff) / Double(n)).squareRoot()
            let num = exact.uncertainty * eff
            return CrossSectionEstimate(process: processName, valueFb: value,
                                        uncertaintyFb: (stat * stat + num * num).squareRoot(),
                                        acceptance: acceptanceDescription, trials: n, efficiency: eff)
        }
        var sum = 0.0, sum2 = 0.0
        var pass = 0
        for _ in 0..<n {
            e.reset()
            var w = sampler.sample(into: &e, using: rng)
            if w > 0, let f = filter, !f.accepts(e.particles, transform: sampler.transform) { w = 0 }
            if w > 0 { pass += 1 }
            sum += w
            sum2 += w * w
        }
        let mean = sum / Double(n)
        let variance = max(sum2 / Double(n) - mean * mean, 0)
        return CrossSectionEstimate(process: processName, valueFb: mean,
                                    uncertaintyFb: (variance / Double(n)).squareRoot(),
                                    acceptance: acceptanceDescription, trials: n,
                                    efficiency: Double(pass) / Double(n))
    }
}
