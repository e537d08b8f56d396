import Foundation
import Kinematics

/// e-(p1) e+(p2) -> e-(p3) e+(p4) gamma(k) at lowest order in QED with the electron mass
/// kept: the eight Feynman diagrams (photon off each of the four legs, in the t- and the
/// s-channel graph), summed as helicity amplitudes with explicit spinors (`DiracSpinor`),
/// squared and summed over the 16 spin and 2 photon polarisation states.
///
/// Why exact with the mass: the sample with both leptons lost down the beam pipe lives where
/// one lepton scatters by |t| ~ m_e^2 x^2/(1 - x) (a quasi-real photon from it Compton-
/// scatters off the other beam); the massless compact formula of the CALKUL collaboration
/// (F.A. Berends et al., Nucl. Phys. B206 (1982) 61),
///   (1/4) sum |M|^2 = 2 e^6 W [s s'(s^2 + s'^2) + t t'(t^2 + t'^2) + u u'(u^2 + u'^2)] / (s s' t t'),
///   W = (p1.p2)/((p1.k)(p2.k)) + (p3.p4)/((p3.k)(p4.k)) + (p1.p3)/((p1.k)(p3.k))
///     + (p2.p4)/((p2.k)(p4.k)) - (p1.p4)/((p1.k)(p4.k)) - (p2.p3)/((p2.k)(p3.k)),
/// s = (p1 + p2)^2, s' = (p3 + p4)^2, t = (p2 - p4)^2, t' = (p1 - p3)^2, u = (p2 - p3)^2,
/// u' = (p1 - p4)^2, misses the terms of order m^2/|t| there (the equivalent-photon flux's
/// -(1 - x) Q^2_min/Q^2). The amplitudes reproduce that formula where all invariants are large
/// and an independent numpy evaluation everywhere (`RadiativeBhabhaTests`, fixture
/// Tests/Fixtures/generators/radiative_bhabha_reference.py). alpha = alpha(0) throughout
/// (no running in the space-like exchange: at |t| < 1 GeV^2 it changes the rate by < 1%).
public enum RadiativeBhabhaMatrixElement {
    /// (1/4) sum |M|^2 (dimensionless), momenta in any one frame, masses on shell.
    public static func squared(p1: FourVector, p2: FourVector, p3: FourVector, p4: FourVector, k: FourVector) -> Double {
        let m = ParticleMass.electron
        // Two real transverse polarisation vectors of the photon.
        let n = k.p.unit
        let (e1, e2) = PhaseSpace.orthonormalBasis(n)
        let pols = [FourVector(e: 0, p: e1), FourVector(e: 0, p: e2)]
        func propagator(_ q: FourVector) -> DiracMatrix { DiracMatrix.slash(q, plus: m) * (1 / (q.massSquared - m * m)) }
        let sP1k = propagator(p1 - k), sP3k = propagator(p3 + k)
        let sKp2 = propagator(k - p2), sP4k = propagator(FourVector.zero - p4 - k)
        let tE = (p2 - p4).massSquared     // exchange when the photon leaves the e- line
        let tP = (p1 - p3).massSquared     // exchange when the photon leaves the e+ line
        let sOut = (p3 + p4).massSquared, sIn = (p1 + p2).massSquared
        var sum = 0.0
        for eps in pols {
            let epsSlash = DiracMatrix.slash(eps)
            let aIn = sP1k * epsSlash      // S(p1 - k) eps, next to u1
            let aOut = epsSlash * sP3k     // eps S(p3 + k), next to u3-bar
            let bIn = epsSlash * sKp2      // eps S(k - p2), next to v2-bar
            let bOut = sP4k * epsSlash     // S(-p4 - k) eps, next to v4
            for s1 in 0..<2 {
                let u1 = DiracSpinor.u(p1, mass: m, spin: s1)
                let u1k = aIn * u1
                for s2 in 0..<2 {
                    let v2b = DiracSpinor.v(p2, mass: m, spin: s2).bar
                    let v2bk = v2b * bIn
                    // s-channel annihilation line currents
                    let c0 = v2b.current(u1), c5 = v2b.current(u1k), c6 = v2bk.current(u1)
                    for s3 in 0..<2 {
                        let u3b = DiracSpinor.u(p3, mass: m, spin: s3).bar
                        let u3bk = u3b * aOut
                        let a0 = u3b.current(u1), a1 = u3b.current(u1k), a2 = u3bk.current(u1)
                        for s4 in 0..<2 {
                            let v4 = DiracSpinor.v(p4, mass: m, spin: s4)
                            let v4k = bOut * v4
                            let b0 = v2b.current(v4), b3 = v2bk.current(v4), b4 = v2b.current(v4k)
                            let d0 = u3b.current(v4), d7 = u3bk.current(v4), d8 = u3b.current(v4k)
                            let t1 = minkowskiContract(add(a1, a2), b0)
                            let t2 = minkowskiContract(a0, add(b3, b4))
                            let x1 = minkowskiContract(add(c5, c6), d0)
                            let x2 = minkowskiContract(c0, add(d7, d8))
                            let re = t1.re / tE + t2.re / tP - x1.re / sOut - x2.re / sIn
                            let im = t1.im / tE + t2.im / tP - x1.im / sOut - x2.im / sIn
                            sum += re * re + im * im
                        }
                    }
                }
            }
        }
        let charge2 = 4 * Double.pi * PhysicalConstants.alpha
        return 0.25 * charge2 * charge2 * charge2 * sum
    }

    @inline(__always)
    static func add(_ a: (re: SIMD4<Double>, im: SIMD4<Double>), _ b: (re: SIMD4<Double>, im: SIMD4<Double>)) -> (re: SIMD4<Double>, im: SIMD4<Double>) {
        (a.re + b.re, a.im + b.im)
    }

    /// The massless CALKUL formula above (for tests and for the region where it holds).
    public static func masslessCALKUL(p1: FourVector, p2: FourVector, p3: FourVector, p4: FourVector, k: FourVector) -> Double {
        let s = 2 * p1.dot(p2), sP = 2 * p3.dot(p4)
        let t = -2 * p2.dot(p4), tP = -2 * p1.dot(p3)
        let u = -2 * p2.dot(p3), uP = -2 * p1.dot(p4)
        let k1 = p1.dot(k), k2 = p2.dot(k), k3 = p3.dot(k), k4 = p4.dot(k)
        let w = p1.dot(p2) / (k1 * k2) + p3.dot(p4) / (k3 * k4) + p1.dot(p3) / (k1 * k3)
            + p2.dot(p4) / (k2 * k4) - p1.dot(p4) / (k1 * k4) - p2.dot(p3) / (k2 * k3)
        let num = s * sP * (s * s + sP * sP) + t * tP * (t * t + tP * tP) + u * uP * (u * u + uP * uP)
        let e2 = 4 * Double.pi * PhysicalConstants.alpha
        return 2 * e2 * e2 * e2 * w * num / (s * sP * t * tP)
    }
}
