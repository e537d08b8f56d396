import Analysis
import Foundation
import Provenance
import SearchPipeline
import Statistics
import Testing

/// Issue #22: the report's template-fit limit must be reproducible from the workspace it
/// exports. The exported `<label>_template_fit.json`, read back and fitted with the suite's
/// own HistFactory engine, gives the reported expected limit once mu is converted with the
/// `poi.json` entry of that file (pyhf itself reads the same JSON; the counting workspaces
/// are checked against pyhf in PyhfExportInteropTests).
@Suite struct PyhfTemplateExportTests {
    @Test func exportedTemplateWorkspaceReproducesTheReportedLimit() throws {
        let dir = try UnblindingGateTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try ProvenanceDatabase(path: dir.appendingPathComponent("p.sqlite").path)
        let samples = try UnblindingGateTests.samples(in: dir.appendingPathComponent("s"))
        let run = try UnblindingGateTests.pipeline(samples: samples, root: dir.appendingPathComponent("Results"), runID: "t", db: db,
                                                   extraYAML: "statistics: {cl: 0.90, methods: [bayes, template-fit]}")
        _ = try run.select()
        try run.optimise()
        _ = try run.validate()
        let limits = try run.limits()
        let reported = try #require(limits.templateFit?.first?.expectedCrossSectionFb.median)
        let out = dir.appendingPathComponent("export")
        try PyhfExport.write(limits, model: run.entry.search.signalModel, to: out)
        let poi = try JSONDecoder().decode([PyhfExport.POIMeaning].self,
                                          from: Data(contentsOf: out.appendingPathComponent("pyhf/poi.json")))
        let entry = try #require(poi.first { $0.workspace.hasSuffix("_template_fit.json") })
        let workspace = try PyhfWorkspace.load(contentsOf: out.appendingPathComponent("pyhf/\(entry.workspace)"))
        try workspace.validate()
        let refit = try AsymptoticCLs.upperLimit(model: HistFactoryModel(workspace: workspace), cl: 0.90)
        let sigma = refit.expected[2] * entry.crossSectionFbAtMuOne
        #expect(reported.isFinite && reported > 0)
        #expect(abs(sigma / reported - 1) < 1e-9, "refit \(sigma) fb vs reported \(reported) fb")
        // The counting workspace's meaning: mu = 1 is the reference coupling.
        let counting = try #require(poi.first { !$0.workspace.hasSuffix("_template_fit.json") })
        #expect(counting.couplingAtMuOne == run.entry.search.signalModel.referenceCoupling)
    }
}
