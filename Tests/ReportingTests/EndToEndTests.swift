import Foundation
import Testing
@testable import Reporting

/// What the Analysis module does at the `report` stage, end to end: tables, HEPData, plots
/// and report.md into one run directory. Doubles as a usage example of the public API.
@Suite struct EndToEndTests {
    @Test func runDirectoryWithTablesHEPDataPlotsAndReport() throws {
        let run = try temporaryDirectory()
        let curve = try PlotTests.zPrimeCurve(observed: false)

        let systematics = try ResultTable(
            title: "Systematic uncertainties",
            columns: ["Source", ColumnHeader("eff_sig", unit: "%"), ColumnHeader("B_exp", unit: "%")],
            rows: [[.text("Tracking"), .value(0.9, format: .fixed(1)), .value(0.9, format: .fixed(1))],
                   [.text("Muon ID"), .value(1.5, format: .fixed(1)), .value(1.5, format: .fixed(1))],
                   [.text("Luminosity"), .value(0.6, format: .fixed(1)), .empty]])
        let tableFiles = try TableWriter.write(systematics, to: run.appendingPathComponent("tables"), baseName: "systematics")

        let submission = HEPDataSubmission(comment: "Test", tables: [
            HEPDataTable(limitCurve: curve, name: "Expected limit", description: "Expected 90% CL upper limit on g'.",
                         reactions: ["E+ E- --> MU+ MU- Z0'"]),
            try HEPDataTable(resultTable: systematics, reactions: ["E+ E- --> MU+ MU- Z0'"]),
        ])
        let hepdata = try HEPDataWriter.write(submission, to: run.appendingPathComponent("hepdata"))
        #expect(hepdata.map(\.lastPathComponent) == ["submission.yaml", "expected_limit.yaml", "systematic_uncertainties.yaml"])

        var report = ReportDocument(title: "zprime-invisible",
                                    provenance: ProvenanceInfo(runID: "r1", configurationHash: "abc", codeVersion: "dev"))
        report.section("Systematics")
        report.table(systematics)
        report.paragraph("Also as [CSV](tables/systematics.csv) and [LaTeX](tables/systematics.tex).")
        report.section("Limits")
        do {
            let plot = try PlotWriter.write(LimitPlot(curve: curve, title: "Expected limit"),
                                            to: run.appendingPathComponent("plots"), baseName: "limit")
            report.plot(plot, alt: "Expected limit", relativeTo: run)
        } catch let error as ReportingError {
            // Plots are optional: the report says why one is missing.
            report.paragraph("Plot not made: \(error)")
        }
        try report.write(to: run.appendingPathComponent("report.md"))

        let text = try String(contentsOf: run.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(text.contains("| Tracking | 0.9 | 0.9 |"))
        #expect(text.contains("plots/limit.png") || text.contains("Plot not made"))
        for u in tableFiles + hepdata { #expect(FileManager.default.fileExists(atPath: u.path)) }
    }

    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func stackPlotWithoutDataHasNoRatioPanel() throws {
        let runner = GnuplotRunner()
        var stack = try PlotTests.stack()
        stack.data = nil
        stack.title = "MC only stack"
        let out = try PlotWriter.write(stack, to: try temporaryDirectory(), baseName: "mc_only", runner: runner)
        let svg = try String(contentsOf: out.svg, encoding: .utf8)
        #expect(svg.contains("MC only stack"))
        #expect(!svg.contains("Data / MC"))
        let script = try String(contentsOf: out.script, encoding: .utf8)
        #expect(!script.contains("multiplot"))
    }
}
