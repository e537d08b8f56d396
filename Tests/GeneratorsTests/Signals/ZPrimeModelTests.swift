import XCTest
import Kinematics
@testable import Generators

/// L_mu - L_tau Z' widths, branching fractions and (g-2)_mu (ZPrimeModel.swift).
final class SignalsZPrimeModelTests: XCTestCase {
    /// Massless limit g'^2 M/(12 pi); zero at and below threshold; the threshold factor.
    func testChargedLeptonWidthLimits() {
        let z = ZPrimeModel(gPrime: 0.3, mass: 1000)
        XCTAssertEqual(z.muonWidth / (0.09 * 1000 / (12 * Double.pi)), 1, accuracy: 1e-7)
        XCTAssertEqual(ZPrimeModel(gPrime: 1, mass: 2 * ParticleMass.muon * 0.999).muonWidth, 0)
        XCTAssertEqual(ZPrimeModel(gPrime: 1, mass: 3).tauWidth, 0)
        // Just above threshold the width vanishes like beta: (3/2) beta at r -> 1/4.
        let M = 2 * ParticleMass.muon * 1.0001
        let beta = (1 - 4 * pow(ParticleMass.muon / M, 2)).squareRoot()
        XCTAssertEqual(ZPrimeModel(gPrime: 1, mass: M).muonWidth / (M / (12 * Double.pi)), 1.5 * beta, accuracy: 1e-3 * beta)
        // Neutrinos: half a massless charged lepton per flavour, two flavours.
        XCTAssertEqual(z.neutrinoWidth, 2 * 0.09 * 1000 / (24 * Double.pi), accuracy: 1e-12)
    }

    /// BF(invisible) = 1 below 2 m_mu, -> 1/2 between, -> 1/3 far above 2 m_tau; fully invisible = 1.
    func testInvisibleBranchingFractionPlateaus() {
        XCTAssertEqual(ZPrimeModel(gPrime: 0.1, mass: 0.2).invisibleBranchingFraction, 1)
        let mid = ZPrimeModel(gPrime: 0.1, mass: 3.0).invisibleBranchingFraction
        XCTAssertEqual(mid, 0.5, accuracy: 0.002)   // muon mass: 0.4996
        XCTAssertEqual(ZPrimeModel(gPrime: 0.1, mass: 200).invisibleBranchingFraction, 1.0 / 3.0, accuracy: 1e-3)
        // tau just open at 4 GeV (threshold factor 0.64): between the plateaus, 1/2.639.
        XCTAssertEqual(ZPrimeModel(gPrime: 0.1, mass: 4.0).invisibleBranchingFraction, 0.3788, accuracy: 1e-3)
        XCTAssertEqual(ZPrimeModel(gPrime: 0.1, mass: 6.0, fullyInvisible: true).invisibleBranchingFraction, 1)
        for m in [0.3, 1.0, 5.0, 9.0] {
            let z = ZPrimeModel(gPrime: 1, mass: m)
            print(String(format: "BF(Z' -> inv) at M = %.2f GeV: %.4f", m, z.invisibleBranchingFraction))
        }
    }

    /// Delta a_mu limits: g'^2/(8 pi^2) for M -> 0 and g'^2 m_mu^2/(12 pi^2 M^2) for M >> m_mu, to < 1e-3.
    func testAnomalousMomentLimits() {
        let g = 0.7
        let light = MuonAnomalousMoment.deltaAMu(gPrime: g, mass: 1e-4 * ParticleMass.muon)
        let heavy = MuonAnomalousMoment.deltaAMu(gPrime: g, mass: 300 * ParticleMass.muon)
        let lightRef = g * g / (8 * Double.pi * Double.pi)
        let heavyRef = g * g / (12 * Double.pi * Double.pi * 300 * 300)
        print(String(format: "Delta a_mu / limit: light %.6f, heavy %.6f", light / lightRef, heavy / heavyRef))
        XCTAssertEqual(light / lightRef, 1, accuracy: 1e-3)
        XCTAssertEqual(heavy / heavyRef, 1, accuracy: 1e-3)
        // Quadrature converged: same value with 4x the panels (direct evaluation here).
        let r = 0.37
        let fine = Quadrature.integrate(0, 1, intervals: 4096) { z in z * (1 - z) * (1 - z) / ((1 - z) * (1 - z) + z * r) } / (4 * Double.pi * Double.pi)
        XCTAssertEqual(MuonAnomalousMoment.loopFunction(massRatioSquared: r), fine, accuracy: 1e-9 * fine)
    }

    /// The historical (g-2)_mu band: Delta a_mu at the band edges is 251 -+ 2 x 59 (x 1e-11).
    func testHistoricalBand() {
        for m in [0.01, 0.1, 1.0] {
            let band = MuonAnomalousMoment.historicalBand(mass: m)
            XCTAssertEqual(MuonAnomalousMoment.deltaAMu(gPrime: band.lowerBound, mass: m), 133e-11, accuracy: 1e-15)
            XCTAssertEqual(MuonAnomalousMoment.deltaAMu(gPrime: band.upperBound, mass: m), 369e-11, accuracy: 1e-15)
            print(String(format: "(g-2)_mu band (historical, 2 sigma) at M = %.2f GeV: g' in [%.2e, %.2e]", m, band.lowerBound, band.upperBound))
        }
    }
}
