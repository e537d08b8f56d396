import Foundation
import EventModel
import Kinematics

/// e+e- -> gamma A' with A' -> invisible (BF = 1): the mono-photon signal.
///
/// Tree level, massless electrons (the e+e- -> gamma Z amplitude with the Z replaced by a
/// vector of mass m coupling eps e to the electron), theta the photon polar angle in the
/// hard-process frame:
///
///   dsigma/dcos(theta) = (2 pi alpha^2 eps^2 / s)(1 - m^2/s)
///                        [(1 + cos^2 theta) + kappa] / sin^2 theta,   kappa = 4 m^2 s/(s - m^2)^2
///
/// (shared/PHYSICS.md "Mono-photon", derived from |M|^2 = 2 e^4 eps^2 [t/u + u/t + 2 m^2 s/(t u)];
/// compare Essig et al., JHEP 11 (2013) 167, arXiv:1309.5084; m -> 0 gives e+e- -> gamma gamma
/// without the 1/2 for identical photons). The collinear poles make the total infinite, so
/// the acceptance is |cos theta| < `maxAbsCosTheta` (hard-process frame), where
///   sigma = (2 pi alpha^2 eps^2/s)(1 - m^2/s)[(2 + kappa) ln((1 + c0)/(1 - c0)) - 2 c0].
/// The photon energy is monochromatic, E* = (s - m^2)/(2 sqrt(s)).
///
/// Sampling is exact: cos theta from 1/(1 - c^2) (artanh c uniform), accepted with
/// 1 - (1 - c^2)/(2 + kappa) >= 1/2. ISR as for the other signals (`SignalBeamRadiation`,
/// weighted), with the hard process kept above s'_min where its photon still has
/// `minimumHardPhotonEnergy` in its own frame (the soft end of gamma A' is the radiative
/// return to an A' with a soft photon, which the E* windows do not select; without the cut the
/// ISR-convolved cross section would diverge logarithmically at s' -> m^2).
/// alpha: the fine-structure constant at q^2 = 0 (the convention of the eps limits of BaBar,
/// PRL 119 (2017) 131804).
public struct PhotonDarkPhotonSampler: ProcessSampler {
    public let processName: String
    public let acceptance: String
    public let transform: FrameTransform
    public let darkPhotonMass: Double
    public let epsilon: Double
    public let maxAbsCosTheta: Double
    public let withISR: Bool
    public let minimumHardPhotonEnergy: Double
    public let beamRadiation: SignalBeamRadiation

    /// |cos theta| < 0.95 in the hard frame: the ECL barrel (32.2-128.7 deg lab) lies in
    /// |cos theta*| < 0.78 (CMS), so every photon the search can select is inside.
    public static let defaultMaxAbsCosTheta = 0.95

    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? {
        withISR ? nil : (bornCrossSectionFb(s: transform.s), 0)
    }

    public init(darkPhotonMass: Double, epsilon: Double = 1, maxAbsCosTheta: Double = defaultMaxAbsCosTheta,
                beams: BelleIIBeams = .y4S, withISR: Bool = true, minimumHardPhotonEnergy: Double = 0.5) {
        precondition(darkPhotonMass >= 0 && maxAbsCosTheta > 0 && maxAbsCosTheta < 1)
        let threshold = minimumHardPhotonEnergy + (minimumHardPhotonEnergy * minimumHardPhotonEnergy
                                                   + darkPhotonMass * darkPhotonMass).squareRoot()
        precondition(threshold < beams.sqrtS, "gamma A' above threshold")
        self.darkPhotonMass = darkPhotonMass
        self.epsilon = epsilon
        self.maxAbsCosTheta = maxAbsCosTheta
        self.withISR = withISR
        self.minimumHardPhotonEnergy = minimumHardPhotonEnergy
        transform = FrameTransform(beams: beams)
        beamRadiation = SignalBeamRadiation(s: beams.s, thresholdS: threshold * threshold)
        processName = String(format: "gammaAPrime_m%.4g", darkPhotonMass)
        acceptance = String(format: "|cos theta_gamma| < %.3g (hard frame); ISR s' with E_gamma(hard) > %.3g GeV",
                            maxAbsCosTheta, minimumHardPhotonEnergy)
    }

    /// The photon energy of the two-body final state at s (GeV).
    public static func photonEnergy(s: Double, mass m: Double) -> Double { (s - m * m) / (2 * s.squareRoot()) }

    /// kappa = 4 m^2 s/(s - m^2)^2 of the angular distribution.
    public func kappa(s: Double) -> Double {
        let m2 = darkPhotonMass * darkPhotonMass
        return 4 * m2 * s / ((s - m2) * (s - m2))
    }

    /// dsigma/dcos(theta) at s in GeV^-2 (no acceptance).
    public func differentialCrossSection(s: Double, cosTheta c: Double) -> Double {
        let r = darkPhotonMass * darkPhotonMass / s
        guard r < 1 else { return 0 }
        return 2 * Double.pi * PhysicalConstants.alpha * PhysicalConstants.alpha * epsilon * epsilon / s
            * (1 - r) * (1 + c * c + kappa(s: s)) / (1 - c * c)
    }

    /// sigma(|cos theta| < c0) at s in GeV^-2 (closed form above; 0 below threshold).
    public func bornCrossSection(s: Double) -> Double {
        let r = darkPhotonMass * darkPhotonMass / s
        guard r < 1 else { return 0 }
        let c0 = maxAbsCosTheta
        return 2 * Double.pi * PhysicalConstants.alpha * PhysicalConstants.alpha * epsilon * epsilon / s
            * (1 - r) * ((2 + kappa(s: s)) * log((1 + c0) / (1 - c0)) - 2 * c0)
    }

    public func bornCrossSectionFb(s: Double) -> Double { bornCrossSection(s: s) * PhysicalConstants.hbarC2GeV2Fb }

    /// The ISR-convolved cross section Int_0^vmax W(s, v) sigma_Born(s(1 - v)) dv in fb, by
    /// Gauss-Legendre quadrature in u = v^beta (which absorbs the soft singularity of W).
    public func crossSectionWithISRFb() -> Double {
        let rad = beamRadiation.radiator, vMax = beamRadiation.vMax, s = transform.s
        let uMax = exp(rad.beta * log(vMax))
        return Quadrature.integrate(0, uMax, intervals: 256) { u in
            guard u > 0 else { return 0 }
            let v = exp(log(u) / rad.beta)
            return rad.radiatorOverSoft(v) * bornCrossSectionFb(s: s * (1 - v))
        }
    }

    /// cos(theta) of the photon from (1 + c^2 + kappa)/(1 - c^2) on |c| < c0.
    public func sampleCosTheta(s: Double, _ rng: RandomStream) -> Double {
        let k = kappa(s: s), a = atanh(maxAbsCosTheta)
        while true {
            let c = tanh(a * (2 * rng.uniform() - 1))
            if rng.uniform() * (2 + k) <= 2 + k - (1 - c * c) { return c }
        }
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        var isrPhoton = FourVector.zero
        var system = FourVector(e: transform.sqrtS, px: 0, py: 0, pz: 0)
        var sPrime = transform.s
        var isrWeight = 1.0
        if withISR {
            let (v, w) = beamRadiation.sampleV(rng)
            if w <= 0 { return 0 }
            isrWeight = w
            (isrPhoton, system, sPrime) = beamRadiation.photon(v: v, rng)
        }
        let weight = bornCrossSectionFb(s: sPrime) * isrWeight
        if weight <= 0 { return 0 }
        let k = Self.photonEnergy(s: sPrime, mass: darkPhotonMass)
        let dir = PhaseSpace.direction(cosTheta: sampleCosTheta(s: sPrime, rng), phi: rng.azimuth())
        var photon = FourVector(e: k, p: dir * k)
        var darkPhoton = FourVector(mass: darkPhotonMass, momentum: dir * (-k))
        if isrPhoton.e > 0 {
            photon = PhaseSpace.boost(photon, from: system)
            darkPhoton = PhaseSpace.boost(darkPhoton, from: system)
        }
        event.append(PDGID.photon, transform.toLab(photon))
        event.append(PDGID.invisible, transform.toLab(darkPhoton))
        if isrPhoton.e > 0 { event.append(PDGID.photon, transform.toLab(isrPhoton)) }
        return weight
    }
}
