import Analysis
import EventModel
import Kinematics

/// Track-finding efficiency by tag and probe on e+e- -> mu+mu-(gamma): a tag track identified
/// as a muon and not as an electron (Bhabha pairs, a hundred times more frequent and weighted
/// heavily in the simulation, would otherwise enter through the muon fake rate), above 4.5 GeV in the CMS and in the forward CDC (17-30 deg, outside the ECL
/// barrel), predicts its partner back to back in the CMS; the probe is found when an
/// opposite-charge track lies within 0.15 rad of the prediction. Only predictions inside the
/// CDC (25-145 deg) with pT above 0.5 GeV (the efficiency plateau) count, and the event may
/// hold no third track. Belle II measures its tracking efficiency the same way (on tau pairs
/// in the 3-1 topology; mu mu is what the demo's samples give in numbers).
///
/// The found fraction is not the absolute efficiency (a hard photon can turn the partner out
/// of the cone or the acceptance), but those losses are the same in data and simulation, so
/// the ratio of the found fractions is the correction; the simulation's absolute
/// efficiency comes from its own truth (the partner muon matched to a track), and the data's
/// is that times the ratio, which the weights of lost tracks need.
///
/// Blinding: the tag is outside the ECL barrel, which every two-track search asks both
/// leptons to be in, and the mono-photon search asks for no track, so no event of the
/// sample is ever hidden (checked in Tests/CorrectionsTests); no search's control sample has
/// a forward track either, so all event ids are used.
public struct TrackingEfficiencyCalibration: Calibration {
    public static let correctionName = "tracking_efficiency"
    static let tagTheta = 17.0...30.0
    static let probeTheta = 25.0...145.0
    static let minProbePt = 0.5
    static let cone = 0.15
    static let muonMass = 0.1056584
    static let workingPoint: Float = 0.9

    let beams: BelleIIBeams
    var data = EfficiencyCounter()
    var mc = EfficiencyCounter()
    /// Simulation only: the partner muon of the generator matched to a track.
    var mcTruth = EfficiencyCounter()

    public init(beams: BelleIIBeams = .y4S) { self.beams = beams }

    /// The tag row and the predicted partner direction (lab unit vector), nil when the event
    /// is not in the sample.
    func tagAndPrediction(_ b: EventBatch, event i: Int) -> (tag: Int, direction: ThreeVector)? {
        let n = b.tracks.offsets.count(ofEvent: i)
        guard n == 1 || n == 2 else { return nil }
        var tag: Int? = nil
        for r in b.tracks.offsets.rows(ofEvent: i) {
            let p = EventView.momentum(b, r)
            guard b.tracks.muonID[r] > Self.workingPoint, b.tracks.electronID[r] <= Self.workingPoint,
                  Self.tagTheta.contains(EventView.thetaDeg(p)) else { continue }
            guard tag == nil else { return nil }
            tag = r
        }
        guard let t = tag else { return nil }
        let cms = beams.toCMS(FourVector(mass: Self.muonMass, momentum: EventView.momentum(b, t)))
        guard cms.momentum > 4.5 else { return nil }
        let partner = beams.toLab(FourVector(mass: Self.muonMass, momentum: cms.p * -1))
        guard Self.probeTheta.contains(partner.theta * 180 / .pi), partner.pt > Self.minProbePt else { return nil }
        return (t, partner.p.unit)
    }

    public func isMember(_ b: EventBatch, event i: Int) -> Bool { tagAndPrediction(b, event: i) != nil }

    /// Whether an opposite-charge track other than `tag` lies within the cone of `direction`.
    static func found(_ b: EventBatch, event i: Int, tag: Int, direction: ThreeVector) -> Bool {
        for r in b.tracks.offsets.rows(ofEvent: i) where r != tag && b.tracks.charge[r] != b.tracks.charge[tag] {
            let p = EventView.momentum(b, r).unit
            let c = max(-1, min(1, p.x * direction.x + p.y * direction.y + p.z * direction.z))
            if Arctangent.acos(c) < cone { return true }
        }
        return false
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        for i in 0..<b.count {
            guard let (tag, direction) = tagAndPrediction(b, event: i) else { continue }
            let found = Self.found(b, event: i, tag: tag, direction: direction)
            if isData { data.add(passed: found, weight: 1); continue }
            mc.add(passed: found, weight: weights[i])
            // The generator's partner: the opposite-charge muon; found when a track matches it.
            guard b.particles.offsets.eventCount == b.count else { continue }
            let q = b.tracks.charge[tag]
            for k in b.particles.offsets.rows(ofEvent: i) where abs(b.particles.pdg[k]) == 13 && EventView.charge(pdg: b.particles.pdg[k]) != q {
                let p = ThreeVector(x: b.particles.px[k], y: b.particles.py[k], z: b.particles.pz[k])
                guard Self.probeTheta.contains(EventView.thetaDeg(p)), p.perp > Self.minProbePt else { break }
                let matched = b.tracks.offsets.rows(ofEvent: i).contains { r in
                    r != tag && EventView.truthSpecies(b, event: i, trackRow: r) == 13 && b.tracks.charge[r] != q
                }
                mcTruth.add(passed: matched, weight: weights[i])
                break
            }
        }
    }

    public mutating func merge(_ o: TrackingEfficiencyCalibration) {
        data.merge(o.data); mc.merge(o.mc); mcTruth.merge(o.mcTruth)
    }

    public func result(notes: inout [String]) -> [MeasuredCorrection] {
        guard data.effectiveEntries >= 200, mc.effectiveEntries >= 200, mcTruth.effectiveEntries >= 200,
              mc.efficiency > 0, mcTruth.efficiency < 1 else {
            notes.append("\(Self.correctionName): too few forward muon tags (data \(Int(data.total)), MC \(Int(mc.effectiveEntries))); no correction")
            return []
        }
        let r = ratio(data.efficiency, data.uncertainty, mc.efficiency, mc.uncertainty)
        let eMC = mcTruth.efficiency
        return [MeasuredCorrection(
            name: Self.correctionName, bin: "all (pT > 0.5 GeV, 25-145 deg)",
            // The table shows absolute efficiencies: the simulation's from its truth, the
            // data's as that times the measured ratio.
            dataValue: eMC * r.value, dataUncertainty: eMC * r.uncertainty,
            mcValue: eMC, mcUncertainty: mcTruth.uncertainty,
            value: r.value, statUncertainty: r.uncertainty,
            // Systematic: a background of non-muon or mis-predicted probes that differs
            // between data and simulation; the found fraction is ~0.97 in both, and we
            // assign 0.1%, a tenth of the inefficiency, for it.
            systUncertainty: 0.001,
            sourceSample: "mu mu (gamma): forward muon tag above 4.5 GeV in the CMS, partner predicted in the CDC",
            method: String(format: "found fraction of predicted partners (data %.4f, MC %.4f), data/MC; absolute efficiencies from the simulation's truth", data.efficiency, mc.efficiency),
            dataEvents: data.total, mcEvents: mc.effectiveEntries)]
    }
}

/// Per-particle tracking weights: a generator charged particle in the CDC above 0.5 GeV of
/// pT that left a track (same charge within 50 mrad) gets eps_data/eps_MC, one that did not
/// gets (1 - eps_data)/(1 - eps_MC).
public struct TrackingEfficiencyCorrection: SimulationCorrection {
    public let name = TrackingEfficiencyCalibration.correctionName
    public let row: MeasuredCorrection

    public init(row: MeasuredCorrection) { self.row = row }

    public func correct(_ b: inout EventBatch) {
        guard b.particles.offsets.eventCount == b.count, row.mcValue < 1 else { return }
        let lost = max(0, 1 - row.dataValue) / (1 - row.mcValue)
        for i in 0..<b.count {
            var w = 1.0
            for k in b.particles.offsets.rows(ofEvent: i) {
                let q = EventView.charge(pdg: b.particles.pdg[k])
                guard q != 0 else { continue }
                let p = ThreeVector(x: b.particles.px[k], y: b.particles.py[k], z: b.particles.pz[k])
                guard p.perp > TrackingEfficiencyCalibration.minProbePt,
                      TrackingEfficiencyCalibration.probeTheta.contains(EventView.thetaDeg(p)) else { continue }
                let matched = b.tracks.offsets.rows(ofEvent: i).contains { r in
                    guard b.tracks.charge[r] == q else { return false }
                    let t = EventView.momentum(b, r)
                    let c = max(-1, min(1, (t.x * p.x + t.y * p.y + t.z * p.z) / (t.magnitude * p.magnitude)))
                    return Arctangent.acos(c) < 0.05
                }
                w *= matched ? row.value : lost
            }
            b.events.weight[i] *= w
        }
    }
}
