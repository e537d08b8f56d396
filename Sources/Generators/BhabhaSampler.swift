import Foundation
import EventModel
import Kinematics

/// e+e- -> e+e- (gamma): Bhabha scattering, s- and t-channel photon exchange with running
/// alpha in each channel, both beams radiating through structure functions
/// (`CollinearBeamRadiation`) and the final pair through `FinalStateRadiator`.
///
/// Hard process (massless QED, e.g. Berestetskii-Lifshitz-Pitaevskii sec. 81):
///   dsigma/dOmega = alpha^2/(2 s) [ (s^2 + u^2)/t^2 |V_t|^2 + 2u^2/(s t) V_s V_t + (u^2 + t^2)/s^2 |V_s|^2 ],
///   V_q = 1/(1 - Delta alpha(q^2)).
/// Z exchange (relative 1e-3 here) is neglected.
///
/// Generator-level acceptance (Belle II Physics Book table, BabaYaga@NLO sample): e- and
/// e+ both with 10 < theta* < 170 deg and E* > 0.15 GeV in the CMS. The hard angle is
/// importance-sampled as 1/(1 - c)^2 (t-channel peak) plus a flat part, only inside the
/// range that can reach the acceptance after the longitudinal boost (|eta_hat| <
/// eta_max - |y| plus a margin for FSR recoil), which keeps the weights bounded.
public struct BhabhaSampler: ProcessSampler {
    public let processName = "ee"
    public let acceptance: String
    public let transform: FrameTransform
    public let thetaMinDeg: Double
    public let minEnergy: Double
    public let radiation: CollinearBeamRadiation
    public let fsr: FinalStateRadiator
    @usableFromInline let etaMax: Double
    @usableFromInline let cosMin: Double
    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { nil }
    /// Fraction of flat proposals for the hard angle.
    public static let flatFraction = 0.2
    /// Pseudorapidity margin for FSR recoil (about 0.6 deg at 10 deg).
    public static let etaMargin = 0.08

    /// Whether the ISR structure functions use Q^2 = |t_hat| or s (default). The two give
    /// 293.6 and 295.0 nb: a 0.5% scale uncertainty; |t| makes the weights spread (max/mean 40).
    public let tScaleISR: Bool

    public init(beams: BelleIIBeams = .y4S, thetaMinDeg: Double = 10, minEnergy: Double = 0.15, tScaleISR: Bool = false) {
        self.tScaleISR = tScaleISR
        transform = FrameTransform(beams: beams)
        self.thetaMinDeg = thetaMinDeg
        self.minEnergy = minEnergy
        acceptance = "e+ and e- with \(thetaMinDeg) < theta* < \(180 - thetaMinDeg) deg, E* > \(minEnergy) GeV"
        etaMax = -log(tan(thetaMinDeg * Double.pi / 360))
        cosMin = cos(thetaMinDeg * Double.pi / 180)
        radiation = CollinearBeamRadiation(s: beams.s, maximumRapidity: etaMax + BhabhaSampler.etaMargin)
        fsr = FinalStateRadiator(mass: ParticleMass.electron)
    }

    /// dsigma/dcos(theta) of the hard process (GeV^-2), theta of the e- to the e- beam.
    @inlinable
    public static func hardDifferential(sHat s: Double, cosTheta c: Double) -> Double {
        let t = -s * (1 - c) / 2, u = -s * (1 + c) / 2
        let vt = 1 / (1 - VacuumPolarization.deltaAlpha(q2: t))
        let vs = 1 / (1 - VacuumPolarization.deltaAlpha(q2: s))
        let a = PhysicalConstants.alpha
        let bracket = (s * s + u * u) / (t * t) * vt * vt + 2 * u * u / (s * t) * vs * vt
            + (u * u + t * t) / (s * s) * vs * vs
        return 2 * Double.pi * a * a / (2 * s) * bracket
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let r = radiation.sample(s: transform.s, rng)
        let etaLimit = etaMax + BhabhaSampler.etaMargin - abs(r.rapidity)
        if etaLimit <= 0 { return 0 }
        let c0 = tanh(etaLimit)
        // Proposal: f flat + (1 - f) 1/(1-c)^2 on [-c0, c0].
        let f = BhabhaSampler.flatFraction
        let w0 = 1 / (1 + c0), w1 = 1 / (1 - c0)
        let c: Double
        if rng.uniform() < f {
            c = -c0 + 2 * c0 * rng.uniform()
        } else {
            c = 1 - 1 / (w0 + (w1 - w0) * rng.uniform())
        }
        let p = f / (2 * c0) + (1 - f) / ((1 - c) * (1 - c) * (w1 - w0))
        let dsig = BhabhaSampler.hardDifferential(sHat: r.sHat, cosTheta: c)
        // ISR scale: the structure functions were sampled with Q^2 = s; reweight to
        // Q^2 = |t_hat|, the large logarithm of radiation along the t-channel lines, which
        // dominate this acceptance (as in BHLUMI/BHWIDE's YFS form factors for Bhabha).
        var scaleWeight = 1.0
        if tScaleISR {
            let tAbs = r.sHat * (1 - c) / 2
            let etaT = ElectronStructureFunction.eta(q2: tAbs)
            let sf = radiation.structureFunction
            let e0 = sf.eta
            scaleWeight = ElectronStructureFunction.density(r.rawX1, oneMinusX: r.oneMinusX1, eta: etaT)
                / ElectronStructureFunction.density(r.rawX1, oneMinusX: r.oneMinusX1, eta: e0)
                * ElectronStructureFunction.density(r.rawX2, oneMinusX: r.oneMinusX2, eta: etaT)
                / ElectronStructureFunction.density(r.rawX2, oneMinusX: r.oneMinusX2, eta: e0)
        }
        // Hard frame: e- along (c, phi), e+ opposite; then FSR, then boost to the CMS.
        let rootSHat = r.sHat.squareRoot()
        let me = ParticleMass.electron
        let pStar = TwoBodyDecay.momentum(parentMass: rootSHat, m1: me, m2: me)
        let dir = PhaseSpace.direction(cosTheta: c, phi: rng.azimuth())
        var em = FourVector(mass: me, momentum: dir * pStar)
        var ep = FourVector(mass: me, momentum: dir * (-pStar))
        let (a, b, g) = fsr.radiate(em, ep, rng)
        em = PhaseSpace.boost(a, from: r.system)
        ep = PhaseSpace.boost(b, from: r.system)
        let cmsCut = cosMin
        for q in [em, ep] where q.e < minEnergy || abs(q.p.cosTheta) > cmsCut { return 0 }
        event.append(PDGID.electron, transform.toLab(em))
        event.append(-PDGID.electron, transform.toLab(ep))
        if let g { event.append(PDGID.photon, transform.toLab(PhaseSpace.boost(g, from: r.system))) }
        if r.photon1.e > 0 { event.append(PDGID.photon, transform.toLab(r.photon1)) }
        if r.photon2.e > 0 { event.append(PDGID.photon, transform.toLab(r.photon2)) }
        return r.weight * scaleWeight * dsig / p * PhysicalConstants.hbarC2GeV2Fb
    }
}
