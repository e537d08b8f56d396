import Corrections
import EventModel
import Testing

/// `PionMuonFakeRateCorrection` on hand-made events: only tracks matched to a generator
/// pion, kaon or proton above 0.7 GeV in the measured range are weighted, those identified
/// as muons by f_data/f_MC, the others by (1 - f_data)/(1 - f_MC).
@Suite struct PionMuonFakeRateCorrectionTests {
    static let name = PionMuonFakeRateCalibration.correctionName
    /// f = 0.045 / 0.041 over 25-155 deg.
    let correction = PionMuonFakeRateCorrection(rows: [HandMadeEvents.row(name, low: 25, high: 155, data: 0.045, mc: 0.041)])
    static let fake = 0.045 / 0.041, notFake = 0.955 / 0.959
    static let pionMass = 0.13957, muonMass = 0.1056584, kaonMass = 0.493677

    func event(_ id: Int64, _ tracks: [Track], truth: [Int32?]) -> ReconstructedEvent {
        let particles = zip(tracks, truth).compactMap { t, pdg in
            pdg.map { HandMadeEvents.truth(of: t, pdg: $0, mass: abs($0) == 13 ? Self.muonMass : abs($0) == 321 ? Self.kaonMass : Self.pionMass) }
        }
        return ReconstructedEvent(eventID: id, weight: 1, tracks: tracks, particles: particles)
    }

    @Test func onlyTruthMatchedHadronsAreWeighted() {
        let muID: Float = 0.95, notID: Float = 0.4
        let t = HandMadeEvents.track
        let b0 = [
            // pi+ identified as a muon, mu- identified: the pion only
            event(0, [t(2, 80, 0, 1, muID, 0), t(2, 100, 180, -1, muID, 0)], truth: [211, 13]),
            // pi- not identified, K+ identified
            event(1, [t(2, 60, 0, -1, notID, 0), t(2, 120, 180, 1, muID, 0)], truth: [-211, 321]),
            // pion below 0.7 GeV, pion at 20 deg (outside the row): untouched
            event(2, [t(0.6, 80, 0, 1, muID, 0), t(2, 20, 180, 1, muID, 0)], truth: [211, 211]),
            // no truth (as in data)
            event(3, [t(2, 80, 0, 1, muID, 0)], truth: [nil]),
        ]
        var b = HandMadeEvents.batch(b0)
        correction.correct(&b)
        let expected = [Self.fake, Self.notFake * Self.fake, 1, 1]
        for (k, (w, x)) in zip(b.events.weight, expected).enumerated() { #expect(abs(w - x) < 1e-12, "event \(k): \(w) vs \(x)") }
    }

    /// 1000 pions of which 41 fake a muon (f_MC = 0.041): the total weight is conserved and
    /// the fake fraction becomes f_data = 0.045.
    @Test func totalIsConservedAndFakeFractionBecomesTheDataRate() {
        var b = HandMadeEvents.batch((0..<1000).map { i in
            event(Int64(i), [HandMadeEvents.track(p: 2, thetaDeg: 90, charge: 1, muonID: i < 41 ? 0.95 : 0.3)], truth: [211])
        })
        correction.correct(&b)
        let total = b.events.weight.reduce(0, +)
        #expect(abs(total - 1000) < 1e-9)
        #expect(abs((0..<41).map { b.events.weight[$0] }.reduce(0, +) / total - 0.045) < 1e-12)
    }
}
