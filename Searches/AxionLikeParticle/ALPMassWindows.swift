import Analysis

/// The signal regions of the three-photon ALP search: per mass m and for each of the three
/// pairings k (the pair recoiling against photon k), the mass estimator within +- k_sigma of
/// its peak (m_gg in m +- k sigma_gg, or M2_rec in m^2 +- k sigma(M2_rec), whichever resolves
/// m better, `DiphotonMassResolution.usesRecoil`) and the recoil photon matching E*:
/// |E*_k - E*(m_gg,k)| < `matchSigmas` sigma(E*(m)). An event is in the region when one of
/// its pairings is.
///
/// k_sigma = 2 as the other searches' windows; the match at 3 sigma of the recoil photon's
/// energy resolution keeps the Gaussian core (99.7%) and loses ISR events whose missing energy
/// moves E* by more (counted in the efficiency).
public struct ALPMassWindows: Sendable, Hashable {
    public let resolution: DiphotonMassResolution
    public let windowSigmas: Double
    public let matchSigmas: Double

    public init(resolution: DiphotonMassResolution, windowSigmas: Double = 2, matchSigmas: Double = 3) {
        self.resolution = resolution
        self.windowSigmas = windowSigmas
        self.matchSigmas = matchSigmas
    }

    /// The fit observable of pairing k at mass m, its peak position and resolution.
    public func estimator(mass m: Double, candidate k: Int) -> (observable: String, centre: Double, sigma: Double) {
        resolution.usesRecoil(mass: m)
            ? (ThreePhotonObservables.recoilObservable(k), m * m, resolution.recoilSigma(mass: m))
            : (ThreePhotonObservables.massObservable(k), m, resolution.diphotonSigma(mass: m))
    }

    /// Half-width of the recoil-energy match at mass m (GeV).
    public func matchTolerance(mass m: Double) -> Double { matchSigmas * resolution.recoilEnergySigma(mass: m) }

    /// Pairing k in [low, high) of its estimator at mass m, with the recoil match.
    func pairing(_ k: Int, mass m: Double, low: Double, high: Double) -> SignalRegion {
        let e = estimator(mass: m, candidate: k), tol = matchTolerance(mass: m)
        return .all([.interval(observable: e.observable, low: low, high: high),
                     .interval(observable: ThreePhotonObservables.mismatchObservable(k), low: -tol, high: tol)])
    }

    public func region(mass m: Double, scale: Double = 1) -> SignalRegion {
        let e = estimator(mass: m, candidate: 1), w = scale * windowSigmas * e.sigma
        return .any(ThreePhotonObservables.candidates.map { pairing($0, mass: m, low: e.centre - w, high: e.centre + w) })
    }

    public func hypotheses(masses: [Double], parameter: String) -> [MassHypothesis] {
        masses.sorted().enumerated().map { i, m in
            let e = estimator(mass: m, candidate: 1), w = windowSigmas * e.sigma
            return MassHypothesis(index: i, parameters: [parameter: m], signalRegion: region(mass: m),
                                  sidebands: [.any(ThreePhotonObservables.candidates.map { pairing($0, mass: m, low: e.centre - 2 * w, high: e.centre - w) }),
                                              .any(ThreePhotonObservables.candidates.map { pairing($0, mass: m, low: e.centre + w, high: e.centre + 2 * w) })])
        }
    }

    /// A region containing every hypothesis' region, compact enough to evaluate on every
    /// event: per estimator and pairing, the union of the windows merged into disjoint
    /// intervals, with the widest recoil match of those masses.
    public func envelope(masses: [Double]) -> SignalRegion {
        var pieces: [SignalRegion] = []
        for useRecoil in [false, true] {
            let ms = masses.filter { resolution.usesRecoil(mass: $0) == useRecoil }
            guard !ms.isEmpty else { continue }
            var spans: [(Double, Double)] = ms.map { m in
                let e = estimator(mass: m, candidate: 1), w = windowSigmas * e.sigma
                return (e.centre - w, e.centre + w)
            }.sorted { $0.0 < $1.0 }
            var merged: [(Double, Double)] = [spans.removeFirst()]
            for s in spans {
                if s.0 <= merged[merged.count - 1].1 { merged[merged.count - 1].1 = max(merged[merged.count - 1].1, s.1) }
                else { merged.append(s) }
            }
            let tol = ms.map(matchTolerance(mass:)).max()!
            for k in ThreePhotonObservables.candidates {
                let o = useRecoil ? ThreePhotonObservables.recoilObservable(k) : ThreePhotonObservables.massObservable(k)
                let windows: [SignalRegion] = merged.map { .interval(observable: o, low: $0.0, high: $0.1) }
                pieces.append(.all([windows.count == 1 ? windows[0] : .any(windows),
                                    .interval(observable: ThreePhotonObservables.mismatchObservable(k), low: -tol, high: tol)]))
            }
        }
        return .any(pieces)
    }
}
