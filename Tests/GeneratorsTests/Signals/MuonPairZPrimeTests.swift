import XCTest
import EventModel
import Kinematics
@testable import Generators

/// e+e- -> mu+ mu- Z': matrix element checks and the sampler (MuonPairZPrimeSampler.swift).
final class SignalsMuonPairZPrimeTests: XCTestCase {
    /// A random 2 -> 3 point at s' in the e+e- rest frame (flat phase space via GENBOD).
    func randomPoint(sPrime: Double, m: Double, M: Double, _ rng: RandomStream) -> (FourVector, FourVector, FourVector) {
        var out: [FourVector] = []
        _ = PhaseSpace.nBody(mass: sPrime.squareRoot(), masses: [m, m, M], into: &out, rng)
        return (out[0], out[1], out[2])
    }

    func beams(_ sPrime: Double) -> (FourVector, FourVector) {
        let h = sPrime.squareRoot() / 2
        return (FourVector(e: h, px: 0, py: 0, pz: h), FourVector(e: h, px: 0, py: 0, pz: -h))
    }

    /// (a) Ward identity: with eps -> k the muon current contracted with k vanishes
    /// (vector coupling, equal masses, both emissions), relative to the physical sum.
    func testWardIdentity() {
        let rng = RandomStream(seed: 11, stream: 0)
        let s = 10.58 * 10.58
        for M in [0.3, 2.0, 6.0] {
            let me = VectorEmissionMatrixElement(vectorMass: M)
            var worst = 0.0
            for _ in 0..<200 {
                let (k1, k2, k) = randomPoint(sPrime: s, m: ParticleMass.muon, M: M, rng)
                let axes = VectorEmissionMatrixElement.transverseAxes(beam: ThreeVector(x: 0, y: 0, z: 1))
                let physical = me.muonTrace(k1: k1, k2: k2, k: k, axes: axes, epsilons: me.polarisations(k))
                // Normalise k like a polarisation vector (|eps| ~ E/M for the longitudinal one).
                let ward = me.muonTrace(k1: k1, k2: k2, k: k, axes: axes, epsilons: [k * (1 / M)])
                worst = max(worst, abs(ward) / physical)
            }
            print(String(format: "Ward identity M = %.1f GeV: max |T(eps = k/M)| / T(physical) = %.2e", M, worst))
            XCTAssertLessThan(worst, 1e-9)
        }
    }

    /// (b) M -> 0, m_mu -> 0: the FSR matrix element of e+e- -> mu+ mu- gamma,
    ///   sum |M|^2 = 16 e^4 g^2 [(p+.q+)^2 + (p+.q-)^2 + (p-.q+)^2 + (p-.q-)^2] / (s (q+.k)(q-.k)),
    /// the final-state part of the massless result of Berends, Kleiss et al. (CALKUL,
    /// Phys. Lett. 103B (1981) 124; Nucl. Phys. B206 (1982) 61), whose normalisation
    /// follows from the soft limit |M_0|^2 x g^2 (2 q+.q-)/((q+.k)(q-.k)) with
    /// sum |M_0|^2 = 32 e^4 [(p-.q-)^2 + (p-.q+)^2]/s^2 (Peskin-Schroeder eq. 5.10).
    func testMasslessLimitBerendsKleiss() {
        let rng = RandomStream(seed: 12, stream: 0)
        let s = 10.58 * 10.58
        let me = VectorEmissionMatrixElement(fermionMass: 0, vectorMass: 0)
        let (pm, pp) = beams(s)
        let alpha = 1 / 132.0, g = 0.37
        var worst = 0.0
        for _ in 0..<500 {
            let (qm, qp, k) = randomPoint(sPrime: s, m: 0, M: 0, rng)
            let numeric = me.summedSquared(pMinus: pm, pPlus: pp, k1: qm, k2: qp, k: k, alpha: alpha, coupling: g)
            let e2 = 4 * Double.pi * alpha
            let sum4 = pow(pp.dot(qp), 2) + pow(pp.dot(qm), 2) + pow(pm.dot(qp), 2) + pow(pm.dot(qm), 2)
            let analytic = 16 * e2 * e2 * g * g * sum4 / (s * qp.dot(k) * qm.dot(k))
            worst = max(worst, abs(numeric / analytic - 1))
        }
        print(String(format: "massless limit vs Berends-Kleiss FSR: max relative deviation %.2e (500 points)", worst))
        XCTAssertLessThan(worst, 1e-6)
    }

    /// The physical Z' with the muon mass approaches the photon result as M -> 0 (here M =
    /// 1 MeV against M = 0 at the same momenta, the photon on shell): longitudinal
    /// contributions vanish like M^2/E_k^2, so only points with E_k > 0.1 GeV are compared
    /// (a Z' of a few MeV is non-relativistic and legitimately differs).
    func testSmallMassContinuity() {
        let rng = RandomStream(seed: 13, stream: 0)
        let s = 10.58 * 10.58
        let (pm, pp) = beams(s)
        let photon = VectorEmissionMatrixElement(vectorMass: 0)
        let light = VectorEmissionMatrixElement(vectorMass: 1e-3)
        var worst = 0.0
        for _ in 0..<100 {
            let (k1, k2, k) = randomPoint(sPrime: s, m: ParticleMass.muon, M: 1e-3, rng)
            if k.e < 0.1 { continue }
            let kPhoton = FourVector(mass: 0, momentum: k.p)
            let a = photon.summedSquared(pMinus: pm, pPlus: pp, k1: k1, k2: k2, k: kPhoton, alpha: 1 / 137.0, coupling: 1)
            let b = light.summedSquared(pMinus: pm, pPlus: pp, k1: k1, k2: k2, k: k, alpha: 1 / 137.0, coupling: 1)
            worst = max(worst, abs(b / a - 1))
        }
        print(String(format: "M = 1 MeV vs photon: max relative deviation %.2e", worst))
        XCTAssertLessThan(worst, 1e-3)
    }

    /// Sampler: every event conserves four-momentum (lab), has mu-, mu+, the invisible Z'
    /// of mass M, and a positive finite weight.
    func testEventContentAndConservation() {
        let sampler = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 0.1, mass: 2.0))
        let rng = RandomStream(seed: 14, stream: 0)
        let beamsTotal = FrameTransform().toLab(FourVector(e: FrameTransform().sqrtS, px: 0, py: 0, pz: 0))
        var e = GeneratedEvent()
        var nonZero = 0, withPhoton = 0
        for _ in 0..<2000 {
            e.reset()
            let w = sampler.sample(into: &e, using: rng)
            XCTAssertTrue(w.isFinite && w >= 0)
            if w == 0 { continue }
            nonZero += 1
            XCTAssertEqual(e.particles[0].pdg, PDGID.muon)
            XCTAssertEqual(e.particles[1].pdg, -PDGID.muon)
            XCTAssertEqual(e.particles[2].pdg, PDGID.invisible)
            XCTAssertEqual(e.particles[2].momentum.mass, 2.0, accuracy: 1e-6)
            if e.particles.count == 4 { withPhoton += 1 }
            let d = e.totalMomentum - beamsTotal
            XCTAssertLessThan(abs(d.e) + abs(d.px) + abs(d.py) + abs(d.pz), 1e-8)
        }
        print("mu mu Z' events: \(nonZero) of 2000 with weight > 0, \(withPhoton) with an ISR photon")
        XCTAssertGreaterThan(nonZero, 1990)
    }

    /// The search observable: without ISR the recoil mass against the muon pair (CMS) is
    /// M_Z' event by event; with ISR it has the radiative tail above M_Z' only.
    func testRecoilMass() {
        let t = FrameTransform()
        for isr in [false, true] {
            let sampler = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 0.1, mass: 4.0), withISR: isr)
            let rng = RandomStream(seed: 19, stream: 0)
            var e = GeneratedEvent()
            var below = 0, at = 0
            for _ in 0..<500 {
                e.reset()
                guard sampler.sample(into: &e, using: rng) > 0 else { continue }
                let pair = t.toCMS(e.particles[0].momentum + e.particles[1].momentum)
                let mRec = RecoilMass.signed(visibleCMS: pair, sqrtS: t.sqrtS)
                if !isr { XCTAssertEqual(mRec, 4.0, accuracy: 1e-6) }
                if mRec < 4.0 - 1e-6 { below += 1 }
                if abs(mRec - 4.0) < 1e-3 { at += 1 }
            }
            if isr {
                print("recoil mass with ISR: \(at) of 500 within 1 MeV of M_Z', \(below) below")
                XCTAssertEqual(below, 0)
            }
        }
    }

    /// (c) sigma scales exactly as g'^2 (same random numbers).
    func testCouplingScaling() {
        let a = MuonPairZPrimeSampler.crossSection(massGeV: 1.0, gPrime: 1.0, trials: 2000, seed: 5)
        let b = MuonPairZPrimeSampler.crossSection(massGeV: 1.0, gPrime: 0.05, trials: 2000, seed: 5)
        print(String(format: "sigma(g'=1) = %.1f fb, sigma(g'=0.05)/0.0025 = %.1f fb", a.valueFb, b.valueFb / 0.0025))
        XCTAssertEqual(b.valueFb / (0.0025 * a.valueFb), 1, accuracy: 1e-12)
    }

    /// The multichannel sampler against an independent integration of the same |M|^2 over
    /// flat three-body phase space (GENBOD, `PhaseSpace.nBody`), Born level (no ISR), at
    /// M = 5 GeV where the integrand is mild enough for flat sampling. Checks the phase-space
    /// Jacobians and multichannel densities. GENBOD: dPhi_3 = w (M - sum m)/(16 pi^3 sqrt(s)).
    func testSamplerAgainstFlatPhaseSpace() {
        let M = 5.0, m = ParticleMass.muon
        let s = FrameTransform().s
        let sampled = MuonPairZPrimeSampler.crossSection(massGeV: M, gPrime: 1, withISR: false, trials: 4000, seed: 6)
        let me = VectorEmissionMatrixElement(vectorMass: M)
        let (pm, pp) = beams(s)
        let alpha = VacuumPolarization.alpha(q2: s)
        let rng = RandomStream(seed: 7, stream: 0)
        var out: [FourVector] = []
        var sum = 0.0, sum2 = 0.0
        let n = 8000
        let tEnd = s.squareRoot() - 2 * m - M
        for _ in 0..<n {
            let w = PhaseSpace.nBody(mass: s.squareRoot(), masses: [m, m, M], into: &out, rng)
            let m2 = me.summedSquared(pMinus: pm, pPlus: pp, k1: out[0], k2: out[1], k: out[2], alpha: alpha, coupling: 1)
            let x = m2 / (8 * s) * w * tEnd / (16 * pow(Double.pi, 3) * s.squareRoot()) * PhysicalConstants.hbarC2GeV2Fb
            sum += x; sum2 += x * x
        }
        let mean = sum / Double(n)
        let err = ((sum2 / Double(n) - mean * mean) / Double(n)).squareRoot()
        print(String(format: "M = 5 GeV Born: sampler %.1f +- %.1f fb, flat GENBOD %.1f +- %.1f fb", sampled.valueFb, sampled.uncertaintyFb, mean, err))
        XCTAssertEqual(sampled.valueFb, mean, accuracy: 3 * (err * err + sampled.uncertaintyFb * sampled.uncertaintyFb).squareRoot())
    }

    /// The GENBOD normalisation used by the flat cross-check: massless three-body phase
    /// space has the volume s/(256 pi^3).
    func testFlatThreeBodyVolume() {
        let rng = RandomStream(seed: 18, stream: 0)
        let rs = 10.58
        var out: [FourVector] = []
        var sum = 0.0
        let n = 20_000
        for _ in 0..<n { sum += PhaseSpace.nBody(mass: rs, masses: [0, 0, 0], into: &out, rng) }
        let volume = sum / Double(n) * rs / (16 * pow(Double.pi, 3) * rs)
        let exact = rs * rs / (256 * pow(Double.pi, 3))
        print(String(format: "Phi_3 massless: %.5f vs s/(256 pi^3) = %.5f", volume, exact))
        XCTAssertEqual(volume / exact, 1, accuracy: 0.01)
    }

    /// (d) At small M the rate is soft/collinear emission and rises like ln^2(s/M^2):
    /// leading-log estimate (two legs, soft-collinear region E_k > M, angle > M/E_k)
    /// sigma/sigma_mumu ~ (g'^2/(8 pi^2)) ln^2(s/(4 M^2)). An estimate only: the test asks
    /// that the rise between M = 0.8 and 0.2 GeV agrees with it within 30% and that the
    /// growth is logarithmic (a factor ~3 for a factor 4 in M, not the 16 of a 1/M^2 law).
    func testSmallMassLogarithmicRise() {
        let s = FrameTransform().s
        let sigmaMuMu = 4 * Double.pi * pow(VacuumPolarization.alpha(q2: s), 2) / (3 * s) * PhysicalConstants.hbarC2GeV2Fb
        func ll(_ M: Double) -> Double { pow(log(s / (4 * M * M)), 2) / (8 * Double.pi * Double.pi) }
        let lo = MuonPairZPrimeSampler.crossSection(massGeV: 0.2, gPrime: 1, withISR: false, trials: 3000, seed: 8)
        let hi = MuonPairZPrimeSampler.crossSection(massGeV: 0.8, gPrime: 1, withISR: false, trials: 3000, seed: 9)
        let rise = (lo.valueFb - hi.valueFb) / sigmaMuMu
        let estimate = ll(0.2) - ll(0.8)
        print(String(format: "sigma/sigma_mumu: M=0.2 %.3f (LL %.3f), M=0.8 %.3f (LL %.3f); rise %.3f vs LL %.3f; ratio sigma(0.2)/sigma(0.8) = %.2f",
                     lo.valueFb / sigmaMuMu, ll(0.2), hi.valueFb / sigmaMuMu, ll(0.8), rise, estimate, lo.valueFb / hi.valueFb))
        XCTAssertEqual(rise / estimate, 1, accuracy: 0.3)
        XCTAssertGreaterThan(lo.valueFb / hi.valueFb, 2)
        XCTAssertLessThan(lo.valueFb / hi.valueFb, 5)
    }

    /// Wrapped in SampledGenerator: unweighted events come out and the generator's cross
    /// section agrees with the sampler's own integration.
    func testSampledGeneratorIntegration() {
        let sampler = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 0.01, mass: 3.0))
        let gen = SampledGenerator(sampler: sampler, warmUpTrials: 2000)
        let rng = RandomStream(seed: 15, stream: 0)
        var e = GeneratedEvent()
        var trials = 0
        for _ in 0..<100 {
            gen.generate(into: &e, using: rng)
            trials += e.trials
            XCTAssertGreaterThanOrEqual(e.weight, 1)
            XCTAssertEqual(e.particles.filter { $0.pdg == PDGID.invisible }.count, 1)
        }
        let xs = gen.crossSection(trials: 3000, using: RandomStream(seed: 16, stream: 0))
        let direct = MuonPairZPrimeSampler.crossSection(massGeV: 3.0, gPrime: 0.01, trials: 3000, seed: 17)
        print(String(format: "SampledGenerator: %.3f +- %.3f fb vs sampler %.3f +- %.3f fb; unweighting efficiency %.2f",
                     xs.valueFb, xs.uncertaintyFb, direct.valueFb, direct.uncertaintyFb, 100.0 / Double(trials)))
        XCTAssertEqual(xs.valueFb, direct.valueFb, accuracy: 3 * (xs.uncertaintyFb + direct.uncertaintyFb))
    }
}
