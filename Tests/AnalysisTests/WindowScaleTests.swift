import Foundation
import Testing
@testable import Analysis

/// The window size as a Punzi-tuned cut (`punzi.window_scale`), against the analytic optimum
/// for a Gaussian peak of width sigma on a flat background: with half-width x sigma,
/// eps(x) = erf(x / sqrt 2) and B(x) = rho 2 x sigma, and the Punzi FOM
/// eps / (a/2 + sqrt(B)) is maximised by a 1D scan of the formula. For a/2 << sqrt(B) the
/// optimum is the textbook 1.40 sigma of s/sqrt(b).
@Suite struct WindowScaleTests {
    @Test func windowScaleFindsTheAnalyticOptimumForAGaussianPeak() throws {
        let sigma = 0.1, rho = 20_000.0, a = 1.64, n = 40_000
        // Quantile samples: the empirical distributions follow the analytic ones to 1/N.
        let ms = (0..<n).map { 5 + sigma * 2.squareRoot() * erfInverse(2 * (Double($0) + 0.5) / Double(n) - 1) }
        let mb = (0..<n).map { 4.5 + (Double($0) + 0.5) / Double(n) }
        let q = [Double](repeating: 0.1, count: n)
        let sig = Toy.table(m: ms, q: q, weight: [Double](repeating: 1 / Double(n), count: n), process: "sig")
        let bkg = Toy.table(m: mb, q: q, weight: [Double](repeating: rho / Double(n), count: n), process: "bkg")
        func fom(_ x: Double) -> Double { erf(x / 2.squareRoot()) / (a / 2 + (rho * 2 * x * sigma).squareRoot()) }
        let xOpt = stride(from: 0.01, through: 5, by: 0.0005).max { fom($0) < fom($1) }!
        #expect(abs(xOpt - 1.40) < 0.03, "analytic optimum \(xOpt) sigma")

        let search = ToySearch()
        var selection = search.selection
        selection.cuts = selection.cuts.map { var c = $0; c.tuning = nil; return c }   // only the window is tuned
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": [5]]))   // region 5 +- 0.5 = +- 5 sigma
        let settings = PunziOptimiser.Settings(a: a, windowScale: .init(low: 0.02, high: 1.0, step: 0.02))
        let p = try PunziOptimiser(selection: selection, settings: settings)
            .optimise(search: search, hypotheses: h, background: bkg) { _ in .init(candidates: sig, producedYield: 1) }[0]
        let chosen = p.windowScale * 0.5 / sigma
        #expect(abs(chosen - xOpt) <= 0.1 + 1e-9, "chosen half-width \(chosen) sigma vs analytic \(xOpt) sigma (grid step 0.1 sigma)")
        #expect(p.cutThresholds.isEmpty)
        // The tuned hypothesis carries the shrunk region.
        guard case let .interval(_, lo, hi) = p.tunedHypothesis.signalRegion else { Issue.record("not an interval"); return }
        #expect(abs((hi - lo) / 2 - p.windowScale * 0.5) < 1e-12)
        #expect(abs(p.test.efficiency - erf(chosen / 2.squareRoot())) < 2e-3)
    }

    /// Inverse error function by bisection on erf (test helper, accurate to 1e-12).
    func erfInverse(_ y: Double) -> Double {
        var lo = -7.0, hi = 7.0
        for _ in 0..<100 { let mid = (lo + hi) / 2; if erf(mid) < y { lo = mid } else { hi = mid } }
        return (lo + hi) / 2
    }
}
