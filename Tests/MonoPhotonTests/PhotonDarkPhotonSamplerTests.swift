import EventModel
import Generators
import Kinematics
import XCTest

/// The e+e- -> gamma A' generator against the independent scipy integration
/// (Tests/Fixtures/monophoton/gamma_aprime_reference.py) and against two-body kinematics.
final class PhotonDarkPhotonSamplerTests: XCTestCase {
    /// The closed-form Born in |cos theta| < 0.95 equals scipy's quadrature of |M|^2 (no closed
    /// form in the script) to 1e-8.
    func testBornCrossSectionMatchesTheIndependentIntegral() throws {
        for p in try MonoPhotonFixtures.signalPoints() {
            let sampler = PhotonDarkPhotonSampler(darkPhotonMass: p["mass"]!, withISR: false)
            XCTAssertEqual(sampler.bornCrossSectionFb(s: sampler.transform.s), p["born_fb"]!, accuracy: 1e-8 * p["born_fb"]!, "m = \(p["mass"]!)")
        }
    }

    /// The ISR-convolved cross section (our quadrature) within 0.3% of scipy's (the issue asks
    /// 1% of the analytic integral); the sampler's own MC estimate with 20000 trials within 1% + 3 sigma.
    func testISRCrossSectionMatchesTheIndependentIntegral() throws {
        for p in try MonoPhotonFixtures.signalPoints() where [0.5, 4.0, 8.0].contains(p["mass"]!) {
            let sampler = PhotonDarkPhotonSampler(darkPhotonMass: p["mass"]!, withISR: true)
            let ref = p["isr_fb"]!
            XCTAssertEqual(sampler.crossSectionWithISRFb(), ref, accuracy: 0.003 * ref, "quadrature, m = \(p["mass"]!)")
            let mc = SampledGenerator(sampler: sampler, mode: .weighted, warmUpTrials: 2000)
                .crossSection(trials: 20_000, using: RandomStream(seed: 7, stream: UInt64(p["mass"]! * 10)))
            XCTAssertEqual(mc.valueFb, ref, accuracy: 0.01 * ref + 3 * mc.uncertaintyFb, "MC, m = \(p["mass"]!)")
        }
    }

    /// Without ISR every photon has the two-body energy (s - m^2)/(2 sqrt(s)) in the CMS, the
    /// A' is on shell, and the share of photons with |cos theta*| < 0.5 is scipy's.
    func testMonochromaticPhotonAndAngularShape() throws {
        for p in try MonoPhotonFixtures.signalPoints() where [0.0, 4.0, 8.0].contains(p["mass"]!) {
            let m = p["mass"]!
            let sampler = PhotonDarkPhotonSampler(darkPhotonMass: m, withISR: false)
            let rng = RandomStream(seed: 11, stream: 3)
            var e = GeneratedEvent()
            var central = 0
            let n = 20_000
            for _ in 0..<n {
                e.reset()
                XCTAssertGreaterThan(sampler.sample(into: &e, using: rng), 0)
                guard e.particles.count == 2 else { return XCTFail("expected photon + A', got \(e.particles.count)") }
                let photon = sampler.transform.toCMS(e.particles[0].momentum)
                let aPrime = sampler.transform.toCMS(e.particles[1].momentum)
                XCTAssertEqual(photon.e, p["photon_energy"]!, accuracy: 1e-9)
                XCTAssertEqual(aPrime.massSquared, m * m, accuracy: 1e-8)
                if abs(photon.pz / photon.momentum) < 0.5 { central += 1 }
            }
            let f = Double(central) / Double(n), ref = p["fraction_abs_cos_below_0p5"]!
            XCTAssertEqual(f, ref, accuracy: 4 * (ref * (1 - ref) / Double(n)).squareRoot(), "m = \(m)")
        }
    }
}
