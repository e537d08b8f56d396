import Analysis
import EventModel
import Kinematics

/// Muon identification efficiency by tag and probe on e+e- -> mu+mu- gamma: two
/// opposite-charge tracks, neither identified as an electron, and a photon (an unmatched ECL
/// cluster above 0.5 GeV) such that the two tracks (as muons) and the photon carry the full
/// collision energy, E* > 9.5 GeV in the CMS (tau pairs and two-photon events, whose pions
/// would fake a lower "efficiency", lose energy to neutrinos or the beam pipe). A tag is a
/// track identified as a muon in the KLM barrel with p > 1 GeV; the other track, above
/// 0.7 GeV, is the probe. Each track is tried as tag in turn, as Belle II's lepton-ID
/// performance studies do. Binned in the probe's polar angle by KLM region (the
/// identification works differently in the endcaps and the barrel).
///
/// Why the photon: a calibration must not see the blinding. Muon pairs without a photon
/// reach into the dimuon searches' signal regions, which are hidden in data only when both
/// muons are identified, so a tag-and-probe on them loses passing probes, in data and
/// simulation by different amounts where the resolutions differ (we measured a 3% bias in
/// the forward endcap that way). With a 0.5 GeV photon the event fails every current search's
/// photon veto or extra-energy cut, so none is hidden (checked in Tests/CorrectionsTests).
///
/// Applied to simulated tracks matched to a generator muon above 0.7 GeV in a measured
/// region: identified ones get eps_data/eps_MC, the others (1 - eps_data)/(1 - eps_MC).
public struct MuonIdentificationCalibration: Calibration {
    public static let correctionName = "muon_id_efficiency"
    /// Probe polar-angle bins (deg): KLM forward endcap, barrel, backward endcap.
    public static let edges: [Double] = [25, 45, 125, 155]
    static let workingPoint: Float = 0.9
    static let minProbeMomentum = 0.7
    /// Lab energy of the photon: above the dimuon searches' 0.4 GeV extra-energy cut, so
    /// that the event fails it (and their photon veto) and is never hidden.
    static let minPhotonEnergy = 0.5

    let beams: BelleIIBeams
    var data = [EfficiencyCounter](repeating: .init(), count: edges.count - 1)
    var mc = [EfficiencyCounter](repeating: .init(), count: edges.count - 1)

    public init(beams: BelleIIBeams = .y4S) { self.beams = beams }

    static func bin(_ theta: Double) -> Int? {
        guard theta >= edges[0], theta < edges[edges.count - 1] else { return nil }
        return edges.lastIndex { $0 <= theta }.map { min($0, edges.count - 2) }
    }

    /// Even event ids only: mu mu gamma is also the searches' mu mu gamma control sample,
    /// which keeps the odd ones.
    public func isMember(_ b: EventBatch, event i: Int) -> Bool {
        guard evenEvent(b, i), b.tracks.offsets.count(ofEvent: i) == 2 else { return false }
        let r0 = b.tracks.offsets.rows(ofEvent: i).lowerBound
        guard b.tracks.charge[r0] != b.tracks.charge[r0 + 1],
              b.tracks.electronID[r0] <= Self.workingPoint, b.tracks.electronID[r0 + 1] <= Self.workingPoint else { return false }
        // The hardest unmatched cluster is the photon.
        var photon: Int? = nil
        for c in b.clusters.offsets.rows(ofEvent: i) where b.clusters.trackMatched[c] == 0 && b.clusters.energy[c] > Self.minPhotonEnergy {
            if photon == nil || b.clusters.energy[c] > b.clusters.energy[photon!] { photon = c }
        }
        guard let g = photon else { return false }
        let total = beams.toCMS(FourVector(mass: 0.10566, momentum: EventView.momentum(b, r0))).e
            + beams.toCMS(FourVector(mass: 0.10566, momentum: EventView.momentum(b, r0 + 1))).e
            + beams.toCMS(b.clusterFourMomentum(row: g)).e
        return total > 9.5
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        for i in 0..<b.count where isMember(b, event: i) {
            let r0 = b.tracks.offsets.rows(ofEvent: i).lowerBound
            let rows = [r0, r0 + 1]
            let p = rows.map { EventView.momentum(b, $0) }
            for (tag, probe) in [(0, 1), (1, 0)] {
                let tagTheta = EventView.thetaDeg(p[tag])
                guard b.tracks.muonID[rows[tag]] > Self.workingPoint, p[tag].magnitude > 1.0,
                      tagTheta >= 45, tagTheta < 125 else { continue }
                guard p[probe].magnitude > Self.minProbeMomentum, let k = Self.bin(EventView.thetaDeg(p[probe])) else { continue }
                let passed = b.tracks.muonID[rows[probe]] > Self.workingPoint
                if isData { data[k].add(passed: passed, weight: 1) } else { mc[k].add(passed: passed, weight: weights[i]) }
            }
        }
    }

    public mutating func merge(_ o: MuonIdentificationCalibration) {
        for k in data.indices { data[k].merge(o.data[k]); mc[k].merge(o.mc[k]) }
    }

    public func result(notes: inout [String]) -> [MeasuredCorrection] {
        var rows: [MeasuredCorrection] = []
        for k in data.indices {
            let lo = Self.edges[k], hi = Self.edges[k + 1]
            let d = data[k], m = mc[k]
            guard d.effectiveEntries >= 20, m.effectiveEntries >= 20, m.efficiency > 0, m.efficiency < 1 else {
                notes.append("\(Self.correctionName) theta [\(lo), \(hi)) deg: too few probes (data \(Int(d.total)), MC \(Int(m.effectiveEntries))); no correction in this bin")
                continue
            }
            let r = ratio(d.efficiency, d.uncertainty, m.efficiency, m.uncertainty)
            rows.append(MeasuredCorrection(
                name: Self.correctionName, bin: "probe_theta_deg [\(Int(lo)), \(Int(hi)))", binLow: lo, binHigh: hi,
                dataValue: d.efficiency, dataUncertainty: d.uncertainty, mcValue: m.efficiency, mcUncertainty: m.uncertainty,
                value: r.value, statUncertainty: r.uncertainty,
                // Systematic: non-muon probes (pions from tau pairs passing the energy cut)
                // enter data and MC alike, but at the data/MC fake-rate difference; with a
                // probe purity above 99% and a fake-rate ratio of order 1.1 this is < 0.1%.
                // Radiative probes are softer (1-5 GeV) than those of the searches' muons,
                // on the same KLM plateau. We assign 0.3%, the size of the tag-selection
                // dependence Belle II quotes.
                systUncertainty: 0.003,
                sourceSample: "mu mu gamma tag and probe: photon above 0.5 GeV, E* of mu mu gamma above 9.5 GeV",
                method: "fraction of probes identified as muons (muonID > 0.9)",
                dataEvents: d.total, mcEvents: m.effectiveEntries))
        }
        return rows
    }
}

/// Per-track muon-ID weights for simulated muons (see `MuonIdentificationCalibration`).
public struct MuonIdentificationCorrection: SimulationCorrection {
    public let name = MuonIdentificationCalibration.correctionName
    public let rows: [MeasuredCorrection]

    public init(rows: [MeasuredCorrection]) { self.rows = rows }

    public func correct(_ b: inout EventBatch) {
        guard !rows.isEmpty else { return }
        for i in 0..<b.count {
            var w = 1.0
            for r in b.tracks.offsets.rows(ofEvent: i) {
                let p = EventView.momentum(b, r)
                guard p.magnitude > MuonIdentificationCalibration.minProbeMomentum,
                      let row = rows.first(where: { $0.contains(EventView.thetaDeg(p)) }),
                      EventView.truthSpecies(b, event: i, trackRow: r) == 13 else { continue }
                if b.tracks.muonID[r] > MuonIdentificationCalibration.workingPoint {
                    w *= row.value
                } else if row.mcValue < 1 {
                    w *= max(0, 1 - row.dataValue) / (1 - row.mcValue)
                }
            }
            b.events.weight[i] *= w
        }
    }
}
