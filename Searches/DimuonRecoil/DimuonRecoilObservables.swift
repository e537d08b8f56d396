import EventModel
import Foundation
import Kinematics

/// Per-event observables of the dimuon + missing-momentum searches (invisible Z', dark
/// Higgsstrahlung), computed column-wise from a batch. Shared so that both searches see the
/// same recoil mass, photon veto and muon pair; a search adds its own on top.
///
/// The candidate is the pair of the event's tracks; events with other than two tracks get
/// NaN for every pair quantity (and so fail every cut) but keep `n_tracks`, so the cut flow
/// shows where they went. All frame choices follow PRL 124 (2020) 141801 and PRL 130 (2023)
/// 231801: recoil mass, recoil polar angle and dimuon pT in the CMS (from
/// `BelleIIBeams.y4S.toCMS`), photon veto in the lab (the ECL is a lab-frame detector).
public enum DimuonRecoilObservables {
    /// Muon mass hypothesis of the tracks (GeV, `Kinematics.ParticleMass.muon`, PDG 2024).
    public static let muonMassGeV = ParticleMass.muon

    /// Observable names, in the order reports list them.
    public static let names: [String] = [
        "n_tracks", "charge_product", "trigger_two_track", "muon_id_min", "electron_id_min",
        "muon_theta_min_deg", "muon_theta_max_deg", "m_mumu", "m_recoil", "m2_recoil", "recoil_theta_cms_deg",
        "recoil_abs_cos_theta_cms",
        "pt_mumu_cms", "pt_rec_min", "photon_veto_angle_deg", "n_pi0", "extra_energy",
    ]

    /// Computes every observable for every event of `batch` (one value per event).
    public static func compute(_ batch: EventBatch, beams: BelleIIBeams = .y4S) -> [String: [Double]] {
        let n = batch.count
        var out = Dictionary(uniqueKeysWithValues: names.map { ($0, [Double](repeating: .nan, count: n)) })
        let sqrtS = beams.sqrtS
        let toDeg = 180 / Double.pi
        for i in 0..<n {
            let rows = batch.tracks.offsets.rows(ofEvent: i)
            out["n_tracks"]![i] = Double(rows.count)
            out["trigger_two_track"]![i] = TriggerLine(rawValue: batch.events.triggerBits[i]).contains(.twoTrack) ? 1 : 0
            out["n_pi0"]![i] = Double(batch.events.nPi0[i])
            out["extra_energy"]![i] = batch.events.extraEnergy[i]
            guard rows.count == 2 else { continue }
            let a = rows.lowerBound, b = a + 1
            out["charge_product"]![i] = Double(batch.tracks.charge[a]) * Double(batch.tracks.charge[b])
            out["muon_id_min"]![i] = Double(min(batch.tracks.muonID[a], batch.tracks.muonID[b]))
            out["electron_id_min"]![i] = Double(min(batch.tracks.electronID[a], batch.tracks.electronID[b]))
            let p1Lab = batch.trackFourMomentum(row: a, mass: muonMassGeV)
            let p2Lab = batch.trackFourMomentum(row: b, mass: muonMassGeV)
            let t1 = p1Lab.theta * toDeg, t2 = p2Lab.theta * toDeg
            out["muon_theta_min_deg"]![i] = min(t1, t2)
            out["muon_theta_max_deg"]![i] = max(t1, t2)
            let p1 = beams.toCMS(p1Lab), p2 = beams.toCMS(p2Lab)
            let pair = p1 + p2
            out["m_mumu"]![i] = pair.mass
            out["m_recoil"]![i] = RecoilMass.signed(visibleCMS: pair, sqrtS: sqrtS)
            // M2_rec itself: the 2023 Z' fit variable, linear in the muon energies so its
            // resolution does not blow up at small recoil mass the way sqrt does.
            out["m2_recoil"]![i] = RecoilMass.squared(visibleCMS: pair, sqrtS: sqrtS)
            let recoil = RecoilMass.recoilCMS(visibleCMS: pair, sqrtS: sqrtS)
            out["recoil_theta_cms_deg"]![i] = recoil.theta * toDeg
            out["recoil_abs_cos_theta_cms"]![i] = abs(cos(recoil.theta))
            out["pt_mumu_cms"]![i] = pair.pt
            // Transverse momentum of each muon with respect to the recoil direction (CMS):
            // a Z' radiated off a muon leaves that muon nearly collinear with the recoil.
            let axis = recoil.p.magnitude > 0 ? recoil.p.unit : ThreeVector(x: 0, y: 0, z: 1)
            func ptRel(_ p: FourVector) -> Double {
                let along = p.p.dot(axis)
                return max(p.p.magnitudeSquared - along * along, 0).squareRoot()
            }
            out["pt_rec_min"]![i] = min(ptRel(p1), ptRel(p2))
            // Closest photon veto: smallest lab angle between a cluster not matched to a track
            // and the recoil direction boosted to the lab; 180 deg when there is none.
            let recoilLab = beams.toLab(recoil)
            var closest = 180.0
            for c in batch.clusters.offsets.rows(ofEvent: i) where batch.clusters.trackMatched[c] == 0 {
                let dir = ThreeVector(magnitude: 1, theta: batch.clusters.theta[c], phi: batch.clusters.phi[c])
                closest = min(closest, dir.angle(to: recoilLab.p) * toDeg)
            }
            out["photon_veto_angle_deg"]![i] = closest
        }
        return out
    }
}
