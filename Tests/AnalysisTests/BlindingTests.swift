import XCTest
import Foundation
import Provenance
@testable import Analysis

final class BlindingTests: XCTestCase {
    let search = ToySearch()
    var hypotheses: [MassHypothesis] { try! search.hypotheses(on: MassGrid(axes: ["m_x": [3, 6]])) }

    /// Hand-made data: which are hidden follows from the regions [2.5, 3.5) and [5.5, 6.5)
    /// and the loosest selection (candidate, q < 1.0 (tuning high end), n < 0.5).
    let handMade: [ToyEvent] = [
        ToyEvent(id: 1, m: 3.0, q: 0.2),          // hidden
        ToyEvent(id: 2, m: 3.1, q: 0.7),          // hidden: fails q < 0.5 but a tuned cut could keep it
        ToyEvent(id: 3, m: 3.2, q: 0.2, n: 1),    // visible: fails the pi0 veto (control sample)
        ToyEvent(id: 4, m: 3.3, q: nil),          // visible: no candidate
        ToyEvent(id: 5, m: 4.5, q: 0.2),          // visible: outside every signal region
        ToyEvent(id: 6, m: 6.0, q: 0.1),          // hidden
        ToyEvent(id: 7, m: 3.9, q: 0.2),          // visible: sideband
        ToyEvent(id: 8, m: 3.0, q: 1.5),          // visible: fails even the loosest q cut
    ]

    func blinded(_ events: [ToyEvent], hash: String = "h1") throws -> BlindedData {
        try BlindedData(search: search, hypotheses: hypotheses, configurationHash: hash,
                        sources: [Toy.source(events, process: "data", conditions: "data")], batchSize: 3)
    }

    func testHiddenEventsNeverReachAnalysisCode() throws {
        let data = try blinded(handMade)
        let (cands, flow) = try data.candidates(selection: search.selection)
        XCTAssertEqual(Set(cands.eventID), [3, 5, 7, 8])
        XCTAssertEqual(flow.yield(process: "data", cut: "all"), 5)   // 3, 4, 5, 7, 8
        // Removing every cut (the widest selection analysis code can ask for) still shows nothing hidden.
        let open = Selection(preselection: [], cuts: [])
        XCTAssertEqual(Set(try data.candidates(selection: open).candidates.eventID), [3, 4, 5, 7, 8])
        // A blinded run gives zero data in every signal region after the nominal selection.
        for h in hypotheses {
            let pass = try Selection.mask(search.selection.cuts, on: cands)
            let inside = try h.signalRegion.mask(cands)
            XCTAssertEqual(zip(pass, inside).filter { $0 && $1 }.count, 0)
        }
        // A control sample reversing the pi0 veto sees event 3 in the signal-region mass range.
        let control = try ControlSample(name: "pi0", reverse: ["pi0_veto"]).selection(from: search.selection, search: "toy")
        let c = try data.candidates(selection: control).candidates
        XCTAssertEqual(c.eventID.enumerated().filter { try! Selection.mask(control.cuts, on: c)[$0.offset] }.map(\.element), [3])
    }

    func testRandomDataNothingVisibleInsideBlindedBox() throws {
        let events = SelectionTests.events(count: 3_000, seed: 42, weight: 1).map { e -> ToyEvent in
            var e = e; e.q = e.q.map { $0 * 1.5 }; return e
        }
        let cands = try blinded(events).candidates(selection: Selection(preselection: [], cuts: [])).candidates
        let m = try cands.column("m"), q = try cands.column("q"), n = try cands.column("n")
        var hiddenExpected = 0
        for e in events {
            let inRegion = (e.m >= 2.5 && e.m < 3.5) || (e.m >= 5.5 && e.m < 6.5)
            if inRegion, let q = e.q, q < 1.0, e.n == 0 { hiddenExpected += 1 }
        }
        XCTAssertGreaterThan(hiddenExpected, 50)
        XCTAssertEqual(cands.count, events.count - hiddenExpected)
        for i in 0..<cands.count {
            let inRegion = (m[i] >= 2.5 && m[i] < 3.5) || (m[i] >= 5.5 && m[i] < 6.5)
            XCTAssertFalse(inRegion && q[i] < 1.0 && n[i] < 0.5, "event \(cands.eventID[i]) should be hidden")
        }
    }

    /// A control sample reaching into the blinded region (the reversed q cut: q >= 0.5, which
    /// a tuned q cut up to 1.0 could still select) compares data with the simulation blinding
    /// leaves visible: identical data and simulation give data/MC = 1 exactly. Counting the
    /// hidden simulation too would give 2/4 here (events 2 and 9 hidden in data only).
    func testControlSampleComparesDataWithVisibleSimulationOnly() throws {
        var events = handMade
        events.append(ToyEvent(id: 9, m: 6.1, q: 0.8))          // hidden, reversed-q control sample
        events.append(ToyEvent(id: 10, m: 4.6, q: 0.9))         // visible, reversed-q control sample
        let mc = Toy.source(events, process: "bkg", conditions: "mc", crossSectionFb: Double(events.count),
                            luminosityInvFb: 1)
        let cs = ControlSample(name: "q_reversed", reverse: ["q_cut"], criteria: .init(maxRatioDeviation: 0.01))
        let outcome = try ControlSampleValidator(search: search)
            .validate([cs], mc: [mc], data: try blinded(events), targetLuminosityInvFb: 1)
        let r = try XCTUnwrap(outcome.results.first)
        XCTAssertEqual(r.dataYield, 2)      // events 8 (q = 1.5) and 10
        XCTAssertEqual(r.mcYield, 2, accuracy: 1e-12)
        XCTAssertTrue(r.passed, "\(r.failures)")
    }

    func testBlindedDataRefusesSimulation() {
        XCTAssertThrowsError(try BlindedData(search: search, hypotheses: hypotheses, configurationHash: "h",
                                             sources: [Toy.source(handMade, process: "bkg")])) { e in
            guard case AnalysisError.notData = e else { return XCTFail("\(e)") }
        }
    }

    /// A validation outcome from a real comparison: data/MC = `dataCount` / 10.
    func outcome(dataCount: Int, hash: String) throws -> ValidationOutcome {
        let cs = ControlSample(name: "sideband", criteria: .init(maxRatioDeviation: 0.2))
        let mc = Toy.table(m: [Double](repeating: 4, count: 10), q: [Double](repeating: 0.1, count: 10),
                           weight: [Double](repeating: 1, count: 10), process: "bkg")
        let data = Toy.table(m: [Double](repeating: 4, count: dataCount), q: [Double](repeating: 0.1, count: dataCount),
                             weight: [Double](repeating: 1, count: dataCount), process: "data")
        let r = try ControlSampleValidator(search: search).compare(cs, selection: search.selection, mc: mc, data: data)
        return ValidationOutcome(search: "toy", configurationHash: hash, results: [r])
    }

    /// What the validate stage writes to the provenance database for an outcome.
    func recorded(_ o: ValidationOutcome...) -> [ValidationRecord] {
        o.map { ValidationRecord(search: $0.search, runID: "v", configHash: $0.configurationHash, passed: $0.passed,
                                 digest: $0.digest, codeVersion: "test") }
    }

    /// An outcome edited to pass (e.g. a hand-edited validation.json) has a digest the
    /// database never recorded: refused.
    func testForgedValidationIsRefused() throws {
        let failing = try outcome(dataCount: 15, hash: "h1")
        let forged = try outcome(dataCount: 10, hash: "h1")   // passes, but was never recorded
        XCTAssertTrue(forged.passed)
        XCTAssertThrowsError(try Unblinding.authorise(search: search, validation: forged, recorded: recorded(failing),
                                                      configurationHash: "h1", runID: "r1", user: "u", host: "h") { _ in }) { e in
            guard case AnalysisError.unblindingRefused(_, let why) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(why.contains("provenance database"), why)
        }
        // The digest survives the JSON round trip the pipeline does (write, then read back).
        let again = try JSONDecoder().decode(ValidationOutcome.self, from: JSONEncoder().encode(forged))
        XCTAssertEqual(again.digest, forged.digest)
        XCTAssertNotEqual(failing.digest, forged.digest)
    }

    func testUnblindRefusedAfterFailingValidation() throws {
        let failing = try outcome(dataCount: 15, hash: "h1")
        XCTAssertFalse(failing.passed)
        var audited: [UnblindingRecord] = []
        XCTAssertThrowsError(try Unblinding.authorise(search: search, validation: failing, recorded: recorded(failing), configurationHash: "h1",
                                                      runID: "r1", user: "u", host: "h") { audited.append($0) }) { e in
            guard case AnalysisError.unblindingRefused(_, let why) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(why.contains("failed"))
        }
        XCTAssertTrue(audited.isEmpty, "a refused unblinding writes no audit record")
        // Passing validation but for another configuration: refused too.
        let passingOld = try outcome(dataCount: 10, hash: "h0")
        XCTAssertTrue(passingOld.passed)
        XCTAssertThrowsError(try Unblinding.authorise(search: search, validation: passingOld, recorded: recorded(passingOld), configurationHash: "h1",
                                                      runID: "r1", user: "u", host: "h") { audited.append($0) })
        // No control samples at all: refused.
        XCTAssertThrowsError(try Unblinding.authorise(search: search,
                                                      validation: ValidationOutcome(search: "toy", configurationHash: "h1", results: []),
                                                      recorded: recorded(ValidationOutcome(search: "toy", configurationHash: "h1", results: [])),
                                                      configurationHash: "h1", runID: "r1", user: "u", host: "h") { audited.append($0) })
        // An audit that cannot be written means no token.
        struct AuditDown: Error {}
        let passing = try outcome(dataCount: 10, hash: "h1")
        XCTAssertThrowsError(try Unblinding.authorise(search: search, validation: passing, recorded: recorded(passing),
                                                      configurationHash: "h1", runID: "r1", user: "u", host: "h") { _ in throw AuditDown() })
        XCTAssertTrue(audited.isEmpty)
    }

    func testUnblindingAfterPassingValidationIsAuditedAndShowsSignalRegion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("anatest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try ProvenanceDatabase(path: dir.appendingPathComponent("prov.sqlite").path)
        let passing = try outcome(dataCount: 10, hash: "h1")
        let token = try Unblinding.authorise(search: search, validation: passing, recorded: recorded(passing),
                                             configurationHash: "h1", runID: "r1", user: "u", host: "h") { try db.record(unblinding: $0) }
        let rows = try db.unblindings(search: "toy")
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?.configHash, "h1")
        let unblinded = try blinded(handMade).unblinded(with: token)
        // Nominal selection: event 1 in [2.5, 3.5) (event 2 fails q < 0.5, 3 the veto, 8 q), event 6 in [5.5, 6.5).
        XCTAssertEqual(try unblinded.observedCount(in: hypotheses[0], selection: search.selection), 1)
        XCTAssertEqual(try unblinded.observedCount(in: hypotheses[1], selection: search.selection), 1)
        // The token is bound to the configuration the data were opened with.
        XCTAssertThrowsError(try blinded(handMade, hash: "h2").unblinded(with: token))
    }
}
