import ALPThreePhoton
import Detector
import Foundation
import Kinematics

/// The core width of the ALP's diphoton mass predicted without simulation: the first-order
/// propagation of the ECL energy and angle resolutions (`PhotonPairResolution`, the
/// calorimeter of a conditions file) averaged over the signal's Born kinematics by
/// deterministic quadrature, with the search's acceptance applied to the true photons.
///
/// Kinematics: e+e- -> gamma a in the CMS with dsigma/dcos theta_a ~ 1 + cos^2 theta_a
/// (docs/physics/alp.md), a -> gamma gamma isotropic in the ALP frame (a spin-0 particle),
/// boosted to the CMS and then to the Belle II lab (`BelleIIBeams.toLab`). Midpoint rules:
/// 32 points in cos theta_a, 8 in phi_a, 32 in cos theta* (decay), 8 in phi*.
/// Acceptance (the preselection's photon part, `ALPThreePhoton.selection`): all three photons
/// in the ECL barrel (lab 32.2-128.7 deg) above `ThreePhotonObservables.photonThresholdGeV`
/// (lab), and the pair resolved by the ECL: each quadrature point is weighted by the
/// probability that `PhotonClusterMerging` keeps the two photons apart (its crystal offsets
/// averaged on a 4 x 4 grid), which removes the smallest opening angles, i.e. the worst
/// resolved pairs at low mass (cot(psi/2) sigma_psi dominates there); and the trigger: the
/// ECL-energy line fires only without the Bhabha veto (`TriggerSimulation.bhabhaVeto`: two
/// photons above E*_min back to back in the CMS, the conditions' `triggers.bhabha_veto`).
/// The veto matters at low mass, where the ALP's two photons are nearly collinear and
/// back to back with the recoil photon: it keeps only decays with both ALP photons below
/// 3 GeV, the symmetric ones with the smallest opening angle and the widest m_gg (at 0.3 GeV
/// the core is 11.9 MeV without the veto, 12.9 MeV with it; the simulation gives 13.4).
///
/// The events form a mixture of Gaussians of widths sigma_i (weights w_i); its core width
/// is what `CoreResolution.sigma` measures on the simulation: half the central 68.27%
/// interval, x with sum w_i [2 Phi(x/sigma_i) - 1] = 0.6827 sum w_i.
public enum ALPAnalyticResolution {
    static let barrelDeg = 32.2...128.7

    /// Core width of m_gg (GeV) at mass m, and the accepted fraction of the quadrature.
    public static func diphotonCoreSigma(mass m: Double, conditions: DetectorConditions,
                                         beams: BelleIIBeams = .y4S,
                                         merging: PhotonClusterMerging = .belleII,
                                         trigger: Bool = true) -> (sigma: Double, acceptance: Double) {
        let calorimeter = CalorimeterResponse(conditions.calorimeter, acceptance: conditions.acceptance)
        let t = conditions.triggers
        func vetoed(_ a: FourVector, _ b: FourVector) -> Bool {
            guard trigger, a.e > t.bhabhaMinEnergyCMSGeV, b.e > t.bhabhaMinEnergyCMSGeV else { return false }
            var dphi = abs(a.p.phi - b.p.phi) * 180 / .pi
            if dphi > 360 { dphi -= 360 }
            return t.bhabhaDeltaPhiCMSDeg.contains(dphi) && t.bhabhaThetaSumCMSDeg.contains((a.p.theta + b.p.theta) * 180 / .pi)
        }
        let pairs = PhotonPairResolution(calorimeter: calorimeter, beams: beams)
        let sqrtS = beams.sqrtS, s = sqrtS * sqrtS
        let eA = (s + m * m) / (2 * sqrtS), pA = (s - m * m) / (2 * sqrtS)
        let nA = 32, nPhiA = 8, nD = 32, nPhiD = 8
        var sigmas: [Double] = [], weights: [Double] = []
        var total = 0.0, accepted = 0.0
        let threshold = ThreePhotonObservables.photonThresholdGeV
        func inBarrel(_ v: FourVector) -> Bool { barrelDeg.contains(v.p.theta * 180 / .pi) }
        for ia in 0..<nA {
            let ca = -1 + (Double(ia) + 0.5) * 2 / Double(nA), sa = (1 - ca * ca).squareRoot()
            let wa = 1 + ca * ca
            for ja in 0..<nPhiA {
                let pa = (Double(ja) + 0.5) * 2 * .pi / Double(nPhiA)
                let dir = ThreeVector(x: sa * cos(pa), y: sa * sin(pa), z: ca)
                let recoilCMS = FourVector(e: pA, p: dir * -pA)
                let recoil = beams.toLab(recoilCMS)
                let alp = FourVector(e: eA, p: dir * pA)
                let boost = LorentzBoost(restFrameOf: alp)
                for id in 0..<nD {
                    let cd = -1 + (Double(id) + 0.5) * 2 / Double(nD), sd = (1 - cd * cd).squareRoot()
                    for jd in 0..<nPhiD {
                        let pd = (Double(jd) + 0.5) * 2 * .pi / Double(nPhiD)
                        total += wa
                        guard recoil.e > threshold, inBarrel(recoil) else { continue }
                        let k = ThreeVector(x: sd * cos(pd), y: sd * sin(pd), z: cd) * (m / 2)
                        let c1 = boost.apply(FourVector(e: m / 2, p: k)), c2 = boost.apply(FourVector(e: m / 2, p: k * -1))
                        let g1 = beams.toLab(c1), g2 = beams.toLab(c2)
                        guard g1.e > threshold, g2.e > threshold, inBarrel(g1), inBarrel(g2),
                              !vetoed(recoilCMS, c1), !vetoed(recoilCMS, c2), !vetoed(c1, c2) else { continue }
                        let w = wa * resolvedProbability(g1, g2, merging: merging)
                        guard w > 0 else { continue }
                        accepted += w
                        sigmas.append(pairs.diphotonMassSigma(e1: g1.e, n1: g1.p, e2: g2.e, n2: g2.p))
                        weights.append(w)
                    }
                }
            }
        }
        // Near 9.7 GeV the ALP is almost at rest and its photons (~4.9 GeV each) are back to
        // back: the Bhabha veto removes every event. The width of the pairs then stays defined
        // without the trigger (the acceptance reported is the triggered one, 0).
        if accepted == 0 && trigger {
            return (diphotonCoreSigma(mass: m, conditions: conditions, beams: beams, merging: merging, trigger: false).sigma, 0)
        }
        return (coreWidth(sigmas: sigmas, weights: weights), accepted / total)
    }

    /// Probability that the ECL keeps two photons as two clusters (`PhotonClusterMerging.merges`
    /// with its two uniform crystal offsets on a 4 x 4 midpoint grid).
    static func resolvedProbability(_ a: FourVector, _ b: FourVector, merging: PhotonClusterMerging) -> Double {
        let (x, y) = merging.separationInPitches(a.p, b.p)
        let ax = abs(x), ay = abs(y)
        if ax < 1 && ay < 1 { return 0 }
        if ax >= 3 || ay >= 3 { return 1 }
        var kept = 0.0
        for i in 0..<4 {
            for j in 0..<4 {
                let cells = max(abs(((Double(i) + 0.5) / 4 + x).rounded(.down)), abs(((Double(j) + 0.5) / 4 + y).rounded(.down)))
                if cells >= 3 || (cells == 2 && min(a.e, b.e) > merging.minimumEnergyRatio * max(a.e, b.e)) { kept += 1 }
            }
        }
        return kept / 16
    }

    /// Half the central 68.27% interval of a mixture of centred Gaussians (bisection).
    public static func coreWidth(sigmas: [Double], weights: [Double]) -> Double {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return .nan }
        func inside(_ x: Double) -> Double {
            zip(sigmas, weights).reduce(0) { $0 + $1.1 * erf(x / ($1.0 * 2.0.squareRoot())) } / sum
        }
        var lo = 0.0, hi = sigmas.max()! * 2
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if inside(mid) < 0.682689492137086 { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
