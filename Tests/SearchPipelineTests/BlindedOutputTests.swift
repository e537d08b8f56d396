import ZPrimeInvisiblePackage
import DimuonTestSupport
import Analysis
import EventModel
import EventStore
import Foundation
import Provenance
import Reporting
import Statistics
import Testing
import SearchPipeline
import ZPrimeInvisible

/// A blinded run on a small synthetic sample must not leak the number of data events in the
/// signal region into any output file; the unblinded path must find exactly that number.
@Suite struct BlindedOutputTests {
    /// Distinctive number of data events placed inside the signal region.
    static let hidden = 4327

    static func metadata(_ process: String, _ conditions: String, events: Int, sigma: Double,
                         signal: [String: Double]? = nil) -> SampleMetadata {
        SampleMetadata(process: process, crossSectionFb: sigma, luminosityInvFb: Double(events) / sigma,
                       generatedEvents: Int64(events), generatorSeed: 1, conditions: conditions, codeVersion: "test",
                       signalParameters: signal)
    }

    /// Background-like dimuon events at recoil masses 4.5-8 GeV (outside the 3 GeV window),
    /// and ee events (muon ID low, electron ID high) everywhere: the control sample.
    static func backgrounds(firstID: Int64) -> [ReconstructedEvent] {
        var out: [ReconstructedEvent] = []
        for i in 0..<200 {
            out.append(DimuonEvents.event(id: firstID + Int64(i), recoilMass: 4.5 + 3.5 * Double(i) / 200, alongRecoil: true))
        }
        for i in 0..<300 {
            out.append(DimuonEvents.event(id: firstID + 1000 + Int64(i), recoilMass: -1 + 10 * Double(i) / 300,
                                          muonID: 0.05, electronID: 0.99))
        }
        return out
    }

    static let yaml = """
        search: zprime-invisible
        luminosity_inv_fb: 1.0
        mass_grid: {m_zprime: [3.0]}
        control_samples:
          - name: ee
            reverse: [muon_id, electron_veto]
            binning: {observable: m_recoil, low: -2.0, high: 10.0, bins: 12}
            criteria: {max_ratio_deviation: 0.25, min_chi2_p_value: 0.01}
        systematics:
          - {name: mumu_yield, affects: signal_efficiency, from_control_sample: ee}
        """

    @Test func blindedOutputsHideTheSignalRegionCount() throws {
        let search = ZPrimeInvisible(signalModel: ZPrimeSignalModel.lMuMinusLTau, requiredControlSamples: ["ee"])
        let config = try SearchConfiguration.parse(yaml: Self.yaml, file: "<test>", search: search)
        let entry = TestPackage(search: search, massParameter: "m_zprime", signal: { hs in
            try hs.map { h in
                let m = try h.parameter("m_zprime")
                let events = (0..<400).map { DimuonEvents.event(id: Int64($0), recoilMass: m, recoilMomentum: 1.5, alongRecoil: true) }
                return InMemoryEventSource(metadata: Self.metadata(ZPrimeInvisible.signalProcess(mass: m), "mc", events: 400, sigma: 100,
                                                                          signal: ["m_zprime": m]),
                                           batch: DimuonEvents.batch(events))
            }
        })
        let mcEvents = Self.backgrounds(firstID: 0)
        let mc = InMemoryEventSource(metadata: Self.metadata("tautau", "mc", events: mcEvents.count, sigma: Double(mcEvents.count)),
                                     batch: DimuonEvents.batch(mcEvents))
        var dataEvents = Self.backgrounds(firstID: 0)
        for i in 0..<Self.hidden {
            dataEvents.append(DimuonEvents.event(id: 100_000 + Int64(i), recoilMass: 3.0, recoilMomentum: 1.5, alongRecoil: true))
        }
        // Pseudo-data stand for the configured 1 fb^-1 (validation compares at the data's luminosity).
        let data = InMemoryEventSource(metadata: Self.metadata("data", "data", events: dataEvents.count, sigma: Double(dataEvents.count)),
                                       batch: DimuonEvents.batch(dataEvents))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zp-blind-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)

        let opt = try OptimiseStage.run(entry, configuration: config, mc: [mc], sampleNames: ["synthetic"])
        #expect(opt.results.count == 1)
        #expect(opt.results[0].signalEfficiency > 0.9)
        let val = try ValidateStage.run(entry, configuration: config, mc: [mc], data: [data])
        #expect(val.outcome.passed, "\(val.outcome.failures)")
        #expect(val.systematics.sources.contains { $0.name == "mumu_yield" })
        let lim = try LimitsStage.run(entry, configuration: config, optimisation: opt, systematics: val.systematics)
        #expect(!lim.unblinded && lim.rows[0].observed == nil && lim.rows[0].point.observedCoupling == nil)
        try StageFile.write(opt, to: dir.appendingPathComponent(StageFile.optimisation))
        try StageFile.write(val, to: dir.appendingPathComponent(StageFile.validation))
        try StageFile.write(lim, to: dir.appendingPathComponent(StageFile.limits))
        try ReportStage.run(entry, directory: dir, provenance: ProvenanceInfo(runID: "test", configurationHash: config.hash, codeVersion: "test"),
                            optimisation: opt, validation: val, limits: lim)

        // Scan every file written for the hidden count as a number token.
        let pattern = try NSRegularExpression(pattern: "(^|[^0-9.])\(Self.hidden)(\\.0+)?([^0-9]|$)")
        var scanned = 0
        let files = FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }
        for f in files {
            let url = dir.appendingPathComponent(f)
            guard let d = FileManager.default.contents(atPath: url.path), !d.isEmpty else { continue }
            let text = String(decoding: d, as: UTF8.self)
            scanned += 1
            #expect(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(f) contains \(Self.hidden)")
        }
        #expect(scanned >= 10)
        #expect(files.contains("report.md") && files.contains("limits.csv") && files.contains("hepdata/submission.yaml"))
        let ws = try PyhfWorkspace.load(contentsOf: dir.appendingPathComponent("pyhf/m_zprime_3.0.json"))
        try ws.validate()
        #expect(ws.measurements[0].name == "asimov_background_only_blinded")

        // The same data, unblinded with a token: the count is there.
        let dbPath = dir.appendingPathComponent("db.sqlite").path
        let db = try ProvenanceDatabase(path: dbPath)
        // What the validate stage records in the provenance database.
        let recorded = ValidationRecord(search: search.id, runID: "test", configHash: config.hash, passed: val.outcome.passed,
                                        digest: val.outcome.digest, codeVersion: "test")
        let shards = try [mc, data].map { try ShardFingerprint.of($0) }
        let token = try Unblinding.authorise(search: search, validation: val.outcome, recorded: [recorded], configurationHash: config.hash,
                                             runID: "test", shards: shards) { try db.record(unblinding: $0) }
        let counts = try LimitsStage.observedCounts(optimisation: opt, configuration: config, search: search,
                                                    data: [data], token: token)
        #expect(counts == [Self.hidden])
        #expect(try db.unblindings(search: search.id).count == 1)
    }
}
