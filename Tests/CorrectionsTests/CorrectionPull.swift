import Corrections
import Detector
import Foundation

/// A measured correction against the ratio the conditions files imply:
/// pull = (measured - truth) / sqrt(stat^2 + truth tolerance^2).
///
/// Statistical uncertainty only: the systematic uncertainties stand for effects the
/// pseudo-data do not contain (reference-line correlations, in-time vs out-of-time
/// background, fit range), so with them the pulls would shrink and hide an underestimated
/// statistical error. The truth tolerance is nonzero only for the resolution factor, whose
/// truth depends on pT.
struct CorrectionPull: CustomStringConvertible {
    var name: String
    var bin: String
    var measured: Double
    var truth: Double
    var sigma: Double
    var pull: Double { (measured - truth) / sigma }

    var description: String {
        String(format: "%@ %@: %.4f vs truth %.4f, sigma %.4f, pull %+.2f", name, bin, measured, truth, sigma, pull)
    }

    /// Which rows have a truth: the trigger and muon-ID bins the conditions fix (see
    /// `ConditionsTruth`), the resolution factor and the beam-background ratio. The (name,
    /// bin) pairs come from the calibrations' own binning, so a bin that is not measured
    /// shows up as missing.
    static func expectedRows(_ truth: ConditionsTruth) -> [(name: String, low: Double?)] {
        func bins(_ edges: [Double]) -> [(Double, Double)] { zip(edges, edges.dropFirst()).map { ($0, $1) } }
        var rows: [(String, Double?)] = []
        for (lo, hi) in bins(TwoTrackTriggerCalibration.edges) where truth.triggerRatio(thetaMinLow: lo, high: hi) != nil {
            rows.append((TwoTrackTriggerCalibration.correctionName, lo))
        }
        for (lo, hi) in bins(MuonIdentificationCalibration.edges) where truth.muonIDRatio(probeThetaLow: lo, high: hi) != nil {
            rows.append((MuonIdentificationCalibration.correctionName, lo))
        }
        rows.append((MomentumResolutionCalibration.correctionName, nil))
        rows.append((BeamBackgroundCalibration.correctionName, nil))
        let a = truth.mc.acceptance
        for low in [a.eclForwardEndcapThetaDeg.lowerBound, a.eclForwardEndcapThetaDeg.upperBound, a.eclBarrelThetaDeg.lowerBound,
                    a.eclBarrelThetaDeg.upperBound, a.eclBackwardEndcapThetaDeg.lowerBound] {
            rows.append((PhotonDetectionCalibration.correctionName, low))
        }
        rows.append((PionMuonFakeRateCalibration.correctionName, PionMuonFakeRateCalibration.thetaRange.low))
        rows.append((TrackingEfficiencyCalibration.correctionName, nil))
        return rows
    }

    /// The ECL region a photon-efficiency row covers (the region of its bin's middle angle,
    /// through the detector's own `Acceptance` with mc.yaml, whose regions the pseudo-data
    /// share: data.yaml has the same acceptance).
    static func region(of c: MeasuredCorrection, _ truth: ConditionsTruth) -> ECLRegion? {
        guard let lo = c.binLow, let hi = c.binHigh else { return nil }
        precondition(truth.mc.acceptance == truth.data.acceptance, "the regions must be the same in data")
        return Acceptance(truth.mc.acceptance).eclRegion(cosTheta: cos((lo + hi) / 2 * .pi / 180))
    }

    /// The pulls of every row of `set` that has a truth; the resolution factor's truth is
    /// the middle of the data/MC resolution ratio over `resolutionPt`, with half its spread
    /// there as tolerance.
    static func pulls(_ set: CorrectionSet, truth: ConditionsTruth, resolutionPt: ClosedRange<Double>) -> [CorrectionPull] {
        set.corrections.compactMap { c in
            var t: Double?, tolerance = 0.0
            switch c.name {
            case TwoTrackTriggerCalibration.correctionName:
                t = c.binLow.flatMap { lo in c.binHigh.flatMap { truth.triggerRatio(thetaMinLow: lo, high: $0) } }
            case MuonIdentificationCalibration.correctionName:
                t = c.binLow.flatMap { lo in c.binHigh.flatMap { truth.muonIDRatio(probeThetaLow: lo, high: $0) } }
            case MomentumResolutionCalibration.correctionName:
                let r = truth.momentumResolutionRatioRange(pt: resolutionPt)
                t = (r.lowerBound + r.upperBound) / 2
                tolerance = (r.upperBound - r.lowerBound) / 2
            case BeamBackgroundCalibration.correctionName:
                t = truth.beamBackgroundRatio
            case PhotonDetectionCalibration.correctionName:
                t = region(of: c, truth).map { let e = truth.photonEfficiency($0); return e.data / e.mc }
            case PionMuonFakeRateCalibration.correctionName:
                t = truth.pionFakeRate.data / truth.pionFakeRate.mc
            case ElectronIdentificationCalibration.correctionName:
                t = truth.electronIDRatio
            case TrackingEfficiencyCalibration.correctionName:
                t = truth.trackingRatio
            default:
                t = nil
            }
            guard let t else { return nil }
            return CorrectionPull(name: c.name, bin: c.bin, measured: c.value, truth: t,
                                  sigma: (c.statUncertainty * c.statUncertainty + tolerance * tolerance).squareRoot())
        }
    }
}
