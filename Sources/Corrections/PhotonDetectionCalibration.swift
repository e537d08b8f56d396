import Analysis
import Detector
import EventModel
import Kinematics

/// Photon detection efficiency per ECL region (forward endcap, forward gap, barrel,
/// backward gap, backward endcap) from e+e- -> mu+mu- gamma events in which the muon pair
/// predicts the photon: the recoil of the pair against the beams, P_beams - p1 - p2, is a
/// photon (|M^2_recoil| < 0.4 GeV^2, lab energy above 1 GeV), and its direction says where
/// it hits the ECL. The efficiency is the fraction of these events with an unmatched
/// cluster of at least 40% of the predicted energy within 0.2 rad of the predicted
/// direction (beam-background clusters, with their 25 MeV spectrum, never reach that
/// energy; a muon's own cluster deposits 0.19 GeV and is matched to its track).
///
/// The predicted direction's resolution (the two muons' momentum resolution over the photon
/// energy: ~2 deg at 1 GeV, ~0.5 deg at 4 GeV) is comparable to the gaps' widths (0.8 and
/// 2 deg), so photons predicted in a gap also hit its neighbours. The endcap and barrel
/// bins start `margin` (3 deg) away from each gap, where the prediction is pure; across each
/// gap and its margins the events are binned finely in predicted angle (0.4 deg forward,
/// 0.5 deg backward) and in predicted energy (1-2, 2-3.5, above 3.5 GeV), and
/// `RegionUnfolding` fits each region's efficiency to all bins with the simulation's
/// truth-level migration between predicted bin and true region, so that the sharp
/// predictions (high energy, mid-gap) carry the gap. The migration is recomputed with the
/// simulated momenta re-smeared 10% wider (the data/MC momentum-resolution
/// difference this suite measures, `momentum_resolution`), and the change of the unfolded
/// data efficiency is the systematic.
///
/// Why muons outside the barrel: a calibration must not see the blinding. mu mu gamma with
/// the photon lost is exactly what the dimuon searches' signal regions hold (a muon pair
/// and missing momentum), and how many such events blinding hides depends on the very
/// efficiency measured here. Every current two-track search asks for both leptons in the
/// ECL barrel (32.2-128.7 deg) and the mono-photon search for no track, so pairs with a
/// track outside the barrel are never hidden, whether the photon is found or not (checked
/// in Tests/CorrectionsTests). The pair must have fired a track-only trigger line (two-track
/// or single-muon): the ECL lines would fire more often when the photon is found. Neither
/// track may be identified as an electron (radiative Bhabhas) and at least one must be a
/// muon; identification does not see the photon, so its data/MC difference changes the
/// sample's size, not the fractions.
///
/// All event ids: no search's control sample holds a pair with a track outside the barrel.
///
/// Applied to simulated photons (`PhotonDetectionCorrection`).
public struct PhotonDetectionCalibration: Calibration {
    public static let correctionName = "photon_detection_efficiency"
    /// The five ECL regions, in the order of the bins and the correction rows.
    public static let regions: [ECLRegion] = [.forwardEndcap, .forwardGap, .barrel, .backwardGap, .backwardEndcap]
    /// Predicted photon energy (lab) from which the prediction is good enough.
    public static let minPhotonEnergy = 1.0
    static let maxRecoilMass2 = 0.4
    static let matchAngle = 0.2
    static let minEnergyFraction = 0.4
    /// deg: how far from a gap the endcap and barrel bins start (beyond it photons predicted
    /// there are in that region, 99% and more), and the fine bins' widths between.
    public static let margin = 3.0
    static let forwardStep = 0.4, backwardStep = 0.5
    /// Predicted photon energy bands (GeV) of the fine bins: the prediction sharpens with energy.
    static let energyEdges = [1.0, 2.0, 3.5]
    /// The momentum-resolution factor of the systematic's re-smearing.
    static let systematicResolutionFactor = 1.1
    static let muonMass = 0.1056584
    static let salt: UInt64 = 0x70686F746F6E   // "photon"

    let beams: BelleIIBeams
    let acceptance: Acceptance
    let tracking: TrackingResponse
    /// Region boundaries (deg): forward endcap start/end, barrel start/end, backward endcap start/end.
    let fwdStart: Double, fwdEnd: Double, barrelStart: Double, barrelEnd: Double, bwdStart: Double, bwdEnd: Double
    let forwardFine: Int, backwardFine: Int
    /// Per predicted bin: found / not found, in data and simulation.
    var data: [EfficiencyCounter]
    var mc: [EfficiencyCounter]
    /// Weighted counts [predicted bin][true region], the last column for a photon outside
    /// the ECL or not found in the generator record.
    var migration: [[Double]]
    var migrationWide: [[Double]]

    public init(mcConditions c: DetectorConditions, beams: BelleIIBeams = .y4S) {
        self.beams = beams
        acceptance = Acceptance(c.acceptance)
        tracking = TrackingResponse(c.tracking, vertexing: c.vertexing)
        let a = c.acceptance
        fwdStart = a.eclForwardEndcapThetaDeg.lowerBound; fwdEnd = a.eclForwardEndcapThetaDeg.upperBound
        barrelStart = a.eclBarrelThetaDeg.lowerBound; barrelEnd = a.eclBarrelThetaDeg.upperBound
        bwdStart = a.eclBackwardEndcapThetaDeg.lowerBound; bwdEnd = a.eclBackwardEndcapThetaDeg.upperBound
        forwardFine = Int(((barrelStart - fwdEnd + 2 * Self.margin) / Self.forwardStep).rounded(.up))
        backwardFine = Int(((bwdStart - barrelEnd + 2 * Self.margin) / Self.backwardStep).rounded(.up))
        let bins = 3 + (forwardFine + backwardFine) * Self.energyEdges.count
        data = [EfficiencyCounter](repeating: .init(), count: bins)
        mc = data
        migration = [[Double]](repeating: [Double](repeating: 0, count: Self.regions.count + 1), count: bins)
        migrationWide = migration
    }

    /// The true polar-angle range (deg) of region k: what a correction row's bin covers.
    public func trueRange(_ k: Int) -> (Double, Double) {
        [(fwdStart, fwdEnd), (fwdEnd, barrelStart), (barrelStart, barrelEnd), (barrelEnd, bwdStart), (bwdStart, bwdEnd)][k]
    }

    /// The predicted bin of a photon predicted at polar angle `t` (deg) with energy `e`:
    /// 0, 1, 2 for the forward endcap, barrel and backward endcap away from the gaps (any
    /// energy), then fine bins in angle across each gap and its margins, by energy band.
    func predictedBin(_ t: Double, energy e: Double) -> Int? {
        let m = Self.margin
        if t >= fwdStart + m && t < fwdEnd - m { return 0 }
        if t >= barrelStart + m && t < barrelEnd - m { return 1 }
        if t >= bwdStart + m && t < bwdEnd - m { return 2 }
        guard let band = Self.energyEdges.lastIndex(where: { $0 <= e }) else { return nil }
        if t >= fwdEnd - m && t < barrelStart + m {
            let k = min(forwardFine - 1, Int((t - (fwdEnd - m)) / Self.forwardStep))
            return 3 + band * forwardFine + k
        }
        if t >= barrelEnd - m && t < bwdStart + m {
            let k = min(backwardFine - 1, Int((t - (barrelEnd - m)) / Self.backwardStep))
            return 3 + Self.energyEdges.count * forwardFine + band * backwardFine + k
        }
        return nil
    }

    /// The region index of a true direction, `regions.count` outside the ECL.
    func regionIndex(cosTheta c: Double) -> Int {
        Self.regions.firstIndex(of: acceptance.eclRegion(cosTheta: c)) ?? Self.regions.count
    }

    /// The two muon candidates of event i (rows), nil unless the event is a triggered
    /// opposite-charge pair, no electron, at least one muon, a track outside the barrel.
    func muonPair(_ b: EventBatch, event i: Int) -> (Int, Int)? {
        guard b.tracks.offsets.count(ofEvent: i) == 2 else { return nil }
        let fired = TriggerLine(rawValue: b.events.triggerBits[i])
        guard fired.contains(.twoTrack) || fired.contains(.singleMuon) else { return nil }
        let r0 = b.tracks.offsets.rows(ofEvent: i).lowerBound
        let wp: Float = 0.9
        guard b.tracks.charge[r0] != b.tracks.charge[r0 + 1],
              b.tracks.electronID[r0] <= wp, b.tracks.electronID[r0 + 1] <= wp,
              b.tracks.muonID[r0] > wp || b.tracks.muonID[r0 + 1] > wp else { return nil }
        let t = [EventView.thetaDeg(EventView.momentum(b, r0)), EventView.thetaDeg(EventView.momentum(b, r0 + 1))]
        guard t.min()! < barrelStart || t.max()! > barrelEnd else { return nil }
        return (r0, r0 + 1)
    }

    /// The photon the pair predicts (lab four-momentum) and its predicted bin, nil when the
    /// recoil is not a photon above `minPhotonEnergy` in a bin.
    func prediction(_ p1: ThreeVector, _ p2: ThreeVector) -> (photon: FourVector, bin: Int)? {
        let recoil = beams.total - FourVector(mass: Self.muonMass, momentum: p1) - FourVector(mass: Self.muonMass, momentum: p2)
        guard recoil.e > Self.minPhotonEnergy, abs(recoil.massSquared) < Self.maxRecoilMass2,
              recoil.p.magnitude > 0, let k = predictedBin(EventView.thetaDeg(recoil.p), energy: recoil.e) else { return nil }
        return (recoil, k)
    }

    public func isMember(_ b: EventBatch, event i: Int) -> Bool {
        guard let (r1, r2) = muonPair(b, event: i) else { return false }
        return prediction(EventView.momentum(b, r1), EventView.momentum(b, r2)) != nil
    }

    /// Whether an unmatched cluster of at least 40% of the predicted energy lies within
    /// 0.2 rad of the predicted direction.
    func found(_ b: EventBatch, event i: Int, photon: FourVector) -> Bool {
        let n = photon.p.unit
        for c in b.clusters.offsets.rows(ofEvent: i)
        where b.clusters.trackMatched[c] == 0 && b.clusters.energy[c] > Self.minEnergyFraction * photon.e {
            let d = ThreeVector(magnitude: 1, theta: b.clusters.theta[c], phi: b.clusters.phi[c])
            if Arctangent.acos(max(-1, min(1, n.x * d.x + n.y * d.y + n.z * d.z))) < Self.matchAngle { return true }
        }
        return false
    }

    /// Region index of the generator photon behind a prediction: the most energetic one above
    /// 40% of the predicted energy within 0.3 rad (cosine 0.9553); `regions.count` when there is none or it
    /// is outside the ECL.
    func trueRegion(_ b: EventBatch, event i: Int, photon: FourVector) -> Int {
        let n = photon.p.unit
        var best: (e: Double, cos: Double)? = nil
        for k in b.particles.offsets.rows(ofEvent: i) where b.particles.pdg[k] == 22 {
            let p = ThreeVector(x: b.particles.px[k], y: b.particles.py[k], z: b.particles.pz[k])
            let e = p.magnitude
            guard e > Self.minEnergyFraction * photon.e else { continue }
            let c = (n.x * p.x + n.y * p.y + n.z * p.z) / e
            if c > 0.9553, best == nil || e > best!.e { best = (e, p.z / e) }
        }
        return best.map { regionIndex(cosTheta: $0.cos) } ?? Self.regions.count
    }

    func relativeSigma(_ p: ThreeVector) -> Double {
        let e = (p.magnitudeSquared + Self.muonMass * Self.muonMass).squareRoot()
        return tracking.relativePtSigma(pt: p.perp, beta: p.magnitude / e)
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        let f = (Self.systematicResolutionFactor * Self.systematicResolutionFactor - 1).squareRoot()
        for i in 0..<b.count {
            guard let (r1, r2) = muonPair(b, event: i) else { continue }
            let p1 = EventView.momentum(b, r1), p2 = EventView.momentum(b, r2)
            if let (photon, k) = prediction(p1, p2) {
                let passed = found(b, event: i, photon: photon)
                if isData { data[k].add(passed: passed, weight: 1); continue }
                mc[k].add(passed: passed, weight: weights[i])
                migration[k][trueRegion(b, event: i, photon: photon)] += weights[i]
            }
            guard !isData else { continue }
            // The same events predicted with 10% worse momenta (fixed per event).
            let random = EventRandom(salt: Self.salt, eventID: b.events.eventID[i], tag: p1.x)
            let q1 = p1 * (1 + f * relativeSigma(p1) * random.gaussian())
            let q2 = p2 * (1 + f * relativeSigma(p2) * random.gaussian())
            if let (photon, k) = prediction(q1, q2) {
                migrationWide[k][trueRegion(b, event: i, photon: photon)] += weights[i]
            }
        }
    }

    public mutating func merge(_ o: PhotonDetectionCalibration) {
        for k in data.indices {
            data[k].merge(o.data[k]); mc[k].merge(o.mc[k])
            for r in migration[k].indices { migration[k][r] += o.migration[k][r]; migrationWide[k][r] += o.migrationWide[k][r] }
        }
    }

    /// Row-normalised migration without the outside column.
    static func normalised(_ m: [[Double]]) -> [[Double]] {
        m.map { row in
            let total = row.reduce(0, +)
            return row.dropLast().map { total > 0 ? $0 / total : 0 }
        }
    }

    /// The unfolding's inputs: each predicted bin with its migration row and fraction.
    static func bins(_ counters: [EfficiencyCounter], migration: [[Double]]) -> [RegionUnfolding.Bin] {
        zip(counters, normalised(migration)).map { c, m in
            RegionUnfolding.Bin(migration: m, fraction: c.efficiency, entries: c.effectiveEntries)
        }
    }

    /// Events truly in region r: sum over bins of entries times the bin's share of r.
    static func population(_ counters: [EfficiencyCounter], migration: [[Double]], region r: Int) -> Double {
        zip(counters, normalised(migration)).map { c, m in c.total * m[r] }.reduce(0, +)
    }

    public func result(notes: inout [String]) -> [MeasuredCorrection] {
        let n = Self.regions.count
        let dataIn = (0..<n).map { Self.population(data, migration: migration, region: $0) }
        let mcIn = (0..<n).map { Self.population(mc, migration: migration, region: $0) }
        for k in 0..<n where dataIn[k] < 20 || mcIn[k] < 20 {
            notes.append(String(format: "%@: too few predicted photons truly in %@ (data %.0f, MC %.0f); no correction",
                                Self.correctionName, "\(Self.regions[k])", dataIn[k], mcIn[k]))
            return []
        }
        guard let d = RegionUnfolding.fit(Self.bins(data, migration: migration), regions: n),
              let s = RegionUnfolding.fit(Self.bins(mc, migration: migration), regions: n),
              let dWide = RegionUnfolding.fit(Self.bins(data, migration: migrationWide), regions: n)
        else {
            notes.append("\(Self.correctionName): the migration between predicted and true ECL regions cannot be inverted; no correction")
            return []
        }
        var rows: [MeasuredCorrection] = []
        for k in 0..<n {
            let (lo, hi) = trueRange(k)
            // Inside the crystals the simulated efficiency is 1 but for the punch-through
            // (3.6e-6, docs/physics/detector.md), so the unfolded value scatters around 1 on
            // both sides: the row is kept (its ratio is still measured; `PhotonDetection-
            // Correction` leaves lost photons unweighted when the efficiency reaches 1).
            guard s.efficiency[k] > 0 else {
                notes.append("\(Self.correctionName) \(Self.regions[k]): unfolded simulated efficiency \(s.efficiency[k]); no correction")
                continue
            }
            let r = ratio(d.efficiency[k], d.uncertainty[k], s.efficiency[k], s.uncertainty[k])
            rows.append(MeasuredCorrection(
                name: Self.correctionName, bin: String(format: "%@ theta_deg [%.1f, %.1f)", "\(Self.regions[k])", lo, hi),
                binLow: lo, binHigh: hi,
                dataValue: d.efficiency[k], dataUncertainty: d.uncertainty[k],
                mcValue: s.efficiency[k], mcUncertainty: s.uncertainty[k],
                value: r.value, statUncertainty: r.uncertainty,
                // Systematic: the migration is the simulation's; with the prediction 10%
                // less precise (the data/MC momentum-resolution difference) the unfolded
                // data efficiency moves by this much.
                systUncertainty: abs(dWide.efficiency[k] - d.efficiency[k]) / s.efficiency[k],
                sourceSample: "mu mu gamma, a muon outside the ECL barrel, recoil a photon above 1 GeV",
                method: "fraction of predicted photons with a cluster, unfolded from \(data.count) predicted bins (angle, energy) to true regions with the simulated migration",
                dataEvents: dataIn[k], mcEvents: mcIn[k]))
        }
        return rows
    }
}

/// Per-photon weights for simulation (see `PhotonDetectionCalibration`): every generator
/// photon above 1 GeV in a measured region is found when an unmatched cluster of at least
/// 40% of its energy lies within 50 mrad (the ECL's angular resolution is 5 mrad at 1 GeV);
/// found photons weigh eps_data/eps_MC, lost ones (1 - eps_data)/(1 - eps_MC). Below 1 GeV
/// nothing was measured and nothing is applied; the efficiency plateau of the detector
/// model starts at ~0.1 GeV, but real calorimeters' gaps need not be flat in energy.
/// Photons from pi0 decays are not in the generator record (the detector decays the pi0)
/// and are not corrected.
public struct PhotonDetectionCorrection: SimulationCorrection {
    public let name = PhotonDetectionCalibration.correctionName
    public let rows: [MeasuredCorrection]
    static let matchAngle = 0.05

    public init(rows: [MeasuredCorrection]) { self.rows = rows }

    public func correct(_ b: inout EventBatch) {
        guard !rows.isEmpty, b.particles.offsets.eventCount == b.count else { return }
        for i in 0..<b.count {
            var w = 1.0
            for k in b.particles.offsets.rows(ofEvent: i) where b.particles.pdg[k] == 22 {
                let p = ThreeVector(x: b.particles.px[k], y: b.particles.py[k], z: b.particles.pz[k])
                let e = p.magnitude
                guard e > PhotonDetectionCalibration.minPhotonEnergy,
                      let row = rows.first(where: { $0.contains(EventView.thetaDeg(p)) }) else { continue }
                var found = false
                for c in b.clusters.offsets.rows(ofEvent: i)
                where b.clusters.trackMatched[c] == 0 && b.clusters.energy[c] > PhotonDetectionCalibration.minEnergyFraction * e {
                    let d = ThreeVector(magnitude: 1, theta: b.clusters.theta[c], phi: b.clusters.phi[c])
                    if Arctangent.acos(max(-1, min(1, (p.x * d.x + p.y * d.y + p.z * d.z) / e))) < Self.matchAngle { found = true; break }
                }
                if found { w *= row.value } else if row.mcValue < 1 { w *= max(0, 1 - row.dataValue) / (1 - row.mcValue) }
            }
            b.events.weight[i] *= w
        }
    }
}
