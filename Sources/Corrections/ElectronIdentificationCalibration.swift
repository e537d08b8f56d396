import Analysis
import EventModel
import Kinematics

/// Electron identification efficiency by tag and probe on e+e- -> e+e-(gamma): two
/// opposite-charge tracks, each above 4 GeV in the CMS (Bhabha pairs), a tag identified as
/// an electron in the ECL barrel above 2 GeV, and the other track, above 1 GeV, the probe;
/// each track is tried as tag in turn. Binned in the probe's polar angle by ECL region
/// (forward endcap, barrel, backward endcap; the gaps are left out, where E/p fails by
/// construction). The e mu search's electron is what this corrects.
///
/// Blinding: only the probe could make the pair an e mu candidate, by being identified as a
/// muon; probes identified as muons are left out (the electron's muon fake rate is a few
/// per mille, so the efficiency changes by less than that), and so no event of the sample
/// is ever hidden. Even event ids only: e e pairs are also the searches' e e control samples.
///
/// Applied to simulated tracks matched to a generator electron above 1 GeV in a measured
/// region: identified ones get eps_data/eps_MC, the others (1 - eps_data)/(1 - eps_MC).
public struct ElectronIdentificationCalibration: Calibration {
    public static let correctionName = "electron_id_efficiency"
    /// Probe polar-angle bins (deg): ECL forward endcap, barrel, backward endcap
    /// (Conditions/mc.yaml acceptance; the gaps between are not measured).
    public static let bins: [ClosedRange<Double>] = [12.4...31.4, 32.2...128.7, 130.7...155.1]
    static let workingPoint: Float = 0.9
    static let minProbeMomentum = 1.0

    let beams: BelleIIBeams
    var data = [EfficiencyCounter](repeating: .init(), count: bins.count)
    var mc = [EfficiencyCounter](repeating: .init(), count: bins.count)

    public init(beams: BelleIIBeams = .y4S) { self.beams = beams }

    static func bin(_ theta: Double) -> Int? { bins.firstIndex { $0.contains(theta) } }

    public func isMember(_ b: EventBatch, event i: Int) -> Bool {
        guard evenEvent(b, i), b.tracks.offsets.count(ofEvent: i) == 2 else { return false }
        let r0 = b.tracks.offsets.rows(ofEvent: i).lowerBound
        guard b.tracks.charge[r0] != b.tracks.charge[r0 + 1],
              b.tracks.muonID[r0] <= Self.workingPoint, b.tracks.muonID[r0 + 1] <= Self.workingPoint else { return false }
        let e = [r0, r0 + 1].map { beams.toCMS(FourVector(mass: 0.000511, momentum: EventView.momentum(b, $0))).momentum }
        return e[0] > 4 && e[1] > 4
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        for i in 0..<b.count where isMember(b, event: i) {
            let r0 = b.tracks.offsets.rows(ofEvent: i).lowerBound
            let rows = [r0, r0 + 1]
            let p = rows.map { EventView.momentum(b, $0) }
            for (tag, probe) in [(0, 1), (1, 0)] {
                let tagTheta = EventView.thetaDeg(p[tag])
                guard b.tracks.electronID[rows[tag]] > Self.workingPoint, p[tag].magnitude > 2,
                      Self.bins[1].contains(tagTheta) else { continue }
                guard p[probe].magnitude > Self.minProbeMomentum, let k = Self.bin(EventView.thetaDeg(p[probe])) else { continue }
                let passed = b.tracks.electronID[rows[probe]] > Self.workingPoint
                if isData { data[k].add(passed: passed, weight: 1) } else { mc[k].add(passed: passed, weight: weights[i]) }
            }
        }
    }

    public mutating func merge(_ o: ElectronIdentificationCalibration) {
        for k in data.indices { data[k].merge(o.data[k]); mc[k].merge(o.mc[k]) }
    }

    public func result(notes: inout [String]) -> [MeasuredCorrection] {
        var rows: [MeasuredCorrection] = []
        for k in data.indices {
            let lo = Self.bins[k].lowerBound, hi = Self.bins[k].upperBound
            let d = data[k], m = mc[k]
            guard d.effectiveEntries >= 20, m.effectiveEntries >= 20, m.efficiency > 0, m.efficiency < 1 else {
                notes.append("\(Self.correctionName) theta [\(lo), \(hi)] deg: too few probes (data \(Int(d.total)), MC \(Int(m.effectiveEntries))); no correction in this bin")
                continue
            }
            let r = ratio(d.efficiency, d.uncertainty, m.efficiency, m.uncertainty)
            rows.append(MeasuredCorrection(
                name: Self.correctionName, bin: "probe_theta_deg [\(lo), \(hi)]", binLow: lo, binHigh: hi,
                dataValue: d.efficiency, dataUncertainty: d.uncertainty, mcValue: m.efficiency, mcUncertainty: m.uncertainty,
                value: r.value, statUncertainty: r.uncertainty,
                // Systematic: Bhabha probes are 4-7 GeV, the e mu search's electrons 1-5 GeV;
                // E/p identification is flat in momentum above 1 GeV in the detector model,
                // so we assign 0.3%, as for the muon tag and probe.
                systUncertainty: 0.003,
                sourceSample: "e e (gamma) tag and probe: both tracks above 4 GeV in the CMS, probe not identified as a muon",
                method: "fraction of probes identified as electrons (electronID > 0.9)",
                dataEvents: d.total, mcEvents: m.effectiveEntries))
        }
        return rows
    }
}

/// Per-track electron-ID weights for simulated electrons (see `ElectronIdentificationCalibration`).
public struct ElectronIdentificationCorrection: SimulationCorrection {
    public let name = ElectronIdentificationCalibration.correctionName
    public let rows: [MeasuredCorrection]

    public init(rows: [MeasuredCorrection]) { self.rows = rows }

    public func correct(_ b: inout EventBatch) {
        guard !rows.isEmpty else { return }
        for i in 0..<b.count {
            var w = 1.0
            for r in b.tracks.offsets.rows(ofEvent: i) {
                let p = EventView.momentum(b, r)
                let theta = EventView.thetaDeg(p)
                guard p.magnitude > ElectronIdentificationCalibration.minProbeMomentum,
                      let row = rows.first(where: { ($0.binLow ?? 0) <= theta && theta <= ($0.binHigh ?? 180) }),
                      EventView.truthSpecies(b, event: i, trackRow: r) == 11 else { continue }
                if b.tracks.electronID[r] > ElectronIdentificationCalibration.workingPoint {
                    w *= row.value
                } else if row.mcValue < 1 {
                    w *= max(0, 1 - row.dataValue) / (1 - row.mcValue)
                }
            }
            b.events.weight[i] *= w
        }
    }
}
