import Foundation
import Testing
@testable import Kinematics

@Suite struct RecoilMassTests {
    let sqrtS = BelleIIBeams.y4S.sqrtS

    @Test func twoBodyRecoilRecoversTheInvisibleMass() {
        // e+e- -> X Y at rest in the CMS: the recoil against X is exactly m_Y.
        for mY in [0.0, 0.5, 3.0, 8.0] {
            let (x, _) = TwoBodyDecay.daughters(parentMass: sqrtS, m1: 2.2, m2: mY, theta: 1.1, phi: 0.4)
            #expect(abs(RecoilMass.signed(visibleCMS: x, sqrtS: sqrtS) - mY) < 1e-9)
        }
    }

    @Test func recoilAgainstDimuonComputedInTheLab() {
        // mu+ mu- from a 3 GeV system recoiling against a 5 GeV invisible particle: build it in
        // the CMS, go to the lab, come back, and the formula
        // M2_rec = s + M2_mumu - 2 sqrt(s)(E1* + E2*) must give 25 GeV^2.
        let beams = BelleIIBeams.y4S
        let (pair, _) = TwoBodyDecay.daughters(parentMass: sqrtS, m1: 3.0, m2: 5.0, theta: 0.7, phi: 1.0)
        let (m1, m2) = TwoBodyDecay.daughters(parentMass: 3.0, m1: ParticleMass.muon, m2: ParticleMass.muon, theta: 2.0, phi: -1)
        let boost = LorentzBoost(restFrameOf: pair)
        let lab1 = beams.toLab(boost.apply(m1)), lab2 = beams.toLab(boost.apply(m2))
        let cms1 = beams.toCMS(lab1), cms2 = beams.toCMS(lab2)
        let mumu = (cms1 + cms2).massSquared
        let m2rec = sqrtS * sqrtS + mumu - 2 * sqrtS * (cms1.e + cms2.e)
        #expect(abs(m2rec - 25) < 1e-8)
        #expect(abs(RecoilMass.signed(visibleCMS: cms1 + cms2, sqrtS: sqrtS) - 5) < 1e-9)
    }

    @Test func photonRecoil() {
        // E_gamma = (s - m^2)/(2 sqrt(s)) and back.
        for m in [0.0, 1.0, 4.5, 9.0] {
            let e = RecoilMass.photonEnergy(recoilMass: m, sqrtS: sqrtS)
            #expect(abs(e - (sqrtS * sqrtS - m * m) / (2 * sqrtS)) < 1e-12)
            let photon = FourVector(e: e, p: ThreeVector(magnitude: e, theta: 1.2, phi: 0.3))
            #expect(abs(RecoilMass.signed(visibleCMS: photon, sqrtS: sqrtS) - m) < 1e-7)
            #expect(abs(RecoilMass.againstPhoton(energyCMS: e, sqrtS: sqrtS) - m) < 1e-7)
        }
    }

    @Test func spaceLikeRecoilIsNegative() {
        // A photon carrying more than sqrt(s)/2 (mismeasured) gives M2_rec < 0.
        let e = sqrtS / 2 + 0.1
        let m2 = sqrtS * sqrtS - 2 * sqrtS * e
        #expect(RecoilMass.againstPhoton(energyCMS: e, sqrtS: sqrtS) == -(-m2).squareRoot())
    }

    @Test func twoBodyMomentum() {
        // K -> pi pi style check: M = 10, massless daughters: p = M/2.
        #expect(TwoBodyDecay.momentum(parentMass: 10, m1: 0, m2: 0) == 5)
        // Below threshold: 0.
        #expect(TwoBodyDecay.momentum(parentMass: 1, m1: 0.6, m2: 0.6) == 0)
    }
}
