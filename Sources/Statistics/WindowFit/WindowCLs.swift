import Foundation

/// Asymptotic CLs upper limits on the signal strength of one window, with q~_mu and the
/// conventions of the suite's `AsymptoticCLs` (pyhf 0.7.6, `calc_base_dist="normal"`):
/// the Asimov data are the expected counts of the mu = 0 fit to the observed data; observed
/// and expected CLs come from `AsymptoticCLs.pValues` / `expectedCLs`; the expected band is
/// ordered (-2, -1, 0, +1, +2) sigma. Each tested mu costs one conditional fit to the data and
/// one to the Asimov data.
public final class WindowCLs {
    public let data: WindowProfileLikelihood
    public let asimov: WindowProfileLikelihood
    /// The Asimov counts (per fitted bin).
    public let asimovCounts: [Double]

    public init(model: WindowModel) throws {
        data = try WindowProfileLikelihood(model: model)
        let backgroundOnly = try data.conditionalFit(mu: 0)
        asimovCounts = model.expected(backgroundOnly.parameters)
        asimov = try WindowProfileLikelihood(model: model.with(observed: asimovCounts))
    }

    public func hypotest(mu: Double) throws -> AsymptoticCLs.HypoTest {
        let qA = try asimov.qmuTilde(mu: mu)
        let q = try data.qmuTilde(mu: mu)
        let sqrtQA = qA.squareRoot()
        let (clsb, clb, cls) = AsymptoticCLs.pValues(sqrtQ: q.squareRoot(), sqrtQA: sqrtQA)
        let expected = [2.0, 1, 0, -1, -2].map { AsymptoticCLs.expectedCLs(nSigma: $0, sqrtQA: sqrtQA) }
        return AsymptoticCLs.HypoTest(mu: mu, clsObserved: cls, clsb: clsb, clb: clb, clsExpected: expected,
                                      qmu: q, qmuAsimov: qA)
    }

    /// Observed limit and expected band at confidence `cl`.
    public func upperLimits(cl: Double) throws -> AsymptoticCLs.Limits {
        try StatisticsError.requireConfidenceLevel(cl)
        let alpha = 1 - cl
        // sqrt(q_A(mu)) is close to mu/sigma_A: one probe at the data fit's uncertainty
        // gives the scale for every root.
        let scale = max(data.freeFit.muUncertainty, asimov.freeFit.muUncertainty, 1e-6)
        let probe = try asimov.qmuTilde(mu: scale).squareRoot()
        let slope = probe > 0 ? probe / scale : 1 / scale
        var expected: [Double] = []
        for n in [2.0, 1, 0, -1, -2] {
            let target = SpecialFunctions.normalQuantile(1 - alpha * SpecialFunctions.normalSurvival(n)) - n
            let root = try Self.increasingRoot(start: target / slope, what: "expected CLs limit (\(-n) sigma)") {
                try self.asimov.qmuTilde(mu: $0).squareRoot() - target
            }
            expected.append(root)
        }
        let observed = try Self.increasingRoot(start: expected[2], what: "observed CLs limit") { mu in
            try alpha - self.hypotest(mu: mu).clsObserved
        }
        return AsymptoticCLs.Limits(observed: observed, expected: expected, cl: cl)
    }

    /// The root of an increasing f, bracketed by widening geometrically around `start` (> 0).
    static func increasingRoot(start: Double, what: String, _ f: (Double) throws -> Double) throws -> Double {
        let x0 = max(start, 1e-9)
        let f0 = try f(x0)
        if f0 == 0 { return x0 }
        var factor = 1.05
        var previous = x0, fPrevious = f0
        for _ in 0..<60 {
            let x = f0 < 0 ? x0 * factor : x0 / factor
            let fx = try f(x)
            if (f0 < 0) != (fx < 0) {
                let (lo, hi, flo, fhi) = f0 < 0 ? (previous, x, fPrevious, fx) : (x, previous, fx, fPrevious)
                return try RootFinder.brent(lo, hi, absoluteTolerance: 1e-12, relativeTolerance: 1e-10,
                                            what: what, fa: flo, fb: fhi, f)
            }
            previous = x; fPrevious = fx
            factor = 1 + 2 * (factor - 1)
        }
        throw StatisticsError.rootNotBracketed(what: what, lower: x0 / factor, upper: x0 * factor)
    }
}
