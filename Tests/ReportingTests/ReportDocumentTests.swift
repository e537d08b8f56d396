import Foundation
import Testing
@testable import Reporting

/// report.md assembly and the atomic writer.
@Suite struct ReportDocumentTests {
    @Test func reportHasProvenanceSectionsTablesAndImageLinks() throws {
        let dir = try temporaryDirectory()
        var doc = ReportDocument(title: "zprime-invisible: run 7",
                                 provenance: ProvenanceInfo(runID: "run-7", search: "zprime-invisible",
                                                            configurationHash: "3f2a9c", codeVersion: "v0.1.0-12-gabc123",
                                                            samples: ["mumu_gamma_1fb", "tautau_1fb"],
                                                            notes: ["Configuration differs from the unblinded run 5."]))
        doc.section("Cut flow")
        doc.table(try ResultTable(title: "Cut flow", columns: ["Cut", "Events"], rows: [[.text("All"), .number(100)]]))
        doc.section("Limits")
        let plotDir = dir.appendingPathComponent("plots")
        let output = PlotOutput(script: plotDir.appendingPathComponent("limit.gp"), dataFiles: [],
                                svg: plotDir.appendingPathComponent("limit.svg"), png: plotDir.appendingPathComponent("limit.png"))
        doc.plot(output, alt: "Expected limit", caption: "Expected 90% CL limit", relativeTo: dir)
        doc.code("darksector run zprime-invisible", language: "sh")
        let url = dir.appendingPathComponent("report.md")
        try doc.write(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[0] == "# zprime-invisible: run 7")
        #expect(lines.contains("## Provenance"))
        #expect(text.contains("| Run | `run-7` |"))
        #expect(text.contains("| Configuration hash | `3f2a9c` |"))
        #expect(text.contains("| Code version | `v0.1.0-12-gabc123` |"))
        #expect(text.contains("blinded (expected limits only)"))
        #expect(text.contains("- `mumu_gamma_1fb`\n- `tautau_1fb`"))
        #expect(text.contains("> **Note:** Configuration differs"))
        #expect(lines.contains("## Cut flow") && lines.contains("## Limits"))
        #expect(text.contains("| All | 100 |"))
        #expect(text.contains("![Expected limit](plots/limit.png)"))
        #expect(text.contains("[SVG](plots/limit.svg)") && text.contains("[gnuplot script](plots/limit.gp)"))
        #expect(text.contains("```sh\ndarksector run zprime-invisible\n```"))
        // Sections come in the order they were added.
        let order = ["## Provenance", "## Cut flow", "## Limits"].map { h in lines.firstIndex(of: h)! }
        #expect(order == order.sorted())
    }

    @Test func atomicWriteReplacesWholeFilesAndLeavesNoTemporaries() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("nested/dir/out.txt")
        try AtomicFile.write("first version, longer than the second", to: url)
        try AtomicFile.write("second", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        let files = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(files == ["out.txt"])
    }

    @Test func atomicWriteErrorNamesTheFile() throws {
        let dir = try temporaryDirectory()
        let blocker = dir.appendingPathComponent("file")
        try AtomicFile.write("x", to: blocker)
        // A path *under* a regular file cannot be created.
        let target = blocker.appendingPathComponent("report.md")
        do {
            try AtomicFile.write("y", to: target)
            Issue.record("expected writeFailed")
        } catch let ReportingError.writeFailed(path, _) {
            #expect(path.hasSuffix("file/report.md"))
        }
    }

    @Test func relativePathsAndLinkTargets() {
        let d = URL(fileURLWithPath: "/r/run")
        #expect(ReportDocument.relativePath(URL(fileURLWithPath: "/r/run/plots/a.png"), from: d) == "plots/a.png")
        #expect(ReportDocument.relativePath(URL(fileURLWithPath: "/elsewhere/a.png"), from: d) == "/elsewhere/a.png")
        #expect(ReportDocument.linkTarget("my plots/a (1).png") == "<my plots/a (1).png>")
    }
}
