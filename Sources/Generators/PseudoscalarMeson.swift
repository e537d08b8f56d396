import Foundation
import Kinematics

/// The light pseudoscalar mesons made in e+e- -> gamma P (the peaking backgrounds of the
/// three-photon ALP search, issue #18): mass, the measured transition form factor at
/// q^2 = s, and the decays the detector can see.
///
/// Form factor convention (BaBar, PRD 74 (2006) 012002, hep-ex/0605018): the gamma* gamma P
/// vertex is e^2 F(q^2) eps^{mu nu rho sigma} eps1_mu eps2_nu k1_rho k2_sigma, so that
/// Gamma(P -> gamma gamma) = pi alpha^2 m^3 |F(0)|^2/4 and
/// sigma(e+e- -> gamma P) = (2 pi^2 alpha^3/3) |F(s)|^2 (1 - m^2/s)^3 (`PhotonPseudoscalarSampler`).
/// It is the ALP vertex -(g/4) a F Ftilde with g = 4 pi alpha |F| (the ALP formulas,
/// Gamma = g^2 m^3/(64 pi) and sigma = alpha g^2 (1 - m^2/s)^3/24, give the two above).
///
/// |q^2 F(q^2)| at q^2 = 112 GeV^2 (time-like, sqrt s = 10.58 GeV):
/// * eta: 0.229 +- 0.030 +- 0.008 GeV, eta': 0.251 +- 0.019 +- 0.008 GeV, measured by BaBar in
///   e+e- -> eta gamma, eta' gamma (232 fb^-1; sigma = 4.5 +1.2 -1.1 +- 0.3 fb and
///   5.4 +- 0.8 +- 0.3 fb with vacuum polarisation, "undressed" 7.5 +- 0.2% lower; HEPData
///   record of PRD 74 (2006) 012002).
/// * pi0: not measured at this q^2 (the rate, ~3 fb, is below BaBar's reach). We use the
///   leading-order perturbative QCD limit (Brodsky-Lepage, PRD 24 (1981) 1808) in the same
///   convention, Q^2 F -> sqrt 2 f_pi = 0.1841 GeV (f_pi = 130.2 MeV, PDG), which Belle's
///   space-like measurement up to Q^2 = 40 GeV^2 agrees with (PRD 86 (2012) 092007); BaBar's
///   space-like data (PRD 80 (2009) 052002) lie up to 50% above it at 40 GeV^2, so the
///   pi0 gamma rate is uncertain by a factor of up to ~2 upwards.
/// q^2 F is taken as constant between s' and s (the 1/q^2 scaling of pQCD) for the ISR tail,
/// which the sampler cuts at sqrt(s') = 7 GeV.
public struct PseudoscalarMeson: Sendable, Equatable {
    public let name: String
    public let pdg: Int32
    /// Mass in GeV.
    public let mass: Double
    /// |q^2 F(q^2)| in GeV at `formFactorQ2` (GeV^2).
    public let q2FormFactor: Double
    public let formFactorQ2: Double
    /// Where `q2FormFactor` comes from, in words.
    public let formFactorSource: String

    /// |F(q^2)| in GeV^-1, scaled as 1/q^2 from the reference point.
    public func formFactor(q2: Double) -> Double { q2FormFactor / q2 }

    /// pi0: pQCD limit sqrt(2) f_pi with f_pi = 130.2 MeV (PDG 2024, f_pi+ = 130.2 +- 1.2 MeV).
    public static let pi0 = PseudoscalarMeson(
        name: "pi0", pdg: PDGID.neutralPion, mass: ParticleMass.neutralPion,
        q2FormFactor: 2.0.squareRoot() * 0.1302, formFactorQ2: 112,
        formFactorSource: "Brodsky-Lepage limit sqrt(2) f_pi, f_pi = 130.2 MeV (not measured at q^2 = 112 GeV^2)")
    /// eta: BaBar, PRD 74 (2006) 012002.
    public static let eta = PseudoscalarMeson(
        name: "eta", pdg: HadronDecays.eta, mass: ParticleMass.eta, q2FormFactor: 0.229, formFactorQ2: 112,
        formFactorSource: "BaBar PRD 74 (2006) 012002: q^2|F| = 0.229 +- 0.030 +- 0.008 GeV at 112 GeV^2")
    /// eta': BaBar, PRD 74 (2006) 012002; mass 957.78 MeV (PDG 2024).
    public static let etaPrime = PseudoscalarMeson(
        name: "etaprime", pdg: HadronDecays.etaPrime, mass: HadronDecays.etaPrimeMass, q2FormFactor: 0.251,
        formFactorQ2: 112,
        formFactorSource: "BaBar PRD 74 (2006) 012002: q^2|F| = 0.251 +- 0.019 +- 0.008 GeV at 112 GeV^2")

    /// Gamma(P -> gamma gamma) = pi alpha^2 m^3 |F(0)|^2/4 in GeV for a given F(0) (GeV^-1):
    /// the convention check against the pi0 width.
    public static func twoPhotonWidth(mass m: Double, formFactorAtZero f0: Double) -> Double {
        let a = PhysicalConstants.alpha
        return Double.pi * a * a * m * m * m * f0 * f0 / 4
    }
}

/// Decays of eta, eta' and omega into what the detector sees (photons, charged pions,
/// electrons; pi0s are left to the detector, which decays them to two photons).
///
/// Branching fractions (normalised over the modes kept):
/// * eta (PDG 2024 summary table, not re-verified): gamma gamma 39.36%, 3 pi0 32.57%,
///   pi+ pi- pi0 23.02%, pi+ pi- gamma 4.28%; dropped: e+ e- gamma 0.69% and rarer (0.08%).
/// * eta' (BESIII absolute measurements, PRL 122 (2019) 142002, verified): eta pi+ pi- 41.24%,
///   rho0 gamma (incl. non-resonant pi+ pi- gamma) 29.90%, eta pi0 pi0 21.36%, omega gamma
///   2.489%, gamma gamma 2.331%; and 3 pi0 0.25% (PDG, not re-verified); the rest (about 2.4%,
///   mostly mu mu gamma, omega e e and the BESIII-PDG difference) is dropped.
/// * omega (PDG, not re-verified): pi+ pi- pi0 89.2%, pi0 gamma 8.3%; pi+ pi- 1.5% dropped.
/// Kinematics: isotropic two-body decays, flat phase space for three bodies (the eta -> 3 pi
/// Dalitz slopes and the rho in eta' -> pi+ pi- gamma are not modelled: they move charged
/// pions, which the three-photon selection vetoes, and 3 pi0 is six photons whatever the slope).
public enum HadronDecays {
    public static let eta: Int32 = 221
    public static let etaPrime: Int32 = 331
    public static let omega: Int32 = 223
    public static let etaPrimeMass = 0.957_78
    public static let omegaMass = 0.782_66

    /// One decay mode: fraction and daughters (PDG codes; pi+ as 211, pi- as -211).
    public struct Mode: Sendable {
        public let fraction: Double
        public let daughters: [Int32]
    }

    public static let etaModes: [Mode] = [
        Mode(fraction: 0.3936, daughters: [22, 22]),
        Mode(fraction: 0.3257, daughters: [111, 111, 111]),
        Mode(fraction: 0.2302, daughters: [211, -211, 111]),
        Mode(fraction: 0.0428, daughters: [211, -211, 22]),
    ]
    public static let etaPrimeModes: [Mode] = [
        Mode(fraction: 0.4124, daughters: [221, 211, -211]),
        Mode(fraction: 0.2990, daughters: [211, -211, 22]),
        Mode(fraction: 0.2136, daughters: [221, 111, 111]),
        Mode(fraction: 0.02489, daughters: [223, 22]),
        Mode(fraction: 0.02331, daughters: [22, 22]),
        Mode(fraction: 0.0025, daughters: [111, 111, 111]),
    ]
    public static let omegaModes: [Mode] = [
        Mode(fraction: 0.892, daughters: [211, -211, 111]),
        Mode(fraction: 0.083, daughters: [111, 22]),
    ]

    /// The decay table of `pdg`, nil for particles left as they are.
    public static func modes(of pdg: Int32) -> [Mode]? {
        switch pdg {
        case eta: return etaModes
        case etaPrime: return etaPrimeModes
        case omega: return omegaModes
        default: return nil
        }
    }

    /// Mass in GeV of a particle these decays produce.
    public static func mass(of pdg: Int32) -> Double {
        switch abs(pdg) {
        case 22: return 0
        case 111: return ParticleMass.neutralPion
        case 211: return ParticleMass.chargedPion
        case 221: return ParticleMass.eta
        case 223: return omegaMass
        case 331: return etaPrimeMass
        default: preconditionFailure("HadronDecays: no mass for PDG \(pdg)")
        }
    }

    /// The mode drawn with probability proportional to its fraction.
    public static func choose(_ modes: [Mode], _ rng: RandomStream) -> Mode {
        var total = 0.0
        for m in modes { total += m.fraction }
        var u = rng.uniform() * total
        for m in modes {
            u -= m.fraction
            if u < 0 { return m }
        }
        return modes[modes.count - 1]
    }

    /// Decays `pdg` of four-momentum `p` (any frame) recursively until only stable particles
    /// (for this detector) remain, appending them to `out` in the frame of `p`.
    public static func decay(_ pdg: Int32, _ p: FourVector, into out: inout [(Int32, FourVector)],
                             _ rng: RandomStream) {
        guard let table = modes(of: pdg) else {
            out.append((pdg, p))
            return
        }
        let mode = choose(table, rng)
        let m = mass(of: pdg)
        let masses = mode.daughters.map { mass(of: $0) }
        var rest = [FourVector]()
        if masses.count == 2 {
            let (a, b) = PhaseSpace.twoBody(mass: m, m1: masses[0], m2: masses[1], rng)
            rest = [a, b]
        } else {
            let wmax = PhaseSpace.nBodyMaximumWeight(mass: m, masses: masses)
            while rng.uniform() * wmax > PhaseSpace.nBody(mass: m, masses: masses, into: &rest, rng) {}
        }
        for (code, q) in zip(mode.daughters, rest) {
            decay(code, PhaseSpace.boost(q, from: p), into: &out, rng)
        }
    }
}
