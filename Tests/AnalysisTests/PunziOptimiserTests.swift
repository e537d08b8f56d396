import XCTest
import Foundation
@testable import Analysis

/// Analytic toy: signal q ~ exp(-q/lambda) on [0, 1], background flat with B0 events on
/// [0, 1], cut q < c. eps(c) = (1 - e^{-c/lambda}) / (1 - e^{-1/lambda}), B(c) = B0 c, and
/// the Punzi optimum solves d/dc [eps / (a/2 + sqrt(B0 c))] = 0, i.e.
/// e^{-c/lambda}/lambda (a/2 + sqrt(B0 c)) = (1 - e^{-c/lambda}) sqrt(B0) / (2 sqrt(c)).
final class PunziOptimiserTests: XCTestCase {
    let lambda = 0.2, b0 = 100.0, a = 1.64

    func analyticOptimum(lambda: Double, b0: Double, a: Double) -> Double {
        func g(_ c: Double) -> Double {
            exp(-c / lambda) / lambda * (a / 2 + (b0 * c).squareRoot()) - (1 - exp(-c / lambda)) * b0.squareRoot() / (2 * c.squareRoot())
        }
        var lo = 1e-6, hi = 1.0
        precondition(g(lo) > 0 && g(hi) < 0)
        for _ in 0..<200 { let mid = (lo + hi) / 2; if g(mid) > 0 { lo = mid } else { hi = mid } }
        return (lo + hi) / 2
    }

    /// Quantile samples: the empirical distributions follow the analytic ones to 1/N, and
    /// alternating event ids give two equivalent train/test halves.
    func toyTables(n: Int, mass: Double, lambda: Double, b0: Double, signalTotal: Double = 1) -> (CandidateTable, CandidateTable) {
        let norm = 1 - exp(-1 / lambda)
        let qs = (0..<n).map { -lambda * log(1 - (Double($0) + 0.5) / Double(n) * norm) }
        let qb = (0..<n).map { (Double($0) + 0.5) / Double(n) }
        let m = [Double](repeating: mass, count: n)
        return (Toy.table(m: m, q: qs, weight: [Double](repeating: signalTotal / Double(n), count: n), process: "sig"),
                Toy.table(m: m, q: qb, weight: [Double](repeating: b0 / Double(n), count: n), process: "bkg"))
    }

    func testFindsAnalyticOptimumWithinGridStep() throws {
        let cOpt = analyticOptimum(lambda: lambda, b0: b0, a: a)
        XCTAssertEqual(cOpt, 0.297, accuracy: 0.002)   // sanity of the bisection itself
        let (sig, bkg) = toyTables(n: 40_000, mass: 5, lambda: lambda, b0: b0)
        let search = ToySearch()
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": [5]]))
        let opt = PunziOptimiser(selection: search.selection, settings: .init(a: a))
        let points = try opt.optimise(search: search, hypotheses: h, background: bkg) { _ in
            .init(candidates: sig, producedYield: 1)
        }
        let p = try XCTUnwrap(points.first)
        XCTAssertTrue(p.usedFullGrid)
        XCTAssertFalse(p.regularised)
        XCTAssertEqual(p.thresholds["q_cut"]!, cOpt, accuracy: 0.01)
        // Test-half yields agree with the analytic efficiency, background and FOM at the chosen cut.
        let c = p.thresholds["q_cut"]!
        let eps = (1 - exp(-c / lambda)) / (1 - exp(-1 / lambda))
        XCTAssertEqual(p.test.efficiency, eps, accuracy: 1e-3)
        XCTAssertEqual(p.test.background, b0 * c, accuracy: 0.05)
        XCTAssertEqual(p.test.fom, eps / (a / 2 + (b0 * c).squareRoot()), accuracy: 1e-3)
        XCTAssertEqual(PunziOptimiser.fom(efficiency: 0.5, background: 4, a: 2), 0.5 / 3, accuracy: 1e-15)
    }

    func testChangingAChangesOptimumAsAnalyticallyExpected() throws {
        // a = 5 (a 5 sigma discovery target) moves the optimum; the optimiser follows.
        let cOpt = analyticOptimum(lambda: 0.1, b0: 400, a: 5)
        let (sig, bkg) = toyTables(n: 20_000, mass: 5, lambda: 0.1, b0: 400)
        let search = ToySearch()
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": [5]]))
        let p = try PunziOptimiser(selection: search.selection, settings: .init(a: 5))
            .optimise(search: search, hypotheses: h, background: bkg) { _ in .init(candidates: sig, producedYield: 1) }
        XCTAssertEqual(p[0].thresholds["q_cut"]!, cOpt, accuracy: 0.01)
    }

    func testThinBackgroundPointTakesMedianOfNeighbours() throws {
        let search = ToySearch()
        let masses: [Double] = [1, 2, 3, 4, 5]
        var bkg = CandidateTable(observables: ["m", "q", "n"])
        var sigs: [Double: CandidateTable] = [:]
        for m in masses {
            let (s, b) = toyTables(n: 4_000, mass: m, lambda: lambda, b0: b0)
            sigs[m] = s
            if m != 3 { bkg.append(b) }
        }
        // m = 3: three heavy background MC events at small q. Alone, they would pull the
        // optimum to the loosest cut (nothing more to lose above q = 0.06).
        bkg.append(Toy.table(m: [3, 3, 3], q: [0.02, 0.04, 0.06], ids: [0, 2, 4], weight: [5, 5, 5], process: "bkg"))
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": masses]))
        let signals = sigs
        let points = try PunziOptimiser(selection: search.selection, settings: .init(a: a, minimumBackgroundEntries: 10, regularisationHalfWidth: 2))
            .optimise(search: search, hypotheses: h, background: bkg) { signals[$0.parameters["m_x"]!]!.asInput }
        let thin = points[2]
        // Alone it goes to the loose end (0.99 and 1.0 keep the same training events: the
        // largest signal q of the quantile sample is 0.996, and ties keep the first).
        XCTAssertGreaterThanOrEqual(thin.optimalThresholds["q_cut"]!, 0.99 - 1e-9)
        XCTAssertTrue(thin.regularised)
        XCTAssertTrue(thin.thinBackground)
        let cOpt = analyticOptimum(lambda: lambda, b0: b0, a: a)
        XCTAssertEqual(thin.thresholds["q_cut"]!, cOpt, accuracy: 0.015)
        // Regularised yields are re-evaluated at the new thresholds: all three events pass.
        XCTAssertEqual(thin.train.background, 2 * 15, accuracy: 1e-9)
        for i in [0, 1, 3, 4] { XCTAssertFalse(points[i].regularised) }
    }

    func testCoordinateAscentAgreesWithFullGridOnSeparableProblem() throws {
        // Second tunable cut on n with no discrimination: its optimum is the loosest value.
        let sel = Selection(preselection: [], cuts: [
            Cut(name: "q_cut", observable: "q", comparison: .less, threshold: 0.5, tunable: .init(low: 0, high: 1, step: 0.02)),
            Cut(name: "n_cut", observable: "n", comparison: .less, threshold: 0.5, tunable: .init(low: 0.1, high: 1.1, step: 0.1)),
        ])
        var (sig, bkg) = toyTables(n: 4_000, mass: 5, lambda: lambda, b0: b0)
        let nCol = (0..<4_000).map { Double(($0 * 7919) % 4_000) / 4_000 }
        sig = Toy.table(m: try sig.column("m"), q: try sig.column("q"), n: nCol, weight: sig.weight, process: "sig")
        bkg = Toy.table(m: try bkg.column("m"), q: try bkg.column("q"), n: Array(nCol.reversed()), weight: bkg.weight, process: "bkg")
        let h = try ToySearch().hypotheses(on: MassGrid(axes: ["m_x": [5]]))
        let signal = sig
        func run(_ maxGrid: Int) throws -> PunziOptimiser.Point {
            try PunziOptimiser(selection: sel, settings: .init(a: a, maxFullGridPoints: maxGrid))
                .optimise(search: ToySearch(), hypotheses: h, background: bkg) { _ in .init(candidates: signal, producedYield: 1) }[0]
        }
        let full = try run(100_000), coord = try run(10)
        XCTAssertTrue(full.usedFullGrid); XCTAssertFalse(coord.usedFullGrid)
        // n < 1.0 already keeps every event (n < 1 by construction); ties keep the first.
        XCTAssertEqual(full.thresholds["n_cut"]!, 1.0, accuracy: 1e-9)
        XCTAssertEqual(coord.thresholds["n_cut"]!, 1.0, accuracy: 1e-9)
        XCTAssertEqual(full.thresholds["q_cut"]!, coord.thresholds["q_cut"]!, accuracy: 1e-9)
        XCTAssertEqual(full.thresholds["q_cut"]!, analyticOptimum(lambda: lambda, b0: b0, a: a), accuracy: 0.02)
    }

    func testEmptySignalSampleIsATypedError() throws {
        let search = ToySearch()
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": [5]]))
        XCTAssertThrowsError(try PunziOptimiser(selection: search.selection).optimise(
            search: search, hypotheses: h, background: CandidateTable(observables: ["m", "q", "n"])) { _ in
                .init(candidates: CandidateTable(observables: ["m", "q", "n"]), producedYield: 0)
            }) { e in
            guard case AnalysisError.emptySignalSample = e else { return XCTFail("\(e)") }
        }
    }
}

extension CandidateTable {
    var asInput: PunziOptimiser.SignalInput { .init(candidates: self, producedYield: 1) }
}
