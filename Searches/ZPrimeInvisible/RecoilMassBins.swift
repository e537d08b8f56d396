import Analysis

/// The recoil-mass bins of the invisible-Z' searches (mu mu and e mu): one signal region
/// M +- k sigma(M) per scanned mass with sidebands the next k sigma either side, and their
/// envelope as the blinded region. Shared so that both channels bin, blind and label
/// hypotheses identically (PRL 124 (2020) 141801 used the same +-2 sigma bins for both).
public struct RecoilMassBins: Sendable, Hashable {
    public let resolution: ZPrimeResolution
    /// Half-width of the signal region in units of the resolution.
    public let windowSigmas: Double

    public init(resolution: ZPrimeResolution, windowSigmas: Double) {
        self.resolution = resolution
        self.windowSigmas = windowSigmas
    }

    /// One hypothesis per mass of the grid's `parameter` axis, in increasing mass.
    public func hypotheses(on grid: MassGrid, parameter: String, search: String) throws -> [MassHypothesis] {
        guard let masses = grid.axes[parameter] else {
            throw AnalysisError.invalidArgument("mass grid of '\(search)' needs the axis '\(parameter)'")
        }
        return masses.sorted().enumerated().map { i, m in
            let w = windowSigmas * resolution.sigma(atMass: m)
            return MassHypothesis(index: i, parameters: [parameter: m],
                                  signalRegion: .interval(observable: "m_recoil", low: m - w, high: m + w),
                                  sidebands: [.interval(observable: "m_recoil", low: m - 2 * w, high: m - w),
                                              .interval(observable: "m_recoil", low: m + w, high: m + 2 * w)])
        }
    }

    /// One interval from the lowest to the highest window edge: overlapping windows make
    /// the union an interval anyway, and a single envelope is what a reader can check.
    public static func envelope(of hypotheses: [MassHypothesis]) -> SignalRegion {
        var lo = Double.infinity, hi = -Double.infinity
        for h in hypotheses {
            if case let .interval(_, l, u) = h.signalRegion { lo = min(lo, l); hi = max(hi, u) }
        }
        guard lo < hi else { return .any(hypotheses.map(\.signalRegion)) }
        return .interval(observable: "m_recoil", low: lo, high: hi)
    }

}
