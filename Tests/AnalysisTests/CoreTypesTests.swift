import XCTest
import Foundation
@testable import Analysis

final class CoreTypesTests: XCTestCase {
    func testCutComparisonsNaNAndReversal() {
        let g = Cut(name: "a", observable: "x", comparison: .greater, threshold: 1)
        XCTAssertTrue(g.passes(1.5)); XCTAssertFalse(g.passes(1.0)); XCTAssertFalse(g.passes(.nan))
        XCTAssertFalse(g.reversed.passes(1.5)); XCTAssertTrue(g.reversed.passes(0.5))
        XCTAssertFalse(g.reversed.passes(.nan), "a reversed cut still needs the quantity")
        let w = Cut(name: "pi0", observable: "mgg", comparison: .window(centre: 0.135), threshold: 0.010)
        XCTAssertTrue(w.passes(0.126)); XCTAssertFalse(w.passes(0.146))
        let a = Cut(name: "abs", observable: "x", comparison: .absLess, threshold: 2)
        XCTAssertTrue(a.passes(-1.9)); XCTAssertFalse(a.passes(-2.1))
        XCTAssertEqual(Cut.Tuning(low: 0, high: 1, step: 0.25).values, [0, 0.25, 0.5, 0.75, 1.0])
        XCTAssertEqual(Cut.Tuning(low: 0, high: 1, step: 0.01).values.count, 101)
    }

    func testLoosestThresholdsFollowTheComparison() {
        let less = Cut(name: "l", observable: "x", comparison: .less, threshold: 0.5, tunable: .init(low: 0.1, high: 0.9, step: 0.1))
        let greater = Cut(name: "g", observable: "x", comparison: .greater, threshold: 0.5, tunable: .init(low: 0.2, high: 0.8, step: 0.1))
        XCTAssertEqual(less.loosestThreshold, 0.9)
        XCTAssertEqual(greater.loosestThreshold, 0.2)
    }

    func testEllipseMembershipMatchesRotatedEquation() {
        // Ellipse centred at (3, 5), semi-axes 0.4 along a direction at 30 degrees, 0.1 across.
        let angle = Double.pi / 6
        let r = SignalRegion.ellipse(x: "mmumu", y: "mrec", centreX: 3, centreY: 5, semiAxisX: 0.4, semiAxisY: 0.1, angle: angle)
        // Points along the major axis at 0.39 (inside) and 0.41 (outside); along the minor at 0.09/0.11.
        func point(_ u: Double, _ v: Double) -> [String: Double] {
            ["mmumu": 3 + u * cos(angle) - v * sin(angle), "mrec": 5 + u * sin(angle) + v * cos(angle)]
        }
        XCTAssertTrue(r.contains { point(0.39, 0)[$0]! })
        XCTAssertFalse(r.contains { point(0.41, 0)[$0]! })
        XCTAssertTrue(r.contains { point(0, -0.09)[$0]! })
        XCTAssertFalse(r.contains { point(0, 0.11)[$0]! })
        // The unrotated axis direction at 0.39 lies outside the rotated ellipse.
        XCTAssertFalse(r.contains { ["mmumu": 3.0, "mrec": 5.39][$0]! })
        // Box for M_S x lifetime: intersection of two intervals.
        let box = SignalRegion.all([.interval(observable: "ms", low: 1, high: 2), .interval(observable: "l", low: 0.1, high: 1)])
        let mask = try! box.mask(["ms": [1.5, 1.5, 2.5], "l": [0.5, 2.0, 0.5]], rows: 3)
        XCTAssertEqual(mask, [true, false, false])
        XCTAssertEqual(box.observables, ["ms", "l"])
    }

    func testInterpolationLinearExactMonotoneNoOvershootNoExtrapolation() throws {
        let lin = try MassInterpolation(x: [1, 2, 4], y: [0.1, 0.3, 0.2], method: .linear)
        XCTAssertEqual(try lin(1.5), 0.2, accuracy: 1e-12)
        XCTAssertEqual(try lin(3.0), 0.25, accuracy: 1e-12)
        // Monotone cubic reproduces linear data exactly and passes through the nodes.
        let line = try MassInterpolation(x: [0, 1, 2, 3], y: [1, 3, 5, 7])
        XCTAssertEqual(try line(1.7), 4.4, accuracy: 1e-12)
        // Step-like data: a natural spline overshoots, Fritsch-Carlson must not.
        let step = try MassInterpolation(x: [0, 1, 2, 3, 4], y: [0, 0, 0, 1, 1])
        for i in 0...400 {
            let v = try step(Double(i) / 100)
            XCTAssertGreaterThanOrEqual(v, -1e-12); XCTAssertLessThanOrEqual(v, 1 + 1e-12)
        }
        XCTAssertEqual(try step(3), 1, accuracy: 1e-12)
        XCTAssertThrowsError(try step(4.1)) { e in
            guard case AnalysisError.interpolationOutOfRange = e else { return XCTFail("\(e)") }
        }
    }

    func testRegistryLookupAndErrors() throws {
        let r = try SearchRegistry([ToySearch()])
        XCTAssertEqual(try r.search(id: "toy").id, "toy")
        XCTAssertThrowsError(try r.search(id: "zprime")) { e in
            XCTAssertEqual(e as? AnalysisError, .unknownSearch(id: "zprime", known: ["toy"]))
            XCTAssertTrue("\(e)".contains("toy"))
        }
        XCTAssertThrowsError(try SearchRegistry([ToySearch(), ToySearch()]))
    }

    func testCouplingTranslationForSigmaProportionalToGSquared() throws {
        let model = ToyModel()
        // sigma(g_ref = 0.01, m = 5) = 50 fb; a 12.5 fb limit is a quarter: g = 0.01 * 0.5.
        XCTAssertEqual(try model.couplingLimit(crossSectionLimitFb: 12.5, parameters: ["m_x": 5]), 0.005, accuracy: 1e-15)
        // Round trip: the cross section at the coupling limit equals the cross-section limit.
        let g = try model.couplingLimit(crossSectionLimitFb: 7.3, parameters: ["m_x": 2])
        XCTAssertEqual(try model.crossSectionFb(parameters: ["m_x": 2], coupling: g), 7.3, accuracy: 1e-12)
        XCTAssertEqual(try LimitTranslation.crossSectionFb(eventLimit: 2.3, efficiency: 0.1, luminosityInvFb: 10), 2.3, accuracy: 1e-12)
    }

    func testMassGridCartesianProduct() {
        let g = MassGrid(axes: ["a": [1, 2], "b": [10, 20, 30]])
        XCTAssertEqual(g.points.count, 6)
        XCTAssertEqual(g.points[1], ["a": 1, "b": 20])
    }
}
