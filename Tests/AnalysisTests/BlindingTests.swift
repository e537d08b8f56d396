import XCTest
import Foundation
import Provenance
@testable import Analysis
import EventModel

final class BlindingTests: XCTestCase {
    let search = ToySearch()
    var hypotheses: [MassHypothesis] { try! search.hypotheses(on: MassGrid(axes: ["m_x": [3, 6]])) }

    /// Hand-made data: which are hidden follows from the toy search's envelope, the windows
    /// m_x +- 0.5 over its whole allowed range 0-10 (m in [-0.5, 10.5), whatever the configured
    /// grid), and the loosest selection (candidate, q < 1.0 (tuning high end), n < 0.5).
    let handMade: [ToyEvent] = [
        ToyEvent(id: 1, m: 3.0, q: 0.2),          // hidden
        ToyEvent(id: 2, m: 3.1, q: 0.7),          // hidden: fails q < 0.5 but a tuned cut could keep it
        ToyEvent(id: 3, m: 3.2, q: 0.2, n: 1),    // visible: fails the pi0 veto (control sample)
        ToyEvent(id: 4, m: 3.3, q: nil),          // visible: no candidate
        ToyEvent(id: 5, m: 4.5, q: 0.2),          // hidden: outside the configured windows, inside the envelope
        ToyEvent(id: 6, m: 6.0, q: 0.1),          // hidden
        ToyEvent(id: 7, m: 10.9, q: 0.2),         // visible: beyond every mass the search may test
        ToyEvent(id: 8, m: 3.0, q: 1.5),          // visible: fails even the loosest q cut
    ]

    func blinded(_ events: [ToyEvent], hash: String = "h1") throws -> BlindedData {
        try BlindedData(search: search, hypotheses: hypotheses, configurationHash: hash,
                        sources: [Toy.source(events, process: "data", conditions: "data")], batchSize: 3)
    }

    func testHiddenEventsNeverReachAnalysisCode() throws {
        let data = try blinded(handMade)
        let (cands, flow) = try data.candidates(selection: search.selection)
        XCTAssertEqual(Set(cands.eventID), [3, 7, 8])
        XCTAssertEqual(flow.yield(process: "data", cut: "all"), 4)   // 3, 4, 7, 8
        // Removing every cut (the widest selection analysis code can ask for) still shows nothing hidden.
        let open = Selection(preselection: [], cuts: [])
        XCTAssertEqual(Set(try data.candidates(selection: open).candidates.eventID), [3, 4, 7, 8])
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

    /// A filter (the validation's calibration veto) only ever removes events: one that keeps
    /// everything shows exactly what blinding shows, one that keeps only event 3 shows only
    /// 3, and no filter brings a hidden event (2: inside a window, passing the selection)
    /// back; the raw-batch door used by calibrations hides the same events.
    func testEventFiltersCannotUncoverHiddenEvents() throws {
        struct Keep: EventFilter {
            let name = "test"
            let ids: Set<Int64>?
            func keep(_ b: EventBatch) -> [Bool] { b.events.eventID.map { ids?.contains($0) ?? true } }
        }
        let data = try blinded(handMade)
        let open = Selection(preselection: [], cuts: [])
        let all = try data.candidates(selections: [open], filter: Keep(ids: nil))[0].candidates
        XCTAssertEqual(Set(all.eventID), [3, 4, 7, 8])
        XCTAssertEqual(Set(try data.candidates(selections: [open], filter: Keep(ids: [3]))[0].candidates.eventID), [3])
        XCTAssertEqual(Set(try data.candidates(selections: [open], filter: Keep(ids: [2, 3]))[0].candidates.eventID), [3])
        var seen: Set<Int64> = []
        try data.forEachVisibleBatch { seen.formUnion($0.events.eventID) }
        XCTAssertFalse(seen.contains(2))
        XCTAssertTrue(seen.isSuperset(of: [3, 4, 7, 8]))
        let reduced = try data.reduceVisibleBatches(initial: { Set<Int64>() }) { acc, b in acc.formUnion(b.events.eventID) }
        XCTAssertEqual(reduced.reduce(Set<Int64>()) { $0.union($1) }, seen)
    }

    func testRandomDataNothingVisibleInsideBlindedBox() throws {
        let events = SelectionTests.events(count: 3_000, seed: 42, weight: 1).map { e -> ToyEvent in
            var e = e; e.q = e.q.map { $0 * 1.5 }; return e
        }
        let cands = try blinded(events).candidates(selection: Selection(preselection: [], cuts: [])).candidates
        let m = try cands.column("m"), q = try cands.column("q"), n = try cands.column("n")
        var hiddenExpected = 0
        // The envelope of the toy search: windows m_x +- 0.5 for every m_x in [0, 10].
        func inEnvelope(_ m: Double) -> Bool { m >= -0.5 && m < 10.5 }
        for e in events {
            if inEnvelope(e.m), let q = e.q, q < 1.0, e.n == 0 { hiddenExpected += 1 }
        }
        XCTAssertGreaterThan(hiddenExpected, 50)
        XCTAssertEqual(cands.count, events.count - hiddenExpected)
        for i in 0..<cands.count {
            let inRegion = inEnvelope(m[i])
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
        events.append(ToyEvent(id: 10, m: 10.6, q: 0.9))        // visible, reversed-q control sample
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
        return ValidationOutcome(search: "toy", configurationHash: hash, results: [r], shards: shards)
    }

    /// The shards the validations above read (and the unblindings below are about to read).
    let shards = [ShardFingerprint(path: "data.h5", process: "data", conditions: "data", shardIndex: 0, sha256: "d0"),
                  ShardFingerprint(path: "bkg.h5", process: "bkg", conditions: "mc", shardIndex: 0, sha256: "b0")]

    /// What the validate stage writes to the provenance database for an outcome.
    func recorded(_ o: ValidationOutcome...) -> [ValidationRecord] {
        o.map { ValidationRecord(search: $0.search, runID: "r1", configHash: $0.configurationHash, passed: $0.passed,
                                 digest: $0.digest, codeVersion: "test") }
    }

    /// An outcome edited to pass (e.g. a hand-edited validation.json) has a digest the
    /// database never recorded: refused.
    func testForgedValidationIsRefused() throws {
        let failing = try outcome(dataCount: 15, hash: "h1")
        let forged = try outcome(dataCount: 10, hash: "h1")   // passes, but was never recorded
        XCTAssertTrue(forged.passed)
        XCTAssertThrowsError(try Unblinding.authorise(search: search, validation: forged, recorded: recorded(failing),
                                                      configurationHash: "h1", runID: "r1", shards: shards, user: "u", host: "h") { _ in }) { e in
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
                                                      runID: "r1", shards: shards, user: "u", host: "h") { audited.append($0) }) { e in
            guard case AnalysisError.unblindingRefused(_, let why) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(why.contains("failed"))
        }
        XCTAssertTrue(audited.isEmpty, "a refused unblinding writes no audit record")
        // Passing validation but for another configuration: refused too.
        let passingOld = try outcome(dataCount: 10, hash: "h0")
        XCTAssertTrue(passingOld.passed)
        XCTAssertThrowsError(try Unblinding.authorise(search: search, validation: passingOld, recorded: recorded(passingOld), configurationHash: "h1",
                                                      runID: "r1", shards: shards, user: "u", host: "h") { audited.append($0) })
        // No control samples at all: refused.
        XCTAssertThrowsError(try Unblinding.authorise(search: search,
                                                      validation: ValidationOutcome(search: "toy", configurationHash: "h1", results: [], shards: shards),
                                                      recorded: recorded(ValidationOutcome(search: "toy", configurationHash: "h1", results: [], shards: shards)),
                                                      configurationHash: "h1", runID: "r1", shards: shards, user: "u", host: "h") { audited.append($0) })
        // An audit that cannot be written means no token.
        struct AuditDown: Error {}
        let passing = try outcome(dataCount: 10, hash: "h1")
        XCTAssertThrowsError(try Unblinding.authorise(search: search, validation: passing, recorded: recorded(passing),
                                                      configurationHash: "h1", runID: "r1", shards: shards, user: "u", host: "h") { _ in throw AuditDown() })
        XCTAssertTrue(audited.isEmpty)
    }

    func testUnblindingAfterPassingValidationIsAuditedAndShowsSignalRegion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("anatest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try ProvenanceDatabase(path: dir.appendingPathComponent("prov.sqlite").path)
        let passing = try outcome(dataCount: 10, hash: "h1")
        let token = try Unblinding.authorise(search: search, validation: passing, recorded: recorded(passing),
                                             configurationHash: "h1", runID: "r1", shards: shards, user: "u", host: "h") { try db.record(unblinding: $0) }
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

/// The attacks of issue #14 on the unblinding gate and on what blinding hides, each as a
/// test that failed before the gate was bound to data and the hidden region to the search.
final class HostileConfigurationTests: XCTestCase {
    let search = ToySearch()
    let dataShard = ShardFingerprint(path: "closure/data.h5", process: "data", conditions: "data", shardIndex: 0, sha256: "aa")
    let mcShard = ShardFingerprint(path: "closure/bkg.h5", process: "bkg", conditions: "mc", shardIndex: 0, sha256: "bb")

    func passing(runID: String = "r1", shards: [ShardFingerprint]) throws -> (ValidationOutcome, [ValidationRecord]) {
        let cs = ControlSample(name: "pi0", reverse: ["pi0_veto"], criteria: .init(maxRatioDeviation: 0.2))
        let t = Toy.table(m: [Double](repeating: 4, count: 10), q: [Double](repeating: 0.1, count: 10), n: [Double](repeating: 1, count: 10),
                          weight: [Double](repeating: 1, count: 10), process: "x")
        let r = try ControlSampleValidator(search: search).compare(cs, selection: try cs.selection(from: search.selection, search: "toy"), mc: t, data: t)
        let o = ValidationOutcome(search: "toy", configurationHash: "h1", results: [r], shards: shards)
        XCTAssertTrue(o.passed)
        return (o, [ValidationRecord(search: "toy", runID: runID, configHash: "h1", passed: true, digest: o.digest, codeVersion: "t")])
    }

    func refusal(_ body: () throws -> Void) -> String {
        do { try body() } catch AnalysisError.unblindingRefused(_, let why) { return why } catch { return "unexpected \(error)" }
        return "not refused"
    }

    /// Validated on closure data, then pointed at other data (attack 1): refused, naming the
    /// first shard that was not validated.
    func testUnblindingOtherDataThanValidatedIsRefused() throws {
        let (o, rec) = try passing(shards: [dataShard, mcShard])
        let demoData = ShardFingerprint(path: "demo/data.h5", process: "data", conditions: "data", shardIndex: 0, sha256: "cc")
        let why = refusal {
            _ = try Unblinding.authorise(search: search, validation: o, recorded: rec, configurationHash: "h1", runID: "r1",
                                         shards: [demoData, mcShard], user: "u", host: "h") { _ in }
        }
        XCTAssertTrue(why.contains("demo/data.h5") && why.contains("not part of the validation"), why)
        // A shard missing from what is read now is named too.
        let why2 = refusal {
            _ = try Unblinding.authorise(search: search, validation: o, recorded: rec, configurationHash: "h1", runID: "r1",
                                         shards: [dataShard], user: "u", host: "h") { _ in }
        }
        XCTAssertTrue(why2.contains("closure/bkg.h5") && why2.contains("not among the samples"), why2)
        // The same files moved to another folder are the same data: allowed, and audited with their hashes.
        var audited: [UnblindingRecord] = []
        let moved = ShardFingerprint(path: "elsewhere/data.h5", process: "data", conditions: "data", shardIndex: 0, sha256: "aa")
        _ = try Unblinding.authorise(search: search, validation: o, recorded: rec, configurationHash: "h1", runID: "r1",
                                     shards: [moved, mcShard], user: "u", host: "h") { audited.append($0) }
        XCTAssertEqual(audited.count, 1)
        XCTAssertTrue(audited[0].shards.contains("\"sha256\":\"aa\"") && audited[0].shards.contains("\"sha256\":\"bb\""), audited[0].shards)
        XCTAssertEqual(audited[0].validationDigest, o.digest)
    }

    /// A passed validation.json copied into another run's folder (attack 2): the database's
    /// record of that outcome belongs to the run that produced it.
    func testValidationCopiedFromAnotherRunIsRefused() throws {
        let (o, rec) = try passing(runID: "closure-run", shards: [dataShard, mcShard])
        let why = refusal {
            _ = try Unblinding.authorise(search: search, validation: o, recorded: rec, configurationHash: "h1", runID: "failed-run",
                                         shards: [dataShard, mcShard], user: "u", host: "h") { _ in }
        }
        XCTAssertTrue(why.contains("no passed validation of run failed-run"), why)
    }

    /// Samples with simulation only (attack 3): nothing to unblind.
    func testUnblindingWithoutDataIsRefused() throws {
        let (o, rec) = try passing(shards: [mcShard])
        let why = refusal {
            _ = try Unblinding.authorise(search: search, validation: o, recorded: rec, configurationHash: "h1", runID: "r1",
                                         shards: [mcShard], user: "u", host: "h") { _ in }
        }
        XCTAssertTrue(why.contains("no data shard"), why)
    }

    /// A one-point grid (attack 5): data at every other mass the search may test stay hidden.
    func testOnePointGridDoesNotShrinkTheHiddenRegion() throws {
        let events = [ToyEvent(id: 1, m: 3.0, q: 0.2), ToyEvent(id: 2, m: 0.1, q: 0.2), ToyEvent(id: 3, m: 10.2, q: 0.2),
                      ToyEvent(id: 4, m: 10.6, q: 0.2), ToyEvent(id: 5, m: -0.7, q: 0.2)]
        let config = try SearchConfiguration.parse(yaml: "search: toy\nluminosity_inv_fb: 1\nmass_grid: {m_x: [8.0]}\n",
                                                   file: "<one-point>", search: search)
        let data = try BlindedData(search: search, configuration: config,
                                   sources: [Toy.source(events, process: "data", conditions: "data")])
        let seen = try data.candidates(selection: Selection(preselection: [], cuts: [])).candidates.eventID
        XCTAssertEqual(Set(seen), [4, 5], "only masses outside [-0.5, 10.5) may be visible")
    }

    func configuration(controlSamples: String, extra: String = "") throws -> SearchConfiguration {
        try SearchConfiguration.parse(yaml: """
            search: toy
            luminosity_inv_fb: 1
            mass_grid: {m_x: [3.0]}
            \(extra)
            control_samples:
            \(controlSamples)
            """, file: "<hostile>", search: search)
    }

    func configurationError(_ samples: String, extra: String = "") -> String {
        do { _ = try configuration(controlSamples: samples, extra: extra); return "accepted" } catch { return "\(error)" }
    }

    /// Control samples that reverse nothing, or reverse a cut at a threshold the optimiser
    /// can still loosen past (the q cut is tuned up to q < 1.0; reversed at 0.5 it overlaps),
    /// are refused naming the sample; a reversal at the loosest threshold or sidebands
    /// outside the envelope are accepted.
    func testControlSamplesMustBeOrthogonalToTheSignalSelection() throws {
        let criteria = "criteria: {max_ratio_deviation: 0.2, min_chi2_p_value: 0.05}, binning: {observable: m, low: 0, high: 10, bins: 10}"
        let nothing = configurationError("  - {name: peek, \(criteria)}")
        XCTAssertTrue(nothing.contains("control_samples.peek") && nothing.contains("reverses no cut"), nothing)
        let windows = configurationError("  - {name: peek, modify: {q_cut: 0.3}, \(criteria)}")
        XCTAssertTrue(windows.contains("reverses no cut"), windows)
        let partial = configurationError("  - {name: q_rev, reverse: [q_cut], \(criteria)}")
        XCTAssertTrue(partial.contains("control_samples.q_rev") && partial.contains("overlaps the loosest signal cut q < 1.0"), partial)
        XCTAssertEqual(configurationError("  - {name: q_rev, reverse: [q_cut], modify: {q_cut: 1.0}, \(criteria)}"), "accepted")
        XCTAssertEqual(configurationError("  - {name: pi0, reverse: [pi0_veto], \(criteria)}"), "accepted")
        XCTAssertEqual(configurationError("  - {name: far, sidebands: [{observable: m, low: 11, high: 20}], \(criteria)}"), "accepted")
        let near = configurationError("  - {name: near, sidebands: [{observable: m, low: 10, high: 20}], \(criteria)}")
        XCTAssertTrue(near.contains("control_samples.near"), near)
        // A configured threshold cannot move the reversal into the search's own loosest
        // selection: reversed at 0.2, n >= 0.2 overlaps the default n < 0.5.
        let moved = configurationError("  - {name: pi0, reverse: [pi0_veto], \(criteria)}", extra: "cuts: {pi0_veto: 0.2}")
        XCTAssertTrue(moved.contains("control_samples.pi0"), moved)
    }

    /// Loosened criteria (attack 4) are refused naming the criterion; tighter ones pass.
    func testCriteriaMayBeTightenedNeverLoosened() throws {
        let sample = { (c: String) in "  - {name: pi0, reverse: [pi0_veto], binning: {observable: m, low: 0, high: 10, bins: 10}, criteria: {\(c)}}" }
        let ratio = configurationError(sample("max_ratio_deviation: 5, min_chi2_p_value: 0.01"))
        XCTAssertTrue(ratio.contains("max_ratio_deviation") && ratio.contains("looser than the search's floor 0.25"), ratio)
        let p = configurationError(sample("max_ratio_deviation: 0.1, min_chi2_p_value: 1e-300"))
        XCTAssertTrue(p.contains("min_chi2_p_value") && p.contains("looser"), p)
        let missing = configurationError(sample("max_ratio_deviation: 0.1"))
        XCTAssertTrue(missing.contains("min_chi2_p_value") && missing.contains("missing"), missing)
        XCTAssertEqual(configurationError(sample("max_ratio_deviation: 0.05, min_chi2_p_value: 0.2")), "accepted")
    }

    /// Signal MC size and look-elsewhere toys are configuration keys inside the hash (they
    /// used to be environment variables outside it), and absurd values are refused.
    func testResultChangingSettingsAreInTheHash() throws {
        let base = "search: toy\nluminosity_inv_fb: 1\nmass_grid: {m_x: [3.0]}\n"
        let a = try SearchConfiguration.parse(yaml: base, file: "a", search: search)
        let b = try SearchConfiguration.parse(yaml: base + "signal_events_per_point: 100\n", file: "b", search: search)
        let c = try SearchConfiguration.parse(yaml: base + "look_elsewhere_toys: 50\n", file: "c", search: search)
        XCTAssertEqual(b.signalEventsPerPoint, 100)
        XCTAssertEqual(c.lookElsewhereToys, 50)
        XCTAssertEqual(Set([a.hash, b.hash, c.hash]).count, 3)
        XCTAssertThrowsError(try SearchConfiguration.parse(yaml: base + "signal_events_per_point: 0\n", file: "d", search: search)) { e in
            XCTAssertTrue("\(e)".contains("signal_events_per_point"), "\(e)")
        }
        XCTAssertThrowsError(try SearchConfiguration.parse(yaml: base + "look_elsewhere_toys: 100000000\n", file: "e", search: search))
    }

    /// Found by the fuzz campaign (Tests/Fixtures/fuzz): a grid from -1e308 trapped in an Int
    /// conversion, and YAML syntax errors were three lines long.
    func testFuzzFindingsAreOneLineErrors() throws {
        for grid in ["{from: -1e308, to: 8.0, step: 0.5}", "{from: 0.0, to: .inf, step: 0.5}", "{from: 0.0, to: 8.0, step: 1e-300}"] {
            XCTAssertThrowsError(try SearchConfiguration.parse(yaml: "search: toy\nluminosity_inv_fb: 1\nmass_grid: {m_x: \(grid)}\n",
                                                               file: "g", search: search)) { e in
                XCTAssertTrue("\(e)".contains("mass_grid.m_x"), "\(e)")
            }
        }
        XCTAssertThrowsError(try SearchConfiguration.parse(yaml: "search: toy\nmass_grid: [1, 2\nluminosity_inv_fb: 1\n", file: "y", search: search)) { e in
            XCTAssertFalse("\(e)".contains("\n"), "\(e)")
            XCTAssertTrue("\(e)".hasPrefix("y:") || "\(e)".contains("y"), "\(e)")
        }
    }
}
