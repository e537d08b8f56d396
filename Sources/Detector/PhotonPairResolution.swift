import Foundation
import Kinematics

/// Mass resolution of a photon pair, propagated analytically from the ECL energy and angle
/// resolutions (`CalorimeterResponse`): what the three-photon ALP search needs to choose,
/// mass by mass, between the diphoton invariant mass and the mass recoiling against the
/// third photon, and to set its signal widths (issue #18).
///
/// * Diphoton mass, m^2 = 2 E1 E2 (1 - cos psi):
///   sigma_m/m = (1/2) sqrt[(sigma_E1/E1)^2 + (sigma_E2/E2)^2 + (cot(psi/2) sigma_psi)^2],
///   sigma_psi^2 = v1 + v2, v_i the variance of photon i's direction along the separation:
///   the ECL smears theta and phi by sigma_a each, i.e. sigma_a along e_theta and
///   sigma_a sin(theta) along e_phi (`CalorimeterResponse.angleSigma`).
/// * Recoil mass against the photon r, M^2 = s - 2 sqrt(s) E*_r (CMS energy E* = gamma E (1 - beta.n)):
///   sigma_M = sqrt(s) sigma_E*/M, sigma_E*^2 = (E* sigma_E/E)^2 + (gamma E)^2 |beta_perp|^2 v,
///   beta_perp the CMS velocity's component across the photon direction, v the direction's
///   variance along it (as above).
/// Both evaluated with the lab energies and directions of the clusters (measured or true: the
/// resolutions vary slowly), first order in the resolutions. Valid for photons inside the
/// crystals away from the endcap edges and gaps (where containment adds a bias and a tail),
/// and for resolved pairs (`PhotonClusterMerging`).
public struct PhotonPairResolution: Sendable {
    public let calorimeter: CalorimeterResponse
    public let beams: BelleIIBeams

    public init(calorimeter: CalorimeterResponse, beams: BelleIIBeams = .y4S) {
        self.calorimeter = calorimeter
        self.beams = beams
    }

    /// sigma(m_gamma-gamma) in GeV for clusters of energies `e1`, `e2` (GeV) along `n1`, `n2` (lab).
    public func diphotonMassSigma(e1: Double, n1: ThreeVector, e2: Double, n2: ThreeVector) -> Double {
        let u1 = n1.unit, u2 = n2.unit
        let c = max(-1, min(1, u1.dot(u2)))
        let m = (2 * e1 * e2 * (1 - c)).squareRoot()
        let psi = acos(c)
        let r1 = calorimeter.relativeEnergySigma(e1), r2 = calorimeter.relativeEnergySigma(e2)
        // The separation direction at each photon (perpendicular to it, in the plane of the two).
        let d = u2 - u1
        let v1 = Self.angularVariance(direction: u1, along: d, sigma: calorimeter.angleSigma(e1))
        let v2 = Self.angularVariance(direction: u2, along: d, sigma: calorimeter.angleSigma(e2))
        let cotHalf = 1 / tan(psi / 2)
        let angular = cotHalf * cotHalf * (v1 + v2)
        return m / 2 * (r1 * r1 + r2 * r2 + angular).squareRoot()
    }

    /// Variance of a cluster direction's displacement along `w` (projected perpendicular to
    /// the direction): theta and phi are each smeared by `sigma` rad, so the displacement is
    /// sigma along e_theta and sigma sin(theta) along e_phi.
    static func angularVariance(direction n: ThreeVector, along w: ThreeVector, sigma: Double) -> Double {
        let rho = n.perp
        let ct = n.z, st = rho
        let cp = rho > 0 ? n.x / rho : 1, sp = rho > 0 ? n.y / rho : 0
        let eTheta = ThreeVector(x: ct * cp, y: ct * sp, z: -st)
        let ePhi = ThreeVector(x: -sp, y: cp, z: 0)
        let wt = w.dot(eTheta), wp = w.dot(ePhi)
        let norm2 = wt * wt + wp * wp
        guard norm2 > 0 else { return sigma * sigma }
        return sigma * sigma * (wt * wt + st * st * wp * wp) / norm2
    }

    /// The CMS energy of a photon cluster of lab energy `e` along `n`, and its resolution.
    public func cmsEnergy(e: Double, n: ThreeVector) -> (value: Double, sigma: Double) {
        let u = n.unit
        let total = beams.total
        let beta = total.p * (1 / total.e)
        let gamma = total.e / total.mass
        let eStar = gamma * e * (1 - beta.dot(u))
        // dE*/dn = -gamma E beta: the direction's displacement along beta's transverse part.
        let along = beta.dot(u)
        let betaPerp2 = max(0, beta.dot(beta) - along * along)
        let r = calorimeter.relativeEnergySigma(e)
        let angular = betaPerp2 > 0
            ? betaPerp2 * Self.angularVariance(direction: u, along: beta, sigma: calorimeter.angleSigma(e)) : 0
        let sigma = (eStar * eStar * r * r + gamma * gamma * e * e * angular).squareRoot()
        return (eStar, sigma)
    }

    /// Recoil mass squared against a photon cluster, s - 2 sqrt(s) E*, and its sigma in GeV^2
    /// (Gaussian to first order at every mass, unlike the recoil mass near 0).
    public func recoilMassSquared(e: Double, n: ThreeVector) -> (value: Double, sigma: Double) {
        let (eStar, sigmaE) = cmsEnergy(e: e, n: n)
        return (beams.s - 2 * beams.sqrtS * eStar, 2 * beams.sqrtS * sigmaE)
    }

    /// Recoil mass against a photon cluster (lab energy `e`, direction `n`) and its sigma in GeV;
    /// M^2 may be negative after smearing (then the value is -sqrt|M^2|).
    public func recoilMass(e: Double, n: ThreeVector) -> (value: Double, sigma: Double) {
        let (eStar, sigmaE) = cmsEnergy(e: e, n: n)
        let m2 = beams.s - 2 * beams.sqrtS * eStar
        let m = m2 >= 0 ? m2.squareRoot() : -(-m2).squareRoot()
        let sigmaM2 = 2 * beams.sqrtS * sigmaE
        // sigma_M = sigma(M^2)/(2M); near M = 0, where the first order fails, the spread of
        // sqrt|M^2| is about sqrt(sigma(M^2)), which caps it.
        let sigma = min(sigmaM2 / (2 * max(abs(m), 1e-12)), sigmaM2.squareRoot())
        return (m, sigma)
    }
}
