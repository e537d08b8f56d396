import Analysis

/// Where a measured correction supersedes a flat uncertainty taken from a publication: the
/// correction's own uncertainty (statistical and systematic, in quadrature) becomes the
/// systematic. The flat PRL 124 (2020) 141801 numbers (trigger 6%, muon ID 4%) were the
/// uncertainties of corrections that analysis measured; once this run measures its own,
/// keeping both would count the same effect twice.
public enum MeasuredSystematics {
    /// The table with the `trigger` and `muon_id` rows replaced by the measured uncertainties:
    /// the relative uncertainty of the bins, averaged with the calibration sample's simulated
    /// population of each bin (an approximation of the signal's own population: the signal
    /// muons are in the barrel, like most probes; the largest bin instead, the backward
    /// endcap with its few probes, gave 5% per muon for a search that needs barrel muons).
    /// Bin uncertainties are statistical and so uncorrelated; averaging them linearly, not in
    /// quadrature, keeps the result conservative. Muon ID enters twice (two muons, fully
    /// correlated). Rows the corrections do not cover are kept and named in `notes`.
    public static func replacing(_ table: SystematicsTable, with set: CorrectionSet, notes: inout [String]) -> SystematicsTable {
        func worst(_ name: String) -> Double? {
            let rows = set.rows(named: name).filter { $0.value > 0 && $0.mcEvents > 0 }
            let weight = rows.map(\.mcEvents).reduce(0, +)
            guard weight > 0 else { return nil }
            return rows.map { $0.mcEvents * $0.totalUncertainty / $0.value }.reduce(0, +) / weight
        }
        var out = table
        let replacements: [(row: String, correction: String, multiplicity: Double, origin: String)] = [
            ("trigger", TwoTrackTriggerCalibration.correctionName, 1,
             "measured: two-track trigger efficiency ratio (corrections.csv), population-weighted bin uncertainty"),
            ("tracking", TrackingEfficiencyCalibration.correctionName, 2,
             "measured: tracking efficiency tag and probe on mu mu (corrections.csv), x2 for two tracks"),
            ("muon_id", MuonIdentificationCalibration.correctionName, 2,
             "measured: muon ID tag and probe (corrections.csv), population-weighted bin uncertainty, x2 for two muons"),
        ]
        for r in replacements {
            guard let k = out.sources.firstIndex(where: { $0.name == r.row }) else { continue }
            guard let u = worst(r.correction) else {
                notes.append("systematic '\(r.row)' kept at its published value: no \(r.correction) correction was measured")
                continue
            }
            let before = out.sources[k]
            out.sources[k] = SystematicSource(name: before.name, affects: before.affects,
                                              value: .constant(u * r.multiplicity), origin: r.origin)
        }
        // The e mu channel's particle ID: one muon and one electron, their measured
        // uncertainties in quadrature (independent samples).
        if let k = out.sources.firstIndex(where: { $0.name == "particle_id" }) {
            if let mu = worst(MuonIdentificationCalibration.correctionName),
               let e = worst(ElectronIdentificationCalibration.correctionName) {
                let before = out.sources[k]
                out.sources[k] = SystematicSource(name: before.name, affects: before.affects,
                                                  value: .constant((mu * mu + e * e).squareRoot()),
                                                  origin: "measured: muon ID (mu mu gamma) and electron ID (e e) tag and probe, in quadrature (corrections.csv)")
            } else {
                notes.append("systematic 'particle_id' kept at its published value: muon and electron ID corrections were not both measured")
            }
        }
        return out
    }
}
