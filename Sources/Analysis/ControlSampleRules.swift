/// What a configuration's control samples must satisfy before a run starts: the rules that
/// keep the person who wants to unblind from writing the checks that let them.
///
/// - **Orthogonal to the signal selection.** A control sample must show data that no tuned
///   signal selection could select: it reverses at least one cut so that the reversed cut
///   selects only events failing that cut at its loosest threshold (in the search's default
///   selection and in the configured one, the two `BlindingPolicy` hides), or all its
///   sidebands lie outside the blinded envelope. A sample that reverses nothing, or reverses
///   a cut at a threshold the optimiser could still loosen past, is refused; blinding would
///   hide its overlap anyway, but a definition that depends on that is a mistake to report,
///   not to run.
/// - **Criteria no looser than the search's floor** (`Search.controlSampleFloor`): every
///   control sample has both criteria and each is at least as strict as the floor. A
///   configuration may tighten them, never loosen them.
/// - **Required samples present** (`Search.requiredControlSamples`) when the configuration has
///   control samples at all; unblinding requires them in any case.
public enum ControlSampleRules {
    /// Throws `invalidConfiguration` naming the file, the control sample and the rule broken.
    public static func check(_ samples: [ControlSample], search: any Search, configured: Selection,
                             envelope: SignalRegion, file: String) throws {
        func refuse(_ key: String, _ why: String) -> AnalysisError {
            .invalidConfiguration(file: file, key: key, reason: why)
        }
        // A configuration without control samples can run blinded (expected limits) but never
        // unblind (`Unblinding.authorise` requires the same samples); one that has some must
        // have the required ones.
        let names = Set(samples.map(\.name))
        for required in search.requiredControlSamples where !samples.isEmpty && !names.contains(required) {
            throw refuse("control_samples", "search '\(search.id)' requires the control sample '\(required)' (required: \(search.requiredControlSamples.joined(separator: ", "))); include ControlSamples/\(search.id)/control_samples.yaml")
        }
        let floor = search.controlSampleFloor
        let loosest = [search.selection.loosest, configured.loosest]
        for cs in samples {
            let key = "control_samples.\(cs.name)"
            if let bound = floor.maxRatioDeviation {
                guard let x = cs.criteria.maxRatioDeviation else {
                    throw refuse("\(key).criteria.max_ratio_deviation", "missing; search '\(search.id)' requires |data/MC - 1| < \(bound) or tighter")
                }
                guard x > 0, x <= bound else {
                    throw refuse("\(key).criteria.max_ratio_deviation", "\(x) is looser than the search's floor \(bound) (or not positive); a configuration may tighten the criteria, never loosen them")
                }
            }
            if let bound = floor.minChi2PValue {
                guard let p = cs.criteria.minChi2PValue else {
                    throw refuse("\(key).criteria.min_chi2_p_value", "missing; search '\(search.id)' requires a chi2 p-value above \(bound) or tighter")
                }
                guard p >= bound, p < 1 else {
                    throw refuse("\(key).criteria.min_chi2_p_value", "\(p) is looser than the search's floor \(bound) (or not below 1); a configuration may tighten the criteria, never loosen them")
                }
                guard cs.binning != nil else {
                    throw refuse("\(key).binning", "missing: the chi2 criterion the search requires needs a binning")
                }
            }
            let selection = try cs.selection(from: configured, search: search.id, file: file)
            if !orthogonal(selection, reversed: cs.reverse, to: loosest) && !outside(cs.sidebands, envelope) {
                throw refuse(key, "not orthogonal to the signal selection: \(why(cs, selection, loosest)); reverse a cut at its loosest tunable threshold, or restrict the sample to sidebands outside the blinded envelope")
            }
        }
    }

    /// Whether some reversed cut excludes every event each loosest selection could pass.
    static func orthogonal(_ selection: Selection, reversed names: [String], to loosest: [Selection]) -> Bool {
        names.contains { name in
            guard let c = selection.cut(named: name), c.inverted else { return false }
            return loosest.allSatisfy { l in
                guard let signal = l.cut(named: name) else { return false }
                return excludes(reversed: c, signal: signal)
            }
        }
    }

    /// A reversed cut at threshold t selects events failing the requirement at t; it is
    /// disjoint from the signal cut's pass region at threshold s when passing at s implies
    /// passing at t: s >= t for `x > t`, s <= t for `x < t`, `|x| < t` and windows.
    static func excludes(reversed c: Cut, signal s: Cut) -> Bool {
        guard c.comparison == s.comparison, !s.inverted else { return false }
        switch c.comparison {
        case .greater: return s.threshold >= c.threshold
        case .less, .absLess, .window: return s.threshold <= c.threshold
        }
    }

    /// Whether every sideband interval lies outside the envelope's extent in its observable.
    static func outside(_ sidebands: [SignalRegion], _ envelope: SignalRegion) -> Bool {
        guard !sidebands.isEmpty else { return false }
        return sidebands.allSatisfy { sb in
            guard case let .interval(o, lo, hi) = sb, let e = envelope.bounds(of: o) else { return false }
            return hi <= e.lowerBound || lo >= e.upperBound
        }
    }

    static func why(_ cs: ControlSample, _ selection: Selection, _ loosest: [Selection]) -> String {
        if cs.reverse.isEmpty { return "it reverses no cut" }
        let details = cs.reverse.compactMap { name -> String? in
            guard let c = selection.cut(named: name) else { return nil }
            var seen = Set<String>()
            let signal = loosest.compactMap { $0.cut(named: name)?.requirement }.filter { seen.insert($0).inserted }.joined(separator: " / ")
            return "\(c.requirement) overlaps the loosest signal cut \(signal)"
        }
        return details.joined(separator: "; ")
    }
}
