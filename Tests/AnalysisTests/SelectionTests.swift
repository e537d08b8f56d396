import EventModel
import XCTest
@testable import Analysis

final class SelectionTests: XCTestCase {
    /// Deterministic pseudo-random events covering every branch of the toy selection.
    static func events(count: Int, seed: UInt64, weight: Double) -> [ToyEvent] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<count).map { i in
            let hasQ = next() > 0.2
            return ToyEvent(id: Int64(i), m: 10 * next(), q: hasQ ? next() : nil, n: next() > 0.7 ? 1 : 0,
                            weight: weight * (0.5 + next()))
        }
    }

    func testCutFlowYieldsAndSumW2MatchDirectCount() throws {
        let shard1 = Self.events(count: 500, seed: 1, weight: 0.2)
        let shard2 = Self.events(count: 300, seed: 2, weight: 0.3)
        let sig = Self.events(count: 200, seed: 3, weight: 0.05)
        let sources: [any EventSource] = [
            Toy.source(shard1, process: "bkg", crossSectionFb: 100, luminosityInvFb: 2),
            Toy.source(shard2, process: "bkg", crossSectionFb: 100, luminosityInvFb: 3),
            Toy.source(sig, process: "sig_m5", crossSectionFb: 4, luminosityInvFb: 1),
        ]
        let out = try MonteCarloSelection(search: ToySearch(), targetLuminosityInvFb: 10, batchSize: 64).run(sources)
        XCTAssertEqual(out.cutFlow.cuts, ["all", "has_candidate", "q_cut", "pi0_veto"])

        // Independent count: plain conditions, scale = L_target / sum of shard luminosities.
        func expected(_ evs: [ToyEvent], scale: Double) -> [(Double, Double)] {
            let stages: [(ToyEvent) -> Bool] = [
                { _ in true }, { $0.q != nil }, { $0.q != nil && $0.q! < 0.5 }, { $0.q != nil && $0.q! < 0.5 && $0.n == 0 },
            ]
            return stages.map { pass in
                let ws = evs.filter(pass).map { $0.weight * scale }
                return (ws.reduce(0, +), ws.map { $0 * $0 }.reduce(0, +))
            }
        }
        let bkg = zip(expected(shard1, scale: 2), expected(shard2, scale: 2)).map { ($0.0 + $1.0, $0.1 + $1.1) }
        let s = expected(sig, scale: 10)
        for (j, cut) in out.cutFlow.cuts.enumerated() {
            XCTAssertEqual(out.cutFlow.yield(process: "bkg", cut: cut)!, bkg[j].0, accuracy: 1e-9)
            XCTAssertEqual(out.cutFlow.uncertainty(process: "bkg", cut: cut)!, bkg[j].1.squareRoot(), accuracy: 1e-9)
            XCTAssertEqual(out.cutFlow.yield(process: "sig_m5", cut: cut)!, s[j].0, accuracy: 1e-9)
        }
        XCTAssertEqual(out.cutFlow.entries["bkg"]![1], (shard1 + shard2).filter { $0.q != nil }.count)
        // Candidates = preselected events; produced yield = sigma x L_target.
        XCTAssertEqual(out.candidates.count, (shard1 + shard2 + sig).filter { $0.q != nil }.count)
        XCTAssertEqual(out.producedYield["sig_m5"]!, 40, accuracy: 1e-12)
        let total = out.cutFlow.total(processes: ["bkg", "sig_m5"])
        XCTAssertEqual(total.yields[3], bkg[3].0 + s[3].0, accuracy: 1e-9)
    }

    func testBatchSizeDoesNotChangeResultsAndMergeAddsUp() throws {
        let evs = Self.events(count: 300, seed: 9, weight: 1)
        let a = try MonteCarloSelection(search: ToySearch(), targetLuminosityInvFb: 1, batchSize: 7)
            .run([Toy.source(evs, process: "bkg")])
        let b = try MonteCarloSelection(search: ToySearch(), targetLuminosityInvFb: 1, batchSize: 1000)
            .run([Toy.source(evs, process: "bkg")])
        for cut in a.cutFlow.cuts {
            XCTAssertEqual(a.cutFlow.yield(process: "bkg", cut: cut)!, b.cutFlow.yield(process: "bkg", cut: cut)!, accuracy: 1e-9)
        }
        XCTAssertEqual(a.candidates.eventID, b.candidates.eventID)
        let merged = a.cutFlow.merging(b.cutFlow)
        XCTAssertEqual(merged.yield(process: "bkg", cut: "all")!, 2 * a.cutFlow.yield(process: "bkg", cut: "all")!, accuracy: 1e-9)
    }

    func testMonteCarloSelectionRefusesData() {
        let data = Toy.source([ToyEvent(id: 0, m: 1, q: 0.1)], process: "data", conditions: "data")
        XCTAssertThrowsError(try MonteCarloSelection(search: ToySearch(), targetLuminosityInvFb: 1).run([data])) { e in
            guard case AnalysisError.dataNotAllowed = e else { return XCTFail("\(e)") }
        }
    }

    func testThresholdOverrideAndUnknownCut() throws {
        let s = try ToySearch().selection.withThresholds(["q_cut": 0.3], search: "toy", file: "toy.yaml")
        XCTAssertEqual(s.cut(named: "q_cut")?.threshold, 0.3)
        XCTAssertThrowsError(try ToySearch().selection.withThresholds(["q_cutt": 0.3], search: "toy", file: "toy.yaml")) { e in
            XCTAssertEqual(e as? AnalysisError, .unknownCut(name: "q_cutt", search: "toy", file: "toy.yaml", key: "cuts.q_cutt"))
        }
    }
}

final class SignalEfficiencyTests: XCTestCase {
    /// Signal at m = 2, 4, 6: 100 events each, of which k (known) are in the region and pass.
    func testEfficienciesAtGeneratedMassesAndInterpolation() throws {
        let passing: [Double: Int] = [2: 50, 4: 30, 6: 20]
        var sources: [any EventSource] = []
        for (m, k) in passing.sorted(by: { $0.key < $1.key }) {
            let evs = (0..<100).map { i in
                // Passing: in the window, q < 0.5, no pi0; the others fail one requirement each in turn.
                i < k ? ToyEvent(id: Int64(i), m: m, q: 0.1, weight: 0.5)
                      : [ToyEvent(id: Int64(i), m: m + 2, q: 0.1, weight: 0.5),
                         ToyEvent(id: Int64(i), m: m, q: 0.9, weight: 0.5),
                         ToyEvent(id: Int64(i), m: m, q: 0.1, n: 2, weight: 0.5)][i % 3]
            }
            // sigma x L = 50: the 100 weights of 0.5 sum to the produced yield.
            sources.append(Toy.source(evs, process: "sig_m\(Int(m))", crossSectionFb: 50, luminosityInvFb: 1, signal: ["m_x": m]))
        }
        sources.append(Toy.source([ToyEvent(id: 0, m: 3, q: 0.1)], process: "bkg"))
        let search = ToySearch()
        let out = try MonteCarloSelection(search: search, targetLuminosityInvFb: 1).run(sources)
        let curve = try SignalEfficiencyCurve.measure(search: search, output: out, parameter: "m_x", method: .linear) { p in
            (try search.hypotheses(on: MassGrid(axes: ["m_x": [p["m_x"]!]]))[0], search.selection)
        }
        XCTAssertEqual(curve.masses, [2, 4, 6])
        XCTAssertEqual(curve.efficiencies[0], 0.5, accuracy: 1e-12)
        XCTAssertEqual(curve.efficiencies[1], 0.3, accuracy: 1e-12)
        XCTAssertEqual(curve.uncertainties[2], (20 * 0.25).squareRoot() / 50, accuracy: 1e-12)
        XCTAssertEqual(try curve.efficiency(at: ["m_x": 3]), 0.4, accuracy: 1e-12)
        XCTAssertEqual(try curve.efficiency(at: ["m_x": 5.5]), 0.225, accuracy: 1e-12)
        XCTAssertThrowsError(try curve.efficiency(at: ["m_x": 7]))
    }
}

final class HypothesisCutFlowTests: XCTestCase {
    func testCutFlowPerHypothesisMatchesDirectCount() throws {
        let evs = SelectionTests.events(count: 600, seed: 11, weight: 0.1)
        let out = try MonteCarloSelection(search: ToySearch(), targetLuminosityInvFb: 1)
            .run([Toy.source(evs, process: "bkg"), Toy.source(Array(evs.prefix(100)), process: "other")])
        let h = try ToySearch().hypotheses(on: MassGrid(axes: ["m_x": [4]]))[0]
        let flow = try CutFlow.forHypothesis(h, selection: ToySearch().selection, candidates: out.candidates)
        XCTAssertEqual(flow.cuts, ["all", "q_cut", "pi0_veto", "signal region"].map { $0 == "all" ? "preselected" : $0 })
        let pre = evs.filter { $0.q != nil }
        let final = pre.filter { $0.q! < 0.5 && $0.n == 0 && $0.m >= 3.5 && $0.m < 4.5 }
        XCTAssertEqual(flow.yield(process: "bkg", cut: "preselected")!, pre.map(\.weight).reduce(0, +), accuracy: 1e-9)
        XCTAssertEqual(flow.yield(process: "bkg", cut: "signal region")!, final.map(\.weight).reduce(0, +), accuracy: 1e-9)
        XCTAssertEqual(flow.entries["bkg"]!.last!, final.count)
        XCTAssertEqual(flow.processes, ["bkg", "other"])
    }
}
