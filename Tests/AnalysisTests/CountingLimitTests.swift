import XCTest
import Foundation
@testable import Analysis

/// Stand-in for Statistics: flat-prior Bayesian limit without uncertainties for n = 0, which
/// has the closed form s_up = -ln(1 - CL) whatever b (STATS.md table: 2.30258509 at 90%).
struct ZeroCountBayes: UpperLimitCalculator {
    func upperLimit(observed: Int, background: Double, relativeSignalUncertainty: Double,
                    relativeBackgroundUncertainty: Double, confidenceLevel: Double) throws -> Double {
        precondition(observed == 0)
        return -log(1 - confidenceLevel)
    }
    func expectedUpperLimit(background: Double, relativeSignalUncertainty: Double,
                            relativeBackgroundUncertainty: Double, confidenceLevel: Double) throws -> ExpectedLimit {
        let s = -log(1 - confidenceLevel)
        return ExpectedLimit(median: s, minus2: s, minus1: s, plus1: s, plus2: s)
    }
}

final class CountingLimitTests: XCTestCase {
    func testEventLimitToCrossSectionAndCoupling() throws {
        let search = ToySearch()
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": [5]]))[0]
        let input = CountingInput(hypothesis: h, signalEfficiency: 0.2, luminosityInvFb: 10, expectedBackground: 0.5,
                                  relativeSignalUncertainty: 0, relativeBackgroundUncertainty: 0)
        // Expected only: a blinded search has no observed count to give.
        let p = try LimitTranslation.limit(input, calculator: ZeroCountBayes(), confidenceLevel: 0.9, model: search.signalModel)
        XCTAssertEqual(p.expectedCrossSectionFb.median, 2.30258509 / 2, accuracy: 1e-8)
        XCTAssertNil(p.observedCrossSectionFb)
        // sigma(g = 0.01, m = 5) = 50 fb: g_lim = 0.01 sqrt(1.1513 / 50).
        XCTAssertEqual(p.expectedCoupling.median, 0.01 * (2.30258509 / 2 / 50).squareRoot(), accuracy: 1e-10)
        XCTAssertThrowsError(try LimitTranslation.crossSectionFb(eventLimit: 1, efficiency: 0, luminosityInvFb: 1))
    }

    func testManyEllipsesUnionMatchesPointwiseDefinition() throws {
        // 400 windows on a grid; the column-wise union must equal the per-point definition.
        var windows: [SignalRegion] = []
        for i in 0..<20 { for j in 0..<20 {
            windows.append(.ellipse(x: "a", y: "b", centreX: Double(i) * 0.5, centreY: Double(j) * 0.5,
                                    semiAxisX: 0.2, semiAxisY: 0.05, angle: 0.3))
        } }
        let region = SignalRegion.any(windows)
        let n = 2_000
        let a = (0..<n).map { Double(($0 * 7_919) % 1_000) / 100 }
        let b = (0..<n).map { Double(($0 * 104_729) % 1_000) / 100 }
        let mask = try region.mask(["a": a, "b": b], rows: n)
        for i in 0..<n {
            let inside = windows.contains { w in
                guard case let .ellipse(_, _, cx, cy, sa, sb, ang) = w else { return false }
                let u = cos(ang) * (a[i] - cx) + sin(ang) * (b[i] - cy), v = -sin(ang) * (a[i] - cx) + cos(ang) * (b[i] - cy)
                return (u / sa) * (u / sa) + (v / sb) * (v / sb) < 1
            }
            XCTAssertEqual(mask[i], inside)
        }
        XCTAssertGreaterThan(mask.filter { $0 }.count, 0)
    }
}
