import Foundation
import Statistics
import XCTest

/// The sliding-window fit against an independent scipy implementation of the same model
/// (Tests/Fixtures/statistics/window_fit_reference.py: BFGS/L-BFGS-B fits, CCGV formulae,
/// dblquad marginalisation, numpy integrals), on five histograms drawn there: background only
/// (polynomial order 2), an injected 60-event peak (exponential order 1), 2-4 counts per bin
/// (exponential order 1), a curved background (polynomial order 3), a short window (polynomial 1).
final class WindowFitTests: XCTestCase {
    struct Case {
        let name: String
        let spectrum: BinnedSpectrum
        let family: BackgroundShape.Family
        let order: Int
        let mass: Double
        let sigma: Double
        let raw: [String: Any]
        func number(_ key: String) -> Double { raw[key] as! Double }
        func numbers(_ key: String) -> [Double] { raw[key] as! [Double] }
        func model() throws -> WindowModel {
            try WindowModel(spectrum: spectrum, window: spectrum.edges.first!...spectrum.edges.last!,
                            signal: .gaussian(mean: mass, sigma: sigma), background: BackgroundShape(family, order: order))
        }
    }

    static func cases() throws -> [Case] {
        let json = try Fixtures.json("window_fit_reference.json")
        return try (json["cases"] as! [[String: Any]]).map { c in
            Case(name: c["name"] as! String,
                 spectrum: try BinnedSpectrum(edges: c["edges"] as! [Double], counts: c["counts"] as! [Double]),
                 family: BackgroundShape.Family(rawValue: c["family"] as! String)!, order: c["order"] as! Int,
                 mass: c["mass"] as! Double, sigma: c["sigma"] as! Double, raw: c)
        }
    }

    private func assertRelative(_ a: Double, _ b: Double, _ tolerance: Double, _ message: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, b, accuracy: tolerance * max(abs(b), 1e-12), message, file: file, line: line)
    }

    /// Signal template (normal CDF differences), best-fit parameters, -2 ln L and sigma_mu.
    func testBestFitMatchesScipy() throws {
        for c in try Self.cases() {
            let model = try c.model()
            XCTAssertEqual(model.signal.count, c.numbers("signal_template").count)
            for (a, b) in zip(model.signal, c.numbers("signal_template")) { XCTAssertEqual(a, b, accuracy: 1e-12, c.name) }
            let profile = try WindowProfileLikelihood(model: model)
            let reference = c.numbers("free_fit"), sigma = c.number("mu_uncertainty")
            XCTAssertEqual(profile.freeFit.mu, reference[0], accuracy: 1e-4 * sigma, "\(c.name): mu_hat")
            for k in 1..<reference.count {
                XCTAssertEqual(profile.freeFit.parameters[k], reference[k], accuracy: 1e-4 * max(abs(reference[k]), 1e-2),
                               "\(c.name): background parameter \(k - 1)")
            }
            XCTAssertEqual(profile.freeFit.twiceNLL, c.number("free_twice_nll"), accuracy: 1e-7, "\(c.name): -2 ln L")
            assertRelative(profile.freeFit.muUncertainty, sigma, 1e-3, "\(c.name): sigma_mu")
            XCTAssertEqual(profile.boundedFit.mu, c.number("bounded_mu"), accuracy: 1e-4 * sigma, "\(c.name): bounded mu_hat")
        }
    }

    /// -2 ln lambda(mu) at mu_hat - sigma ... mu_hat + 2 sigma and at 0, and q0 / signed Z.
    func testProfileCurveAndSignificanceMatchScipy() throws {
        for c in try Self.cases() {
            let profile = try WindowProfileLikelihood(model: c.model())
            let points = c.raw["profile_curve"] as! [[Double]]
            XCTAssertGreaterThanOrEqual(points.count, 4, c.name)
            for p in points {
                XCTAssertEqual(try profile.profileCurve(mu: p[0]), p[1], accuracy: 1e-6 + 1e-6 * p[1], "\(c.name): mu = \(p[0])")
            }
            let z = try WindowSignificance(profile: profile)
            XCTAssertEqual(z.q0, c.number("q0"), accuracy: 1e-6 + 1e-6 * c.number("q0"), c.name)
            XCTAssertEqual(z.signedZ, c.number("signed_z"), accuracy: 1e-5, c.name)
        }
    }

    /// Asymptotic CLs (q~_mu): observed limit and the five expected limits to 1e-6 relative
    /// (the issue asks 1e-3; measured 2e-9 at worst), and the Asimov counts.
    func testCLsLimitsMatchScipy() throws {
        for c in try Self.cases() {
            let cls = try WindowCLs(model: c.model())
            for (a, b) in zip(cls.asimovCounts, c.numbers("asimov_counts")) { XCTAssertEqual(a, b, accuracy: 1e-5 * b, c.name) }
            let limits = try cls.upperLimits(cl: 0.95)
            assertRelative(limits.observed, c.number("cls_observed"), 1e-6, "\(c.name): observed")
            for (k, (a, b)) in zip(limits.expected, c.numbers("cls_expected")).enumerated() {
                assertRelative(a, b, 1e-6, "\(c.name): expected \(k - 2) sigma")
            }
        }
    }

    /// Bayesian 95% limits with the two background parameters marginalised (Gauss-Hermite here,
    /// adaptive dblquad in scipy) to 1e-5 relative (the issue asks 1e-3; measured 6e-7 at worst).
    func testBayesianLimitMatchesScipy() throws {
        for c in try Self.cases() where c.raw["bayes_limit"] != nil {
            let result = try WindowBayesianLimit.upperLimit(model: c.model(), cl: 0.95)
            assertRelative(result.upperLimit, c.number("bayes_limit"), 1e-5, c.name)
        }
    }

    /// The sideband likelihood-ratio choice of the background order, with each order's -2 ln L
    /// and p-value, as scipy finds them (polynomial and exponential families, orders 0..4).
    func testOrderSelectionMatchesScipy() throws {
        for c in try Self.cases() {
            let region = (c.mass - 2 * c.sigma)...(c.mass + 2 * c.sigma)
            let outcome = try BackgroundOrderSelection.choose(
                spectrum: c.spectrum, window: c.spectrum.edges.first!...c.spectrum.edges.last!, family: c.family,
                signalRegion: region, maximumOrder: 4)
            XCTAssertEqual(outcome.order, c.raw["chosen_order"] as! Int, c.name)
            XCTAssertEqual(outcome.twiceNLL.count, c.numbers("order_twice_nll").count, c.name)
            for (a, b) in zip(outcome.twiceNLL, c.numbers("order_twice_nll")) { XCTAssertEqual(a, b, accuracy: 1e-6, c.name) }
            for (a, b) in zip(outcome.pValues, c.numbers("order_p_values")) {
                XCTAssertEqual(a, b, accuracy: 1e-6 * b + 1e-300, c.name)
            }
        }
    }

    /// The scan's one-point path (order chosen on sidebands, then fit and limits) reproduces the
    /// fixture when its window is the whole spectrum and the order it chooses is the fixture's.
    func testScanPointChoosesOrderAndReproducesTheFit() throws {
        let c = try Self.cases().first { $0.name == "curved_poly3" }!
        var settings = SlidingWindowScan.Settings()
        settings.windowHalfWidthInSigma = 100
        settings.maximumOrder = 4
        settings.bayesian = false
        let point = try SlidingWindowScan.point(spectrum: c.spectrum, mass: c.mass, sigma: c.sigma, settings: settings)
        XCTAssertEqual(point.background.order, c.raw["chosen_order"] as! Int)
        XCTAssertEqual(point.window.lowerBound, c.spectrum.edges.first!)
        XCTAssertEqual(point.window.upperBound, c.spectrum.edges.last!)
        if point.background.order == c.order {
            assertRelative(point.cls.observed, c.number("cls_observed"), 1e-3, "scan observed")
            XCTAssertEqual(point.muHat, c.numbers("free_fit")[0], accuracy: 1e-4 * c.number("mu_uncertainty"))
        }
    }

    /// Coverage-style sanity on the Asimov data: fitted as data, they give an observed limit
    /// equal to the median expected one; and that median approaches the asymptotic formula
    /// mu_up = sigma_A Phi^-1(1 - alpha/2) (CCGV, CLs with q~_mu), sigma_A^2 the (mu, mu) element of
    /// the inverse Fisher information sum_i d lambda_i d lambda_j / lambda_i, computed here from the
    /// analytic bin integrals of t^k. The formula treats -2 ln L as quadratic in mu; the Poisson
    /// term falls below the quadratic by ~(2/3) mu s/b, so the median lies above it: by 3.4% at
    /// this histogram's ~100 events per bin (limit/background near the peak ~0.15), and by 0.3%
    /// with the same Asimov counts times 100 (checked within 1%).
    func testAsimovMedianLimitMatchesTheAsymptoticFormula() throws {
        let c = try Self.cases().first { $0.name == "background_only_poly2" }!
        let model = try c.model()
        let expected = try WindowCLs(model: model).upperLimits(cl: 0.95).expected
        for scale in [1.0, 100.0] {
            let lambda = c.numbers("asimov_counts").map { $0 * scale }
            let onAsimov = try WindowCLs(model: model.with(observed: lambda)).upperLimits(cl: 0.95)
            assertRelative(onAsimov.observed, onAsimov.expected[2], 1e-6, "observed on Asimov = median expected, x\(scale)")
            if scale == 1 { assertRelative(onAsimov.expected[2], expected[2], 1e-6, "Asimov of the Asimov") }
            let sigmaA = try fisherSigmaMu(c, model: model, lambda: lambda)
            let formula = sigmaA * 1.959963984540054
            let ratio = onAsimov.expected[2] / formula
            if scale == 1 {
                XCTAssertGreaterThan(ratio, 1.0, "the Poisson median lies above the quadratic formula")
                XCTAssertLessThan(ratio, 1.05, "median expected vs sigma_A Phi^-1(0.975) = \(formula)")
            } else {
                XCTAssertEqual(ratio, 1, accuracy: 0.01, "median expected vs sigma_A Phi^-1(0.975) = \(formula), x100")
                // The -1 sigma band edge: sigma_A (Phi^-1(1 - alpha Phi(-1)) - 1) = 1.411994 sigma_A (scipy).
                XCTAssertEqual(onAsimov.expected[1] / (sigmaA * 1.411994395787202), 1, accuracy: 0.01, "-1 sigma band edge")
            }
        }
    }

    /// sigma_mu from the Fisher information of a polynomial-background window at expectation lambda.
    private func fisherSigmaMu(_ c: Case, model: WindowModel, lambda: [Double]) throws -> Double {
        let edges = c.spectrum.edges, lo = edges.first!, hi = edges.last!
        let half = (hi - lo) / 2, centre = (hi + lo) / 2, w = (hi - lo) / Double(edges.count - 1)
        let p = c.order + 2
        var fisher = Array(repeating: 0.0, count: p * p)
        for i in 0..<lambda.count {
            let ta = (edges[i] - centre) / half, tb = (edges[i + 1] - centre) / half
            var d = [model.signal[i]]
            for k in 0...c.order { d.append(half / w * (pow(tb, Double(k + 1)) - pow(ta, Double(k + 1))) / Double(k + 1)) }
            for a in 0..<p { for b in 0..<p { fisher[a * p + b] += d[a] * d[b] / lambda[i] } }
        }
        return (try invert(fisher, p)[0]).squareRoot()
    }

    func testInvalidInputsAreNamed() {
        XCTAssertThrowsError(try BinnedSpectrum(edges: [0, 1, 1], counts: [1, 2]))
        XCTAssertThrowsError(try BinnedSpectrum(edges: [0, 1, 2], counts: [1, -2]))
        XCTAssertThrowsError(try BackgroundShape(.polynomial, order: 9))
        let s = try! BinnedSpectrum(edges: [0, 1, 2, 3], counts: [1, 2, 3])
        XCTAssertThrowsError(try WindowModel(spectrum: s, window: 0...3, signal: .gaussian(mean: 1, sigma: 0.1),
                                             background: BackgroundShape(.polynomial, order: 2)))
    }

    /// Gauss-Jordan inverse of a small symmetric matrix (test-side, independent of the module).
    private func invert(_ a: [Double], _ n: Int) throws -> [Double] {
        var m = a, inv = (0..<(n * n)).map { $0 % (n + 1) == 0 ? 1.0 : 0.0 }
        for col in 0..<n {
            let pivot = (col..<n).max { abs(m[$0 * n + col]) < abs(m[$1 * n + col]) }!
            for k in 0..<n { m.swapAt(col * n + k, pivot * n + k); inv.swapAt(col * n + k, pivot * n + k) }
            let d = m[col * n + col]
            for k in 0..<n { m[col * n + k] /= d; inv[col * n + k] /= d }
            for r in 0..<n where r != col {
                let f = m[r * n + col]
                for k in 0..<n { m[r * n + k] -= f * m[col * n + k]; inv[r * n + k] -= f * inv[col * n + k] }
            }
        }
        return inv
    }
}
