import Foundation
import Testing
@testable import Reporting

/// gnuplot output of every plot kind: non-empty SVG and PNG (checked by their signatures),
/// the title in the SVG, the script kept next to the images. Skipped with a message when
/// gnuplot is not installed. Set DARKSECTOR_PLOT_DIR to keep the images for inspection.
@Suite struct PlotTests {
    let runner = GnuplotRunner()
    /// True where gnuplot is installed, and always under DARKSECTOR_REQUIRE_TOOLS=1 (CI).
    static let gnuplotInstalled = RequiredTools.runGnuplotTests

    func outputDirectory(_ name: String) throws -> URL {
        if let keep = ProcessInfo.processInfo.environment["DARKSECTOR_PLOT_DIR"] {
            let url = URL(fileURLWithPath: keep).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        return try temporaryDirectory(name)
    }

    /// Checks the files a plot writer must leave and returns the SVG text.
    func checkImages(_ out: PlotOutput, title: String) throws -> String {
        let svg = try String(contentsOf: out.svg, encoding: .utf8)
        #expect(svg.contains("<svg"))
        #expect(svg.contains(title), "title \"\(title)\" in the SVG")
        let png = try Data(contentsOf: out.png)
        #expect(png.count > 1000)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG signature")
        let script = try String(contentsOf: out.script, encoding: .utf8)
        #expect(script.contains("gnuplot \(out.script.lastPathComponent)"), "script says how to rerun it")
        for d in out.dataFiles { #expect(FileManager.default.fileExists(atPath: d.path)) }
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out.svg.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "no staging or temporary files left: \(hidden)")
        return svg
    }

    static func zPrimeCurve(observed: Bool) throws -> LimitCurve {
        let masses = (0..<40).map { 0.2 * pow(1.12, Double($0)) }
        let expected = masses.enumerated().map { i, m in 3e-4 * (1 + 0.5 * log(m + 1)) * (1 + 0.3 * sin(Double(i) / 3)) }
        return try LimitCurve(massesGeV: masses, expected: expected,
                              expectedMinus1Sigma: expected.map { $0 * 0.7 }, expectedPlus1Sigma: expected.map { $0 * 1.45 },
                              expectedMinus2Sigma: expected.map { $0 * 0.52 }, expectedPlus2Sigma: expected.map { $0 * 2.1 },
                              observed: observed ? expected.enumerated().map { $1 * (1 + 0.25 * sin(Double($0))) } : nil,
                              quantity: "g'", massName: "M_{Z'}", confidenceLevel: 0.9, method: "CLs")
    }

    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func limitPlotWithBandsReferenceAndObserved() throws {
        let curve = try Self.zPrimeCurve(observed: true)
        let gm2Masses = [0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 16.0]
        let band = LimitPlotBand(label: "(g-2)_{μ} favoured ±2σ", massesGeV: gm2Masses,
                                 lower: gm2Masses.map { 4e-4 * max(1, $0 / 0.3) }, upper: gm2Masses.map { 9e-4 * max(1, $0 / 0.3) })
        let reference = ReferenceCurve(label: "Belle II 2020 (published)", massesGeV: [0.5, 1, 2, 4, 8],
                                       values: [1e-3, 1.1e-3, 1.6e-3, 2.4e-3, 4e-3])
        let plot = LimitPlot(curve: curve, title: "Limit plot test Z' to invisible",
                             extraBands: [band], references: [reference])
        let out = try PlotWriter.write(plot, to: try outputDirectory("limit"), baseName: "limit_zprime", runner: runner)
        let svg = try checkImages(out, title: "Limit plot test Z")
        #expect(svg.contains("Observed"))
        #expect(svg.contains("Belle II 2020"))
    }

    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func blindedLimitPlotHasNoObservedLine() throws {
        let plot = LimitPlot(curve: try Self.zPrimeCurve(observed: false), title: "Blinded limit test")
        let out = try PlotWriter.write(plot, to: try outputDirectory("blinded"), baseName: "limit", runner: runner)
        let svg = try checkImages(out, title: "Blinded limit test")
        #expect(!svg.contains("Observed"))
        #expect(svg.contains("Expected median"))
        let script = try String(contentsOf: out.script, encoding: .utf8)
        #expect(script.contains("set logscale y") && script.contains("set logscale x"))
    }

    static func stack() throws -> StackPlot {
        let edges = stride(from: 0.0, through: 8.0, by: 0.5).map { $0 }
        let centres = (0..<(edges.count - 1)).map { 0.5 * (edges[$0] + edges[$0 + 1]) }
        let mumu = centres.map { 400 * exp(-$0 / 2.0) }
        let tautau = centres.map { 60 * exp(-pow($0 - 4, 2) / 4) }
        let eemumu = centres.map { _ in 15.0 }
        let total = zip(zip(mumu, tautau).map(+), eemumu).map(+)
        // Deterministic "data": total scaled by 1.03 with a wiggle, rounded to counts.
        let data = total.enumerated().map { ($1 * 1.03 * (1 + 0.06 * sin(Double($0) * 1.7))).rounded() }
        return StackPlot(
            mc: [try Histogram1D(binEdges: edges, values: eemumu, sumw2: eemumu.map { $0 * 0.2 }, label: "ee_mumu", xName: "M_{recoil}", unit: "GeV"),
                 try Histogram1D(binEdges: edges, values: tautau, sumw2: tautau.map { $0 * 0.1 }, label: "tau+tau-", xName: "M_{recoil}", unit: "GeV"),
                 try Histogram1D(binEdges: edges, values: mumu, sumw2: mumu.map { $0 * 0.05 }, label: "mu+mu-(gamma)", xName: "M_{recoil}", unit: "GeV")],
            data: try Histogram1D(binEdges: edges, values: data, label: "Data (control region)", xName: "M_{recoil}", unit: "GeV"),
            title: "Stack plot test control region", yLabel: "Events / 0.5 GeV")
    }

    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func stackPlotWithRatioPanel() throws {
        let out = try PlotWriter.write(try Self.stack(), to: try outputDirectory("stack"), baseName: "stack", runner: runner)
        let svg = try checkImages(out, title: "Stack plot test control region")
        #expect(svg.contains("Data / MC"))
        #expect(svg.contains("ee_mumu"), "underscore kept literally in a process label")
        var logStack = try Self.stack()
        logStack.logY = true
        logStack.title = "Stack plot log test"
        let logOut = try PlotWriter.write(logStack, to: try outputDirectory("stacklog"), baseName: "stack_log", runner: runner)
        _ = try checkImages(logOut, title: "Stack plot log test")
    }

    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func linePlotsForPunziAndCutFlow() throws {
        let masses = stride(from: 0.5, through: 9.5, by: 0.5).map { $0 }
        let train = masses.map { 0.8 - 0.03 * $0 + 0.02 * sin($0) }
        let test = masses.map { 0.78 - 0.03 * $0 + 0.025 * sin($0 + 0.3) }
        let plot = LinePlot(series: [LineSeries(label: "Punzi-optimal cut (train)", x: masses, y: train),
                                     LineSeries(label: "Punzi-optimal cut (test)", x: masses, y: test, yErrors: masses.map { _ in 0.02 }, style: .points, dashed: true)],
                            title: "Line plot test Punzi optimal cut", xLabel: "M_{Z'} [GeV]", yLabel: "Cut on cos θ_{recoil}")
        let out = try PlotWriter.write(plot, to: try outputDirectory("line"), baseName: "punzi", runner: runner)
        _ = try checkImages(out, title: "Line plot test Punzi optimal cut")
        let flow = LinePlot.cutFlow(names: ["All", "Two tracks", "muon ID", "No extra photon", "Recoil window"],
                                    counts: [1e6, 4.2e5, 2.1e5, 9e4, 1.2e4], title: "Cut flow test background")
        let flowOut = try PlotWriter.write(flow, to: try outputDirectory("cutflow"), baseName: "cutflow", runner: runner)
        let svg = try checkImages(flowOut, title: "Cut flow test background")
        #expect(svg.contains("Recoil window"))
    }

    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func mapPlotWithLogColourScale() throws {
        let x = stride(from: 0.5, through: 9.5, by: 0.25).map { $0 }
        let y = stride(from: 0.25, through: 9.0, by: 0.25).map { $0 }
        let values: [[Double?]] = y.map { my in x.map { mx in
            mx + my > 10.0 ? nil : 1e-9 * pow(10, 2.5 * (mx + my) / 10) * (1 + 0.2 * sin(mx * 3))
        } }
        let map = try LimitMap2D(x: x, y: y, values: values, xName: "M_{A'}", yName: "M_{h'}",
                                 quantity: "ε^2 α_D", confidenceLevel: 0.9, method: "Bayesian")
        let plot = MapPlot(map: map, title: "Map plot test dark Higgsstrahlung")
        let out = try PlotWriter.write(plot, to: try outputDirectory("map"), baseName: "map", runner: runner)
        _ = try checkImages(out, title: "Map plot test dark Higgsstrahlung")
        let script = try String(contentsOf: out.script, encoding: .utf8)
        #expect(script.contains("set logscale cb") && script.contains("pm3d"))
    }

    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func gnuplotScriptErrorIsTypedAndNamesTheOutput() throws {
        struct Broken: GnuplotPlot {
            var title = "broken"
            var canvas = PlotCanvas()
            func dataFiles(baseName: String) throws -> [(name: String, contents: String)] { [] }
            func commands(baseName: String) -> [String] { ["plot sin(x) with nonsense_style"] }
        }
        let dir = try temporaryDirectory()
        do {
            try PlotWriter.write(Broken(), to: dir, baseName: "broken", runner: runner)
            Issue.record("expected gnuplotFailed")
        } catch let ReportingError.gnuplotFailed(output, script, code, stderr) {
            #expect(output.hasSuffix("broken.svg"))
            #expect(script.hasSuffix("broken.gp"))
            #expect(code != 0)
            #expect(!stderr.isEmpty)
        }
        // The script stays for the physicist to fix; no image was published.
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("broken.gp").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("broken.svg").path))
    }

    @Test func missingGnuplotIsTypedAndNamesTheOutput() throws {
        let missing = GnuplotRunner(executable: "/nonexistent/gnuplot")
        #expect(!missing.isAvailable)
        let dir = try temporaryDirectory()
        let plot = LimitPlot(curve: try Self.zPrimeCurve(observed: false), title: "x")
        do {
            try PlotWriter.write(plot, to: dir, baseName: "limit", runner: missing)
            Issue.record("expected gnuplotNotFound")
        } catch let ReportingError.gnuplotNotFound(output, _) {
            #expect(output.hasSuffix("limit.svg"))
            #expect("\(ReportingError.gnuplotNotFound(output: output, searched: [])).".contains("apt-get install gnuplot-nox"))
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("limit.gp").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("limit.dat").path))
    }
}
