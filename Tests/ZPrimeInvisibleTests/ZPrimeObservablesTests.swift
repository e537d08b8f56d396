import ZPrimeInvisiblePackage
import DimuonTestSupport
import Analysis
import Foundation
import EventModel
import Kinematics
import Testing
import ZPrimeInvisible

@Suite struct ZPrimeObservablesTests {
    @Test func recoilMassAndAnglesOfAKnownEvent() throws {
        let e = DimuonEvents.event(id: 0, recoilMass: 3.0, recoilMomentum: 1.2, recoilTheta: 1.3)
        let cols = ZPrimeObservables.compute(DimuonEvents.batch([e]))
        #expect(abs(cols["m_recoil"]![0] - 3.0) < 1e-6)
        #expect(abs(cols["recoil_theta_cms_deg"]![0] - 1.3 * 180 / Double.pi) < 1e-6)
        #expect(abs(cols["pt_mumu_cms"]![0] - 1.2 * sin(1.3)) < 1e-6)
        #expect(cols["n_tracks"]![0] == 2)
        #expect(cols["charge_product"]![0] == -1)
        #expect(cols["trigger_two_track"]![0] == 1)
        #expect(cols["photon_veto_angle_deg"]![0] == 180)
    }

    @Test func negativeRecoilMassSquaredGivesNegativeSignedMass() throws {
        // Visible energy above what a massless recoil allows -> M^2_rec < 0 -> signed M < 0.
        var e = DimuonEvents.event(id: 0, recoilMass: 0.0, recoilMomentum: 0.5)
        e.tracks[0].momentum = e.tracks[0].momentum * 1.05
        let cols = ZPrimeObservables.compute(DimuonEvents.batch([e]))
        #expect(cols["m_recoil"]![0] < 0)
    }

    @Test func photonAlongTheRecoilIsSeenByTheVeto() throws {
        let clean = DimuonEvents.event(id: 0, recoilMass: 2.0, recoilMomentum: 2.0, recoilTheta: 1.5)
        let cols0 = ZPrimeObservables.compute(DimuonEvents.batch([clean]))
        // Put a photon cluster exactly along the recoil direction in the lab.
        let recoilCMS = FourVector(mass: 2.0, momentum: ThreeVector(magnitude: 2.0, theta: 1.5, phi: 0.3))
        let lab = BelleIIBeams.y4S.toLab(recoilCMS)
        var withPhoton = clean
        withPhoton.clusters = [Cluster(energy: 1.0, theta: lab.theta, phi: lab.phi)]
        let cols1 = ZPrimeObservables.compute(DimuonEvents.batch([withPhoton]))
        #expect(cols0["photon_veto_angle_deg"]![0] == 180)
        #expect(cols1["photon_veto_angle_deg"]![0] < 0.01)
        // A track-matched cluster does not count.
        withPhoton.clusters[0].trackMatched = true
        #expect(ZPrimeObservables.compute(DimuonEvents.batch([withPhoton]))["photon_veto_angle_deg"]![0] == 180)
    }

    @Test func eventsWithoutTwoTracksHaveNoCandidate() throws {
        var e = DimuonEvents.event(id: 0, recoilMass: 3.0)
        e.tracks.removeLast()
        let cols = ZPrimeObservables.compute(DimuonEvents.batch([e]))
        #expect(cols["n_tracks"]![0] == 1)
        #expect(cols["m_recoil"]![0].isNaN)
        let s = ZPrimeInvisible.lMuMinusLTau
        #expect(!s.selection.preselection[0].passes(cols["n_tracks"]![0]))
    }
}
