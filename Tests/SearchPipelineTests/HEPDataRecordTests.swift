import ZPrimeInvisiblePackage
import DimuonTestSupport
import Analysis
import EventModel
import Foundation
import Reporting
import Testing
import SearchPipeline
import ZPrimeInvisible

/// The HEPData record a report writes must be, structurally, what hepdata-validator accepted
/// in Tests/Fixtures/reporting/hepdata_example (validation_output.json): the same document
/// keys and keyword names, every attached file there and referenced, pyhf workspaces typed
/// HistFactory, each plot with hepdata_lib's thumbnail, LaTeX (not gnuplot) names.
@Suite struct HEPDataRecordTests {
    static let validated = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reporting/hepdata_example")

    @Test func reportRecordHasTheValidatedStructureWithAttachments() throws {
        // The small synthetic blinded run of BlindedOutputTests, without its hidden data.
        let search = ZPrimeInvisible(signalModel: ZPrimeSignalModel.lMuMinusLTau, requiredControlSamples: ["ee"])
        let config = try SearchConfiguration.parse(yaml: BlindedOutputTests.yaml, file: "<test>", search: search)
        let entry = TestPackage(search: search, massParameter: "m_zprime", signal: { hs in
            try hs.map { h in
                let m = try h.parameter("m_zprime")
                let events = (0..<400).map { DimuonEvents.event(id: Int64($0), recoilMass: m, recoilMomentum: 1.5, alongRecoil: true) }
                return InMemoryEventSource(metadata: BlindedOutputTests.metadata(ZPrimeInvisible.signalProcess(mass: m), "mc", events: 400, sigma: 100,
                                                                                  signal: ["m_zprime": m]),
                                           batch: DimuonEvents.batch(events))
            }
        })
        let events = BlindedOutputTests.backgrounds(firstID: 0)
        let mc = InMemoryEventSource(metadata: BlindedOutputTests.metadata("tautau", "mc", events: events.count, sigma: Double(events.count)),
                                     batch: DimuonEvents.batch(events))
        let data = InMemoryEventSource(metadata: BlindedOutputTests.metadata("data", "data", events: events.count, sigma: Double(events.count)),
                                       batch: DimuonEvents.batch(events))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zp-hepdata-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("hepdata"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: dir.appendingPathComponent("hepdata/stale_from_an_earlier_report.png"))
        let opt = try OptimiseStage.run(entry, configuration: config, mc: [mc], sampleNames: ["synthetic"])
        let val = try ValidateStage.run(entry, configuration: config, mc: [mc], data: [data])
        let lim = try LimitsStage.run(entry, configuration: config, optimisation: opt, systematics: val.systematics)
        try ReportStage.run(entry, directory: dir, provenance: ProvenanceInfo(runID: "test", configurationHash: config.hash, codeVersion: "test"),
                            optimisation: opt, validation: val, limits: lim)

        let hep = dir.appendingPathComponent("hepdata")
        let problems = try HEPDataFolderCheck.problems(in: hep)
        #expect(problems.isEmpty, "\(problems)")
        let written = try HEPDataFolderCheck.read(hep)
        let reference = try HEPDataFolderCheck.read(Self.validated)
        #expect(written.recordKeys == reference.recordKeys)
        let allowedTableKeys = reference.tableKeys.values.reduce(Set<String>()) { $0.union($1) }
        let allowedKeywords = Set(reference.keywords.values.flatMap(\.keys))
        #expect(!written.tableKeys.isEmpty)
        for (name, keys) in written.tableKeys {
            #expect(keys.isSubset(of: allowedTableKeys), "\(name): \(keys.subtracting(allowedTableKeys))")
            #expect(keys.isSuperset(of: ["name", "description", "keywords", "data_file"]), "\(name)")
            #expect(!name.contains("{/") && !name.contains("@"), "gnuplot markup in \(name)")
            let kw = written.keywords[name] ?? [:]
            #expect(Set(kw.keys).isSubset(of: allowedKeywords))
            #expect(kw["cmenergies"] == ["10.58"], "\(name)")
            // LIMIT on limit tables, N on yields (cut flow, control samples); the Punzi
            // thresholds have no observable in HEPData's vocabulary.
            if !name.hasPrefix("Punzi") { #expect(kw["observables"]?.isEmpty == false, "\(name)") }
        }
        // The limit table: LaTeX name, reactions and phrases, its plot and thumbnail.
        let limitName = "Upper limits on $g'$"
        #expect(written.keywords[limitName]?["reactions"] == ["E+ E- --> X"])
        #expect(written.keywords[limitName]?["phrases"]?.contains("Upper limit") == true)
        let limitResources = written.resources.filter { $0.owner == limitName }
        #expect(limitResources.map(\.location) == ["limit_coupling.png", "thumb_limit_coupling.png"])
        #expect(limitResources.map(\.description) == ["Image file", "Thumbnail image file"])
        let thumb = try PlotThumbnail.pixelSize(of: hep.appendingPathComponent("thumb_limit_coupling.png"))
        #expect(thumb.width <= 240 && thumb.height <= 179 && max(thumb.width, thumb.height) > 100)
        // Every pyhf file of the report is attached to the record, workspaces as HistFactory.
        let pyhf = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("pyhf").path)
        let record = written.resources.filter { $0.owner == "submission" }
        #expect(Set(pyhf).isSubset(of: Set(record.map(\.location))))
        for r in record where r.location.hasSuffix(".json") {
            #expect((r.type == "HistFactory") == (r.location != "poi.json"), "\(r.location)")
            let copied = try Data(contentsOf: hep.appendingPathComponent(r.location))
            let original = try Data(contentsOf: dir.appendingPathComponent("pyhf/\(r.location)"))
            #expect(copied == original)
        }
        // Every plot of the report is in the record, with its thumbnail; the stale file is gone.
        let plots = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".png") }
        #expect(!plots.isEmpty)
        for p in plots {
            #expect(written.files.contains(p) && written.files.contains("thumb_" + p), "\(p)")
        }
        #expect(!written.files.contains("stale_from_an_earlier_report.png"))
    }
}
