import Foundation
import EventModel
import Kinematics

/// e+e- -> gamma gamma gamma at lowest order (alpha^3) with all three photons resolved:
/// each with E* > `minEnergy` and `thetaMinDeg` < theta* < `thetaMaxDeg` in the CMS.
///
/// Matrix element: `ThreePhotonMatrixElement` (Berends-Kleiss). Cross section
///   sigma = (1/(2s)) (1/3!) Int dPhi_3 (1/4) sum |M|^2   (1/3! for identical photons),
/// by Monte Carlo over a three-channel proposal; channel i makes photon i the radiated one:
/// its energy as d omega/omega on [E_min, sqrt(s)/2] and its direction flat in pseudorapidity
/// inside the window (the soft and collinear poles of the matrix element), the other two back
/// to back in the rest frame of P - k_i with a direction flat in pseudorapidity (80%) or
/// isotropic (20%, which covers every configuration). The weight is f / (sum_i g_i / 3).
/// Reference: the same formula integrated with vegas in two parametrisations
/// (Tests/Fixtures/generators/threephoton_reference.py).
///
/// No beam radiation on top (that would be alpha^4), the nominal sqrt(s). How this sample and
/// `gammagamma` (whose extra photons are collinear with the beams, theta = 0) share the
/// gamma gamma(gamma) cross section without double counting: docs/physics/generators.md,
/// "gamma gamma gamma" (`ThreePhotonSampler.overlapFraction`).
public struct ThreePhotonSampler: ProcessSampler {
    public let processName = "gammagammagamma"
    public let acceptance: String
    public let transform: FrameTransform
    public let minEnergy: Double
    public let thetaMinDeg: Double
    public let thetaMaxDeg: Double
    @usableFromInline let etaLow: Double, etaHigh: Double
    @usableFromInline let logEnergyRange: Double
    @usableFromInline let pairEtaMax: Double
    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { nil }
    /// Fraction of isotropic proposals for the pair direction.
    public static let isotropicFraction = 0.2

    /// - Parameters: minimum CMS energy of every photon (GeV); CMS polar-angle window (deg),
    ///   which must keep the photons at least 5 deg from the beams (where the massless
    ///   matrix element is exact to 3e-6).
    public init(beams: BelleIIBeams = .y4S, minEnergy: Double = 0.15, thetaMinDeg: Double = 10, thetaMaxDeg: Double = 170) {
        precondition(thetaMinDeg >= 5 && thetaMaxDeg <= 175 && thetaMinDeg < thetaMaxDeg,
                     "gammagammagamma: photon window must lie inside [5, 175] deg, got \(thetaMinDeg)-\(thetaMaxDeg)")
        transform = FrameTransform(beams: beams)
        precondition(minEnergy > 0 && 3 * minEnergy < transform.sqrtS,
                     "gammagammagamma: photon threshold must be in (0, sqrt(s)/3), got \(minEnergy)")
        self.minEnergy = minEnergy
        self.thetaMinDeg = thetaMinDeg
        self.thetaMaxDeg = thetaMaxDeg
        etaLow = atanh(cos(thetaMaxDeg * Double.pi / 180))
        etaHigh = atanh(cos(thetaMinDeg * Double.pi / 180))
        logEnergyRange = log(transform.sqrtS / 2 / minEnergy)
        pairEtaMax = max(abs(etaLow), abs(etaHigh)) + 3
        acceptance = "3 photons with E* > \(minEnergy) GeV, \(thetaMinDeg) < theta* < \(thetaMaxDeg) deg (lowest order)"
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let rootS = transform.sqrtS
        let channel = min(Int(rng.uniform() * 3), 2)
        let omega = minEnergy * exp(logEnergyRange * rng.uniform())
        let c = tanh(etaLow + (etaHigh - etaLow) * rng.uniform())
        let k = FourVector(e: omega, p: PhaseSpace.direction(cosTheta: c, phi: rng.azimuth()) * omega)
        let cStar: Double
        if rng.uniform() < ThreePhotonSampler.isotropicFraction {
            cStar = 2 * rng.uniform() - 1
        } else {
            cStar = tanh(pairEtaMax * (2 * rng.uniform() - 1))
        }
        let recoil = FourVector(e: rootS - omega, p: -k.p)
        let half = (rootS * (rootS - 2 * omega)).squareRoot() / 2
        let n = PhaseSpace.direction(cosTheta: cStar, phi: rng.azimuth())
        let a = PhaseSpace.boost(FourVector(e: half, p: n * half), from: recoil)
        let b = PhaseSpace.boost(FourVector(e: half, p: n * (-half)), from: recoil)
        var photons = [k, a, b]
        // Photon `channel` is the radiated one; rotate labels so that the order is k0, k1, k2.
        if channel == 1 { photons = [b, k, a] } else if channel == 2 { photons = [a, b, k] }
        let cutCos = (lo: tanh(etaLow), hi: tanh(etaHigh))
        for q in photons {
            let cq = q.p.z / q.e
            if q.e < minEnergy || cq < cutCos.lo || cq > cutCos.hi { return 0 }
        }
        var density = 0.0
        for i in 0..<3 { density += proposalDensity(photons, radiated: i) / 3 }
        let m2 = ThreePhotonMatrixElement.squared(sqrtS: rootS, photons[0], photons[1], photons[2])
        let f = m2 / (2 * transform.s) / 6
        for q in photons { event.append(PDGID.photon, transform.toLab(q)) }
        return f / density * PhysicalConstants.hbarC2GeV2Fb
    }

    /// Density of channel `i` with respect to dPhi_3 at the photons `k` (CMS).
    /// dPhi_3 = omega d omega dcos dphi / (2 (2 pi)^3) * dcos* dphi* / (32 pi^2).
    func proposalDensity(_ k: [FourVector], radiated i: Int) -> Double {
        let omega = k[i].e
        let c = k[i].p.z / omega
        let recoil = FourVector(e: transform.sqrtS - omega, p: -k[i].p)
        let cStar = PhaseSpace.boostToRest(k[(i + 1) % 3], of: recoil).p.cosTheta
        let pEnergy = 1 / (omega * logEnergyRange)
        let pAngle = 1 / ((1 - c * c) * (etaHigh - etaLow))
        let f = ThreePhotonSampler.isotropicFraction
        var pStar = f / 2
        if abs(cStar) < tanh(pairEtaMax) { pStar += (1 - f) / ((1 - cStar * cStar) * 2 * pairEtaMax) }
        let perVariables = pEnergy * pAngle * pStar / (4 * Double.pi * Double.pi)
        let jacobian = omega / (2 * pow(2 * Double.pi, 3) * 32 * Double.pi * Double.pi)
        return perVariables / jacobian
    }
}
