import Foundation

/// The region a blinded search hides in data, fixed by the search and not by a run's
/// configuration.
///
/// A configuration chooses which hypotheses a run tests (the mass grid, the scan options),
/// and an unblinder chooses the configuration. If the hidden region followed that choice, a
/// one-point grid (`m_zprime: [8.0]`) would leave every other recoil-mass bin visible in a
/// "blinded" run. So the envelope is the union of the signal regions over the search's
/// whole allowed parameter range (`Search.parameterRanges`), computed with the search's own
/// scan options (`scanOptionDefaults`), never the configured ones. `BlindingPolicy` hides
/// the union of this envelope and the configured hypotheses' region, so a configuration
/// can only ever widen what is hidden.
public enum BlindingEnvelope {
    /// Points per parameter axis of the grid the default envelope is built from: fine
    /// enough that the union of windows at neighbouring points leaves no gap for searches
    /// whose windows are sized by a resolution of at least 1/1000 of the range.
    public static let pointsPerAxis = 1001

    /// The default `Search.blindingEnvelope()`: the search's blinded region over a dense grid
    /// spanning every parameter's allowed range.
    public static func standard(for search: any Search) throws -> SignalRegion {
        var axes: [String: [Double]] = [:]
        for (name, range) in search.parameterRanges {
            let n = range.upperBound > range.lowerBound ? pointsPerAxis : 1
            axes[name] = (0..<n).map { i in
                i == n - 1 ? range.upperBound
                           : range.lowerBound + (range.upperBound - range.lowerBound) * Double(i) / Double(n - 1)
            }
        }
        let hypotheses = try search.hypotheses(on: MassGrid(axes: axes, options: search.scanOptionDefaults))
        guard !hypotheses.isEmpty else {
            throw AnalysisError.invalidArgument("search '\(search.id)' gives no hypothesis over its allowed parameter range; it cannot be blinded")
        }
        return simplified(search.blindedRegion(of: hypotheses))
    }

    /// The region hidden for a configured run: the envelope together with the configured
    /// hypotheses' own blinded region (larger windows than the search's default, e.g. a wider
    /// `window_semi_axis_sigmas`, widen what is hidden; smaller ones change nothing).
    public static func hidden(search: any Search, configured hypotheses: [MassHypothesis]) throws -> SignalRegion {
        let envelope = try search.blindingEnvelope()
        let configured = search.blindedRegion(of: hypotheses)
        return configured == envelope ? envelope : simplified(.any([envelope, configured]))
    }

    /// A union of intervals on one observable merged into the fewest disjoint intervals
    /// (a union over a dense grid of 1D windows becomes one interval); anything else as is.
    static func simplified(_ region: SignalRegion) -> SignalRegion {
        func intervals(_ r: SignalRegion) -> [(String, Double, Double)]? {
            switch r {
            case let .interval(o, lo, hi): return [(o, lo, hi)]
            case .any(let rs):
                var out: [(String, Double, Double)] = []
                for x in rs { guard let i = intervals(x) else { return nil }; out += i }
                return out
            default: return nil
            }
        }
        guard let parts = intervals(region), let observable = parts.first?.0,
              parts.allSatisfy({ $0.0 == observable }) else { return region }
        var merged: [(Double, Double)] = []
        for (_, lo, hi) in parts.sorted(by: { $0.1 < $1.1 }) where hi > lo {
            if let last = merged.last, lo <= last.1 { merged[merged.count - 1].1 = max(last.1, hi) } else { merged.append((lo, hi)) }
        }
        let out = merged.map { SignalRegion.interval(observable: observable, low: $0.0, high: $0.1) }
        return out.count == 1 ? out[0] : .any(out)
    }
}
