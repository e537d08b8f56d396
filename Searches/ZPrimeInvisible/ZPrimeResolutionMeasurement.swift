import EventModel
import Analysis
import DimuonRecoil
import Foundation

/// Measures the recoil-mass core resolution of a signal sample (`CoreResolution`) over
/// events passing the preselection of `search` (the mu mu channel by default; the e mu
/// channel checks its proxy against the same table). This is how
/// `ZPrimeResolution.standard` was made.
public enum ZPrimeResolutionMeasurement {
    public static func coreSigma(of source: any EventSource, mass: Double, search: any Search) throws -> Double {
        let out = try MonteCarloSelection(search: search, targetLuminosityInvFb: 1).run([source])
        let t = out.candidates
        guard let sigma = CoreResolution.sigma(values: try t.column("m_recoil"), weights: t.weight, truth: mass) else {
            throw AnalysisError.emptySignalSample(process: "\(search.id) signal at \(mass) GeV",
                                                  detail: "fewer than 20 preselected events to measure the resolution")
        }
        return sigma
    }
}
