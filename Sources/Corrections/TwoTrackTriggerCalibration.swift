import Analysis
import EventModel

/// Two-track trigger efficiency from an orthogonal reference: e+e- -> e+e-(gamma) events
/// that fired the ECL-energy line (which uses the calorimeter only, so it does not depend on
/// whether the CDC two-track line fired), with exactly two opposite-charge tracks both
/// identified as electrons and pT > 0.3 GeV, asked whether the two-track line fired too.
/// Binned in the polar angle of the most forward track (`theta_min`), because the CDC 2D
/// finder's efficiency depends on where the tracks cross the chamber; the line is
/// geometric, so what electron pairs measure holds for muon pairs. Belle II measures its
/// low-multiplicity track triggers the same way, with the ECL lines as reference (the ECL
/// line's Bhabha veto leaves the radiative and non-collinear pairs).
///
/// Why electrons: a calibration must not see the blinding. Events inside a blinded signal
/// region are removed from data (and from simulation alike), and they all fired the
/// two-track line, so a sample that reaches into a signal region would lose trigger-passing
/// events in a resolution-dependent way. Two identified electrons fail every current
/// search's loosest selection (muon ID for the dimuon searches, the muon of e mu), so no
/// event of this sample is ever hidden (checked in Tests/CorrectionsTests).
public struct TwoTrackTriggerCalibration: Calibration {
    public static let correctionName = "trigger_two_track"
    /// theta_min bin edges (degrees): the edges follow the CDC's geometry as the trigger
    /// sees it: tracks below ~30 deg miss the outer axial superlayers, 46-60 deg is where
    /// the forward barrel's inefficiency would show, above 75 deg the tracks are central.
    public static let edges: [Double] = [17, 46, 60, 75, 150]
    static let minPt = 0.3
    static let workingPoint: Float = 0.9

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

    /// Even event ids only: e e pairs are also the searches' e e control samples, which keep
    /// the odd ones.
    public func isMember(_ b: EventBatch, event i: Int) -> Bool {
        guard evenEvent(b, i), TriggerLine(rawValue: b.events.triggerBits[i]).contains(.eclEnergy),
              b.tracks.offsets.count(ofEvent: i) == 2 else { return false }
        let r0 = b.tracks.offsets.rows(ofEvent: i).lowerBound
        return b.tracks.charge[r0] != b.tracks.charge[r0 + 1]
            && b.tracks.electronID[r0] > Self.workingPoint && b.tracks.electronID[r0 + 1] > Self.workingPoint
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        for i in 0..<b.count where isMember(b, event: i) {
            let fired = TriggerLine(rawValue: b.events.triggerBits[i])
            guard let t = Self.thetaMin(b, event: i), let k = Self.bin(t) else { continue }
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
                // Systematic: the reference line's correlation with the two-track line is
                // taken as zero, and electron pairs stand for muon pairs; 0.5% for both
                // (Belle II quotes ~1% for two-track trigger efficiency corrections
                // measured with the ECL lines).
                systUncertainty: 0.005,
                sourceSample: "e e (gamma): two identified electrons, ecl_energy line fired",
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
