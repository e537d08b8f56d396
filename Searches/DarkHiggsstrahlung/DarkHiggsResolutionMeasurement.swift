import EventModel
import Analysis
import DimuonRecoil
import Foundation

/// Measures the `DarkHiggsResolution` entry of one generated point: widths of M_mumu - M_A'
/// and M_rec - M_h' after the preselection without the trigger, and the vetoes (the tunable
/// cuts are left out: Punzi may open them fully, e.g. pT near threshold), each the narrower side of the central 68% interval (`CoreResolution.narrowSideSigma`: the
/// remaining ISR tail drives M_rec up, FSR drives M_mumu down), and the correlation of the
/// two residuals for events within 3 sigma of the peak in both. This is how
/// `DarkHiggsResolutionTable` was made.
public enum DarkHiggsResolutionMeasurement {
    public static func measure(_ source: any EventSource, mA: Double, mh: Double,
                               search: DarkHiggsstrahlung) throws -> DarkHiggsResolution.Entry {
        // The two-track trigger is left out: it does not change the resolution, and at small
        // M_A' and M_h' it keeps only ~2% of the (boosted, small-opening-angle) pairs.
        var loose = search.selection
        loose.preselection.removeAll { $0.name == "trigger" }
        let pre = try MonteCarloSelection(search: search, selection: loose, targetLuminosityInvFb: 1).run([source]).candidates
        let t = pre.filtered(try Selection.mask(loose.cuts.filter { !$0.isTunable }, on: pre))
        let x = try t.column("m_mumu"), y = try t.column("m_recoil"), w = t.weight
        guard let sx = CoreResolution.narrowSideSigma(values: x, weights: w, truth: mA),
              let sy = CoreResolution.narrowSideSigma(values: y, weights: w, truth: mh) else {
            throw AnalysisError.emptySignalSample(process: source.metadata.process, detail: "fewer than 20 preselected events")
        }
        // Centre of the core: the medians (shifted from the truth by the tails).
        let cx = CoreResolution.median(values: x, weights: w), cy = CoreResolution.median(values: y, weights: w)
        var sw = 0.0, mx = 0.0, my = 0.0
        var core: [(Double, Double, Double)] = []
        for i in x.indices where abs(x[i] - cx) < 3 * sx && abs(y[i] - cy) < 3 * sy {
            core.append((x[i], y[i], w[i])); sw += w[i]; mx += w[i] * x[i]; my += w[i] * y[i]
        }
        guard sw > 0 else { return .init(sigmaMuMu: sx, sigmaRecoil: sy, correlation: 0) }
        mx /= sw; my /= sw
        var cxx = 0.0, cyy = 0.0, cxy = 0.0
        for (a, b, ww) in core { cxx += ww * (a - mx) * (a - mx); cyy += ww * (b - my) * (b - my); cxy += ww * (a - mx) * (b - my) }
        let rho = cxx > 0 && cyy > 0 ? cxy / (cxx * cyy).squareRoot() : 0
        return .init(sigmaMuMu: sx, sigmaRecoil: sy, correlation: rho)
    }
}
