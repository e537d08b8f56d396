import XCTest
import Foundation
@testable import Analysis

/// The core-width comparison a control sample can request (`resolution:`), against Gaussian
/// samples of known width, and the standard error it quotes against the spread of the
/// estimator over repeated samples.
final class ResolutionComparisonTests: XCTestCase {
    /// Box-Muller from a fixed LCG (no dependency on the code under test).
    struct Gaussians {
        var state: UInt64
        mutating func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / 9_007_199_254_740_992
        }
        mutating func next(_ sigma: Double) -> Double {
            sigma * (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform())
        }
    }

    /// A sample of width 0.24 against one of 0.20 (N = 20000 each): ratio 1.2 within its
    /// quoted uncertainty (3 sigma), and that uncertainty is the 0.9617 / sqrt(N) formula.
    func testControlSampleMeasuresTheWidthRatio() throws {
        var g = Gaussians(state: 42)
        let n = 20_000
        let mc = Toy.table(m: (0..<n).map { _ in 1 + g.next(0.20) }, q: [Double](repeating: 0.1, count: n),
                           weight: [Double](repeating: 0.5, count: n), process: "bkg")
        let data = Toy.table(m: (0..<n).map { _ in 1 + g.next(0.24) }, q: [Double](repeating: 0.1, count: n),
                             weight: [Double](repeating: 1, count: n), process: "data")
        var cs = ControlSample(name: "radiative")
        cs.resolutions = [.init(observable: "m", maxDeviation: 0.1)]
        let r = try ControlSampleValidator(search: ToySearch()).compare(cs, selection: ToySearch().selection, mc: mc, data: data)
        let c = try XCTUnwrap(r.resolutions.first)
        XCTAssertEqual(c.mc, 0.20, accuracy: 3 * 0.20 * 0.9617 / Double(n).squareRoot())
        XCTAssertEqual(c.data, 0.24, accuracy: 3 * 0.24 * 0.9617 / Double(n).squareRoot())
        XCTAssertEqual(c.ratioUncertainty / c.ratio, 0.9617 * (2.0 / Double(n)).squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(c.ratio, 1.2, accuracy: 3 * c.ratioUncertainty)
        // 20% wider than simulated: the 10% criterion fails and names the observable.
        XCTAssertFalse(r.passed)
        XCTAssertTrue(r.failures.contains { $0.contains("core width of m") }, "\(r.failures)")
    }

    /// The quoted relative error 0.9617/sqrt(N) (asymptotic quantile covariance) against the
    /// standard deviation of the estimator over 400 samples of 500 events: agreement within
    /// the ~3.5% precision of a 400-sample standard deviation, times 3.
    func testStandardErrorMatchesTheEstimatorsSpread() {
        var g = Gaussians(state: 7)
        let n = 500, trials = 400
        var estimates: [Double] = []
        for _ in 0..<trials {
            let x = (0..<n).map { _ in g.next(1.0) }
            estimates.append(CoreResolution.sigma(values: x, weights: [Double](repeating: 1, count: n), truth: 0)!)
        }
        let mean = estimates.reduce(0, +) / Double(trials)
        let sd = (estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(trials - 1)).squareRoot()
        let quoted = CoreResolution.relativeStandardError(effectiveEntries: Double(n))
        XCTAssertEqual(mean, 1.0, accuracy: 0.01)
        XCTAssertEqual(sd / quoted, 1, accuracy: 3 * 0.035, "spread \(sd) vs quoted \(quoted)")
    }

    /// A peak of width 0.2 with as many events again spread over 5-50 (other processes in the
    /// sample): over the whole sample the "width" is tens; restricted to [-3, 3) it is the
    /// peak's (3 sigma of its quoted error; the truncation at 15 sigma changes nothing).
    func testRangeKeepsThePeakOnly() throws {
        var g = Gaussians(state: 11)
        let n = 10_000
        let values = (0..<n).map { _ in g.next(0.2) } + (0..<n).map { _ in 5 + 45 * g.uniform() }
        let mc = Toy.table(m: values, q: [Double](repeating: 0.1, count: 2 * n), weight: [Double](repeating: 1, count: 2 * n), process: "bkg")
        var cs = ControlSample(name: "radiative")
        cs.resolutions = [.init(observable: "m")]
        let wide = try XCTUnwrap(try ControlSampleValidator(search: ToySearch()).compare(cs, selection: ToySearch().selection, mc: mc, data: mc).resolutions.first)
        XCTAssertGreaterThan(wide.mc, 5)
        cs.resolutions = [.init(observable: "m", low: -3, high: 3)]
        let peak = try XCTUnwrap(try ControlSampleValidator(search: ToySearch()).compare(cs, selection: ToySearch().selection, mc: mc, data: mc).resolutions.first)
        XCTAssertEqual(peak.mc, 0.2, accuracy: 3 * 0.2 * 0.9617 / Double(n).squareRoot())
        XCTAssertEqual(peak.ratio, 1, accuracy: 1e-12)
    }

    func testYAMLKeyAndBadValue() throws {
        let ok = try ControlSample.parse(ConfigurationNode.parse(yaml: "name: r\nresolution: {observable: m, low: -3, high: 3, max_deviation: 0.2}", file: "cs.yaml"))
        XCTAssertEqual(ok.resolutions, [.init(observable: "m", low: -3, high: 3, maxDeviation: 0.2)])
        let two = try ControlSample.parse(ConfigurationNode.parse(yaml: "name: r\nresolution: [{observable: m}, {observable: q, high: 1}]", file: "cs.yaml"))
        XCTAssertEqual(two.resolutions.map(\.observable), ["m", "q"])
        XCTAssertThrowsError(try ControlSample.parse(ConfigurationNode.parse(yaml: "name: r\nresolution: {observable: m, max_deviation: -1}", file: "cs.yaml"))) { e in
            XCTAssertTrue("\(e)".contains("cs.yaml") && "\(e)".contains("max_deviation"), "\(e)")
        }
    }
}
