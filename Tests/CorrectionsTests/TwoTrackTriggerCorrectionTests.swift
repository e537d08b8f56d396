import Corrections
import EventModel
import Foundation
import Testing

/// `TwoTrackTriggerCorrection` on hand-made events: an event that fired the line is
/// weighted by eps_data/eps_MC, one that did not by (1 - eps_data)/(1 - eps_MC), by the row
/// of its theta_min (most forward track above 0.3 GeV pT); other events are untouched.
@Suite struct TwoTrackTriggerCorrectionTests {
    static let name = TwoTrackTriggerCalibration.correctionName
    /// eps_data = 0.855, eps_MC = 0.90 in [46, 60) deg: 0.95 if fired, 1.45 if not.
    let rows = [HandMadeEvents.row(name, low: 46, high: 60, data: 0.855, mc: 0.90),
                HandMadeEvents.row(name, low: 75, high: 150, data: 0.97, mc: 0.96)]

    func event(_ id: Int64, thetas: [Double], fired: Bool, pt: Double = 5) -> ReconstructedEvent {
        let tracks = thetas.enumerated().map { k, th in
            HandMadeEvents.track(p: pt / sin(th * .pi / 180), thetaDeg: th, phiDeg: 180 * Double(k), charge: k == 0 ? -1 : 1)
        }
        return ReconstructedEvent(eventID: id, weight: 2, trigger: fired ? [.twoTrack, .singleMuon] : [.singleMuon], tracks: tracks)
    }

    @Test func firedAndNotFiredEventsGetTheEfficiencyRatios() {
        var b = HandMadeEvents.batch([
            event(0, thetas: [50, 120], fired: true),    // theta_min 50: [46, 60)
            event(1, thetas: [120, 50], fired: false),   // the same, tracks in the other order
            event(2, thetas: [80, 100], fired: true),    // [75, 150)
            event(3, thetas: [80, 100], fired: false),
            event(4, thetas: [65, 100], fired: true),    // [60, 75): no row
            event(5, thetas: [50], fired: false),        // one track: no theta_min
        ])
        TwoTrackTriggerCorrection(rows: rows).correct(&b)
        let expected = [2 * 0.855 / 0.90, 2 * 0.145 / 0.10, 2 * 0.97 / 0.96, 2 * 0.03 / 0.04, 2, 2]
        for (w, e) in zip(b.events.weight, expected) { #expect(abs(w - e) < 1e-12, "\(b.events.weight) vs \(expected)") }
    }

    /// A track below the trigger's pT threshold does not define theta_min: an event with a
    /// soft forward track and two central ones is binned by the central ones.
    @Test func softTracksDoNotDefineThetaMin() {
        var soft = event(0, thetas: [80, 100], fired: true)
        soft.tracks.append(HandMadeEvents.track(p: 0.2, thetaDeg: 50))
        var b = HandMadeEvents.batch([soft])
        TwoTrackTriggerCorrection(rows: rows).correct(&b)
        #expect(abs(b.events.weight[0] - 2 * 0.97 / 0.96) < 1e-12)
    }

    /// A bin's total weight is conserved and its fired fraction becomes eps_data: 90 of 100
    /// simulated events fired (eps_MC = 0.90).
    @Test func binTotalIsConservedAndFiredFractionBecomesTheDataEfficiency() {
        var b = HandMadeEvents.batch((0..<100).map { event(Int64($0), thetas: [55, 110], fired: $0 < 90) })
        TwoTrackTriggerCorrection(rows: rows).correct(&b)
        let total = b.events.weight.reduce(0, +)
        let fired = (0..<90).map { b.events.weight[$0] }.reduce(0, +)
        #expect(abs(total - 200) < 1e-9)
        #expect(abs(fired / total - 0.855) < 1e-12)
    }
}
