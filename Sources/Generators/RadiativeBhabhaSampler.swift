import Foundation
import EventModel
import Kinematics

/// e+e- -> e+e- gamma with a photon at large angle and both leptons lost: the radiative
/// Bhabha background of single-photon searches (the TEEGG "gamma" configuration, D. Karlen,
/// Nucl. Phys. B289 (1987) 23). Region (lab frame): the photon with E* > `minEnergy` (CMS
/// energy) inside `photonThetaLabDeg`; e+ and e- both outside `leptonVetoThetaLabDeg`
/// (default the ECL, 12.4-155.1 deg, so they leave through the beam pipe). Lowest order,
/// exact massive matrix element (`RadiativeBhabhaMatrixElement`), alpha(0), nominal sqrt(s).
///
/// Where the cross section is: one lepton (the spectator) barely scatters, |t| down to
/// m_e^2 x^2/(1 - x) for an energy loss x, and the quasi-real photon it emits Compton-scatters
/// off the other beam, whose lepton absorbs the large-angle photon's transverse momentum.
/// Proposal (two channels, e- or e+ as spectator, half each): the spectator's energy loss x
/// as dx/x on [1e-5, 1), its |t| as d|t|/|t| (80% inside a 35 deg cone around its beam, 20%
/// over the whole angular range), and the photon in the rest frame of the (other lepton +
/// photon) system half isotropic, half with density 1/(1 - cos* + 1e-4) around the other
/// beam's direction (the Compton u-channel peak) - every configuration is reachable from both
/// channels, so the estimate is unbiased. Weights are f / (g_e + g_p)/2;
/// `WeightSummary` reports them (docs/physics/generators.md: max/mean and effective sample size).
/// Reference: an independent numpy implementation of the amplitudes integrated with vegas
/// (Tests/Fixtures/generators/radiative_bhabha_reference.py).
public struct RadiativeBhabhaSampler: ProcessSampler {
    public let processName = "eegamma"
    public let acceptance: String
    public let transform: FrameTransform
    public let minEnergy: Double
    public let photonThetaLabDeg: ClosedRange<Double>
    public let leptonVetoThetaLabDeg: ClosedRange<Double>
    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { nil }
    /// Spectator energy-loss range and the Compton-peak regulator.
    public static let lossRange = (low: 1e-5, high: 1 - 1e-9)
    public static let comptonDelta = 1e-4
    /// Share of proposals with |t| inside the escape cone (CMS angle to the spectator's beam
    /// below `escapeConeDeg`, wider than the lab veto seen from the CMS), and of Compton
    /// directions from the peaked (not the isotropic) component. The other shares cover every
    /// configuration, so the estimate stays unbiased whatever these values.
    public static let escapeConeDeg = 35.0
    public static let coneFraction = 0.8
    public static let peakedFraction = 0.5
    @usableFromInline let beamEnergy: Double, beamMomentum: Double

    public init(beams: BelleIIBeams = .y4S, minEnergy: Double = 0.5,
                photonThetaLabDeg: ClosedRange<Double> = GeneratorFilter.eclThetaDeg,
                leptonVetoThetaLabDeg: ClosedRange<Double> = GeneratorFilter.eclThetaDeg) {
        transform = FrameTransform(beams: beams)
        precondition(minEnergy > 0 && minEnergy < transform.sqrtS / 2,
                     "eegamma: photon threshold must be in (0, sqrt(s)/2), got \(minEnergy)")
        precondition(photonThetaLabDeg.lowerBound > 0 && photonThetaLabDeg.upperBound < 180,
                     "eegamma: photon window must lie inside (0, 180) deg, got \(photonThetaLabDeg)")
        self.minEnergy = minEnergy
        self.photonThetaLabDeg = photonThetaLabDeg
        self.leptonVetoThetaLabDeg = leptonVetoThetaLabDeg
        beamEnergy = transform.sqrtS / 2
        let m = ParticleMass.electron
        beamMomentum = (beamEnergy * beamEnergy - m * m).squareRoot()
        acceptance = "photon with E* > \(minEnergy) GeV and \(photonThetaLabDeg.lowerBound) < theta < \(photonThetaLabDeg.upperBound) deg (lab); e+ and e- outside \(leptonVetoThetaLabDeg.lowerBound)-\(leptonVetoThetaLabDeg.upperBound) deg (lab) (lowest order)"
    }

    static let coneOneMinusCos = 1 - cos(escapeConeDeg * Double.pi / 180)

    /// The incoming e- (+z) and e+ in the CMS, with the electron mass.
    var incoming: (FourVector, FourVector) {
        (FourVector(e: beamEnergy, px: 0, py: 0, pz: beamMomentum), FourVector(e: beamEnergy, px: 0, py: 0, pz: -beamMomentum))
    }

    /// |t| of a spectator of energy `e`, momentum `p` with 1 - cos(angle to its beam) = `omc`:
    /// 2 (E_b e - P_b p) - 2 m^2 + 2 P_b p omc, the first part written without cancellation.
    func spectatorT(energy e: Double, momentum p: Double, oneMinusCos omc: Double) -> (t: Double, tMin: Double, tMax: Double) {
        let m = ParticleMass.electron, eb = beamEnergy, pb = beamMomentum
        let a = 2 * (m * m * (eb * eb + e * e) - m * m * m * m) / (eb * e + pb * p) - 2 * m * m
        return (a + 2 * pb * p * omc, a, a + 4 * pb * p)
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let m = ParticleMass.electron
        let electronSpectator = rng.uniform() < 0.5
        let range = RadiativeBhabhaSampler.lossRange
        let x = range.low * exp(log(range.high / range.low) * rng.uniform())
        let e = beamEnergy * (1 - x)
        guard e > m * 1.0001 else { return 0 }
        let p = (e * e - m * m).squareRoot()
        let tr = spectatorT(energy: e, momentum: p, oneMinusCos: 0)
        let tCone = spectatorT(energy: e, momentum: p, oneMinusCos: RadiativeBhabhaSampler.coneOneMinusCos).t
        let tUpper = rng.uniform() < RadiativeBhabhaSampler.coneFraction ? tCone : tr.tMax
        let t = tr.tMin * exp(log(tUpper / tr.tMin) * rng.uniform())
        let omc = min(max((t - tr.tMin) / (2 * beamMomentum * p), 0), 2)
        let sinTheta = (omc * (2 - omc)).squareRoot()
        let phi = rng.azimuth()
        let sign: Double = electronSpectator ? 1 : -1
        let spectator = FourVector(e: e, px: p * sinTheta * cos(phi), py: p * sinTheta * sin(phi), pz: sign * p * (1 - omc))
        let (p1, p2) = incoming
        let system = p1 + p2 - spectator
        let sHat = system.massSquared
        guard sHat > m * m * 1.0001 else { return 0 }
        let axis = PhaseSpace.boostToRest(electronSpectator ? p2 : p1, of: system).p.unit
        let d = RadiativeBhabhaSampler.comptonDelta
        let cStar: Double
        if rng.uniform() < RadiativeBhabhaSampler.peakedFraction {
            cStar = 1 - (d * exp(log((2 + d) / d) * rng.uniform()) - d)
        } else {
            cStar = 2 * rng.uniform() - 1
        }
        let sStar = max(0, (1 - cStar) * (1 + cStar)).squareRoot()
        let dir = PhaseSpace.direction(cosTheta: cStar, sinTheta: sStar, phi: rng.azimuth(), around: axis)
        let rootSHat = sHat.squareRoot()
        let kStar = (sHat - m * m) / (2 * rootSHat)
        let k = PhaseSpace.boost(FourVector(e: kStar, p: dir * kStar), from: system)
        let lepton = PhaseSpace.boost(FourVector(mass: m, momentum: dir * (-kStar)), from: system)
        let (p3, p4) = electronSpectator ? (spectator, lepton) : (lepton, spectator)
        // Region (lab).
        guard k.e > minEnergy else { return 0 }
        let kLab = transform.toLab(k), p3Lab = transform.toLab(p3), p4Lab = transform.toLab(p4)
        guard photonThetaLabDeg.contains(kLab.theta * 180 / Double.pi),
              !leptonVetoThetaLabDeg.contains(p3Lab.theta * 180 / Double.pi),
              !leptonVetoThetaLabDeg.contains(p4Lab.theta * 180 / Double.pi) else { return 0 }
        let density = 0.5 * channelDensity(p3: p3, p4: p4, k: k, electronSpectator: true)
            + 0.5 * channelDensity(p3: p3, p4: p4, k: k, electronSpectator: false)
        guard density > 0 else { return 0 }
        let m2 = RadiativeBhabhaMatrixElement.squared(p1: p1, p2: p2, p3: p3, p4: p4, k: k)
        let s = transform.s
        let flux = 2 * s * (1 - 4 * m * m / s).squareRoot()
        event.append(PDGID.electron, p3Lab)
        event.append(-PDGID.electron, p4Lab)
        event.append(PDGID.photon, kLab)
        return m2 / flux / density * PhysicalConstants.hbarC2GeV2Fb
    }

    /// Density of one channel with respect to dPhi_3 at (p3, p4, k) in the CMS:
    /// dPhi_3 = dE d|t| dphi dcos* dphi* (sHat - m^2)/(32 pi^2 sHat) / ((2 pi)^3 4 P_b).
    func channelDensity(p3: FourVector, p4: FourVector, k: FourVector, electronSpectator: Bool) -> Double {
        let m = ParticleMass.electron
        let spectator = electronSpectator ? p3 : p4
        let range = RadiativeBhabhaSampler.lossRange
        let x = 1 - spectator.e / beamEnergy
        guard x >= range.low, x <= range.high else { return 0 }
        let p = spectator.p.magnitude
        let longitudinal = electronSpectator ? spectator.p.z : -spectator.p.z
        let perp2 = spectator.p.x * spectator.p.x + spectator.p.y * spectator.p.y
        let omc = longitudinal > 0 ? perp2 / (p * (p + longitudinal)) : 1 - longitudinal / p
        let tr = spectatorT(energy: spectator.e, momentum: p, oneMinusCos: omc)
        let (p1, p2) = incoming
        let system = p1 + p2 - spectator
        let sHat = system.massSquared
        let axis = PhaseSpace.boostToRest(electronSpectator ? p2 : p1, of: system).p.unit
        let kRest = PhaseSpace.boostToRest(k, of: system).p.unit
        let d = RadiativeBhabhaSampler.comptonDelta
        let w = 1 - kRest.dot(axis) + d
        let pLoss = 1 / (x * log(range.high / range.low) * beamEnergy)
        let tCone = spectatorT(energy: spectator.e, momentum: p, oneMinusCos: RadiativeBhabhaSampler.coneOneMinusCos).t
        let f = RadiativeBhabhaSampler.coneFraction
        let pT = ((tr.t <= tCone ? f / log(tCone / tr.tMin) : 0) + (1 - f) / log(tr.tMax / tr.tMin)) / tr.t
        let g = RadiativeBhabhaSampler.peakedFraction
        let pStar = g / (w * log((2 + d) / d)) + (1 - g) / 2
        let twoPi = 2 * Double.pi
        let jacobian = (sHat - m * m) / (32 * Double.pi * Double.pi * sHat) / (twoPi * twoPi * twoPi * 4 * beamMomentum)
        return pLoss * pT * pStar / (twoPi * twoPi) / jacobian
    }
}
