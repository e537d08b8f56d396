import XCTest
import Kinematics
@testable import Generators

/// e+e- -> nu nubar gamma against closed forms and an independent scipy quadrature of the
/// same published formulas (Tests/Fixtures/generators/nunugamma_reference.py).
final class NeutrinoPairPhotonTests: XCTestCase {
    let s = BelleIIBeams.y4S.s

    /// Four-fermion limit: sigma_0 = (G_F^2 s/(6 pi))[(1/2 + s_W^2)^2 + s_W^4 + 2((1/2 - s_W^2)^2 + s_W^4)].
    func testBornFourFermionLimit() {
        let gf = PhysicalConstants.fermiConstant, x = PhysicalConstants.sin2ThetaW
        let closed = gf * gf * s / (6 * Double.pi) * ((0.5 + x) * (0.5 + x) + x * x + 2 * ((0.5 - x) * (0.5 - x) + x * x))
        let ours = NeutrinoPairBorn(propagators: false).total(s: s)
        XCTAssertEqual(ours / closed, 1, accuracy: 1e-12)
        XCTAssertEqual(ours * PhysicalConstants.hbarC2GeV2Fb, 264.07, accuracy: 0.05)
    }

    /// With the Z and W propagators, against scipy.quad of the same formula.
    func testBornWithPropagatorsAgainstScipy() throws {
        let ref = try GeneratorFixtures.json("nunugamma_reference.json")
        let expected = try XCTUnwrap(ref["born_total_fb"] as? Double)
        XCTAssertEqual(NeutrinoPairBorn().total(s: s) * PhysicalConstants.hbarC2GeV2Fb / expected, 1, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(ref["sqrt_s_gev"] as? Double), BelleIIBeams.y4S.sqrtS, accuracy: 1e-9)
    }

    /// The radiator's soft limit is the eikonal factor (2 alpha/pi)/(x sin^2 theta).
    func testRadiatorSoftLimit() {
        for c in [-0.9, 0.0, 0.5] {
            let eikonal = 2 * PhysicalConstants.alpha / Double.pi / (1e-7 * (1 - c * c))
            XCTAssertEqual(NeutrinoPairPhotonSampler.radiator(x: 1e-7, cosTheta: c) / eikonal, 1, accuracy: 1e-6)
        }
    }

    /// Monte Carlo cross section against the scipy double integral, two sets of cuts.
    func testCrossSectionAgainstScipy() throws {
        let ref = try GeneratorFixtures.json("nunugamma_reference.json")
        let cases = try XCTUnwrap(ref["cases"] as? [[String: Double]])
        for (i, c) in cases.enumerated() {
            let sampler = NeutrinoPairPhotonSampler(minEnergy: c["min_energy_gev"]!, thetaMinDeg: c["theta_min_deg"]!,
                                                    thetaMaxDeg: c["theta_max_deg"]!)
            let est = SampledGenerator(sampler: sampler, warmUpTrials: 2000)
                .crossSection(trials: 20_000, using: RandomStream(seed: 41, stream: UInt64(i)))
            let expected = c["sigma_fb"]!
            print(String(format: "nunugamma: %.4f +- %.4f fb vs scipy %.4f fb", est.valueFb, est.uncertaintyFb, expected))
            XCTAssertLessThan(est.relativeUncertainty, 0.01)
            XCTAssertEqual(est.valueFb, expected, accuracy: 3 * est.uncertaintyFb + 1e-3 * expected)
        }
    }

    /// Four-fermion limit, where sigma_0(s(1 - x)) = sigma_0(s)(1 - x) and the double integral
    /// is closed: with L = ln((1 + c_m)/(1 - c_m)) and D_n = x_2^n - x_1^n,
    /// sigma = (2 alpha/pi) sigma_0 { L [ln(x_2/x_1) - 2 D_1 + 5 D_2/8 - D_3/12] + (L - 2 c_m)[D_2/8 - D_3/12] }.
    func testCrossSectionClosedFormPointlike() {
        let eMin = 0.5, cm = cos(10 * Double.pi / 180)
        let sampler = NeutrinoPairPhotonSampler(minEnergy: eMin, thetaMinDeg: 10, thetaMaxDeg: 170,
                                                born: NeutrinoPairBorn(propagators: false))
        let x1 = 2 * eMin / s.squareRoot(), x2 = 1 - 1e-9
        let d = { (n: Double) in pow(x2, n) - pow(x1, n) }
        let l = log((1 + cm) / (1 - cm))
        let sigma0 = NeutrinoPairBorn(propagators: false).total(s: s) * PhysicalConstants.hbarC2GeV2Fb
        let closed = 2 * PhysicalConstants.alpha / Double.pi * sigma0
            * (l * (log(x2 / x1) - 2 * d(1) + 5 * d(2) / 8 - d(3) / 12) + (l - 2 * cm) * (d(2) / 8 - d(3) / 12))
        let est = SampledGenerator(sampler: sampler, warmUpTrials: 2000)
            .crossSection(trials: 20_000, using: RandomStream(seed: 42, stream: 0))
        print(String(format: "nunugamma pointlike: %.4f +- %.4f fb vs closed form %.4f fb", est.valueFb, est.uncertaintyFb, closed))
        XCTAssertEqual(est.valueFb, closed, accuracy: 3 * est.uncertaintyFb + 1e-3 * closed)
    }

    /// Events: one photon inside the cuts, a neutrino pair of one flavour, momentum conserved.
    func testEvents() {
        let g = SampledGenerator(sampler: NeutrinoPairPhotonSampler(), warmUpTrials: 2000)
        let rng = RandomStream(seed: 43, stream: 0)
        let t = FrameTransform()
        var e = GeneratedEvent()
        for _ in 0..<200 {
            g.generate(into: &e, using: rng)
            XCTAssertEqual(e.particles.count, 3)
            XCTAssertEqual(e.particles[1].pdg, -e.particles[2].pdg)
            let k = t.toCMS(e.particles[0].momentum)
            XCTAssertGreaterThan(k.e, 0.5)
            XCTAssertGreaterThan(k.theta, 10 * Double.pi / 180 - 1e-9)
            let sum = e.totalMomentum, beams = BelleIIBeams.y4S.total
            XCTAssertEqual(sum.e, beams.e, accuracy: 1e-9)
            XCTAssertEqual(sum.pz, beams.pz, accuracy: 1e-9)
        }
    }
}
