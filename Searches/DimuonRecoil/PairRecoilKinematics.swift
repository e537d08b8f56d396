import EventModel
import Foundation
import Kinematics

/// The recoil kinematics of a charged-lepton pair plus missing momentum, whatever the
/// flavours: the quantities the invisible-Z' (mu mu and e mu) and dark-Higgsstrahlung
/// searches cut on once the two tracks have been given their mass hypotheses.
///
/// Shared so that a mu mu and an e mu selection cannot disagree on what "recoil mass" or
/// "closest photon" means; only the pair mass and pT get flavour-specific column names
/// (`m_mumu` / `m_emu`). Frames as in PRL 124 (2020) 141801 and PRL 130 (2023) 231801:
/// recoil mass, recoil polar angle and pair pT in the CMS, photon veto in the lab (the ECL
/// is a lab-frame detector).
public struct PairRecoilKinematics: Sendable, Hashable {
    /// Column names of the pair's invariant mass and CMS transverse momentum.
    public let pairMassName: String
    public let pairPtName: String

    public init(pairMassName: String, pairPtName: String) {
        self.pairMassName = pairMassName
        self.pairPtName = pairPtName
    }

    /// Flavour-neutral columns this fills, after the two pair columns.
    public static let recoilNames = [
        "m_recoil", "m2_recoil", "recoil_theta_cms_deg", "recoil_abs_cos_theta_cms", "pt_rec_min", "photon_veto_angle_deg",
    ]

    public var names: [String] { [pairMassName, pairPtName] + Self.recoilNames }

    /// The columns of a batch as plain arrays (NaN where an event has no pair): filled row by
    /// row without a dictionary lookup per value, which cost more than the kinematics itself
    /// when millions of events are read.
    public struct Columns {
        public var pairMass, pairPt, mRecoil, m2Recoil, recoilTheta, recoilAbsCos, ptRelMin, photonVeto: [Double]

        public init(count n: Int) {
            let empty = [Double](repeating: .nan, count: n)
            pairMass = empty; pairPt = empty; mRecoil = empty; m2Recoil = empty
            recoilTheta = empty; recoilAbsCos = empty; ptRelMin = empty; photonVeto = empty
        }
    }

    /// The filled columns under their names, added to `out`.
    public func export(_ c: Columns, into out: inout [String: [Double]]) {
        out[pairMassName] = c.pairMass
        out[pairPtName] = c.pairPt
        out["m_recoil"] = c.mRecoil
        out["m2_recoil"] = c.m2Recoil
        out["recoil_theta_cms_deg"] = c.recoilTheta
        out["recoil_abs_cos_theta_cms"] = c.recoilAbsCos
        out["pt_rec_min"] = c.ptRelMin
        out["photon_veto_angle_deg"] = c.photonVeto
    }

    /// Fills row `i` of `c` for the pair (`p1Lab`, `p2Lab`), lab four-momenta with their
    /// mass hypotheses; clusters of event `i` of `batch` feed the photon veto.
    public func fill(_ c: inout Columns, row i: Int, p1Lab: FourVector, p2Lab: FourVector,
                     batch: EventBatch, beams: BelleIIBeams) {
        let toDeg = 180 / Double.pi
        let sqrtS = beams.sqrtS
        let p1 = beams.toCMS(p1Lab), p2 = beams.toCMS(p2Lab)
        let pair = p1 + p2
        c.pairMass[i] = pair.mass
        c.pairPt[i] = pair.pt
        c.mRecoil[i] = RecoilMass.signed(visibleCMS: pair, sqrtS: sqrtS)
        // M2_rec itself: the 2023 Z' fit variable, linear in the lepton energies so its
        // resolution does not blow up at small recoil mass the way sqrt does.
        c.m2Recoil[i] = RecoilMass.squared(visibleCMS: pair, sqrtS: sqrtS)
        let recoil = RecoilMass.recoilCMS(visibleCMS: pair, sqrtS: sqrtS)
        c.recoilTheta[i] = recoil.theta * toDeg
        c.recoilAbsCos[i] = abs(cos(recoil.theta))
        // Transverse momentum of each lepton with respect to the recoil direction (CMS): a
        // Z' radiated off a lepton leaves that lepton nearly collinear with the recoil.
        let axis = recoil.p.magnitude > 0 ? recoil.p.unit : ThreeVector(x: 0, y: 0, z: 1)
        func ptRel(_ p: FourVector) -> Double {
            let along = p.p.dot(axis)
            return max(p.p.magnitudeSquared - along * along, 0).squareRoot()
        }
        c.ptRelMin[i] = min(ptRel(p1), ptRel(p2))
        // Closest photon veto: smallest lab angle between a cluster not matched to a track
        // and the recoil direction boosted to the lab; 180 deg when there is none.
        let recoilLab = beams.toLab(recoil)
        var closest = 180.0
        for k in batch.clusters.offsets.rows(ofEvent: i) where batch.clusters.trackMatched[k] == 0 {
            let dir = ThreeVector(magnitude: 1, theta: batch.clusters.theta[k], phi: batch.clusters.phi[k])
            closest = min(closest, dir.angle(to: recoilLab.p) * toDeg)
        }
        c.photonVeto[i] = closest
    }
}
