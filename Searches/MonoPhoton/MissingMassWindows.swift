import Analysis

/// The M2_miss windows of the mono-photon search: one signal region m^2 +- k sigma(M2_miss)
/// per scanned A' mass, sidebands the next k sigma either side, and their envelope.
///
/// Why M2_miss = s - 2 sqrt(s) E* rather than E*: it is linear in E* (so a Gaussian E* peak
/// stays Gaussian) and centred on m^2 for every mass, as in BaBar PRL 119 (2017) 131804.
/// sigma comes from the ECL energy resolution (`PhotonEnergyResolution`); k = 2 as the
/// other searches' +-2 sigma windows (PRL 124 (2020) 141801).
public struct MissingMassWindows: Sendable, Hashable {
    public let resolution: PhotonEnergyResolution
    public let windowSigmas: Double
    public let sqrtS: Double

    public init(resolution: PhotonEnergyResolution, windowSigmas: Double, sqrtS: Double) {
        self.resolution = resolution
        self.windowSigmas = windowSigmas
        self.sqrtS = sqrtS
    }

    /// Half-width of the window at mass m (GeV^2).
    public func halfWidth(mass m: Double) -> Double {
        windowSigmas * resolution.sigmaMissingMassSquared(mass: m, sqrtS: sqrtS)
    }

    /// One hypothesis per mass of `parameter`, in increasing mass.
    public func hypotheses(on grid: MassGrid, parameter: String, search: String) throws -> [MassHypothesis] {
        guard let masses = grid.axes[parameter] else {
            throw AnalysisError.invalidArgument("mass grid of '\(search)' needs the axis '\(parameter)'")
        }
        return masses.sorted().enumerated().map { i, m in
            let c = m * m, w = halfWidth(mass: m)
            return MassHypothesis(index: i, parameters: [parameter: m],
                                  signalRegion: .interval(observable: "m2_miss", low: c - w, high: c + w),
                                  sidebands: [.interval(observable: "m2_miss", low: c - 2 * w, high: c - w),
                                              .interval(observable: "m2_miss", low: c + w, high: c + 2 * w)])
        }
    }

    /// One interval from the lowest to the highest window edge.
    public static func envelope(of hypotheses: [MassHypothesis]) -> SignalRegion {
        var lo = Double.infinity, hi = -Double.infinity
        for h in hypotheses {
            if case let .interval(_, l, u) = h.signalRegion { lo = min(lo, l); hi = max(hi, u) }
        }
        guard lo < hi else { return .any(hypotheses.map(\.signalRegion)) }
        return .interval(observable: "m2_miss", low: lo, high: hi)
    }
}
