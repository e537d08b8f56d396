import Foundation
import Kinematics

/// R(sqrt(s)) = sigma(e+e- -> hadrons)/sigma_pt(e+e- -> mu+ mu-), a parametrisation, for
/// the hadronic width of a dark photon: Gamma(A' -> hadrons) = Gamma(A' -> mu mu)|_{m_mu=0}
/// R(m_A') (the A' couples to the electromagnetic current, so its hadronic width is the
/// virtual-photon one; Batell-Pospelov-Ritz arXiv:0903.0363 sec. 2 use the same relation).
///
/// Why a parametrisation and not the PDG data: the PDG R compilation
/// (pdg.lbl.gov/.../hadronic-xsections) could not be reached from this environment
/// (the project's `search` tool finds pointers to it, not the numbers). The form is
///
///   R = R_uds + R_c + R_b + sum_V R_V,
///
/// - continuum: 3 sum Q_q^2 (1 + a + (1.9857 - 0.1152 n_f) a^2), a = alpha_s(sqrt s)/pi
///   (Chetyrkin-Kuhn-Kwiatkowski, Phys. Rept. 277 (1996) 189, massless coefficients),
///   one-loop alpha_s run from alpha_s(M_Z) = 0.1180 (PDG 2024) with n_f thresholds at
///   m_b = 4.18 and m_c = 1.27 GeV. uds is switched on smoothly between 0.9 and 1.5 GeV
///   (below, the rho, omega, phi saturate R); charm and bottom carry the open-flavour
///   threshold factor b(3 - b^2)/2 with b = sqrt(1 - 4 m_D^2/s), m_D = 1.86484
///   (m_B = 5.27934 for bottom);
/// - resonances, relativistic Breit-Wigners normalised to Gamma_ee:
///   R_V = 9 s Gamma_ee Gamma_had(s)/(alpha^2 [(s - M^2)^2 + M^2 Gamma(s)^2]) (peak
///   9 B_ee B_had/alpha^2), with a p-wave pi pi width for the rho; rho, omega, phi fade out
///   between 1.2 and 2.0 GeV (smoothstep) where the uds continuum replaces them.
///
/// Accuracy, judged against the measured R the continuum formula is known to reproduce:
/// 4.6-9.7 GeV (where the dark Higgsstrahlung search lives): continuum pQCD, about 2-3%
/// (e.g. R(10.52 GeV) = 3.56 +- 0.07 measured by CLEO, PRD 76 (2007) 072008; this gives 3.54);
/// 3.7-4.6 GeV (open charm, psi(4040/4160/4415) BWs on a smooth threshold): about 20%;
/// 1-2 GeV (the uds ramp and 4-pion region): about 30%; rho/omega/phi region: about 20%
/// (no rho-omega interference, no Gounaris-Sakurai). The narrow charmonia and bottomonia
/// have their PDG masses, total and e+e- widths, so BF(A' -> mu mu) dips at them correctly
/// (their widths are far below any detector resolution).
public enum HadronicRRatio {
    /// A vector resonance: mass, total width, Gamma_ee (GeV), hadronic branching fraction.
    /// Values: PDG 2024 listings (masses and widths as quoted there, transcribed from the
    /// listings; verify against pdgLive when precision matters).
    public struct Resonance: Sendable {
        public let name: String
        public let mass: Double
        public let width: Double
        public let gammaEE: Double
        public let hadronicFraction: Double
        /// p-wave two-pion energy-dependent width (the rho).
        public let pWavePions: Bool
    }

    public static let resonances: [Resonance] = [
        Resonance(name: "rho(770)", mass: 0.77526, width: 0.1491, gammaEE: 7.04e-6, hadronicFraction: 1, pWavePions: true),
        Resonance(name: "omega(782)", mass: 0.78266, width: 0.00868, gammaEE: 0.60e-6, hadronicFraction: 1, pWavePions: false),
        Resonance(name: "phi(1020)", mass: 1.019461, width: 0.004249, gammaEE: 1.27e-6, hadronicFraction: 1, pWavePions: false),
        Resonance(name: "J/psi(1S)", mass: 3.096900, width: 92.6e-6, gammaEE: 5.53e-6, hadronicFraction: 0.8807, pWavePions: false),
        Resonance(name: "psi(2S)", mass: 3.686097, width: 294e-6, gammaEE: 2.33e-6, hadronicFraction: 0.979, pWavePions: false),
        Resonance(name: "psi(3770)", mass: 3.7737, width: 0.0272, gammaEE: 0.262e-6, hadronicFraction: 1, pWavePions: false),
        Resonance(name: "psi(4040)", mass: 4.039, width: 0.080, gammaEE: 0.86e-6, hadronicFraction: 1, pWavePions: false),
        Resonance(name: "psi(4160)", mass: 4.191, width: 0.070, gammaEE: 0.48e-6, hadronicFraction: 1, pWavePions: false),
        Resonance(name: "psi(4415)", mass: 4.421, width: 0.062, gammaEE: 0.58e-6, hadronicFraction: 1, pWavePions: false),
        Resonance(name: "Upsilon(1S)", mass: 9.46040, width: 54.02e-6, gammaEE: 1.340e-6, hadronicFraction: 0.925, pWavePions: false),
        Resonance(name: "Upsilon(2S)", mass: 10.02326, width: 31.98e-6, gammaEE: 0.612e-6, hadronicFraction: 0.94, pWavePions: false),
        Resonance(name: "Upsilon(3S)", mass: 10.3552, width: 20.32e-6, gammaEE: 0.443e-6, hadronicFraction: 0.935, pWavePions: false),
        Resonance(name: "Upsilon(4S)", mass: 10.5794, width: 20.5e-3, gammaEE: 0.272e-6, hadronicFraction: 1, pWavePions: false),
    ]

    /// alpha_s(M_Z) (PDG 2024 world average) and the quark-mass thresholds (MS-bar, PDG).
    public static let alphaSAtZ = 0.1180
    public static let bottomThreshold = 4.18
    public static let charmThreshold = 1.27

    /// One-loop alpha_s(Q) with n_f = 5, 4, 3 below M_Z, m_b, m_c (continuous at thresholds).
    public static func alphaS(_ q: Double) -> Double {
        func run(_ a0: Double, from mu: Double, to q: Double, nf: Double) -> Double {
            let b0 = (33 - 2 * nf) / (12 * Double.pi)
            return a0 / (1 + a0 * b0 * log(q * q / (mu * mu)))
        }
        let mz = PhysicalConstants.zMass
        let q = max(q, 1.0)   // freeze below 1 GeV: only the uds ramp uses it there
        let ab = run(alphaSAtZ, from: mz, to: bottomThreshold, nf: 5)
        if q >= bottomThreshold { return run(alphaSAtZ, from: mz, to: q, nf: 5) }
        let ac = run(ab, from: bottomThreshold, to: charmThreshold, nf: 4)
        if q >= charmThreshold { return run(ab, from: bottomThreshold, to: q, nf: 4) }
        return run(ac, from: charmThreshold, to: q, nf: 3)
    }

    /// The non-resonant (continuum) part of R.
    public static func continuum(_ rootS: Double) -> Double {
        let s = rootS * rootS
        let a = alphaS(rootS) / Double.pi
        func qcd(_ nf: Double) -> Double { 1 + a + (1.9857 - 0.1152 * nf) * a * a }
        func threshold(_ mMeson: Double) -> Double {
            let y = 4 * mMeson * mMeson / s
            if y >= 1 { return 0 }
            let b = (1 - y).squareRoot()
            return b * (3 - b * b) / 2
        }
        // uds: smooth step 0.9 -> 1.5 GeV (cubic smoothstep).
        let t = min(max((rootS - 0.9) / 0.6, 0), 1)
        let ramp = t * t * (3 - 2 * t)
        let nf: Double = rootS > 2 * 5.27934 ? 5 : (rootS > 2 * 1.86484 ? 4 : 3)
        let k = qcd(nf)
        return 3 * (1.0 / 9 + 4.0 / 9 + 1.0 / 9) * k * ramp
            + 3 * (4.0 / 9) * k * threshold(1.86484)
            + 3 * (1.0 / 9) * k * threshold(5.27934)
    }

    /// Resonant part of R from one resonance.
    public static func resonant(_ rootS: Double, _ v: Resonance) -> Double {
        let s = rootS * rootS
        let m2 = v.mass * v.mass
        var gamma = v.width
        var gammaHad = v.width * v.hadronicFraction
        if v.pWavePions {
            let mpi = ParticleMass.chargedPion
            if rootS <= 2 * mpi { return 0 }
            let p = (s / 4 - mpi * mpi).squareRoot()
            let p0 = (m2 / 4 - mpi * mpi).squareRoot()
            gamma = v.width * pow(p / p0, 3) * v.mass / rootS
            gammaHad = gamma
        }
        let alpha = PhysicalConstants.alpha
        // The light resonances fade out between 1.2 and 2.0 GeV, where the uds continuum has
        // taken over: otherwise the rho's p-wave width (growing like p^3) leaves an
        // unphysical tail of ~0.3 in R at 5-10 GeV.
        var fade = 1.0
        if v.mass < 1.5 {
            let t = min(max((rootS - 1.2) / 0.8, 0), 1)
            fade = 1 - t * t * (3 - 2 * t)
            if fade <= 0 { return 0 }
        }
        return fade * 9 * s * v.gammaEE * gammaHad / (alpha * alpha * ((s - m2) * (s - m2) + m2 * gamma * gamma))
    }

    /// R at sqrt(s) = `rootS` GeV (0 below the two-pion threshold).
    public static func r(_ rootS: Double) -> Double {
        if rootS <= 2 * ParticleMass.chargedPion { return 0 }
        var total = continuum(rootS)
        for v in resonances { total += resonant(rootS, v) }
        return total
    }
}
