import Corrections
import EventModel
import Testing

/// `MuonIdentificationCorrection` on hand-made events: only tracks matched to a generator
/// muon (same charge, within 50 mrad) above 0.7 GeV in a measured bin are weighted,
/// identified ones by eps_data/eps_MC, the others by (1 - eps_data)/(1 - eps_MC); the event
/// weight is the product over its tracks.
@Suite struct MuonIdentificationCorrectionTests {
    static let name = MuonIdentificationCalibration.correctionName
    static let muonMass = 0.1056584, pionMass = 0.13957
    /// Barrel 0.875 / 0.90, forward endcap 0.86 / 0.90; no backward-endcap row.
    let correction = MuonIdentificationCorrection(rows: [
        HandMadeEvents.row(name, low: 25, high: 45, data: 0.86, mc: 0.90),
        HandMadeEvents.row(name, low: 45, high: 125, data: 0.875, mc: 0.90),
    ])
    static let barrelRatio = 0.875 / 0.90, forwardFailRatio = (1 - 0.86) / (1 - 0.90)

    /// An event of hand-made tracks with the given truth particles (pdg per track, nil: no
    /// particle for it).
    func event(_ id: Int64, _ tracks: [Track], truth: [Int32?]) -> ReconstructedEvent {
        let particles = zip(tracks, truth).compactMap { t, pdg in
            pdg.map { HandMadeEvents.truth(of: t, pdg: $0, mass: abs($0) == 13 ? Self.muonMass : Self.pionMass) }
        }
        return ReconstructedEvent(eventID: id, weight: 1, tracks: tracks, particles: particles)
    }

    @Test func onlyTruthMatchedMuonsAreWeighted() {
        let muID: Float = 0.95, notID: Float = 0.4
        let t = HandMadeEvents.track
        var b = HandMadeEvents.batch([
            // identified mu- in the barrel, identified (fake) pi+ in the barrel: the muon only
            event(0, [t(5, 80, 0, -1, muID, 0), t(5, 100, 180, 1, muID, 0)], truth: [13, 211]),
            // unidentified mu- in the forward endcap, identified mu+ in the backward endcap (no row)
            event(1, [t(5, 30, 0, -1, notID, 0), t(5, 130, 180, 1, muID, 0)], truth: [13, -13]),
            // two identified barrel muons: the ratio squared
            event(2, [t(5, 70, 0, -1, muID, 0), t(5, 110, 180, 1, muID, 0)], truth: [13, -13]),
            // a muon below 0.7 GeV: untouched
            event(3, [t(0.5, 80, 0, -1, muID, 0)], truth: [13]),
            // no truth at all (as in data): untouched
            event(4, [t(5, 80, 0, -1, muID, 0), t(5, 100, 180, 1, muID, 0)], truth: [nil, nil]),
            // the generator muon has the other charge: not matched
            event(5, [t(5, 80, 0, 1, muID, 0)], truth: [13]),
        ])
        // a generator muon 0.1 rad away from the track (beyond the 50 mrad match): untouched
        var far = event(6, [t(5, 80, 0, -1, muID, 0)], truth: [nil])
        far.particles = [HandMadeEvents.truth(of: t(5, 80 + 0.1 * 180 / .pi, 0, -1, muID, 0), pdg: 13, mass: Self.muonMass)]
        b.append(far)
        correction.correct(&b)
        let expected = [Self.barrelRatio, Self.forwardFailRatio, Self.barrelRatio * Self.barrelRatio, 1, 1, 1, 1]
        for (w, e) in zip(b.events.weight, expected) { #expect(abs(w - e) < 1e-12, "\(b.events.weight) vs \(expected)") }
    }

    /// 100 barrel muons of which 90 are identified (eps_MC = 0.90): the total weight is
    /// conserved and the identified fraction becomes eps_data = 0.875.
    @Test func totalIsConservedAndIdentifiedFractionBecomesTheDataEfficiency() {
        var b = HandMadeEvents.batch((0..<100).map { i in
            event(Int64(i), [HandMadeEvents.track(p: 5, thetaDeg: 90, muonID: i < 90 ? 0.95 : 0.3)], truth: [13])
        })
        correction.correct(&b)
        let total = b.events.weight.reduce(0, +)
        #expect(abs(total - 100) < 1e-9)
        #expect(abs((0..<90).map { b.events.weight[$0] }.reduce(0, +) / total - 0.875) < 1e-12)
    }
}
