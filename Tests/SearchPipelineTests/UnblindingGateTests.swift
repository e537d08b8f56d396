import ZPrimeInvisiblePackage
import DimuonTestSupport
import Analysis
import EventModel
import EventStore
import Foundation
import Provenance
import Testing
import SearchPipeline
import ZPrimeInvisible

/// The unblinding gate and the samples a run accepts, on real event files through
/// `SearchPipeline` (issue #14's attacks at the pipeline level): validation binds the gate to
/// the shards it read, a mistyped run id creates nothing, the same shard twice or a shard
/// changed since the catalog saw it is refused, and a simulation without the search's
/// backgrounds stops the run unless explicitly allowed.
@Suite struct UnblindingGateTests {
    /// A folder with dimuon simulation (every background process the search needs, or the
    /// ones given) and pseudo-data written as event files; `dataSeed` makes different data.
    static func samples(in dir: URL, processes: [String] = ["mumu", "tautau", "eemumu", "ee"],
                        data: Bool = true, dataSeed: Int64 = 0) throws -> URL {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func write(_ events: [ReconstructedEvent], process: String, conditions: String) throws {
            let url = dir.appendingPathComponent(process).appendingPathComponent(conditions)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let writer = try EventFileWriter(destination: url.appendingPathComponent("shard-0000.h5"),
                                             options: EventFileOptions(chunkRows: 256))
            try writer.append(DimuonEvents.batch(events))
            try writer.finish(metadata: SampleMetadata(process: process, crossSectionFb: Double(events.count),
                                                       luminosityInvFb: 1, generatedEvents: Int64(events.count),
                                                       generatorSeed: 1, conditions: conditions, codeVersion: "test"))
        }
        // ee-like events (muon ID low, electron ID high) everywhere: the ee control sample.
        func events(_ first: Int64, _ n: Int) -> [ReconstructedEvent] {
            (0..<n).map { i in DimuonEvents.event(id: first + Int64(i), recoilMass: -1 + 10 * Double(i) / Double(n),
                                                  muonID: 0.05, electronID: 0.99) }
        }
        for (k, p) in processes.enumerated() { try write(events(Int64(k) * 1000, 60), process: p, conditions: "mc") }
        if data {
            for (k, p) in processes.enumerated() { try write(events(dataSeed + Int64(k) * 1000, 60), process: p, conditions: "data") }
        }
        return dir
    }

    static let yaml = """
        search: zprime-invisible
        luminosity_inv_fb: 1.0
        mass_grid: {m_zprime: [3.0]}
        control_samples:
          - name: ee
            reverse: [muon_id, electron_veto]
            binning: {observable: m_recoil, low: -2.0, high: 10.0, bins: 6}
            criteria: {max_ratio_deviation: 0.25, min_chi2_p_value: 0.01}
        """

    static func pipeline(samples: URL, root: URL, runID: String, db: ProvenanceDatabase, newRun: Bool = true,
                         allowMissingBackground: Bool = false, extraYAML: String = "") throws -> SearchPipeline {
        let search = ZPrimeInvisible(signalModel: ZPrimeSignalModel.lMuMinusLTau, requiredControlSamples: ["ee"])
        let config = try SearchConfiguration.parse(yaml: yaml + "\n" + extraYAML, file: "<gate>", search: search)
        let entry = TestPackage(search: search, massParameter: "m_zprime", signal: { hs in
            try hs.map { h in
                let m = try h.parameter("m_zprime")
                let events = (0..<200).map { DimuonEvents.event(id: Int64($0), recoilMass: m, recoilMomentum: 1.5, alongRecoil: true) }
                return InMemoryEventSource(metadata: SampleMetadata(process: ZPrimeInvisible.signalProcess(mass: m), crossSectionFb: 100,
                                                                    luminosityInvFb: 2, generatedEvents: 200, generatorSeed: 1,
                                                                    conditions: "mc", codeVersion: "test", signalParameters: ["m_zprime": m]),
                                           batch: DimuonEvents.batch(events))
            }
        })
        return try SearchPipeline(entry: entry, configuration: config, samples: try SampleSet(directory: samples.path, catalog: db),
                                  resultsRoot: root, runID: runID, database: db, newRun: newRun,
                                  allowMissingBackground: allowMissingBackground)
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Validated on one set of samples, unblinded on another: refused, naming the shard.
    /// On the validated samples themselves: unblinded, and the audit row holds their hashes.
    @Test func unblindingIsBoundToTheValidatedShards() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try ProvenanceDatabase(path: dir.appendingPathComponent("p.sqlite").path)
        let closure = try Self.samples(in: dir.appendingPathComponent("closure"))
        let other = try Self.samples(in: dir.appendingPathComponent("other"), dataSeed: 77)
        let root = dir.appendingPathComponent("Results")
        let run = try Self.pipeline(samples: closure, root: root, runID: "run-a", db: db)
        _ = try run.select()
        try run.optimise()
        let v = try run.validate()
        #expect(v.outcome.passed, "\(v.outcome.failures)")
        #expect(v.outcome.shards.count == 8)
        let recorded = try db.validations(search: "zprime-invisible")
        #expect(recorded.count == 1 && recorded[0].shards.contains(v.outcome.shards[0].sha256))
        #expect(recorded[0].configText.contains("mass_grid"))

        let swapped = try Self.pipeline(samples: other, root: root, runID: "run-a", db: db, newRun: false)
        var why = ""
        do { try swapped.limits(unblind: true) } catch AnalysisError.unblindingRefused(_, let reason) { why = reason }
        #expect(why.contains("/other/") && why.contains("/data/shard-0000.h5") && why.contains("not part of the validation"), "\(why)")
        #expect(try db.unblindings().isEmpty)

        let same = try Self.pipeline(samples: closure, root: root, runID: "run-a", db: db, newRun: false)
        let limits = try same.limits(unblind: true)
        #expect(limits.unblinded)
        let audit = try db.unblindings()
        #expect(audit.count == 1)
        for f in v.outcome.shards { #expect(audit[0].shards.contains(f.sha256)) }
    }

    /// A run whose samples hold no data cannot unblind, even with a passed validation.
    @Test func noDataNoUnblinding() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try ProvenanceDatabase(path: dir.appendingPathComponent("p.sqlite").path)
        let mcOnly = try Self.samples(in: dir.appendingPathComponent("mc-only"), data: false)
        let run = try Self.pipeline(samples: mcOnly, root: dir.appendingPathComponent("Results"), runID: "r", db: db)
        _ = try run.select()
        try run.optimise()
        var why = ""
        do { try run.limits(unblind: true) } catch AnalysisError.unblindingRefused(_, let reason) { why = reason }
        #expect(why.contains("validation.json") || why.contains("no data shard"), "\(why)")
        // Expected limits from simulation alone still work.
        #expect(try !run.limits(unblind: false).unblinded)
    }

    /// Missing background processes stop the run; allowed explicitly, the report says so first.
    @Test func missingBackgroundRefusedUnlessAllowed() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try ProvenanceDatabase(path: dir.appendingPathComponent("p.sqlite").path)
        let partial = try Self.samples(in: dir.appendingPathComponent("partial"), processes: ["mumu"])
        let root = dir.appendingPathComponent("Results")
        #expect(throws: PipelineError.missingBackground(search: "zprime-invisible", processes: ["tautau", "eemumu", "ee"],
                                                        directory: partial.path)) {
            try Self.pipeline(samples: partial, root: root, runID: "r1", db: db).select()
        }
        let allowed = try Self.pipeline(samples: partial, root: root, runID: "r2", db: db, allowMissingBackground: true)
        _ = try allowed.select()
        let out = try allowed.optimise()
        #expect(out.missingBackgrounds == ["tautau", "eemumu", "ee"])
    }

    /// The same shard twice (a copy in a subfolder) and a shard changed since the catalog
    /// registered it are refused before anything is read.
    @Test func duplicateAndChangedShardsAreRefused() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try Self.samples(in: dir.appendingPathComponent("s"))
        let original = s.appendingPathComponent("mumu/mc/shard-0000.h5")
        let copy = s.appendingPathComponent("copy/shard-0000.h5")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original, to: copy)
        do {
            _ = try SampleSet(directory: s.path)
            Issue.record("a duplicated shard was accepted")
        } catch let PipelineError.duplicateShard(a, b, why) {
            #expect(Set([a, b]) == Set([original.path, copy.path]) && why.contains("identical contents"))
        }
        try FileManager.default.removeItem(at: copy)

        let db = try ProvenanceDatabase(path: dir.appendingPathComponent("p.sqlite").path)
        let m = try EventFileReader(path: original.path).metadata
        try db.register(samples: [SampleRecord(path: original.path, process: m.process, conditions: m.conditions, shardIndex: 0,
                                               events: 60, generatedEvents: 60, crossSectionFb: 60, luminosityInvFb: 1, seed: 1,
                                               filter: "none", sha256: String(repeating: "0", count: 64), sizeBytes: 1,
                                               codeVersion: "test", runID: nil)])
        #expect(throws: PipelineError.self) { try SampleSet(directory: s.path, catalog: db) }
    }

    /// A shard with damaged bytes (a NaN would do the same) is refused when the samples are
    /// opened, naming the file, not deep inside a fit that "did not converge".
    @Test func damagedShardIsRefusedBeforeUse() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try Self.samples(in: dir.appendingPathComponent("s"))
        let victim = s.appendingPathComponent("tautau/data/shard-0000.h5")
        var bytes = try Data(contentsOf: victim)
        // Every 64th byte of the middle of the file: chunk data, whatever the exact layout.
        for k in stride(from: bytes.count * 2 / 5, to: bytes.count * 7 / 10, by: 64) { bytes[k] ^= 0xFF }
        try bytes.write(to: victim)
        do {
            _ = try SampleSet(directory: s.path)
            Issue.record("a damaged shard was accepted")
        } catch {
            #expect("\(error)".contains(victim.path), "\(error)")
        }
    }

    /// A mistyped or hostile run id is an error and creates no folder.
    @Test func runIDsNameExistingRunsOnly() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try ProvenanceDatabase(path: dir.appendingPathComponent("p.sqlite").path)
        let s = try Self.samples(in: dir.appendingPathComponent("s"))
        let root = dir.appendingPathComponent("Results")
        for bad in ["../escape", "a/b", ".hidden", "", String(repeating: "x", count: 200)] {
            #expect(throws: PipelineError.self) { try Self.pipeline(samples: s, root: root, runID: bad, db: db, newRun: false) }
        }
        #expect(throws: PipelineError.self) { try Self.pipeline(samples: s, root: root, runID: "20261204-mistyped", db: db, newRun: false) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("zprime-invisible/20261204-mistyped").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escape").path))
        _ = try Self.pipeline(samples: s, root: root, runID: "20261204-real", db: db)
        // Only run folders count as runs: a stray file sorting last is not the newest run.
        try "x".write(to: root.appendingPathComponent("zprime-invisible/zzzz"), atomically: true, encoding: .utf8)
        #expect(try SearchPipeline.latestRunID(search: "zprime-invisible", resultsRoot: root) == "20261204-real")
    }
}
