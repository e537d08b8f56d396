import Foundation
import EventModel
import Kinematics

/// e+e- -> gamma P (P = pi0, eta, eta'): one s-channel photon turning into a real photon and
/// a pseudoscalar meson through the transition form factor (`PseudoscalarMeson`). The
/// peaking backgrounds of the three-photon ALP search: P -> gamma gamma gives the signal's
/// topology at m_gamma-gamma = m_P with the recoil photon at E* = (s - m_P^2)/(2 sqrt s).
///
/// Cross section (BaBar, PRD 74 (2006) 012002, eq. 1, with the vertex convention of
/// `PseudoscalarMeson`):
///   dsigma/dcos(theta) = (pi^2 alpha^3/4) |F(s)|^2 (1 - m^2/s)^3 (1 + cos^2 theta),
///   sigma = (2 pi^2 alpha^3/3) |F(s)|^2 (1 - m^2/s)^3,
/// theta the photon polar angle in the hard frame; derived by substituting g = 4 pi alpha |F|
/// into the ALP formulas (`AxionLikeParticle`, checked against an independent amplitude
/// calculation). Vacuum polarisation of the s-channel photon multiplies it by
/// 1/(1 - Delta alpha(s))^2 (`VacuumPolarization`: +7.7% at 10.58 GeV; BaBar quotes its
/// measured cross sections with it, and 7.5 +- 0.2% as the correction to undressed ones),
/// so `bornCrossSectionFb` is BaBar's "measured" quantity.
///
/// ISR: as the ALP signal (`SignalBeamRadiation`, weighted), with s' restricted to
/// sqrt(s') >= `minimumSqrtSPrime` (default 7 GeV): below it the form factor is not measured
/// (and resonances such as e+e- -> gamma_ISR phi, phi -> eta gamma take over), and such
/// events have a visible energy far below sqrt(s), outside any three-photon selection.
/// q^2 F is held constant between 49 and 112 GeV^2 (pQCD scaling F ~ 1/q^2).
public struct PhotonPseudoscalarSampler: ProcessSampler {
    public let processName: String
    public let acceptance: String
    public let transform: FrameTransform
    public let meson: PseudoscalarMeson
    public let withISR: Bool
    public let minimumSqrtSPrime: Double
    public let beamRadiation: SignalBeamRadiation

    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? {
        withISR ? nil : (bornCrossSectionFb(s: transform.s), 0)
    }

    public init(meson: PseudoscalarMeson, beams: BelleIIBeams = .y4S, withISR: Bool = true,
                minimumSqrtSPrime: Double = 7) {
        precondition(minimumSqrtSPrime > meson.mass && minimumSqrtSPrime < beams.sqrtS,
                     "gamma \(meson.name): minimum sqrt(s') must lie between the meson mass and sqrt(s)")
        self.meson = meson
        self.withISR = withISR
        self.minimumSqrtSPrime = minimumSqrtSPrime
        transform = FrameTransform(beams: beams)
        beamRadiation = SignalBeamRadiation(s: beams.s, thresholdS: minimumSqrtSPrime * minimumSqrtSPrime)
        processName = "gamma" + meson.name
        acceptance = withISR
            ? String(format: "full angular range; ISR with sqrt(s') >= %.3g GeV", minimumSqrtSPrime)
            : "full angular range, Born"
    }

    /// sigma(e+e- -> gamma P) at s without vacuum polarisation ("undressed"), in fb.
    public func undressedCrossSectionFb(s: Double) -> Double {
        let r = meson.mass * meson.mass / s
        guard r < 1 else { return 0 }
        let a = PhysicalConstants.alpha
        let f = meson.formFactor(q2: s)
        return 2 * Double.pi * Double.pi * a * a * a / 3 * f * f * (1 - r) * (1 - r) * (1 - r)
            * PhysicalConstants.hbarC2GeV2Fb
    }

    /// The same with the s-channel vacuum polarisation, 1/(1 - Delta alpha(s))^2, in fb.
    public func bornCrossSectionFb(s: Double) -> Double {
        let d = 1 - VacuumPolarization.deltaAlpha(q2: s)
        return undressedCrossSectionFb(s: s) / (d * d)
    }

    /// The ISR-convolved cross section Int W(s, v) sigma(s(1 - v)) dv in fb (v up to the
    /// `minimumSqrtSPrime` cut), by Gauss-Legendre quadrature in u = v^beta.
    public func crossSectionWithISRFb() -> Double {
        let rad = beamRadiation.radiator, vMax = beamRadiation.vMax, s = transform.s
        let uMax = exp(rad.beta * log(vMax))
        return Quadrature.integrate(0, uMax, intervals: 256) { u in
            guard u > 0 else { return 0 }
            let v = exp(log(u) / rad.beta)
            return rad.radiatorOverSoft(v) * bornCrossSectionFb(s: s * (1 - v))
        }
    }

    /// cos(theta) of the photon from 1 + c^2 on [-1, 1].
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
        let weight = bornCrossSectionFb(s: sPrime) * isrWeight
        if weight <= 0 { return 0 }
        let m = meson.mass
        let k = (sPrime - m * m) / (2 * sPrime.squareRoot())
        let dir = PhaseSpace.direction(cosTheta: sampleCosTheta(rng), phi: rng.azimuth())
        var photon = FourVector(e: k, p: dir * k)
        var pseudoscalar = FourVector(mass: m, momentum: dir * (-k))
        if isrPhoton.e > 0 {
            photon = PhaseSpace.boost(photon, from: system)
            pseudoscalar = PhaseSpace.boost(pseudoscalar, from: system)
        }
        event.append(PDGID.photon, transform.toLab(photon))
        var products = [(Int32, FourVector)]()
        products.reserveCapacity(8)
        HadronDecays.decay(meson.pdg, pseudoscalar, into: &products, rng)
        for (code, q) in products { event.append(code, transform.toLab(q)) }
        if isrPhoton.e > 0 { event.append(PDGID.photon, transform.toLab(isrPhoton)) }
        return weight
    }
}
