import XCTest
import Kinematics
@testable import Generators

/// e+e- -> e+e- gamma with both leptons lost: the massive eight-diagram matrix element
/// against an independent numpy evaluation (Weyl representation, helicity spinors) and the
/// massless CALKUL formula; the cross section against vegas
/// (Tests/Fixtures/generators/radiative_bhabha_reference.py).
final class RadiativeBhabhaTests: XCTestCase {
    func fourVector(_ a: Any?) throws -> FourVector {
        let v = try XCTUnwrap(a as? [Double])
        return FourVector(e: v[0], px: v[1], py: v[2], pz: v[3])
    }

    /// Every fixture point, |t| from 1e-15 to 100 GeV^2: the Swift amplitudes equal numpy's to
    /// 1e-6 (1e-3 below |t| = 1e-8 GeV^2); where all invariants exceed 1 GeV^2 both equal the massless CALKUL formula to 1e-4
    /// (and where |t| ~ m_e^2 the massless formula is wrong by up to 100%, hence the mass).
    func testMatrixElementAgainstNumpyAndCALKUL() throws {
        let ref = try GeneratorFixtures.json("radiative_bhabha_reference.json")
        let points = try XCTUnwrap(ref["matrix_element_points"] as? [[String: Any]])
        XCTAssertGreaterThan(points.count, 15)
        var worst = 0.0, calkulChecked = 0
        for p in points {
            let p1 = try fourVector(p["p1"]), p2 = try fourVector(p["p2"]), p3 = try fourVector(p["p3"])
            let p4 = try fourVector(p["p4"]), k = try fourVector(p["k"])
            let exact = try XCTUnwrap(p["exact_massive"] as? Double)
            let ours = RadiativeBhabhaMatrixElement.squared(p1: p1, p2: p2, p3: p3, p4: p4, k: k)
            let tMinus = abs(try XCTUnwrap(p["t_e_minus"] as? Double)), tPlus = abs(try XCTUnwrap(p["t_e_plus"] as? Double))
            // Below |t| ~ 1e-8 GeV^2 (a few m_e^2 x^2) the gauge cancellation between the
            // diagrams costs digits in double precision, in either implementation.
            let tolerance = min(tMinus, tPlus) > 1e-8 ? 1e-6 : 1e-3
            print(String(format: "  |t-| %.1e |t+| %.1e ours/numpy - 1 = %.1e", tMinus, tPlus, ours / exact - 1))
            XCTAssertEqual(ours / exact, 1, accuracy: tolerance)
            if min(tMinus, tPlus) > 1e-8 { worst = max(worst, abs(ours / exact - 1)) }
            if min(tMinus, tPlus) > 1 {
                calkulChecked += 1
                XCTAssertEqual(RadiativeBhabhaMatrixElement.masslessCALKUL(p1: p1, p2: p2, p3: p3, p4: p4, k: k) / ours, 1, accuracy: 1e-4)
            }
        }
        XCTAssertGreaterThan(calkulChecked, 3)
        print(String(format: "eegamma matrix element: worst |ours/numpy - 1| = %.1e where |t| > 1e-8 GeV^2 (%d points)", worst, points.count))
    }

    /// sigma in the region (photon E* > E_min in the ECL, both leptons outside it) against vegas.
    func testCrossSectionAgainstVegas() throws {
        let ref = try GeneratorFixtures.json("radiative_bhabha_reference.json")
        let cases = try XCTUnwrap(ref["cross_sections"] as? [[String: Double]])
        for (i, c) in cases.enumerated() {
            let sampler = RadiativeBhabhaSampler(minEnergy: c["min_energy_gev"]!)
            let est = SampledGenerator(sampler: sampler, warmUpTrials: 1000)
                .crossSection(trials: 30_000, using: RandomStream(seed: 61, stream: UInt64(i)))
            let expected = c["sigma_fb"]!, vegasError = c["sigma_error_fb"]!
            print(String(format: "eegamma E* > %.1f: %.3f +- %.3f nb vs vegas %.3f +- %.3f nb (%+.1f%%)", c["min_energy_gev"]!,
                         est.valueNb, est.uncertaintyNb, expected * 1e-6, vegasError * 1e-6, 100 * (est.valueFb / expected - 1)))
            XCTAssertLessThan(est.relativeUncertainty, 0.05)
            XCTAssertEqual(est.valueFb, expected, accuracy: 3 * (est.uncertaintyFb + vegasError))
        }
    }

    /// The weight distribution and effective sample size, reported.
    func testWeightDistribution() {
        let summary = WeightSummary.measure(RadiativeBhabhaSampler(), trials: 20_000, using: RandomStream(seed: 62, stream: 0))
        print("eegamma weights: " + summary.description)
        XCTAssertGreaterThan(summary.effectiveFraction, 0.02)
    }

    /// Events: e-, e+ outside the ECL, the photon inside with E* > 0.5 GeV, momentum conserved.
    func testEvents() {
        let g = SampledGenerator(sampler: RadiativeBhabhaSampler(), mode: .weighted, warmUpTrials: 1000)
        let rng = RandomStream(seed: 63, stream: 0)
        let t = FrameTransform()
        var e = GeneratedEvent()
        let beams = BelleIIBeams.y4S.total
        for _ in 0..<100 {
            g.generate(into: &e, using: rng)
            XCTAssertEqual(e.particles.map(\.pdg), [11, -11, 22])
            for l in e.particles[0..<2] { XCTAssertFalse(GeneratorFilter.eclThetaDeg.contains(l.momentum.theta * 180 / Double.pi)) }
            XCTAssertTrue(GeneratorFilter.eclThetaDeg.contains(e.particles[2].momentum.theta * 180 / Double.pi))
            XCTAssertGreaterThan(t.toCMS(e.particles[2].momentum).e, 0.5)
            let sum = e.totalMomentum
            XCTAssertEqual(sum.e, beams.e, accuracy: 1e-8)
            XCTAssertEqual(sum.pz, beams.pz, accuracy: 1e-8)
        }
    }
}
