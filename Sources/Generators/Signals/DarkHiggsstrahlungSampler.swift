import Foundation
import EventModel
import Kinematics

/// Dark Higgsstrahlung e+e- -> A' h' (Batell, Pospelov, Ritz, PRD 79 (2009) 115008,
/// arXiv:0903.0363, eq. (15) and the angular distribution below it):
///
///   sigma = (pi alpha alpha_D eps^2 / (3 s)) lambda^(1/2) (lambda + 12 m_A'^2/s) / (1 - m_A'^2/s)^2,
///   lambda = (1 - (m_A' + m_h')^2/s)(1 - (m_A' - m_h')^2/s),
///   dsigma/dcos(theta) proportional to lambda sin^2(theta) + 8 m_A'^2/s,
///
/// theta the A' polar angle to the beam in the CMS. Consistency: the angular integral,
/// (4/3) lambda + 16 m_A'^2/s = (4/3)(lambda + 12 m_A'^2/s), is the total's numerator
/// (checked by a test). The s-channel propagator 1/(s - m_A'^2) is the (1 - m_A'^2/s)^-2.
///
/// Final state: A' -> mu+ mu- with the full spin correlation of the tree-level amplitude.
/// With both currents conserved, e+e- -> gamma* -> A'(-> mu mu) h' has
/// M ~ [vbar(p+) gamma^mu u(p-)] [ubar(k1) gamma_mu v(k2)] (the A' and photon propagator
/// numerators reduce to -g), so with the beam-transverse form of the lepton tensor (see
/// `VectorEmissionMatrixElement`) the muon distribution at fixed A' momentum K is
///   |M|^2 ~ sum_{a = x, y} (2 k1_a k2_a + k1.k2 + m_mu^2) = m_A'^2 + 2 k1T.k2T
/// (T: transverse to the beam, CMS), which lies in [0, m_A'^2 + K_T^2/2] and is sampled by accept-reject on isotropic
/// decays; its angular integral reproduces lambda sin^2 + 8 m_A'^2/s (a test checks this
/// by reweighting flat events). The h' is written as one `PDGID.invisible`
/// particle (M_h' < M_A': the h' is long-lived and escapes). The weight is
/// sigma(e+e- -> A' h') x BF(A' -> mu+ mu-) (`DarkPhotonDecays`) when
/// `includeBranchingFraction`, else sigma alone.
///
/// ISR as for the other signal samplers (`SignalBeamRadiation`, weighted); without ISR
/// the weight is constant and `exactCrossSectionFb` is set. alpha: the fine-structure
/// constant at q^2 = 0 (the eps convention of the paper; the Belle II analysis,
/// arXiv:2207.00509, quotes eps^2 alpha_D).
public struct DarkHiggsstrahlungSampler: ProcessSampler {
    public let processName: String
    public let acceptance: String = "full phase space (A' -> mu+ mu-; ISR s' > (m_A' + m_h')^2)"
    public let transform: FrameTransform
    public let darkPhotonMass: Double
    public let darkHiggsMass: Double
    public let epsilon: Double
    public let alphaDark: Double
    public let withISR: Bool
    public let includeBranchingFraction: Bool
    public let beamRadiation: SignalBeamRadiation
    public let muonBranchingFraction: Double

    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? {
        withISR ? nil : (bornCrossSectionFb(s: transform.s), 0)
    }

    public init(darkPhotonMass: Double, darkHiggsMass: Double, epsilon: Double = 1, alphaDark: Double = 1,
                beams: BelleIIBeams = .y4S, withISR: Bool = true, includeBranchingFraction: Bool = true) {
        precondition(darkPhotonMass > 2 * ParticleMass.muon, "A' must decay to mu mu")
        precondition(darkPhotonMass + darkHiggsMass < beams.sqrtS, "A' h' above threshold")
        self.darkPhotonMass = darkPhotonMass
        self.darkHiggsMass = darkHiggsMass
        self.epsilon = epsilon
        self.alphaDark = alphaDark
        self.withISR = withISR
        self.includeBranchingFraction = includeBranchingFraction
        transform = FrameTransform(beams: beams)
        beamRadiation = SignalBeamRadiation(s: beams.s, thresholdS: pow(darkPhotonMass + darkHiggsMass, 2))
        muonBranchingFraction = DarkPhotonDecays(mass: darkPhotonMass).muonBranchingFraction
        processName = String(format: "darkHiggsstrahlung_mA%.4g_mh%.4g", darkPhotonMass, darkHiggsMass)
    }

    /// lambda(s) of the formula (dimensionless Kallen function over s^2).
    public func lambda(s: Double) -> Double {
        let a = darkPhotonMass, h = darkHiggsMass
        return max((1 - (a + h) * (a + h) / s) * (1 - (a - h) * (a - h) / s), 0)
    }

    /// sigma(e+e- -> A' h') at s in GeV^-2 (0 below threshold), BPR eq. (15).
    public func bornCrossSection(s: Double) -> Double {
        let l = lambda(s: s)
        if l <= 0 { return 0 }
        let r = darkPhotonMass * darkPhotonMass / s
        return Double.pi * PhysicalConstants.alpha * alphaDark * epsilon * epsilon / (3 * s)
            * l.squareRoot() * (l + 12 * r) / ((1 - r) * (1 - r))
    }

    /// sigma x (BF if included) at s, in fb.
    public func bornCrossSectionFb(s: Double) -> Double {
        bornCrossSection(s: s) * PhysicalConstants.hbarC2GeV2Fb * (includeBranchingFraction ? muonBranchingFraction : 1)
    }

    /// cos(theta) of the A' from lambda sin^2 + 8 m_A'^2/s (accept-reject, efficiency >= 2/3).
    public func sampleCosTheta(s: Double, _ rng: RandomStream) -> Double {
        let l = lambda(s: s), c8 = 8 * darkPhotonMass * darkPhotonMass / s
        while true {
            let c = 2 * rng.uniform() - 1
            if rng.uniform() * (l + c8) <= l * (1 - c * c) + c8 { return c }
        }
    }

    /// A', h', mu-, mu+ in the rest frame of the hard process at s' (e- along +z).
    public func sampleHard(sPrime: Double, _ rng: RandomStream) -> (darkPhoton: FourVector, darkHiggs: FourVector, muMinus: FourVector, muPlus: FourVector) {
        let rs = sPrime.squareRoot()
        let p = TwoBodyDecay.momentum(parentMass: rs, m1: darkPhotonMass, m2: darkHiggsMass)
        let dir = PhaseSpace.direction(cosTheta: sampleCosTheta(s: sPrime, rng), phi: rng.azimuth())
        let aP = FourVector(mass: darkPhotonMass, momentum: dir * p)
        let hP = FourVector(mass: darkHiggsMass, momentum: dir * (-p))
        let m2 = darkPhotonMass * darkPhotonMass
        let wMax = m2 + (aP.p.x * aP.p.x + aP.p.y * aP.p.y) / 2
        while true {
            let (mRest, pRest) = PhaseSpace.twoBody(mass: darkPhotonMass, m1: ParticleMass.muon, m2: ParticleMass.muon, rng)
            let k1 = PhaseSpace.boost(mRest, from: aP), k2 = PhaseSpace.boost(pRest, from: aP)
            if rng.uniform() * wMax <= DarkHiggsstrahlungSampler.decayWeight(darkPhotonMassSquared: m2, k1, k2) {
                return (aP, hP, k1, k2)
            }
        }
    }

    /// The A' -> mu mu decay correlation m_A'^2 + 2 k1T.k2T (beam along z, CMS).
    public static func decayWeight(darkPhotonMassSquared m2: Double, _ k1: FourVector, _ k2: FourVector) -> Double {
        m2 + 2 * (k1.p.x * k2.p.x + k1.p.y * k2.p.y)
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        var photon = FourVector.zero
        var system = FourVector(e: transform.sqrtS, px: 0, py: 0, pz: 0)
        var sPrime = transform.s
        var isrWeight = 1.0
        if withISR {
            let (v, w) = beamRadiation.sampleV(rng)
            if w <= 0 { return 0 }
            isrWeight = w
            (photon, system, sPrime) = beamRadiation.photon(v: v, rng)
        }
        let weight = bornCrossSectionFb(s: sPrime) * isrWeight
        if weight <= 0 { return 0 }
        var (_, h, mm, mp) = sampleHard(sPrime: sPrime, rng)
        if photon.e > 0 {
            h = PhaseSpace.boost(h, from: system)
            mm = PhaseSpace.boost(mm, from: system)
            mp = PhaseSpace.boost(mp, from: system)
        }
        event.append(PDGID.muon, transform.toLab(mm))
        event.append(-PDGID.muon, transform.toLab(mp))
        event.append(PDGID.invisible, transform.toLab(h))
        if photon.e > 0 { event.append(PDGID.photon, transform.toLab(photon)) }
        return weight
    }
}
