import ALPThreePhoton
import Analysis
import EventModel
import Foundation

/// Measures the core widths of the two mass estimators on a signal sample at mass m, over
/// events passing the search's preselection without its pi0/eta/eta' vetoes (a veto next to
/// m truncates the peak: the eta' veto, 0.903-1.013 GeV, removed the core of the 1 GeV
/// sample and left a width 0.29 of the true one), taking in each event the pairing whose
/// recoil photon is closest to E*(m) (`CoreResolution`: the search's own core-width
/// estimator). It checks `DiphotonMassResolution.standard`, which comes from the analytic
/// propagation `ALPAnalyticResolution` (docs/physics/alp.md).
public enum ALPResolutionMeasurement {
    public struct Widths: Sendable {
        /// Core width of m_gg (GeV) and of M2_rec (GeV^2) of the matched pairing.
        public let diphoton: Double
        public let recoilSquared: Double
        /// Selected entries.
        public let entries: Int
    }

    public static func measure(_ source: any EventSource, mass m: Double, search: ALPThreePhoton) throws -> Widths {
        let unvetoed = ALPThreePhoton(signalModel: search.signalModel, resolution: search.windows.resolution,
                                      requiredControlSamples: search.requiredControlSamples, appliesMesonVetoes: false)
        let out = try MonteCarloSelection(search: unvetoed, targetLuminosityInvFb: 1).run([source])
        let t = out.candidates
        let eStar = search.windows.resolution.recoilEnergy(mass: m)
        let e = try (1...3).map { try t.column("e_cms_\($0)") }
        let mgg = try (1...3).map { try t.column(ThreePhotonObservables.massObservable($0)) }
        let m2 = try (1...3).map { try t.column(ThreePhotonObservables.recoilObservable($0)) }
        var xs: [Double] = [], ys: [Double] = [], ws: [Double] = []
        for i in 0..<t.count {
            let k = (0..<3).min { abs(e[$0][i] - eStar) < abs(e[$1][i] - eStar) }!
            guard mgg[k][i].isFinite else { continue }
            xs.append(mgg[k][i]); ys.append(m2[k][i]); ws.append(t.weight[i])
        }
        guard let sx = CoreResolution.sigma(values: xs, weights: ws, truth: m),
              let sy = CoreResolution.sigma(values: ys, weights: ws, truth: m * m) else {
            throw AnalysisError.emptySignalSample(process: "\(search.id) signal at \(m) GeV",
                                                  detail: "fewer than 20 preselected events to measure the resolution")
        }
        return Widths(diphoton: sx, recoilSquared: sy, entries: xs.count)
    }
}
