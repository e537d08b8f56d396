import Foundation
import Testing
@testable import Reporting

/// What the Analysis module does at the `report` stage, end to end: tables, HEPData, plots
/// and report.md into one run directory. Doubles as a usage example of the public API.
/// Needs gnuplot (installed by `make test`; skipped with the reason elsewhere): the plot is
/// part of what is checked, so a missing plot fails the test.
@Suite struct EndToEndTests {
    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func runDirectoryWithTablesHEPDataPlotsAndReport() throws {
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
        let plot = try PlotWriter.write(LimitPlot(curve: curve, title: "Expected limit"),
                                        to: run.appendingPathComponent("plots"), baseName: "limit")
        report.plot(plot, alt: "Expected limit", relativeTo: run)
        try report.write(to: run.appendingPathComponent("report.md"))

        let text = try String(contentsOf: run.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(text.contains("| Tracking | 0.9 | 0.9 |"))
        #expect(text.contains("(plots/limit.png)"), "report.md links the plot")
        for u in tableFiles + hepdata { #expect(FileManager.default.fileExists(atPath: u.path)) }

        // The plot the report links: a PNG by its 8-byte signature and its IHDR size (the
        // 900x700 canvas), and not a near-empty file. Measured with gnuplot 5.4.4: this plot is
        // 55 kB with pngcairo and 14 kB with the libgd png fallback, an empty frame with the
        // same title, grid and labels 18 kB and 8 kB; 10 kB is the bound both terminals pass.
        // That an empty frame cannot pass is checked on the SVG: its three series are drawn.
        let png = run.appendingPathComponent("plots/limit.png")
        #expect(plot.png.standardizedFileURL == png.standardizedFileURL)
        let bytes = [UInt8](try Data(contentsOf: png))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG signature")
        func bigEndian(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(bytes.count > 24 && String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        #expect(bytes.count > 24 && bigEndian(16) == 900 && bigEndian(20) == 700, "PNG is 900x700")
        #expect(bytes.count > 10_000, "\(bytes.count) bytes")
        let svg = try String(contentsOf: plot.svg, encoding: .utf8)
        for series in ["Expected ±2σ", "Expected ±1σ", "Expected median"] {
            #expect(svg.contains("<title>\(series)</title>"), "series \(series) drawn in the SVG")
        }
        let script = try String(contentsOf: run.appendingPathComponent("plots/limit.gp"), encoding: .utf8)
        #expect(script.contains("set xlabel \"M_{Z'} [GeV]\""), "x label from the curve's mass name")
        #expect(script.contains("set ylabel \"g'\""), "y label from the curve's quantity")
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
