import DimuonRecoil
import EventModel
import Foundation
import Kinematics

/// Where the missing momentum points, and whether the KLM saw a neutral shower: the two
/// handles on radiative mu mu (gamma) with an undetected photon, the background of the
/// windows at M_h' ~ 0 (issue #23; docs/physics/dark-higgsstrahlung.md).
///
/// At M_h' ~ 0 the recoil of the muon pair is (nearly) massless, which is what one photon
/// that left no cluster looks like. Inside the ECL crystals (16 X0) a photon always showers
/// (punch-through 3.6e-6, Conditions/mc.yaml), so such a photon either went outside the ECL
/// (along the beams) or into a barrel-endcap gap, where it showers with probability 0.85 (MC)
/// and otherwise reaches the KLM, which sees it with probability 0.832. Two columns:
/// - `recoil_ecl_crystal_distance_deg`: the lab polar angle of the recoil (beams minus the
///   two tracks, muon masses) measured from the nearest edge of the ECL crystal regions,
///   positive inside them, negative in a gap or outside the ECL. The regions are the basf2
///   ones (ECLCluster::getDetectorRegion, as in Conditions/mc.yaml `acceptance`): forward
///   endcap 12.4-31.4 deg, barrel 32.2-128.7 deg, backward endcap 130.7-155.1 deg.
/// - `n_klm_neutral`: KLM clusters with no track and no ECL cluster in front (event store,
///   schema v3; 0 in older files).
public enum DarkHiggsRecoilAcceptance {
    /// ECL crystal regions in the lab (deg), basf2 ECLCluster::getDetectorRegion.
    public static let crystalRegionsDeg: [ClosedRange<Double>] = [12.4...31.4, 32.2...128.7, 130.7...155.1]

    public static let names = ["recoil_theta_lab_deg", "recoil_ecl_crystal_distance_deg", "n_klm_neutral"]

    /// Signed angular distance (deg) of a lab polar angle from the nearest crystal-region edge:
    /// positive inside a region, negative in a gap or outside the ECL.
    public static func crystalDistance(thetaDeg t: Double) -> Double {
        var best = -Double.infinity
        for r in crystalRegionsDeg {
            best = max(best, min(t - r.lowerBound, r.upperBound - t))
        }
        return best
    }

    /// The three columns for every event (NaN for the recoil where the event has not exactly
    /// two tracks).
    public static func compute(_ batch: EventBatch, beams: BelleIIBeams = .y4S) -> [String: [Double]] {
        let n = batch.count
        var theta = [Double](repeating: .nan, count: n), distance = theta, klm = theta
        let toDeg = 180 / Double.pi
        for i in 0..<n {
            klm[i] = Double(batch.events.nKLMNeutral[i])
            let rows = batch.tracks.offsets.rows(ofEvent: i)
            guard rows.count == 2 else { continue }
            let a = rows.lowerBound
            let recoil = beams.total - batch.trackFourMomentum(row: a, mass: DimuonRecoilObservables.muonMassGeV)
                - batch.trackFourMomentum(row: a + 1, mass: DimuonRecoilObservables.muonMassGeV)
            guard recoil.p.magnitude > 0 else { continue }
            let t = recoil.p.theta * toDeg
            theta[i] = t
            distance[i] = crystalDistance(thetaDeg: t)
        }
        return ["recoil_theta_lab_deg": theta, "recoil_ecl_crystal_distance_deg": distance, "n_klm_neutral": klm]
    }
}
