import Corrections
import EventModel
import Kinematics
import Testing

/// `PhotonDetectionCorrection` on hand-made events: every generator photon above 1 GeV in
/// a measured region is weighted, by eps_data/eps_MC when an unmatched cluster of at least
/// 40% of its energy lies within 50 mrad of it, by (1 - eps_data)/(1 - eps_MC) otherwise;
/// the event weight is the product over its photons.
@Suite struct PhotonDetectionCorrectionTests {
    static let name = PhotonDetectionCalibration.correctionName
    /// Forward gap 0.70 / 0.85 (found 0.8235, lost 2), barrel 0.97 / 0.98 (lost 1.5); no
    /// forward-endcap row.
    let correction = PhotonDetectionCorrection(rows: [
        HandMadeEvents.row(name, low: 31.4, high: 32.2, data: 0.70, mc: 0.85),
        HandMadeEvents.row(name, low: 32.2, high: 128.7, data: 0.97, mc: 0.98),
    ])
    static let gapFound = 0.70 / 0.85, gapLost = 0.30 / 0.15, barrelLost = 0.03 / 0.02

    static func photon(_ e: Double, thetaDeg: Double, phiDeg: Double = 90) -> Particle {
        Particle(pdg: 22, momentum: FourVector(e: e, p: ThreeVector(magnitude: e, theta: thetaDeg * .pi / 180, phi: phiDeg * .pi / 180)))
    }

    static func cluster(_ e: Double, thetaDeg: Double, phiDeg: Double = 90, matched: Bool = false) -> Cluster {
        Cluster(energy: e, theta: thetaDeg * .pi / 180, phi: phiDeg * .pi / 180, trackMatched: matched)
    }

    static func event(_ id: Int64, _ photons: [Particle], _ clusters: [Cluster]) -> ReconstructedEvent {
        ReconstructedEvent(eventID: id, weight: 1, clusters: clusters, particles: photons)
    }

    @Test func foundAndLostPhotonsGetTheEfficiencyRatios() {
        func p(_ e: Double, _ t: Double, phiDeg: Double = 90) -> Particle { Self.photon(e, thetaDeg: t, phiDeg: phiDeg) }
        func c(_ e: Double, _ t: Double, phiDeg: Double = 90, matched: Bool = false) -> Cluster {
            Self.cluster(e, thetaDeg: t, phiDeg: phiDeg, matched: matched)
        }
        func e(_ id: Int64, _ photons: [Particle], _ clusters: [Cluster]) -> ReconstructedEvent { Self.event(id, photons, clusters) }
        var b = HandMadeEvents.batch([
            e(0, [p(3, 31.8)], [c(2.7, 31.8)]),                     // gap, found
            e(1, [p(3, 31.8)], []),                                 // gap, lost
            e(2, [p(3, 31.8)], [c(2.7, 31.8 + 0.1 * 180 / .pi)]),   // cluster 0.1 rad away: lost
            e(3, [p(3, 31.8)], [c(0.9, 31.8)]),                     // cluster below 40% of 3 GeV: lost
            e(4, [p(3, 31.8)], [c(2.7, 31.8, matched: true)]),      // cluster matched to a track: lost
            e(5, [p(0.8, 31.8)], []),                               // below 1 GeV: untouched
            e(6, [p(2, 80)], [c(0.03, 80)]),                        // barrel, lost (only a soft cluster)
            e(7, [p(2, 31.6, phiDeg: 0), p(4, 31.9, phiDeg: 180)], [c(3.6, 31.9, phiDeg: 180), c(1.8, 31.6, phiDeg: 0)]),  // two found
            e(8, [p(3, 20)], []),                                   // forward endcap: no row
        ])
        correction.correct(&b)
        let expected = [Self.gapFound, Self.gapLost, Self.gapLost, Self.gapLost, Self.gapLost, 1, Self.barrelLost,
                        Self.gapFound * Self.gapFound, 1]
        for (k, (w, x)) in zip(b.events.weight, expected).enumerated() { #expect(abs(w - x) < 1e-12, "event \(k): \(w) vs \(x)") }
    }

    /// 100 gap photons of which 85 found (eps_MC = 0.85): the total weight is conserved and
    /// the found fraction becomes eps_data = 0.70.
    @Test func totalIsConservedAndFoundFractionBecomesTheDataEfficiency() {
        var b = HandMadeEvents.batch((0..<100).map { i in
            Self.event(Int64(i), [Self.photon(2, thetaDeg: 31.8)], i < 85 ? [Self.cluster(1.8, thetaDeg: 31.8)] : [])
        })
        correction.correct(&b)
        let total = b.events.weight.reduce(0, +)
        #expect(abs(total - 100) < 1e-9)
        #expect(abs((0..<85).map { b.events.weight[$0] }.reduce(0, +) / total - 0.70) < 1e-12)
    }
}
