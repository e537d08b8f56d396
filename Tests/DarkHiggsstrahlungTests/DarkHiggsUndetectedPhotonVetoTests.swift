import Analysis
import DarkHiggsstrahlung
import DarkHiggsstrahlungPackage
import DimuonTestSupport
import EventModel
import Foundation
import Kinematics
import Testing

/// The two cuts against radiative mu mu with an undetected photon (issue #23): the recoil
/// must point into the ECL crystals, 1 deg inside their edges, and the KLM must have no
/// neutral cluster.
@Suite struct DarkHiggsUndetectedPhotonVetoTests {
    /// Signed distances from the basf2 ECL region edges (ECLCluster::getDetectorRegion:
    /// 12.4-31.4, 32.2-128.7, 130.7-155.1 deg), worked by hand.
    @Test func crystalDistanceFromTheBasf2RegionEdges() {
        let cases: [(theta: Double, distance: Double)] = [
            (90, 38.7),      // barrel centre: 128.7 - 90
            (20, 7.6),       // forward endcap: 20 - 12.4
            (31.8, -0.4),    // middle of the forward gap (31.4-32.2)
            (129.7, -1.0),   // middle of the backward gap (128.7-130.7)
            (10, -2.4),      // forward of the ECL
            (160, -4.9),     // backward of the ECL
            (33.0, 0.8),     // barrel, 0.8 deg from its forward edge
        ]
        for c in cases {
            #expect(abs(DarkHiggsRecoilAcceptance.crystalDistance(thetaDeg: c.theta) - c.distance) < 1e-9, "theta \(c.theta)")
        }
    }

    /// CMS polar angle at which a massless recoil of CMS momentum `p` reaches lab angle
    /// `labDeg` (bisection on the beams' boost; the lab angle grows with the CMS angle).
    static func cmsTheta(forLabDeg labDeg: Double, momentum p: Double) -> Double {
        var lo = 1e-3, hi = Double.pi - 1e-3
        for _ in 0..<80 {
            let mid = 0.5 * (lo + hi)
            let k = DimuonEvents.beams.toLab(FourVector(mass: 0, momentum: ThreeVector(magnitude: p, theta: mid, phi: 0.3)))
            if k.theta * 180 / .pi < labDeg { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    /// M_h' = 0 events (a 3 GeV massless recoil, what one undetected photon leaves) with the
    /// recoil in the backward gap, in the forward gap, beyond the backward endcap, 1.3 deg
    /// inside the barrel edge, at 90 deg, and at 90 deg with a KLM neutral cluster: only the
    /// two clean barrel ones pass.
    @Test func gapAndKLMEventsFailTheVetoes() throws {
        let search = DarkHiggsstrahlung.standard
        let labAngles = [129.7, 31.8, 158.0, 33.5, 90.0, 90.0]
        var events = labAngles.enumerated().map { i, a in
            DimuonEvents.event(id: Int64(i), recoilMass: 0, recoilMomentum: 3.0, recoilTheta: Self.cmsTheta(forLabDeg: a, momentum: 3.0))
        }
        events[5].nKLMNeutral = 1
        let cols = search.observables(of: DimuonEvents.batch(events))
        for (i, a) in labAngles.enumerated() {
            #expect(abs(cols["recoil_theta_lab_deg"]![i] - a) < 1e-6, "event \(i)")
        }
        let vetoes = DarkHiggsstrahlung.undetectedPhotonVetoes
        #expect(vetoes.allSatisfy { cut in search.selection.cuts.contains { $0.name == cut.name } })
        func passes(_ i: Int) -> Bool { vetoes.allSatisfy { $0.passes(cols[$0.observable]![i]) } }
        #expect((0..<6).map(passes) == [false, false, false, true, true, false])
    }
}
