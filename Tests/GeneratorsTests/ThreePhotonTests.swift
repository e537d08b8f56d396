import XCTest
import Kinematics
@testable import Generators

/// e+e- -> gamma gamma gamma: the Berends-Kleiss matrix element against the exact massive
/// six-diagram amplitude, and the cross section against an independent vegas integration
/// (Tests/Fixtures/generators/threephoton_reference.py).
final class ThreePhotonTests: XCTestCase {
    func fourVector(_ a: [Double]) -> FourVector { FourVector(e: a[0], px: a[1], py: a[2], pz: a[3]) }

    /// At points inside the acceptance and with one photon down to 5 deg from the beam, the
    /// massless formula equals the massive Feynman-diagram value to 3e-6; at 0.5 deg the mass
    /// terms reach 2.4e-4 (why the sampler refuses windows below 5 deg).
    func testMatrixElementAgainstMassiveDiagrams() throws {
        let ref = try GeneratorFixtures.json("threephoton_reference.json")
        let points = try XCTUnwrap(ref["matrix_element_points"] as? [[String: Any]])
        let rootS = try XCTUnwrap(ref["sqrt_s_gev"] as? Double)
        XCTAssertEqual(rootS, BelleIIBeams.y4S.sqrtS, accuracy: 1e-9)
        var worst = 0.0
        for p in points {
            let k = try XCTUnwrap(p["photons"] as? [[Double]]).map(fourVector)
            let exact = try XCTUnwrap(p["exact_massive"] as? Double)
            let ours = ThreePhotonMatrixElement.squared(sqrtS: rootS, k[0], k[1], k[2])
            let theta = p["photon1_theta_deg"] as? Double ?? 90
            let tolerance = theta >= 5 ? 5e-6 : 5e-4
            XCTAssertEqual(ours / exact, 1, accuracy: tolerance, "photon 1 at \(theta) deg")
            if theta >= 5 { worst = max(worst, abs(ours / exact - 1)) }
        }
        print(String(format: "gammagammagamma: massless vs massive matrix element, worst %.1e at >= 5 deg", worst))
    }

    /// Soft limit: |M_3|^2 -> e^2 s/(kappa_3 kappa'_3) * 2 e^4 (kappa_1/kappa'_1 + kappa'_1/kappa_1).
    func testSoftLimit() {
        let rootS = 10.58, h = rootS / 2
        let c = 0.3, st = (1 - c * c).squareRoot()
        let k1 = FourVector(e: h, px: h * st, py: 0, pz: h * c)
        let k2 = FourVector(e: h, px: -h * st, py: 0, pz: -h * c)
        let w = 1e-6
        let k3 = FourVector(e: w, px: 0, py: w * 0.6, pz: w * 0.8)
        let e2 = 4 * Double.pi * PhysicalConstants.alpha
        let a1 = h * (k1.e + k1.pz), b1 = h * (k1.e - k1.pz)
        let a3 = h * (k3.e + k3.pz), b3 = h * (k3.e - k3.pz)
        let expected = e2 * rootS * rootS / (a3 * b3) * 2 * e2 * e2 * (a1 / b1 + b1 / a1)
        XCTAssertEqual(ThreePhotonMatrixElement.squared(sqrtS: rootS, k1, k2, k3) / expected, 1, accuracy: 1e-5)
    }

    /// Monte Carlo cross section against vegas (two cut sets; the fixture's two
    /// parametrisations agree to 0.02% and 0.07%).
    func testCrossSectionAgainstVegas() throws {
        let ref = try GeneratorFixtures.json("threephoton_reference.json")
        let cases = try XCTUnwrap(ref["cross_sections"] as? [[String: Double]])
        for (i, c) in cases.enumerated() {
            let th = c["theta_min_deg"]!
            let sampler = ThreePhotonSampler(minEnergy: c["min_energy_gev"]!, thetaMinDeg: th, thetaMaxDeg: 180 - th)
            let est = SampledGenerator(sampler: sampler, warmUpTrials: 2000)
                .crossSection(trials: 40_000, using: RandomStream(seed: 51, stream: UInt64(i)))
            let expected = c["sigma_fb"]!, vegasError = c["sigma_error_fb"]!
            let spread = abs(c["sigma_dalitz_fb"]! - expected)
            print(String(format: "gammagammagamma E > %.2f, %.0f-%.0f deg: %.4f +- %.4f nb vs vegas %.4f nb (%+.2f%%)",
                         c["min_energy_gev"]!, th, 180 - th, est.valueNb, est.uncertaintyNb, expected * 1e-6,
                         100 * (est.valueFb / expected - 1)))
            XCTAssertLessThan(est.relativeUncertainty, 0.01)
            XCTAssertEqual(est.valueFb, expected, accuracy: 3 * est.uncertaintyFb + 3 * vegasError + spread)
        }
    }

    /// Weights: reported, and bounded enough for unweighting.
    func testWeightDistribution() {
        let summary = WeightSummary.measure(ThreePhotonSampler(), trials: 20_000, using: RandomStream(seed: 52, stream: 0))
        print("gammagammagamma weights: " + summary.description)
        XCTAssertGreaterThan(summary.effectiveFraction, 0.3)
        XCTAssertLessThan(summary.maxOverMean, 30)
    }

    /// Events: three photons inside the cuts, energies add up to sqrt(s) in the CMS.
    func testEvents() {
        let g = SampledGenerator(sampler: ThreePhotonSampler(minEnergy: 0.5, thetaMinDeg: 20, thetaMaxDeg: 160), warmUpTrials: 2000)
        let rng = RandomStream(seed: 53, stream: 0)
        let t = FrameTransform()
        var e = GeneratedEvent()
        for _ in 0..<100 {
            g.generate(into: &e, using: rng)
            XCTAssertEqual(e.particles.count, 3)
            var sum = FourVector.zero
            for p in e.particles {
                let k = t.toCMS(p.momentum)
                XCTAssertGreaterThan(k.e, 0.5)
                XCTAssertGreaterThan(k.theta, 20 * Double.pi / 180)
                XCTAssertLessThan(k.theta, 160 * Double.pi / 180)
                sum += k
            }
            XCTAssertEqual(sum.e, BelleIIBeams.y4S.sqrtS, accuracy: 1e-9)
            XCTAssertEqual(sum.p.magnitude, 0, accuracy: 1e-9)
        }
    }
}

/// The gamma gamma / gamma gamma gamma split (`DiphotonMatching`).
final class DiphotonMatchingTests: XCTestCase {
    /// The resolved share of gammagamma's hard beam radiation against the leading-log
    /// estimate: an eikonal photon (dcos/(1 - beta^2 c^2)) falls in the window |c| < c_m with
    /// probability ln((1 + c_m)/(1 - c_m)) / ln((1 + beta)/(1 - beta)) = 0.245 at 10 deg; the
    /// exact alpha^3 rate may differ from it by the non-logarithmic terms (~20-30%).
    func testResolvedFractionAgainstLeadingLog() {
        let m = DiphotonMatching(threePhoton: ThreePhotonSampler(), trials: 20_000, using: RandomStream(seed: 54, stream: 0))
        let e = BelleIIBeams.y4S.sqrtS / 2, me = ParticleMass.electron
        let beta = (1 - me * me / (e * e)).squareRoot()
        let cm = cos(10 * Double.pi / 180)
        let leadingLog = log((1 + cm) / (1 - cm)) / log((1 + beta) / (1 - beta))
        print(String(format: "gammagamma with beam photon > 0.15 GeV: %.4f nb; gammagammagamma %.4f nb; resolved fraction %.3f (leading log %.3f)",
                     m.twoPhotonHardRadiation.valueNb, m.threePhoton.valueNb, m.resolvedFraction, leadingLog))
        XCTAssertEqual(m.resolvedFraction, leadingLog, accuracy: 0.35 * leadingLog)
        XCTAssertEqual(m.weight(ofDiphotonEvent: []), 1)
    }
}
