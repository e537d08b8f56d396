import XCTest
import Kinematics
@testable import Generators

/// Cross sections computed by the generators against the Belle II Physics Book table
/// (arXiv:1808.10567, "SM cross sections at 10.58 GeV"; copied in shared/PHYSICS.md).
/// Tolerances: 3% (mu mu, tau tau, e e, gamma gamma) and 15% (two-photon) plus 3 MC sigma.
final class CrossSectionTests: XCTestCase {
    func assertClose(_ est: CrossSectionEstimate, referenceNb: Double, relative: Double,
                     file: StaticString = #filePath, line: UInt = #line) {
        let tol = relative * referenceNb + 3 * est.uncertaintyNb
        print(String(format: "%@: %.4f +- %.4f nb vs %.4f nb (%+.2f%%)", est.process, est.valueNb,
                     est.uncertaintyNb, referenceNb, 100 * (est.valueNb / referenceNb - 1)))
        XCTAssertEqual(est.valueNb, referenceNb, accuracy: tol, est.process, file: file, line: line)
    }

    /// KKMC, mu+mu-(gamma), no selection: 1.148 nb. Ours: ISR integrated down to s' = 4 m_mu^2.
    func testMuonPairTotal() {
        let g = StandardModelProcess.mumu.makeGenerator()
        assertClose(g.crossSection(trials: 1, using: RandomStream(seed: 1, stream: 0)), referenceNb: 1.148, relative: 0.03)
    }

    /// Physics Book: mu+mu-(gamma) with p_mu > 0.5 GeV/c in the CDC (17-150 deg lab): 0.831 nb.
    func testMuonPairInCDC() {
        let g = StandardModelProcess.mumu.makeGenerator(filter: .physicsBookMuonPairInCDC)
        assertClose(g.crossSection(trials: 60_000, using: RandomStream(seed: 2, stream: 0)), referenceNb: 0.831, relative: 0.03)
    }

    /// KKMC, tau+tau-(gamma): 0.919 nb.
    func testTauPairTotal() {
        let g = StandardModelProcess.tautau.makeGenerator()
        assertClose(g.crossSection(trials: 1, using: RandomStream(seed: 3, stream: 0)), referenceNb: 0.919, relative: 0.03)
    }

    /// BabaYaga@NLO, e+e-(gamma), 10 < theta* < 170 deg, E* > 0.15 GeV: 300 +- 3 nb.
    func testBhabha() {
        let g = StandardModelProcess.ee.makeGenerator()
        assertClose(g.crossSection(trials: 150_000, using: RandomStream(seed: 4, stream: 0)), referenceNb: 300, relative: 0.03)
    }

    /// BabaYaga@NLO, gamma gamma(gamma), same acceptance: 4.99 +- 0.05 nb.
    func testDiphoton() {
        let g = StandardModelProcess.gammagamma.makeGenerator()
        assertClose(g.crossSection(trials: 150_000, using: RandomStream(seed: 5, stream: 0)), referenceNb: 4.99, relative: 0.03)
    }

    /// AAFH, e+e-mu+mu-, W_mumu > 0.5 GeV: 18.9 +- 0.1 nb (15% target for the EPA).
    func testTwoPhotonMuons() {
        let g = StandardModelProcess.eemumu.makeGenerator()
        assertClose(g.crossSection(trials: 150_000, using: RandomStream(seed: 6, stream: 0)), referenceNb: 18.9, relative: 0.15)
    }

    /// AAFH, e+e-e+e-, W_ee > 0.5 GeV: 39.7 +- 0.1 nb (15% target for the EPA).
    func testTwoPhotonElectrons() {
        let g = StandardModelProcess.eeee.makeGenerator()
        assertClose(g.crossSection(trials: 150_000, using: RandomStream(seed: 7, stream: 0)), referenceNb: 39.7, relative: 0.15)
    }

    /// Physics Book: mu+mu- gamma(gamma), "p_mu > 0.5 GeV in CDC, >= 1 gamma E > 0.5 GeV in
    /// ECL": 0.242 nb. Read literally (the photon inside the ECL) we get 0.111 nb; with the
    /// photon at any angle we get 0.236 nb, 2.6% from the table. A leading-log estimate
    /// (FSR + ISR, times 0.831 nb) gives the same split: 0.075-0.11 nb inside the ECL,
    /// 0.17-0.25 nb at any angle (docs/physics/generators.md). So the table's photon
    /// requirement evidently does not restrict the photon's direction (ISR photons down the
    /// beam pipe count); that reading is what is asserted to 3%, and the literal one is only
    /// required to be the smaller part of it.
    func testMuonPairWithPhoton() {
        let f = GeneratorFilter(name: "mumugamma", requirements: [
            .atLeast(2, .init(.absPDG(13), minMomentum: 0.5, thetaDeg: GeneratorFilter.cdcThetaDeg)),
            .atLeast(1, .init(.photon, minMomentum: 0.5, thetaDeg: GeneratorFilter.eclThetaDeg)),
        ])
        let g = StandardModelProcess.mumu.makeGenerator(filter: f)
        let est = g.crossSection(trials: 60_000, using: RandomStream(seed: 8, stream: 0))
        print(String(format: "mumugamma: %.4f +- %.4f nb vs 0.242 nb", est.valueNb, est.uncertaintyNb))
        let anyAngle = GeneratorFilter(name: "mumugamma_any_angle", requirements: [
            .atLeast(2, .init(.absPDG(13), minMomentum: 0.5, thetaDeg: GeneratorFilter.cdcThetaDeg)),
            .atLeast(1, .init(.photon, minMomentum: 0.5)),
        ])
        let all = StandardModelProcess.mumu.makeGenerator(filter: anyAngle)
            .crossSection(trials: 60_000, using: RandomStream(seed: 8, stream: 1))
        print(String(format: "mumugamma, photon at any angle: %.4f +- %.4f nb vs 0.242 nb", all.valueNb, all.uncertaintyNb))
        XCTAssertEqual(all.valueNb / 0.242, 1, accuracy: 0.03)
        // Inside the ECL: the leading-log range 0.075-0.11 nb widened by its ~30% accuracy.
        XCTAssertGreaterThan(est.valueNb, 0.05)
        XCTAssertLessThan(est.valueNb, 0.15)
    }

    /// Born mu mu against the analytic 4 pi alpha(s)^2/(3s) (gamma-Z changes the total by
    /// < 1e-4 here) and PHYSICS.md's cross-check 0.776 nb with alpha(0).
    func testBornAndRunningAlpha() {
        let s = BelleIIBeams.y4S.s
        let born = FermionPairBorn(mass: ParticleMass.muon, includeFinalStateCorrection: false)
        let aS = VacuumPolarization.alpha(q2: s)
        let analytic = 4 * Double.pi * aS * aS / (3 * s)
        XCTAssertEqual(born.total(s: s) / analytic, 1, accuracy: 2e-3)
        let alpha0Born = 4 * Double.pi * PhysicalConstants.alpha * PhysicalConstants.alpha / (3 * s) * PhysicalConstants.hbarC2GeV2Fb * 1e-6
        XCTAssertEqual(alpha0Born, 0.776, accuracy: 0.002)
        // 1/alpha(10.58 GeV) "about 132" (PHYSICS.md); Jegerlehner's alphaQED gives 131.9-132.1.
        XCTAssertEqual(1 / aS, 132.0, accuracy: 0.5)
        // Leptonic running far above threshold -> alpha/(3 pi)(ln(s/m^2) - 5/3).
        let me = ParticleMass.electron
        let asym = PhysicalConstants.alpha / (3 * Double.pi) * (log(s / (me * me)) - 5.0 / 3.0)
        XCTAssertEqual(VacuumPolarization.leptonic(q2: s, mass: me), asym, accuracy: 1e-7)
        XCTAssertEqual(VacuumPolarization.leptonic(q2: -s, mass: me), asym, accuracy: 1e-6)
    }
}
