import Analysis
import Detector
import EventModel
import Kinematics

/// Track momentum resolution in data relative to simulation, from the width of the
/// dimuon mass peak of e+e- -> mu+mu-(gamma) at sqrt(s), in pairs with at least one track
/// outside the ECL barrel (theta < 32.2 or > 128.7 deg), neither identified as an electron
/// and at least one as a muon (which keeps Bhabha pairs out).
///
/// Why outside the barrel: a calibration must not see the blinding. Full-energy pairs in
/// the barrel reach into the dimuon searches' signal regions (recoil mass near zero), which
/// data hide, and how many are hidden depends on the very resolution measured here (k moved
/// by 0.02 that way). Every current search asks for both leptons in the barrel (its
/// `barrel_forward`/`barrel_backward` cuts), so these pairs are never hidden. Why "at least
/// one" muon and not "both" or "exactly one": the identification's data/MC difference would
/// change the mixture of track angles (and so of resolutions) between data and simulation;
/// with pairs selected by exactly one identified muon, k came out 1.128 for a true 1.088.
/// At least one of two is identified with probability 0.95-0.99 in data and simulation
/// alike. The resolution model being the same function of
/// pT everywhere, forward pairs measure the same factor (checked in Tests/CorrectionsTests).
///
/// The peak at 10.58 GeV is ~40 MeV wide, set by the momentum resolution of two 5 GeV
/// tracks (the 5 MeV beam-energy spread and the radiative tail, the same in data and
/// simulation, add little to the core). We re-smear the simulated momenta with an extra
/// relative Gaussian term sqrt(k^2 - 1) sigma_MC(pT)/pT (the simulation's own resolution
/// model, from Conditions/mc.yaml, which is what the analysis believes) and find the k that
/// minimises the chi2 between the data and the re-smeared simulation's mass shapes in
/// 10.25-10.85 GeV (simulation normalised to the data there). The same Gaussian numbers are
/// reused for every k, so that the chi2 is a smooth function of k; its minimum and the
/// Delta chi2 = 1 interval come from a parabola through the scan near the minimum.
/// Pulls of this estimator against the true k are tested with pseudo-data made with other
/// conditions (Tests/CorrectionsTests).
public struct MomentumResolutionCalibration: Calibration {
    public static let correctionName = "momentum_resolution"
    static let low = 10.25, high = 10.85, bins = 30
    static let scan = stride(from: 1.0, through: 1.4, by: 0.005).map { $0 }

    struct SimulatedPair: Sendable {
        var weight: Double
        var p1: ThreeVector, p2: ThreeVector
        var extra1: Double, extra2: Double   // sigma_rel * gaussian
    }

    let tracking: TrackingResponse
    var dataMasses: [Double] = []
    var simulated: [SimulatedPair] = []

    public init(mcConditions: DetectorConditions) {
        tracking = TrackingResponse(mcConditions.tracking, vertexing: mcConditions.vertexing)
    }

    static let muonMass = 0.1056584
    static let salt: UInt64 = 0x6D6F6D656E74   // "moment"

    /// The two tracks of a mu mu candidate with a track outside the ECL barrel, nil otherwise.
    static func muonPair(_ b: EventBatch, event i: Int) -> (Int, Int)? {
        guard b.tracks.offsets.count(ofEvent: i) == 2 else { return nil }
        let r0 = b.tracks.offsets.rows(ofEvent: i).lowerBound
        let wp: Float = 0.9
        guard b.tracks.charge[r0] != b.tracks.charge[r0 + 1],
              b.tracks.electronID[r0] <= wp, b.tracks.electronID[r0 + 1] <= wp,
              b.tracks.muonID[r0] > wp || b.tracks.muonID[r0 + 1] > wp else { return nil }
        let t = [EventView.thetaDeg(EventView.momentum(b, r0)), EventView.thetaDeg(EventView.momentum(b, r0 + 1))]
        guard t.min()! < barrelThetaDeg.lowerBound || t.max()! > barrelThetaDeg.upperBound else { return nil }
        return (r0, r0 + 1)
    }

    /// The ECL barrel (Conditions/mc.yaml `ecl_barrel_theta_deg`), which the searches'
    /// acceptance cuts ask both leptons to be in.
    static let barrelThetaDeg = 32.2...128.7

    static func mass(_ p1: ThreeVector, _ p2: ThreeVector) -> Double {
        (FourVector(mass: muonMass, momentum: p1) + FourVector(mass: muonMass, momentum: p2)).mass
    }

    func relativeSigma(_ p: ThreeVector) -> Double {
        let e = (p.magnitudeSquared + Self.muonMass * Self.muonMass).squareRoot()
        return tracking.relativePtSigma(pt: p.perp, beta: p.magnitude / e)
    }

    /// All event ids: no search's control sample holds a pair with a lepton outside the barrel.
    public func isMember(_ b: EventBatch, event i: Int) -> Bool {
        guard let (r1, r2) = Self.muonPair(b, event: i) else { return false }
        let m = Self.mass(EventView.momentum(b, r1), EventView.momentum(b, r2))
        return m > Self.low - 0.3 && m < Self.high + 0.3
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        for i in 0..<b.count where isMember(b, event: i) {
            guard let (r1, r2) = Self.muonPair(b, event: i) else { continue }
            let p1 = EventView.momentum(b, r1), p2 = EventView.momentum(b, r2)
            let m = Self.mass(p1, p2)
            if isData { dataMasses.append(m); continue }
            let random = EventRandom(salt: Self.salt, eventID: b.events.eventID[i], tag: p1.x)
            simulated.append(SimulatedPair(weight: weights[i], p1: p1, p2: p2,
                                           extra1: relativeSigma(p1) * random.gaussian(),
                                           extra2: relativeSigma(p2) * random.gaussian()))
        }
    }

    public mutating func merge(_ o: MomentumResolutionCalibration) {
        dataMasses += o.dataMasses
        simulated += o.simulated
    }

    static func histogram(_ values: [Double], weights: [Double]? = nil) -> [Double] {
        var h = [Double](repeating: 0, count: bins)
        let width = (high - low) / Double(bins)
        for (k, v) in values.enumerated() where v >= low && v < high {
            h[min(bins - 1, Int((v - low) / width))] += weights?[k] ?? 1
        }
        return h
    }

    /// chi2 of the data against the simulation re-smeared with factor k (shape only).
    func chi2(k: Double, data: [Double]) -> Double {
        let f = (max(0, k * k - 1)).squareRoot()
        var masses: [Double] = [], w: [Double] = [], w2: [Double] = []
        masses.reserveCapacity(simulated.count)
        for s in simulated {
            masses.append(Self.mass(s.p1 * (1 + f * s.extra1), s.p2 * (1 + f * s.extra2)))
            w.append(s.weight); w2.append(s.weight * s.weight)
        }
        let m = Self.histogram(masses, weights: w), m2 = Self.histogram(masses, weights: w2)
        let nd = data.reduce(0, +), nm = m.reduce(0, +)
        guard nd > 0, nm > 0 else { return .nan }
        let scale = nd / nm
        var c = 0.0
        for j in 0..<Self.bins {
            let expect = m[j] * scale
            let variance = data[j] + m2[j] * scale * scale
            if variance > 0 { c += (data[j] - expect) * (data[j] - expect) / variance }
        }
        return c
    }

    /// Minimum and Delta chi2 = 1 half width of a least-squares parabola through the scan
    /// points within a window of the minimum (+-0.05 first, then +-2.5 sigma of the previous
    /// fit, at least +-0.02), refitted three times. Why not the lowest point and its two
    /// neighbours: chi2(k) is jagged by 0.5-1 from one 0.005 step to the next (simulated
    /// masses cross bin edges as k moves), so three adjacent points measure that jitter, not
    /// the well. They gave uncertainties of 0.004-0.007 for a k that scatters by 0.03 between
    /// pseudo-data seeds of 3 000 pairs (Tests/CorrectionsTests); the wide parabola gives
    /// 0.02-0.04 there, matching the scatter. Nil when the points do not curve upwards.
    static func parabola(_ x: [Double], _ y: [Double], around start: Double) -> (k: Double, sigma: Double)? {
        var centre = start, halfWidth = 0.05
        var result: (k: Double, sigma: Double)? = nil
        for _ in 0..<3 {
            // Normal equations of y = c0 + c1 t + c2 t^2 in t = x - centre.
            var s = [Double](repeating: 0, count: 5), r = [Double](repeating: 0, count: 3)
            var n = 0
            for (xi, yi) in zip(x, y) where abs(xi - centre) <= halfWidth + 1e-12 && yi.isFinite {
                let t = xi - centre
                var p = 1.0
                for q in 0..<5 { s[q] += p; if q < 3 { r[q] += p * yi }; p *= t }
                n += 1
            }
            guard n >= 5 else { break }
            var a = [[s[0], s[1], s[2], r[0]], [s[1], s[2], s[3], r[1]], [s[2], s[3], s[4], r[2]]]
            for c in 0..<3 {
                for row in (c + 1)..<3 {
                    let f = a[row][c] / a[c][c]
                    for q in c..<4 { a[row][q] -= f * a[c][q] }
                }
            }
            var coefficient = [0.0, 0.0, 0.0]
            for row in stride(from: 2, through: 0, by: -1) {
                var v = a[row][3]
                for q in (row + 1)..<3 { v -= a[row][q] * coefficient[q] }
                coefficient[row] = v / a[row][row]
            }
            guard coefficient[2] > 0 else { break }
            let sigma = (1 / coefficient[2]).squareRoot()   // chi2 rises by 1 at k0 +- sigma
            centre += -coefficient[1] / (2 * coefficient[2])
            result = (centre, sigma)
            halfWidth = max(0.02, 2.5 * sigma)
        }
        return result
    }

    public func result(notes: inout [String]) -> [MeasuredCorrection] {
        let data = Self.histogram(dataMasses)
        let nData = data.reduce(0, +)
        guard nData >= 200, simulated.count >= 200 else {
            notes.append("\(Self.correctionName): too few mu mu pairs in \(Self.low)-\(Self.high) GeV (data \(Int(nData)), MC \(simulated.count)); no re-smearing")
            return []
        }
        let chi = Self.scan.map { chi2(k: $0, data: data) }
        guard let best = chi.indices.min(by: { chi[$0] < chi[$1] }) else { return [] }
        var k = Self.scan[best], sigma = 0.05
        if let fit = Self.parabola(Self.scan, chi, around: Self.scan[best]) { (k, sigma) = fit }
        k = max(1, min(k, Self.scan.last!))
        if best == 0 || best == Self.scan.count - 1 {
            notes.append(String(format: "%@: chi2 minimum at the edge of the scan (k = %.3f); the re-smearing is bounded to %.2f-%.2f",
                                Self.correctionName, Self.scan[best], Self.scan.first!, Self.scan.last!))
        }
        // The table's data and MC columns: the dimuon peak's core width (half the central
        // 68% within the fit range, GeV) before any re-smearing, with the Gaussian standard
        // error 0.96 sigma / sqrt(N) of that estimator.
        let inRange = { (m: Double) in m >= Self.low && m < Self.high }
        let dataCore = dataMasses.filter(inRange)
        let mcPairs = simulated.map { (Self.mass($0.p1, $0.p2), $0.weight) }.filter { inRange($0.0) }
        let peak = 10.58
        let dWidth = CoreResolution.sigma(values: dataCore, weights: dataCore.map { _ in 1 }, truth: peak) ?? .nan
        let mWidth = CoreResolution.sigma(values: mcPairs.map(\.0), weights: mcPairs.map(\.1), truth: peak) ?? .nan
        let mcEffective: Double = {
            let w = mcPairs.map(\.1).reduce(0, +), w2 = mcPairs.map { $0.1 * $0.1 }.reduce(0, +)
            return w2 > 0 ? w * w / w2 : 0
        }()
        return [MeasuredCorrection(
            name: Self.correctionName, bin: "all",
            dataValue: dWidth, dataUncertainty: 0.96 * dWidth / Double(max(dataCore.count, 1)).squareRoot(),
            mcValue: mWidth, mcUncertainty: 0.96 * mWidth / max(mcEffective, 1).squareRoot(),
            value: k, statUncertainty: sigma,
            // Systematic: the fit range; moving its edges by one bin either way changes k by
            // about a third of the statistical error in our studies; we take 0.01 (1% of the
            // resolution), the size of the binning effect on a 40 MeV core in 20 MeV bins.
            systUncertainty: 0.01,
            sourceSample: "mu mu (gamma) with a track outside the ECL barrel, M_mumu 10.25-10.85 GeV",
            method: String(format: "re-smearing factor k of sigma(pT)/pT from the dimuon mass peak (chi2 scan, min chi2 %.1f / %d bins)", chi[best], Self.bins),
            dataEvents: nData, mcEvents: mcEffective)]
    }
}

/// Re-smears simulated track momenta by the measured factor k: p -> p (1 + sqrt(k^2-1)
/// sigma_MC(pT)/pT g), g a standard Gaussian fixed per event and track. The direction is
/// kept (the angular resolution is not corrected).
public struct MomentumResolutionCorrection: SimulationCorrection {
    public let name = MomentumResolutionCalibration.correctionName
    public let k: Double
    let tracking: TrackingResponse

    public init(k: Double, mcConditions: DetectorConditions) {
        self.k = k
        tracking = TrackingResponse(mcConditions.tracking, vertexing: mcConditions.vertexing)
    }

    public func correct(_ b: inout EventBatch) {
        let f = (max(0, k * k - 1)).squareRoot()
        guard f > 0 else { return }
        for i in 0..<b.count {
            let rows = b.tracks.offsets.rows(ofEvent: i)
            guard !rows.isEmpty else { continue }
            let random = EventRandom(salt: MomentumResolutionCalibration.salt, eventID: b.events.eventID[i],
                                     tag: b.tracks.px[rows.lowerBound])
            for r in rows {
                let p = EventView.momentum(b, r)
                let e = (p.magnitudeSquared + 0.13957 * 0.13957).squareRoot()
                let s = 1 + f * tracking.relativePtSigma(pt: p.perp, beta: p.magnitude / e) * random.gaussian()
                b.tracks.px[r] *= s; b.tracks.py[r] *= s; b.tracks.pz[r] *= s
            }
        }
    }
}
