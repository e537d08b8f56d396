import Foundation
import EventModel
import Kinematics

/// e+e- -> gamma gamma (gamma): QED pair annihilation into two photons with both beams
/// radiating through structure functions (`CollinearBeamRadiation`).
///
/// Hard process (massless, Berestetskii-Lifshitz-Pitaevskii sec. 88):
///   dsigma/dcos(theta) = (pi alpha^2 / s) (1 + c^2)/(1 - c^2)   for c in [-1, 1],
/// which already divides by 2 for the identical photons; alpha = alpha(0) for real photons.
///
/// Generator-level acceptance (Belle II Physics Book table, BabaYaga@NLO): at least two
/// photons with 10 < theta* < 170 deg and E* > 0.15 GeV. The hard angle is sampled in
/// eta = atanh(c) flat (density 1/(1 - c^2)), inside the range the boost allows.
public struct DiphotonSampler: ProcessSampler {
    public let processName = "gammagamma"
    public let acceptance: String
    public let transform: FrameTransform
    public let thetaMinDeg: Double
    public let minEnergy: Double
    public let radiation: CollinearBeamRadiation
    @usableFromInline let etaMax: Double
    @usableFromInline let cosMin: Double
    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { nil }

    public init(beams: BelleIIBeams = .y4S, thetaMinDeg: Double = 10, minEnergy: Double = 0.15) {
        transform = FrameTransform(beams: beams)
        self.thetaMinDeg = thetaMinDeg
        self.minEnergy = minEnergy
        acceptance = ">= 2 photons with \(thetaMinDeg) < theta* < \(180 - thetaMinDeg) deg, E* > \(minEnergy) GeV"
        etaMax = -log(tan(thetaMinDeg * Double.pi / 360))
        cosMin = cos(thetaMinDeg * Double.pi / 180)
        radiation = CollinearBeamRadiation(s: beams.s, maximumRapidity: etaMax + 0.01)
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let r = radiation.sample(s: transform.s, rng)
        let etaLimit = etaMax + 0.01 - abs(r.rapidity)
        if etaLimit <= 0 { return 0 }
        let eta = etaLimit * (2 * rng.uniform() - 1)
        let c = tanh(eta)
        let oneMinusC2 = 1 / (cosh(eta) * cosh(eta))
        // f/p = (pi alpha^2/s)(1 + c^2)/(1 - c^2) * (2 etaLimit)(1 - c^2)
        let a = PhysicalConstants.alpha
        let weight = Double.pi * a * a / r.sHat * (1 + c * c) * 2 * etaLimit
        _ = oneMinusC2
        let k = r.sHat.squareRoot() / 2
        let dir = PhaseSpace.direction(cosTheta: c, phi: rng.azimuth())
        let g1 = PhaseSpace.boost(FourVector(e: k, p: dir * k), from: r.system)
        let g2 = PhaseSpace.boost(FourVector(e: k, p: dir * (-k)), from: r.system)
        for q in [g1, g2] where q.e < minEnergy || abs(q.p.cosTheta) > cosMin { return 0 }
        event.append(PDGID.photon, transform.toLab(g1))
        event.append(PDGID.photon, transform.toLab(g2))
        if r.photon1.e > 0 { event.append(PDGID.photon, transform.toLab(r.photon1)) }
        if r.photon2.e > 0 { event.append(PDGID.photon, transform.toLab(r.photon2)) }
        return r.weight * weight * PhysicalConstants.hbarC2GeV2Fb
    }
}
