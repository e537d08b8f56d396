import EventModel
import Foundation
import Kinematics

/// Per-event observables of the three-photon ALP search, column-wise from a batch.
///
/// Photons are ECL clusters not matched to a track with lab energy above
/// `photonThresholdGeV` (0.25 GeV: above the beam-background spectrum of Conditions/mc.yaml,
/// an exponential of slope 25 MeV above 20 MeV, so an overlaid cluster passes with
/// probability exp(-9.2) = 1e-4). The three most energetic are the candidate photons; in the
/// CMS they are ranked by energy, k = 1, 2, 3. Candidate k is the photon pair recoiling
/// against photon k (three pairings per event, as any of the three can be the recoil photon):
/// - `m_gg_k`: the pair's invariant mass;
/// - `m2_rec_k`: the recoil mass squared against photon k, s - 2 sqrt(s) E*_k, linear in the
///   photon energy (a Gaussian energy peak stays Gaussian);
/// - `recoil_mismatch_k`: E*_k - E*(m_gg_k), E*(m) = (s - m^2)/(2 sqrt(s)): the recoil
///   photon must carry the energy of a two-body gamma a final state of the pair's mass. For a
///   signal event it is 0 up to resolution (and ISR); the signal region bounds it per mass.
/// Event level: `n_tracks`, `trigger_ecl` (the ECL total-energy line, Belle II's ALP trigger),
/// `n_photons`, `n_barrel_photons` (of the three candidates, lab 32.2-128.7 deg),
/// `energy_sum_ratio` = E*(3 gamma)/sqrt(s), `momentum_balance` = |p*(3 gamma)|/sqrt(s),
/// `min_photon_e_cms`, `min_opening_angle_deg` (smallest lab angle between two candidate
/// photons: where two showers would merge), `leading_pair_mass` (the two most energetic
/// photons, for two-photon events), and per peaking meson P (pi0, eta, eta') `<P>_pair_mass`:
/// the pairing's m_gg closest to m_P, and `<P>_pair_distance` = |that - m_P|, which the P vetoes cut on and their control samples
/// reverse. Events with fewer than three photons get NaN
/// except the counts and the trigger bit.
public enum ThreePhotonObservables {
    public static let photonThresholdGeV = 0.25
    public static let candidates = 1...3

    public static func massObservable(_ k: Int) -> String { "m_gg_\(k)" }
    public static func recoilObservable(_ k: Int) -> String { "m2_rec_\(k)" }
    public static func mismatchObservable(_ k: Int) -> String { "recoil_mismatch_\(k)" }

    /// PDG 2024 masses (GeV) of the pseudoscalars whose two-photon decays peak in m_gg:
    /// e+e- -> gamma P, P -> gamma gamma is the ALP signature at m_a = m_P.
    public static let peakingMesons: [(name: String, mass: Double)] = [("pi0", 0.1349768), ("eta", 0.547862), ("etaprime", 0.95778)]
    public static func mesonObservable(_ name: String) -> String { "\(name)_pair_mass" }
    public static func mesonDistanceObservable(_ name: String) -> String { "\(name)_pair_distance" }

    public static let eventNames = [
        "n_tracks", "trigger_ecl", "n_photons", "n_barrel_photons", "energy_sum_ratio", "momentum_balance",
        "min_photon_e_cms", "min_opening_angle_deg", "leading_pair_mass",
    ] + peakingMesons.flatMap { [mesonObservable($0.name), mesonDistanceObservable($0.name)] }
    public static let names: [String] = eventNames + candidates.flatMap {
        [massObservable($0), recoilObservable($0), mismatchObservable($0), "e_cms_\($0)"]
    }

    /// E*(m) = (s - m^2)/(2 sqrt(s)), the recoil photon's CMS energy of e+e- -> gamma a.
    public static func recoilEnergy(mass m: Double, sqrtS: Double) -> Double { (sqrtS * sqrtS - m * m) / (2 * sqrtS) }

    public static func compute(_ batch: EventBatch, beams: BelleIIBeams = .y4S) -> [String: [Double]] {
        let n = batch.count
        let nan = [Double](repeating: .nan, count: n)
        var cols = [String: [Double]]()
        for name in names { cols[name] = nan }
        var nTracks = nan, trigger = nan, nPhotons = nan, nBarrel = nan, eSum = nan, pBal = nan, eMin = nan, open = nan
        var leadingPair = nan
        var mesonPair = [[Double]](repeating: nan, count: peakingMesons.count)
        var mgg = [nan, nan, nan], m2rec = [nan, nan, nan], mismatch = [nan, nan, nan], ecms = [nan, nan, nan]
        let s = beams.s, rootS = beams.sqrtS, toDeg = 180 / Double.pi
        let barrel = 32.2...128.7
        for i in 0..<n {
            nTracks[i] = Double(batch.tracks.offsets.count(ofEvent: i))
            trigger[i] = TriggerLine(rawValue: batch.events.triggerBits[i]).contains(.eclEnergy) ? 1 : 0
            var rows: [Int] = []
            for r in batch.clusters.offsets.rows(ofEvent: i)
            where batch.clusters.trackMatched[r] == 0 && batch.clusters.energy[r] > photonThresholdGeV {
                rows.append(r)
            }
            nPhotons[i] = Double(rows.count)
            rows.sort { batch.clusters.energy[$0] > batch.clusters.energy[$1] }
            if rows.count >= 2 {
                leadingPair[i] = (batch.clusterFourMomentum(row: rows[0]) + batch.clusterFourMomentum(row: rows[1])).mass
            }
            guard rows.count >= 3 else { continue }
            let lead = Array(rows.prefix(3))
            let lab = lead.map { batch.clusterFourMomentum(row: $0) }
            nBarrel[i] = Double(lead.filter { barrel.contains(batch.clusters.theta[$0] * toDeg) }.count)
            var cms = lab.map { beams.toCMS($0) }
            cms.sort { $0.e > $1.e }
            let total = cms[0] + cms[1] + cms[2]
            eSum[i] = total.e / rootS
            pBal[i] = total.momentum / rootS
            eMin[i] = cms[2].e
            open[i] = min(lab[0].openingAngle(to: lab[1]), lab[0].openingAngle(to: lab[2]),
                          lab[1].openingAngle(to: lab[2])) * toDeg
            for k in 0..<3 {
                let pair = cms[(k + 1) % 3] + cms[(k + 2) % 3]
                let m = pair.mass
                mgg[k][i] = m
                ecms[k][i] = cms[k].e
                m2rec[k][i] = s - 2 * rootS * cms[k].e
                mismatch[k][i] = cms[k].e - recoilEnergy(mass: m, sqrtS: rootS)
            }
            for (j, meson) in peakingMesons.enumerated() {
                mesonPair[j][i] = (0..<3).map { mgg[$0][i] }.min { abs($0 - meson.mass) < abs($1 - meson.mass) }!
            }
        }
        cols["n_tracks"] = nTracks; cols["trigger_ecl"] = trigger; cols["n_photons"] = nPhotons
        cols["n_barrel_photons"] = nBarrel; cols["energy_sum_ratio"] = eSum; cols["momentum_balance"] = pBal
        cols["min_photon_e_cms"] = eMin; cols["min_opening_angle_deg"] = open; cols["leading_pair_mass"] = leadingPair
        for (j, meson) in peakingMesons.enumerated() {
            cols[mesonObservable(meson.name)] = mesonPair[j]
            cols[mesonDistanceObservable(meson.name)] = mesonPair[j].map { abs($0 - meson.mass) }
        }
        for k in 0..<3 {
            cols[massObservable(k + 1)] = mgg[k]; cols[recoilObservable(k + 1)] = m2rec[k]
            cols[mismatchObservable(k + 1)] = mismatch[k]; cols["e_cms_\(k + 1)"] = ecms[k]
        }
        return cols
    }
}
