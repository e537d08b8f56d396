import ALPThreePhoton
import EventModel
import Foundation
import Kinematics
import XCTest

/// The three-photon observables on hand-built events whose answers follow from two-body
/// kinematics alone: e+e- -> gamma a at m_a with a -> gamma gamma, written in the CMS and
/// boosted to the lab (clusters are lab-frame objects).
final class ThreePhotonObservablesTests: XCTestCase {
    let beams = BelleIIBeams.y4S

    /// gamma a at m_a, the ALP decaying at angle cosDecay in its rest frame; CMS four-momenta.
    func alpEvent(mass m: Double, cosRecoil: Double, cosDecay: Double) -> [FourVector] {
        let rootS = beams.sqrtS
        let eStar = (beams.s - m * m) / (2 * rootS)
        let sinR = (1 - cosRecoil * cosRecoil).squareRoot()
        let recoil = FourVector(e: eStar, px: eStar * sinR, py: 0, pz: eStar * cosRecoil)
        let ea = rootS - eStar
        // ALP along -recoil; its photons in the rest frame at angle cosDecay to the flight axis.
        let beta = eStar / ea, gamma = ea / m
        let sinD = (1 - cosDecay * cosDecay).squareRoot()
        var photons: [FourVector] = []
        for sign in [1.0, -1.0] {
            let eRest = m / 2, pl = sign * eRest * cosDecay, pt = sign * eRest * sinD
            let eLab = gamma * (eRest + beta * pl), plLab = gamma * (pl + beta * eRest)
            // Flight axis n = -recoil direction; transverse axis e_y.
            let n = ThreeVector(x: -sinR, y: 0, z: -cosRecoil)
            photons.append(FourVector(e: eLab, p: n * plLab + ThreeVector(x: 0, y: pt, z: 0)))
        }
        return [recoil] + photons
    }

    func batch(_ cms: [[FourVector]], trigger: TriggerLine = .eclEnergy) -> EventBatch {
        var b = EventBatch()
        for (i, photons) in cms.enumerated() {
            let clusters = photons.map { p -> Cluster in
                let lab = beams.toLab(p)
                return Cluster(energy: lab.e, theta: lab.theta, phi: lab.phi)
            } + [Cluster(energy: 0.05, theta: 1.2, phi: 0.4)]   // a beam-background cluster below threshold
            b.append(ReconstructedEvent(eventID: Int64(i), trigger: trigger, clusters: clusters))
        }
        return b
    }

    /// The pairing whose recoil photon is at E* has m_gg = m_a, M2_rec = m_a^2 and zero
    /// mismatch; the sums balance; the three pair masses squared add up to s (massless
    /// photons, P = (sqrt(s), 0)).
    func testALPEventGivesItsMassInOnePairing() throws {
        for (m, cr, cd) in [(0.3, 0.2, 0.9), (3.0, -0.5, 0.1), (8.0, 0.4, -0.7)] {
            let photons = alpEvent(mass: m, cosRecoil: cr, cosDecay: cd)
            let o = ThreePhotonObservables.compute(batch([photons]))
            XCTAssertEqual(o["n_photons"]![0], 3)
            XCTAssertEqual(o["trigger_ecl"]![0], 1)
            XCTAssertEqual(o["energy_sum_ratio"]![0], 1, accuracy: 1e-9)
            XCTAssertEqual(o["momentum_balance"]![0], 0, accuracy: 1e-9)
            let eStar = (beams.s - m * m) / (2 * beams.sqrtS)
            let k = try XCTUnwrap((1...3).first { abs(o["e_cms_\($0)"]![0] - eStar) < 1e-9 }, "no photon at E* for m = \(m)")
            XCTAssertEqual(o[ThreePhotonObservables.massObservable(k)]![0], m, accuracy: 1e-7)
            XCTAssertEqual(o[ThreePhotonObservables.recoilObservable(k)]![0], m * m, accuracy: 1e-7)
            XCTAssertEqual(o[ThreePhotonObservables.mismatchObservable(k)]![0], 0, accuracy: 1e-8)
            let sumM2 = (1...3).map { pow(o[ThreePhotonObservables.massObservable($0)]![0], 2) }.reduce(0, +)
            XCTAssertEqual(sumM2, beams.s, accuracy: 1e-7)
            // Energies ranked in the CMS.
            XCTAssertGreaterThanOrEqual(o["e_cms_1"]![0], o["e_cms_2"]![0])
            XCTAssertGreaterThanOrEqual(o["e_cms_2"]![0], o["e_cms_3"]![0])
        }
    }

    /// Fewer than three photons: the counts are set, the three-photon quantities NaN; two
    /// back-to-back photons of sqrt(s)/2 have leading-pair mass sqrt(s).
    func testTwoPhotonEvent() {
        let e = beams.sqrtS / 2
        let two = [FourVector(e: e, px: 0, py: e * 0.6, pz: e * 0.8), FourVector(e: e, px: 0, py: -e * 0.6, pz: -e * 0.8)]
        let o = ThreePhotonObservables.compute(batch([two]))
        XCTAssertEqual(o["n_photons"]![0], 2)
        XCTAssertEqual(o["leading_pair_mass"]![0], beams.sqrtS, accuracy: 1e-9)
        XCTAssertTrue(o["m_gg_1"]![0].isNaN)
        XCTAssertTrue(o["energy_sum_ratio"]![0].isNaN)
    }
}
