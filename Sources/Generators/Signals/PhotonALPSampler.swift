import Foundation
import EventModel
import Kinematics

/// e+e- -> gamma a, a -> gamma gamma: the signal of the three-photon ALP search
/// (cross section, angular distribution and width in `AxionLikeParticle`).
///
/// The recoil photon's cos theta follows 1 + cos^2 theta over the full range (no collinear
/// pole, unlike gamma A'), sampled exactly by accept-reject with (1 + c^2)/2. The ALP, a
/// pseudoscalar, decays isotropically in its rest frame. It flies an exponential distance
/// with mean beta gamma c tau (lab momentum) before decaying; its photons carry that vertex.
/// ISR as for the other signals (`SignalBeamRadiation`, weighted), with the hard process
/// kept where its photon has at least `minimumHardPhotonEnergy` in its own frame, as the
/// mono-photon signal does, so that the two share a convention; the ALP cross section itself
/// is finite at threshold. alpha: the fine-structure constant at q^2 = 0 (Dolan et al.).
public struct PhotonALPSampler: ProcessSampler {
    public let processName: String
    public let acceptance: String
    public let transform: FrameTransform
    public let alp: AxionLikeParticle
    public let withISR: Bool
    public let minimumHardPhotonEnergy: Double
    public let beamRadiation: SignalBeamRadiation

    /// A coupling inside Belle II's 2020 reach (limits of about 1e-3 GeV^-1); yields scale as g^2.
    public static let referenceCouplingInvGeV = 1e-3

    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? {
        withISR ? nil : (alp.crossSectionFb(s: transform.s), 0)
    }

    public init(alpMass: Double, couplingInvGeV: Double = referenceCouplingInvGeV, beams: BelleIIBeams = .y4S,
                withISR: Bool = true, minimumHardPhotonEnergy: Double = 0.5) {
        alp = AxionLikeParticle(mass: alpMass, couplingInvGeV: couplingInvGeV)
        let threshold = minimumHardPhotonEnergy + (minimumHardPhotonEnergy * minimumHardPhotonEnergy
                                                   + alpMass * alpMass).squareRoot()
        precondition(threshold < beams.sqrtS, "gamma a above threshold")
        self.withISR = withISR
        self.minimumHardPhotonEnergy = minimumHardPhotonEnergy
        transform = FrameTransform(beams: beams)
        beamRadiation = SignalBeamRadiation(s: beams.s, thresholdS: threshold * threshold)
        processName = String(format: "gammaALP_m%.4g", alpMass)
        acceptance = withISR
            ? String(format: "full angular range; ISR s' with E_gamma(hard) > %.3g GeV", minimumHardPhotonEnergy)
            : "full angular range, Born"
    }

    /// The ISR-convolved cross section Int W(s, v) sigma(s(1 - v)) dv in fb, by Gauss-Legendre
    /// quadrature in u = v^beta (which absorbs the soft singularity of W).
    public func crossSectionWithISRFb() -> Double {
        let rad = beamRadiation.radiator, vMax = beamRadiation.vMax, s = transform.s
        let uMax = exp(rad.beta * log(vMax))
        return Quadrature.integrate(0, uMax, intervals: 256) { u in
            guard u > 0 else { return 0 }
            let v = exp(log(u) / rad.beta)
            return rad.radiatorOverSoft(v) * alp.crossSectionFb(s: s * (1 - v))
        }
    }

    /// cos(theta) of the recoil photon from 1 + c^2 on [-1, 1].
    public func sampleCosTheta(_ rng: RandomStream) -> Double {
        while true {
            let c = 2 * rng.uniform() - 1
            if 2 * rng.uniform() <= 1 + c * c { return c }
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
        let weight = alp.crossSectionFb(s: sPrime) * isrWeight
        if weight <= 0 { return 0 }
        let k = alp.recoilPhotonEnergy(s: sPrime)
        let dir = PhaseSpace.direction(cosTheta: sampleCosTheta(rng), phi: rng.azimuth())
        var photon = FourVector(e: k, p: dir * k)
        var axion = FourVector(mass: alp.mass, momentum: dir * (-k))
        var (gamma1, gamma2) = PhaseSpace.twoBody(mass: alp.mass, m1: 0, m2: 0, rng)
        gamma1 = PhaseSpace.boost(gamma1, from: axion)
        gamma2 = PhaseSpace.boost(gamma2, from: axion)
        if isrPhoton.e > 0 {
            photon = PhaseSpace.boost(photon, from: system)
            axion = PhaseSpace.boost(axion, from: system)
            gamma1 = PhaseSpace.boost(gamma1, from: system)
            gamma2 = PhaseSpace.boost(gamma2, from: system)
        }
        let axionLab = transform.toLab(axion)
        let flightCm = rng.exponential(mean: alp.decayLengthCm(momentum: axionLab.momentum))
        let vertex = axionLab.p * (flightCm / axionLab.momentum)
        event.append(PDGID.photon, transform.toLab(photon))
        event.append(PDGID.photon, transform.toLab(gamma1), vertex: vertex)
        event.append(PDGID.photon, transform.toLab(gamma2), vertex: vertex)
        if isrPhoton.e > 0 { event.append(PDGID.photon, transform.toLab(isrPhoton)) }
        return weight
    }
}
