import EventModel
import Foundation
import Kinematics

/// Per-event observables of the mono-photon search, column-wise from a batch.
///
/// The candidate photon is the most energetic ECL cluster not matched to a track (clusters
/// come sorted by energy). Frames as in BaBar PRL 119 (2017) 131804: E* and M2_miss in the
/// CMS, the acceptance and the gap projection in the lab (the ECL is a lab-frame detector).
/// - `extra_energy`: lab energy of every other cluster above the region's extra-energy
///   threshold (0.10 / 0.05 / 0.15 GeV forward / barrel / backward, the convention of
///   Conditions/mc.yaml `extra_energy`; gaps take their endcap's). The event-level
///   `extra_energy` column of the store includes photon candidates, so it cannot be reused.
/// - `partner_ecl_margin_deg`: where a massless partner back-to-back to the photon in the CMS
///   would enter the ECL (lab), as the signed distance to the nearest uninstrumented edge
///   (`ECLCoverage.margin`): e+e- -> gamma gamma with one photon lost has it negative or
///   small, a heavy A' (invisible anyway) does not care. This is the E*-versus-theta
///   requirement the issue asks for, in a form that follows the gap map.
/// - `escape_pt_ratio`: the photon's transverse momentum against the beams' (lab; the 83 mrad
///   crossing gives the beams 0.457 GeV in x), |P_T(beams) - p_T(gamma)|, over
///   sin(24.9 deg) (E(beams) - E_gamma). If everything else left outside the ECL's polar
///   coverage (theta < 12.4 or > 155.1 deg, so sin theta_i <= sin 24.9 deg = 0.421), then
///   p_T,i <= 0.421 E_i for each particle and the ratio is <= 1: radiative Bhabha with both
///   leptons down the beam pipe, and gamma gamma (gamma) with the others along the beams, are
///   kinematically confined to ratio <= 1 (up to the photon's resolution); an A' is not.
/// - `n_klm_neutral`: KLM clusters with no track and no ECL cluster in front (the event
///   store's column): a photon that crossed an ECL gap or punched through showered in the
///   KLM iron. The KLM veto (BaBar used its IFR the same way) requires none.
/// Events without a candidate photon get NaN except `n_tracks`, the trigger bit and
/// `n_klm_neutral`.
public enum MonoPhotonObservables {
    public static let names: [String] = [
        "n_tracks", "trigger_single_photon", "photon_e_cms", "photon_theta_lab_deg", "photon_cos_theta_cms",
        "m2_miss", "extra_energy", "partner_theta_lab_deg", "partner_ecl_margin_deg",
        "escape_pt_ratio", "n_klm_neutral",
    ]

    /// sin of the largest polar angle to a beam line that escapes the ECL: the backward
    /// endcap ends at 155.1 deg (ECLCoverage), 24.9 deg from the e+ beam; the forward one at 12.4.
    public static let maximumEscapeSine = sin((180 - ECLCoverage.backwardEndcapDeg.upperBound) * Double.pi / 180)

    /// Extra-energy cluster thresholds (GeV) per region, Conditions/mc.yaml `extra_energy`.
    public static let extraThresholdForward = 0.10, extraThresholdBarrel = 0.05, extraThresholdBackward = 0.15

    static func extraThreshold(thetaDeg t: Double) -> Double {
        if t < ECLCoverage.barrelDeg.lowerBound { return extraThresholdForward }
        if t > ECLCoverage.barrelDeg.upperBound { return extraThresholdBackward }
        return extraThresholdBarrel
    }

    public static func compute(_ batch: EventBatch, beams: BelleIIBeams = .y4S) -> [String: [Double]] {
        let n = batch.count
        let nan = [Double](repeating: .nan, count: n)
        var nTracks = nan, trigger = nan, energy = nan, thetaLab = nan, cosCMS = nan, m2 = nan
        var extra = nan, partnerTheta = nan, partnerMargin = nan, escape = nan
        let klm = batch.events.nKLMNeutral.map(Double.init)
        let beamTotal = beams.total
        let toDeg = 180 / Double.pi, s = beams.s, rootS = beams.sqrtS
        for i in 0..<n {
            nTracks[i] = Double(batch.tracks.offsets.count(ofEvent: i))
            trigger[i] = TriggerLine(rawValue: batch.events.triggerBits[i]).contains(.singlePhoton) ? 1 : 0
            let rows = batch.clusters.offsets.rows(ofEvent: i)
            guard let lead = rows.first(where: { batch.clusters.trackMatched[$0] == 0 }) else { continue }
            let labPhoton = batch.clusterFourMomentum(row: lead)
            let cms = beams.toCMS(labPhoton)
            energy[i] = cms.e
            thetaLab[i] = batch.clusters.theta[lead] * toDeg
            cosCMS[i] = cms.pz / max(cms.momentum, 1e-12)
            m2[i] = s - 2 * rootS * cms.e
            var sum = 0.0
            for r in rows where r != lead {
                let t = batch.clusters.theta[r] * toDeg
                if batch.clusters.energy[r] > extraThreshold(thetaDeg: t) { sum += batch.clusters.energy[r] }
            }
            extra[i] = sum
            let partner = beams.toLab(FourVector(e: cms.e, px: -cms.px, py: -cms.py, pz: -cms.pz))
            partnerTheta[i] = partner.theta * toDeg
            partnerMargin[i] = ECLCoverage.margin(thetaDeg: partnerTheta[i])
            let rx = beamTotal.px - labPhoton.px, ry = beamTotal.py - labPhoton.py
            escape[i] = (rx * rx + ry * ry).squareRoot() / (maximumEscapeSine * max(beamTotal.e - labPhoton.e, 1e-9))
        }
        return [
            "n_tracks": nTracks, "trigger_single_photon": trigger, "photon_e_cms": energy,
            "photon_theta_lab_deg": thetaLab, "photon_cos_theta_cms": cosCMS, "m2_miss": m2,
            "extra_energy": extra, "partner_theta_lab_deg": partnerTheta, "partner_ecl_margin_deg": partnerMargin,
            "escape_pt_ratio": escape, "n_klm_neutral": klm,
        ]
    }
}
