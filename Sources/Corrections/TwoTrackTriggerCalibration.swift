import Analysis
import EventModel

/// Two-track trigger efficiency from an orthogonal reference: events that fired the
/// single-muon (KLM) or the ECL-energy line, have exactly two opposite-charge tracks with
/// pT > 0.3 GeV, and are asked whether the CDC two-track line fired too. Binned in the polar
/// angle of the most forward of the two tracks (`theta_min`), because the CDC 2D finder's
/// efficiency depends on where the tracks cross the chamber (Belle II measures its
/// low-multiplicity trigger efficiencies the same way, with the ECL lines as reference).
///
/// The reference lines use the KLM and the ECL only, so they do not depend on whether the
/// two-track line fired; the sample is dominated by mu mu (single-muon line) and radiative
/// e e (ECL line; Bhabhas are vetoed in the ECL line, so only radiative ones enter).
public struct TwoTrackTriggerCalibration: Calibration {
    public static let correctionName = "trigger_two_track"
    /// theta_min bin edges (degrees): the edges follow the CDC's geometry as the trigger
    /// sees it: tracks below ~30 deg miss the outer axial superlayers, 46-60 deg is where
    /// the forward barrel's inefficiency would show, above 75 deg the tracks are central.
    public static let edges: [Double] = [17, 46, 60, 75, 150]
    static let minPt = 0.3

    var data = [EfficiencyCounter](repeating: .init(), count: edges.count - 1)
    var mc = [EfficiencyCounter](repeating: .init(), count: edges.count - 1)

    public init() {}

    /// theta_min (deg) of the tracks above `minPt`, nil with fewer than two.
    static func thetaMin(_ b: EventBatch, event i: Int) -> Double? {
        var n = 0, t = Double.infinity
        for r in b.tracks.offsets.rows(ofEvent: i) {
            let p = EventView.momentum(b, r)
            guard p.perp > minPt else { continue }
            n += 1
            t = min(t, EventView.thetaDeg(p))
        }
        return n >= 2 ? t : nil
    }

    static func bin(_ theta: Double) -> Int? {
        guard theta >= edges[0], theta < edges[edges.count - 1] else { return nil }
        return edges.lastIndex { $0 <= theta }.map { min($0, edges.count - 2) }
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        let reference: TriggerLine = [.singleMuon, .eclEnergy]
        for i in 0..<b.count {
            let fired = TriggerLine(rawValue: b.events.triggerBits[i])
            guard !fired.isDisjoint(with: reference), b.tracks.offsets.count(ofEvent: i) == 2 else { continue }
            let rows = b.tracks.offsets.rows(ofEvent: i)
            guard b.tracks.charge[rows.lowerBound] != b.tracks.charge[rows.lowerBound + 1],
                  let t = Self.thetaMin(b, event: i), let k = Self.bin(t) else { continue }
            if isData { data[k].add(passed: fired.contains(.twoTrack), weight: 1) }
            else { mc[k].add(passed: fired.contains(.twoTrack), weight: weights[i]) }
        }
    }

    public mutating func merge(_ o: TwoTrackTriggerCalibration) {
        for k in data.indices { data[k].merge(o.data[k]); mc[k].merge(o.mc[k]) }
    }

    public func result(notes: inout [String]) -> [MeasuredCorrection] {
        var rows: [MeasuredCorrection] = []
        for k in data.indices {
            let lo = Self.edges[k], hi = Self.edges[k + 1]
            let d = data[k], m = mc[k]
            guard d.effectiveEntries >= 20, m.effectiveEntries >= 20, m.efficiency > 0 else {
                notes.append("\(Self.correctionName) theta_min [\(lo), \(hi)) deg: too few reference-triggered events (data \(Int(d.total)), MC \(Int(m.effectiveEntries))); no correction in this bin")
                continue
            }
            let r = ratio(d.efficiency, d.uncertainty, m.efficiency, m.uncertainty)
            rows.append(MeasuredCorrection(
                name: Self.correctionName, bin: "theta_min_deg [\(Int(lo)), \(Int(hi)))", binLow: lo, binHigh: hi,
                dataValue: d.efficiency, dataUncertainty: d.uncertainty, mcValue: m.efficiency, mcUncertainty: m.uncertainty,
                value: r.value, statUncertainty: r.uncertainty,
                // Systematic: the reference lines' correlation with the two-track line is
                // taken as zero; we assign half of the difference between the mu mu and e e
                // dominated references as unknown, bounded below by 0.5% (Belle II quotes
                // ~1% for two-track trigger efficiency corrections measured this way).
                systUncertainty: 0.005,
                sourceSample: "two-track events triggered by single_muon or ecl_energy",
                method: "efficiency of the two_track line given an orthogonal line, binned in theta_min",
                dataEvents: d.total, mcEvents: m.effectiveEntries))
        }
        return rows
    }
}

/// Applies the measured two-track trigger efficiency ratio: an event that fired the line
/// gets eps_data/eps_MC, one that did not (and may still pass another line) gets
/// (1 - eps_data)/(1 - eps_MC), so that the total weight of the bin is conserved as it would
/// be in data.
public struct TwoTrackTriggerCorrection: SimulationCorrection {
    public let name = TwoTrackTriggerCalibration.correctionName
    public let rows: [MeasuredCorrection]

    public init(rows: [MeasuredCorrection]) { self.rows = rows }

    public func correct(_ b: inout EventBatch) {
        for i in 0..<b.count {
            guard let t = TwoTrackTriggerCalibration.thetaMin(b, event: i),
                  let row = rows.first(where: { $0.contains(t) }) else { continue }
            let fired = TriggerLine(rawValue: b.events.triggerBits[i]).contains(.twoTrack)
            if fired {
                b.events.weight[i] *= row.value
            } else if row.mcValue < 1 {
                b.events.weight[i] *= max(0, 1 - row.dataValue) / (1 - row.mcValue)
            }
        }
    }
}
