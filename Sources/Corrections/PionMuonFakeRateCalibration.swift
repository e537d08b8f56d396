import Analysis
import EventModel
import Kinematics

/// Pion-to-muon fake rate of the muon identification, from e+e- -> tau+tau- in the 3-1
/// topology: exactly four tracks, total charge zero, one of them (the tag) alone in its
/// CMS hemisphere (every other track more than 90 deg from it), the three others (the
/// probes) with an invariant mass below the tau mass as pions and none identified as an
/// electron, and the three-track trigger line fired (tracks only: it does not see the muon
/// ID). A three-prong tau decay gives only pions in the generators here (3 pi, 3 pi pi0,
/// 3 pi 2 pi0: BF 14.6%), so the probes are pions; what else makes three tracks of low mass
/// beside one (two-photon e e mu mu with both electrons tracked) puts an electron on the
/// probe side, which the electron veto removes. The fake rate is the fraction of probes
/// above 0.75 GeV inside the KLM (25-155 deg) with muonID > 0.9, one bin: the detector model,
/// like the Belle II likelihood at its working point, has one fake rate above the KLM's
/// momentum threshold, and the few hundred probes a small sample gives could not split it.
/// The tag may be anything (lepton or hadron): it only fixes the topology.
///
/// Why tau pairs in this topology: a calibration must not see the blinding, and every
/// current search asks for exactly two tracks or none, so four-track events are never
/// hidden (checked in Tests/CorrectionsTests). The searches' tau control sample
/// (reversed tau suppression) is two-track, so all event ids are used.
///
/// Sensitivity: a contamination x of true muons among the probes adds x (0.9 - f) to the
/// measured fake rate f ~ 0.04, so the probe side must be muon-free to 1e-3; the mass and
/// electron requirements are there for that. Applied per simulated track matched to a
/// generator pion, kaon or proton (`PionMuonFakeRateCorrection`).
public struct PionMuonFakeRateCalibration: Calibration {
    public static let correctionName = "muon_pion_fake_rate"
    /// Probe polar angle (deg): the KLM, forward endcap to backward endcap.
    public static let thetaRange = (low: 25.0, high: 155.0)
    static let workingPoint: Float = 0.9
    /// Probes start 50 MeV above the KLM's 0.7 GeV threshold (25 resolution sigmas), so
    /// that no probe is truly below it, where the low-momentum fake rate applies.
    static let minProbeMomentum = 0.75
    /// Where the correction applies: the KLM threshold.
    static let minMomentum = 0.7
    static let maxThreeProngMass = 1.777
    static let pionMass = 0.13957

    let beams: BelleIIBeams
    var data = EfficiencyCounter()
    var mc = EfficiencyCounter()

    public init(beams: BelleIIBeams = .y4S) { self.beams = beams }

    /// The three probe rows of a 3-1 event, nil otherwise.
    func probes(_ b: EventBatch, event i: Int) -> [Int]? {
        guard b.tracks.offsets.count(ofEvent: i) == 4,
              TriggerLine(rawValue: b.events.triggerBits[i]).contains(.threeTrack) else { return nil }
        let rows = Array(b.tracks.offsets.rows(ofEvent: i))
        guard rows.map({ Int(b.tracks.charge[$0]) }).reduce(0, +) == 0 else { return nil }
        let cms = rows.map { beams.toCMS(FourVector(mass: Self.pionMass, momentum: EventView.momentum(b, $0))) }
        var tag: Int? = nil
        for t in 0..<4 where (0..<4).allSatisfy({ $0 == t || cms[$0].p.dot(cms[t].p) < 0 }) {
            guard tag == nil else { return nil }
            tag = t
        }
        guard let t = tag else { return nil }
        let side = (0..<4).filter { $0 != t }
        let mass = side.map { cms[$0] }.reduce(FourVector(e: 0, p: .zero), +).mass
        guard mass < Self.maxThreeProngMass,
              side.allSatisfy({ b.tracks.electronID[rows[$0]] <= Self.workingPoint }) else { return nil }
        return side.map { rows[$0] }
    }

    public func isMember(_ b: EventBatch, event i: Int) -> Bool { probes(b, event: i) != nil }

    static func isProbe(_ p: ThreeVector) -> Bool {
        let t = EventView.thetaDeg(p)
        return p.magnitude > minProbeMomentum && t >= thetaRange.low && t < thetaRange.high
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        for i in 0..<b.count {
            guard let rows = probes(b, event: i) else { continue }
            for r in rows where Self.isProbe(EventView.momentum(b, r)) {
                let passed = b.tracks.muonID[r] > Self.workingPoint
                if isData { data.add(passed: passed, weight: 1) } else { mc.add(passed: passed, weight: weights[i]) }
            }
        }
    }

    public mutating func merge(_ o: PionMuonFakeRateCalibration) { data.merge(o.data); mc.merge(o.mc) }

    public func result(notes: inout [String]) -> [MeasuredCorrection] {
        guard data.effectiveEntries >= 100, mc.effectiveEntries >= 100, mc.efficiency > 0 else {
            notes.append("\(Self.correctionName): too few three-prong probes (data \(Int(data.total)), MC \(Int(mc.effectiveEntries))); no correction")
            return []
        }
        let r = ratio(data.efficiency, data.uncertainty, mc.efficiency, mc.uncertainty)
        let (lo, hi) = Self.thetaRange
        return [MeasuredCorrection(
            name: Self.correctionName, bin: "probe_theta_deg [\(Int(lo)), \(Int(hi))), p > 0.75 GeV", binLow: lo, binHigh: hi,
            dataValue: data.efficiency, dataUncertainty: data.uncertainty, mcValue: mc.efficiency, mcUncertainty: mc.uncertainty,
            value: r.value, statUncertainty: r.uncertainty,
            // Systematic: muons on the probe side (e e mu mu with an unidentified electron)
            // would raise the fake rate by 0.86 per muon per probe; they are below 1e-3 of
            // the probes in the simulation here, 2% of the fake rate. Kaons (0.7% of tau
            // decays, grouped K pi0) fake like pions in the model; real kaons do not quite.
            systUncertainty: 0.02 * r.value,
            sourceSample: "tau tau, 3-1 topology: three-prong side below the tau mass, no electron, three-track trigger",
            method: "fraction of three-prong pions above 0.75 GeV in the KLM identified as muons (muonID > 0.9)",
            dataEvents: data.total, mcEvents: mc.effectiveEntries)]
    }
}

/// Per-track fake-rate weights for simulated hadrons: a track matched (same charge, within
/// 50 mrad) to a generator pion, kaon or proton above 0.7 GeV inside the KLM gets
/// f_data/f_MC if identified as a muon, (1 - f_data)/(1 - f_MC) if not.
public struct PionMuonFakeRateCorrection: SimulationCorrection {
    public let name = PionMuonFakeRateCalibration.correctionName
    public let rows: [MeasuredCorrection]

    public init(rows: [MeasuredCorrection]) { self.rows = rows }

    public func correct(_ b: inout EventBatch) {
        guard !rows.isEmpty else { return }
        for i in 0..<b.count {
            var w = 1.0
            for r in b.tracks.offsets.rows(ofEvent: i) {
                let p = EventView.momentum(b, r)
                guard p.magnitude > PionMuonFakeRateCalibration.minMomentum,
                      let row = rows.first(where: { $0.contains(EventView.thetaDeg(p)) }),
                      let species = EventView.truthSpecies(b, event: i, trackRow: r),
                      species == 211 || species == 321 || species == 2212 else { continue }
                if b.tracks.muonID[r] > PionMuonFakeRateCalibration.workingPoint {
                    w *= row.value
                } else if row.mcValue < 1 {
                    w *= max(0, 1 - row.dataValue) / (1 - row.mcValue)
                }
            }
            b.events.weight[i] *= w
        }
    }
}
