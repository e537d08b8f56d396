import Analysis
import Foundation

/// Measures the recoil-mass core resolution of a signal sample: the half-width of the
/// central 68.27% (weighted) interval of M_rec - M_Z' over events passing the preselection.
///
/// Half the central 68% interval equals sigma for a Gaussian and, unlike the RMS, is not
/// pulled by the ISR tail towards large recoil mass, which is what a core-Gaussian fit also
/// ignores. This is how `ZPrimeResolution.standard` was made.
public enum ZPrimeResolutionMeasurement {
    public static func coreSigma(of source: any EventSource, mass: Double, search: ZPrimeInvisible = ZPrimeInvisible()) throws -> Double {
        let out = try MonteCarloSelection(search: search, targetLuminosityInvFb: 1).run([source])
        let t = out.candidates
        let m = try t.column("m_recoil")
        var pairs = zip(m, t.weight).filter { $0.0.isFinite }.map { ($0.0 - mass, $0.1) }
        guard pairs.count >= 20 else {
            throw AnalysisError.emptySignalSample(process: ZPrimeInvisible.signalProcess(mass: mass),
                                                  detail: "only \(pairs.count) preselected events to measure the resolution")
        }
        pairs.sort { $0.0 < $1.0 }
        let total = pairs.reduce(0) { $0 + $1.1 }
        func quantile(_ q: Double) -> Double {
            var c = 0.0
            for (x, w) in pairs { c += w; if c >= q * total { return x } }
            return pairs[pairs.count - 1].0
        }
        return (quantile(0.841345) - quantile(0.158655)) / 2
    }
}
