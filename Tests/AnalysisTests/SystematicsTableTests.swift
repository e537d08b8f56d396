import XCTest
@testable import Analysis

final class SystematicsTableTests: XCTestCase {
    /// The Belle II Z' -> invisible (2018) table, mu mu column (PRL 124 (2020) 141801).
    func testBelleIIZPrimeTableCombination() throws {
        let t = SystematicsTable(sources: [
            .init(name: "trigger", affects: .signalEfficiency, value: .constant(0.06)),
            .init(name: "tracking", affects: .signalEfficiency, value: .constant(0.04)),
            .init(name: "PID", affects: .signalEfficiency, value: .constant(0.04)),
            .init(name: "luminosity", affects: .luminosity, value: .constant(0.007)),
            .init(name: "tau suppression", affects: .background, value: .constant(0.22)),
            .init(name: "background before tau suppression", affects: .background, value: .constant(0.02)),
            .init(name: "mumu yield discrepancy", affects: .signalEfficiency, value: .constant(0.125)),
        ])
        let p = ["m_zprime": 3.0]
        XCTAssertEqual(try t.relative(.signalEfficiency, at: p), (0.0036 + 0.0016 + 0.0016 + 0.015625).squareRoot(), accuracy: 1e-12)
        let (rs, rb) = try t.limitInputs(at: p)
        XCTAssertEqual(rs, 0.022474.squareRoot(), accuracy: 1e-12)       // 0.022425 + 0.000049
        XCTAssertEqual(rb, 0.0488.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(try t.rows(at: p).count, 7)
    }

    func testPiecewiseValuesAndGaps() throws {
        let v = SystematicValue.piecewise(parameter: "m", pieces: [.init(low: 0, high: 3, value: 0.1), .init(low: 3, high: 8, value: 0.2)])
        XCTAssertEqual(try v.value(at: ["m": 2.99], source: "s"), 0.1)
        XCTAssertEqual(try v.value(at: ["m": 3.0], source: "s"), 0.2)
        XCTAssertEqual(try v.value(at: ["m": 8.0], source: "s"), 0.2, "last piece includes its upper end")
        XCTAssertThrowsError(try v.value(at: ["m": 8.5], source: "s"))
        XCTAssertThrowsError(try v.value(at: ["x": 1], source: "s"))
    }

    func testControlSampleDiscrepancyBecomesSystematic() throws {
        // Data 12 vs MC 10 (sqrt(sum w^2) = 1): r = 1.2, sigma_r = 1.2 sqrt(1/12 + 0.01).
        let mc = Toy.table(m: [Double](repeating: 4, count: 100), q: [Double](repeating: 0.1, count: 100),
                           weight: [Double](repeating: 0.1, count: 100), process: "bkg")
        let data = Toy.table(m: [Double](repeating: 4, count: 12), q: [Double](repeating: 0.1, count: 12),
                             weight: [Double](repeating: 1, count: 12), process: "data")
        let r = try ControlSampleValidator(search: ToySearch()).compare(ControlSample(name: "cs"), selection: ToySearch().selection, mc: mc, data: data)
        XCTAssertEqual(r.ratio, 1.2, accuracy: 1e-12)
        XCTAssertEqual(r.ratioUncertainty, 1.2 * (1 / 12.0 + 0.01).squareRoot(), accuracy: 1e-12)
        let s = try SystematicSource(controlSample: r, affects: .background)
        XCTAssertEqual(try s.value.value(at: [:], source: s.name), max(0.2, 1.2 * (1 / 12.0 + 0.01).squareRoot()), accuracy: 1e-12)
    }
}
