import XCTest
import EventModel
import Kinematics
@testable import Generators

/// e+e- -> A' h', A' -> mu+ mu-: cross section, angular distribution, decays, R ratio.
final class SignalsDarkHiggsstrahlungTests: XCTestCase {
    let s = FrameTransform().s

    /// Massless limit: lambda -> 1, sigma -> pi alpha alpha_D eps^2/(3 s) (the longitudinal
    /// A' does not decouple: equivalence with the eaten Goldstone).
    func testMasslessLimit() {
        let g = DarkHiggsstrahlungSampler(darkPhotonMass: 0.2113 * 1.0001, darkHiggsMass: 1e-6, withISR: false)
        let tiny = DarkHiggsstrahlungSampler(darkPhotonMass: 0.22, darkHiggsMass: 0, withISR: false)
        let ref = Double.pi * PhysicalConstants.alpha / (3 * s)
        // Corrections are O(10 m_A'^2/s) (lambda^(1/2)(lambda + 12 r)/(1 - r)^2 ~ 1 + 10 r).
        let r = 0.22 * 0.22 / s
        XCTAssertEqual(g.bornCrossSection(s: s) / ref, 1, accuracy: 12 * r)
        XCTAssertEqual(tiny.bornCrossSection(s: s) / ref, 1, accuracy: 12 * r)
        print(String(format: "sigma(m -> 0) = %.4e fb x eps^2 alpha_D (pi alpha/(3s) = %.4e fb)",
                     tiny.bornCrossSection(s: s) * PhysicalConstants.hbarC2GeV2Fb, ref * PhysicalConstants.hbarC2GeV2Fb))
    }

    /// Threshold: s-wave, sigma proportional to lambda^(1/2) (velocity) as s' -> (m_A' + m_h')^2.
    func testThresholdBehaviour() {
        let g = DarkHiggsstrahlungSampler(darkPhotonMass: 6, darkHiggsMass: 3, withISR: false)
        XCTAssertEqual(g.bornCrossSection(s: 80.9), 0)
        let s1 = 81 * (1 + 1e-6), s2 = 81 * (1 + 4e-6)
        let ratio = g.bornCrossSection(s: s2) / g.bornCrossSection(s: s1)
        let lambdaRatio = (g.lambda(s: s2) / g.lambda(s: s1)).squareRoot()
        XCTAssertEqual(ratio / lambdaRatio, 1, accuracy: 1e-4)
        XCTAssertEqual(lambdaRatio, 2, accuracy: 1e-3)   // lambda linear in (s - s_th) near threshold
    }

    /// Angular integral of lambda sin^2 + 8 r equals (4/3)(lambda + 12 r): the total's numerator.
    func testAngularNormalisationConsistency() {
        for (ma, mh) in [(1.0, 0.5), (4.0, 1.0), (8.0, 2.0)] {
            let g = DarkHiggsstrahlungSampler(darkPhotonMass: ma, darkHiggsMass: mh, withISR: false)
            let l = g.lambda(s: s), r = ma * ma / s
            let integral = Quadrature.integrate(-1, 1) { c in l * (1 - c * c) + 8 * r }
            XCTAssertEqual(integral, 4.0 / 3.0 * (l + 12 * r), accuracy: 1e-12)
        }
    }

    /// Sampled A' polar angle (CMS, no ISR) against lambda sin^2 + 8 m^2/s: chi2 over 20 bins.
    func testAngularDistributionChi2() {
        let rng = RandomStream(seed: 21, stream: 0)
        for (ma, mh) in [(1.0, 0.5), (8.0, 1.0)] {
            let g = DarkHiggsstrahlungSampler(darkPhotonMass: ma, darkHiggsMass: mh, withISR: false)
            let n = 40_000, bins = 20
            var h = [Double](repeating: 0, count: bins)
            for _ in 0..<n {
                let c = g.sampleCosTheta(s: s, rng)
                h[min(Int((c + 1) / 2 * Double(bins)), bins - 1)] += 1
            }
            let l = g.lambda(s: s), r8 = 8 * ma * ma / s
            let norm = 4.0 / 3.0 * l + 2 * r8
            var chi2 = 0.0
            for i in 0..<bins {
                let a = -1 + 2 * Double(i) / Double(bins), b = a + 2 / Double(bins)
                let p = (l * ((b - b * b * b / 3) - (a - a * a * a / 3)) + r8 * (b - a)) / norm
                let expected = p * Double(n)
                chi2 += (h[i] - expected) * (h[i] - expected) / expected
            }
            print(String(format: "A' angle m_A' = %.1f: chi2 = %.1f / %d bins", ma, chi2, bins))
            XCTAssertLessThan(chi2, 45)   // 19 dof: p ~ 1e-3
        }
    }

    /// Events: four-momentum conserved, muons reconstruct m_A', h' invisible with m_h'.
    func testEventContentAndConservation() {
        let g = DarkHiggsstrahlungSampler(darkPhotonMass: 5, darkHiggsMass: 2, epsilon: 1e-3, alphaDark: 0.5)
        let rng = RandomStream(seed: 22, stream: 0)
        let total = FrameTransform().toLab(FourVector(e: FrameTransform().sqrtS, px: 0, py: 0, pz: 0))
        var e = GeneratedEvent()
        var sum = 0.0
        let n = 5000
        for _ in 0..<n {
            e.reset()
            let w = g.sample(into: &e, using: rng)
            sum += w
            if w == 0 { continue }
            XCTAssertEqual(e.particles[0].pdg, PDGID.muon)
            XCTAssertEqual(e.particles[1].pdg, -PDGID.muon)
            XCTAssertEqual(e.particles[2].pdg, PDGID.invisible)
            XCTAssertEqual((e.particles[0].momentum + e.particles[1].momentum).mass, 5, accuracy: 1e-8)
            XCTAssertEqual(e.particles[2].momentum.mass, 2, accuracy: 1e-6)
            let d = e.totalMomentum - total
            XCTAssertLessThan(abs(d.e) + abs(d.px) + abs(d.py) + abs(d.pz), 1e-8)
        }
        let born = g.bornCrossSectionFb(s: s)
        print(String(format: "A'(5) h'(2), eps=1e-3, alpha_D=0.5: sigma x BF(mu mu) Born %.3f fb, with ISR %.3f fb (BF %.4f)",
                     born, sum / Double(n), g.muonBranchingFraction))
        // ISR changes the rate by a few per cent to ~10% (radiative tail vs soft-virtual).
        XCTAssertEqual(sum / Double(n) / born, 1, accuracy: 0.15)
    }

    /// BF(A' -> mu mu) = 1/(2 + R) below the tau threshold away from resonances; R at
    /// 10.52 GeV against CLEO's 3.56 +- 0.07; dips at the narrow resonances.
    func testDarkPhotonBranchingFractions() {
        for m in [2.0, 3.3] {
            let d = DarkPhotonDecays(mass: m)
            let plateau = 1 / (2 + HadronicRRatio.r(m))
            XCTAssertEqual(d.muonBranchingFraction / plateau, 1, accuracy: 3e-3)   // muon mass effect
        }
        XCTAssertEqual(HadronicRRatio.r(10.52), 3.56, accuracy: 0.1)
        for m in [4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 9.7] {
            let d = DarkPhotonDecays(mass: m)
            print(String(format: "m_A' = %.1f GeV: R = %.3f, BF(mu mu) = %.4f, BF(ee) = %.4f, BF(had) = %.4f",
                         m, HadronicRRatio.r(m), d.muonBranchingFraction, d.electronBranchingFraction, d.hadronicBranchingFraction))
            if m >= 5 {   // continuum: measured R is 3.4-3.6 here (4.0 GeV sits on the psi(4040))
                XCTAssertGreaterThan(HadronicRRatio.r(m), 3.3)
                XCTAssertLessThan(HadronicRRatio.r(m), 3.7)
            }
        }
        // Narrow resonances: BF(mu mu) collapses at the J/psi and Upsilon(1S) peaks.
        XCTAssertLessThan(DarkPhotonDecays(mass: 3.0969).muonBranchingFraction, 1e-3)
        XCTAssertLessThan(DarkPhotonDecays(mass: 9.4604).muonBranchingFraction, 1e-3)
        // Widths scale as eps^2; BF does not depend on eps.
        XCTAssertEqual(DarkPhotonDecays(mass: 5, epsilon: 1e-3).totalWidth, 1e-6 * DarkPhotonDecays(mass: 5).totalWidth, accuracy: 1e-18)
    }

    /// The decay correlation m^2 + 2 k1T.k2T is the amplitude's: (i) reweighting flat
    /// events (uniform A' angle, isotropic decay) by it reproduces the production
    /// distribution lambda sin^2 + 8 m^2/s (an independent check of the BPR angular form),
    /// (ii) the sampler's muon helicity-angle distribution matches the reweighted one.
    func testDecayCorrelationFromAmplitude() {
        let ma = 3.0, mh = 1.0
        let g = DarkHiggsstrahlungSampler(darkPhotonMass: ma, darkHiggsMass: mh, withISR: false)
        let rng = RandomStream(seed: 23, stream: 0)
        let p = TwoBodyDecay.momentum(parentMass: s.squareRoot(), m1: ma, m2: mh)
        let bins = 10, n = 60_000
        var prod = [Double](repeating: 0, count: bins), prod2 = [Double](repeating: 0, count: bins)
        var hel = [Double](repeating: 0, count: bins)
        var hel2 = [Double](repeating: 0, count: bins)
        var wsum = 0.0
        func helicityCos(_ aP: FourVector, _ k1: FourVector) -> Double {
            let r = PhaseSpace.boostToRest(k1, of: aP)
            return r.p.unit.dot(aP.p.unit)
        }
        for _ in 0..<n {
            let c = 2 * rng.uniform() - 1
            let aP = FourVector(mass: ma, momentum: PhaseSpace.direction(cosTheta: c, phi: rng.azimuth()) * p)
            let (a, b) = PhaseSpace.twoBody(mass: ma, m1: ParticleMass.muon, m2: ParticleMass.muon, rng)
            let k1 = PhaseSpace.boost(a, from: aP), k2 = PhaseSpace.boost(b, from: aP)
            let w = DarkHiggsstrahlungSampler.decayWeight(darkPhotonMassSquared: ma * ma, k1, k2)
            XCTAssertGreaterThanOrEqual(w, -1e-9)
            prod[min(Int((c + 1) / 2 * Double(bins)), bins - 1)] += w
            prod2[min(Int((c + 1) / 2 * Double(bins)), bins - 1)] += w * w
            let h = helicityCos(aP, k1)
            hel[min(Int((h + 1) / 2 * Double(bins)), bins - 1)] += w
            wsum += w
        }
        // (i) production shape.
        let l = g.lambda(s: s), r8 = 8 * ma * ma / s
        let norm = 4.0 / 3.0 * l + 2 * r8
        var chi2Production = 0.0
        for i in 0..<bins {
            let a = -1 + 2 * Double(i) / Double(bins), b = a + 2 / Double(bins)
            let expected = (l * ((b - b * b * b / 3) - (a - a * a * a / 3)) + r8 * (b - a)) / norm
            let variance = prod2[i] / (wsum * wsum)
            chi2Production += pow(prod[i] / wsum - expected, 2) / variance
        }
        print(String(format: "A' production angle from the amplitude vs lambda sin^2 + 8m^2/s: chi2 = %.1f / %d bins", chi2Production, bins))
        XCTAssertLessThan(chi2Production, 30)
        // (ii) sampled helicity angle.
        for _ in 0..<n {
            let (aP, _, k1, _) = g.sampleHard(sPrime: s, rng)
            let h = helicityCos(aP, k1)
            hel2[min(Int((h + 1) / 2 * Double(bins)), bins - 1)] += 1
        }
        var chi2 = 0.0
        for i in 0..<bins {
            let expected = hel[i] / wsum * Double(n)
            chi2 += (hel2[i] - expected) * (hel2[i] - expected) / (2 * expected)   // both samples fluctuate
        }
        print(String(format: "muon helicity angle, sampler vs reweighted flat: chi2 = %.1f / %d bins", chi2, bins))
        XCTAssertLessThan(chi2, 30)
    }
}
