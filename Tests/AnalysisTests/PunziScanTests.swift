import XCTest
import Foundation
@testable import Analysis

/// The kept FOM scan against a closed-form case. Cut q < c; signal flat on [0, 1], so
/// eps(c) = c; background with density 3 q^2 and B0 events, so B(c) = B0 c^3. Then
/// FOM(c) = c / (a/2 + sqrt(B0) c^{3/2}), whose derivative vanishes where
/// a/2 + sqrt(B0) c^{3/2} = (3/2) sqrt(B0) c^{3/2}, i.e. c* = (a^2 / B0)^{1/3}, with
/// FOM(c*) = c* / (3a/2).
final class PunziScanTests: XCTestCase {
    let a = 1.64, b0 = 100.0, n = 40_000

    func fom(_ c: Double) -> Double { c / (a / 2 + b0.squareRoot() * pow(c, 1.5)) }

    /// Quantile samples of the two shapes (empirical CDFs exact to 1/N).
    func tables() -> (signal: CandidateTable, background: CandidateTable) {
        let u = (0..<n).map { (Double($0) + 0.5) / Double(n) }
        let m = [Double](repeating: 5, count: n)
        return (Toy.table(m: m, q: u, weight: [Double](repeating: 1 / Double(n), count: n), process: "sig"),
                Toy.table(m: m, q: u.map { pow($0, 1.0 / 3) }, weight: [Double](repeating: b0 / Double(n), count: n), process: "bkg"))
    }

    func testScanFollowsTheClosedFormAndMarksItsMaximum() throws {
        let cStar = pow(a * a / b0, 1.0 / 3)
        XCTAssertEqual(cStar, 0.29961, accuracy: 1e-5)
        let (sig, bkg) = tables()
        let search = ToySearch()
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": [5]]))
        let point = try PunziOptimiser(selection: search.selection, settings: .init(a: a))
            .optimise(search: search, hypotheses: h, background: bkg) { _ in .init(candidates: sig, producedYield: 1) }[0]
        let scan = try XCTUnwrap(point.scan)
        XCTAssertEqual(scan.a, a)
        let q = try XCTUnwrap(scan.profile("q_cut"))
        XCTAssertEqual(q.thresholds.count, 101, "the whole 0-1 grid in steps of 0.01")
        // Every scanned value equals the analytic FOM (training half: every other quantile),
        // where the background below the cut has enough quantile points (N c^3 >= 250) for the
        // step-function CDF to be within 0.4% of c^3.
        for (c, f) in zip(q.thresholds, q.fom) where Double(n) * c * c * c >= 250 {
            XCTAssertEqual(f, fom(c), accuracy: 4e-3 * fom(c), "c = \(c)")
        }
        // The chosen cut is the grid point nearest the analytic optimum and the scan's maximum.
        XCTAssertEqual(q.chosen, cStar, accuracy: 0.01)
        XCTAssertEqual(q.chosen, q.thresholds[q.fom.indices.max { q.fom[$0] < q.fom[$1] }!], accuracy: 1e-12)
        XCTAssertEqual(q.fom.max()!, cStar / (1.5 * a), accuracy: 1e-3)
        XCTAssertEqual(point.train.fom, q.fom.max()!, accuracy: 1e-12)
    }

    func testScanIsKeptOnlyWhereAsked() throws {
        let (sig, bkg) = tables()
        let search = ToySearch()
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": [5, 6]]))
        let points = try PunziOptimiser(selection: search.selection, settings: .init(a: a))
            .optimise(search: search, hypotheses: h, background: bkg, keepScan: { $0.parameters["m_x"] == 6 }) { _ in
                .init(candidates: sig, producedYield: 1)
            }
        XCTAssertNil(points[0].scan)
        XCTAssertNotNil(points[1].scan)
        // Old optimisation.json files (no scan) still decode.
        var old = points[1]; old.scan = nil
        let data = try JSONEncoder().encode(old)
        XCTAssertNil(try JSONDecoder().decode(PunziOptimiser.Point.self, from: data).scan)
    }
}
