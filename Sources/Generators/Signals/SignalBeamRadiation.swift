import Foundation
import Kinematics

/// Initial-state radiation for the signal samplers, as a weight rather than by exact
/// sampling: v = 1 - s'/s is drawn from a proposal and the event carries W(s, v)/p(v),
/// with W the Kuraev-Fadin radiator of `InitialStateRadiator` (the one the mu mu and
/// tau tau backgrounds use, so signal and background share the ISR treatment). The hard
/// process is then generated at s' in the s' rest frame and boosted back.
///
/// Why weighted: the signal hard cross sections (2 -> 3 with a matrix element, or a
/// formula per model point) are not known in closed form as functions of s' for every
/// model, so exact sampling of v (as `LeptonPairSampler` does) would need a table per model
/// point; the weight is bounded (checked by the tests through the weight spread).
///
/// Proposal: p(v) = a beta v^(beta-1)/vmax^beta + (1 - a)/((1 - v) ln(1/(1 - vmax))), the
/// soft-photon singularity and the radiative-return tail; W/p -> Delta vmax^beta/a as v -> 0.
/// Infrared convention as in `LeptonPairSampler`: below `minimumPhotonEnergy` (CMS) no
/// photon is written and the hard process is produced at the nominal s.
public struct SignalBeamRadiation: Sendable {
    public let radiator: InitialStateRadiator
    public let s: Double
    /// Largest v: s' = s (1 - vMax) is the hard process threshold.
    public let vMax: Double
    public let softFraction: Double
    public let minimumPhotonEnergy: Double
    @usableFromInline let logTail: Double
    @usableFromInline let vMaxBeta: Double
    @usableFromInline let dipole: DipoleAngularDistribution

    /// - Parameters:
    ///   - thresholdS: the smallest s' at which the hard process is open (GeV^2).
    public init(s: Double, thresholdS: Double, softFraction: Double = 0.8, minimumPhotonEnergy: Double = 1e-3) {
        self.s = s
        radiator = InitialStateRadiator(s: s)
        vMax = max(1 - thresholdS / s, 0)
        self.softFraction = softFraction
        self.minimumPhotonEnergy = minimumPhotonEnergy
        logTail = -log1p(-vMax)
        vMaxBeta = exp(radiator.beta * log(max(vMax, 1e-300)))
        dipole = DipoleAngularDistribution(energy: s.squareRoot() / 2, mass: ParticleMass.electron)
    }

    /// Draws v and returns it with the weight W(v)/p(v). vMax must be positive.
    public func sampleV(_ rng: RandomStream) -> (v: Double, weight: Double) {
        let beta = radiator.beta
        let v: Double
        if rng.uniform() < softFraction {
            v = vMax * exp(log(rng.uniform()) / beta)
        } else {
            v = -expm1(-rng.uniform() * logTail)
        }
        if v <= 0 || v >= vMax { return (v, 0) }
        let p = softFraction * beta * exp((beta - 1) * log(v)) / vMaxBeta
            + (1 - softFraction) / ((1 - v) * logTail)
        return (v, radiator.radiator(v) / p)
    }

    /// The ISR photon (zero if below `minimumPhotonEnergy`), the recoiling system's
    /// four-momentum in the CMS, and the s' at which to produce the hard process.
    public func photon(v: Double, _ rng: RandomStream) -> (photon: FourVector, system: FourVector, sPrime: Double) {
        let sqrtS = s.squareRoot()
        let k = v * sqrtS / 2
        if k < minimumPhotonEnergy {
            return (.zero, FourVector(e: sqrtS, px: 0, py: 0, pz: 0), s)
        }
        let (omc, opc) = dipole.sample(rng)
        let sn = (omc * opc).squareRoot()
        let phi = rng.azimuth()
        let n = ThreeVector(x: sn * cos(phi), y: sn * sin(phi), z: opc - 1)
        return (FourVector(e: k, p: n * k), FourVector(e: sqrtS - k, p: n * (-k)), s * (1 - v))
    }
}
