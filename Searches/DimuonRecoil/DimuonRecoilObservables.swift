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

    /// The pair's recoil kinematics, with the dimuon names of the pair columns.
    public static let kinematics = PairRecoilKinematics(pairMassName: "m_mumu", pairPtName: "pt_mumu_cms")

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
        let nan = [Double](repeating: .nan, count: n)
        var event = TwoTrackEventColumns(count: n)
        var trigger = nan, muonID = nan, electronID = nan, thetaMin = nan, thetaMax = nan
        var pair = PairRecoilKinematics.Columns(count: n)
        let toDeg = 180 / Double.pi
        for i in 0..<n {
            trigger[i] = TriggerLine(rawValue: batch.events.triggerBits[i]).contains(.twoTrack) ? 1 : 0
            guard let (a, b) = event.fill(row: i, batch: batch) else { continue }
            muonID[i] = Double(min(batch.tracks.muonID[a], batch.tracks.muonID[b]))
            electronID[i] = Double(min(batch.tracks.electronID[a], batch.tracks.electronID[b]))
            let p1Lab = batch.trackFourMomentum(row: a, mass: muonMassGeV)
            let p2Lab = batch.trackFourMomentum(row: b, mass: muonMassGeV)
            let t1 = p1Lab.theta * toDeg, t2 = p2Lab.theta * toDeg
            thetaMin[i] = min(t1, t2)
            thetaMax[i] = max(t1, t2)
            kinematics.fill(&pair, row: i, p1Lab: p1Lab, p2Lab: p2Lab, batch: batch, beams: beams)
        }
        var out: [String: [Double]] = [
            "trigger_two_track": trigger, "muon_id_min": muonID, "electron_id_min": electronID,
            "muon_theta_min_deg": thetaMin, "muon_theta_max_deg": thetaMax,
        ]
        event.export(into: &out)
        kinematics.export(pair, into: &out)
        return out
    }
}
