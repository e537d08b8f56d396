import Foundation
import Testing
@testable import Reporting

/// Plots are published atomically (issue #14: disk full during `run` left a truncated SVG):
/// gnuplot writes into a hidden staging folder next to the destination, the images are
/// checked to be whole and renamed into place; a failure publishes nothing and leaves no
/// temporary behind.
@Suite struct PlotAtomicityTests {
    /// What a plot folder holds besides the data and script PlotWriter writes first.
    func leftovers(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { !$0.hasSuffix(".dat") && !$0.hasSuffix(".gp") }.sorted()
    }

    func plot() throws -> LimitPlot {
        LimitPlot(curve: try PlotTests.zPrimeCurve(observed: false), title: "atomic")
    }

    /// A gnuplot that fails (here /bin/false, what DARKSECTOR_GNUPLOT=/bin/false selects)
    /// leaves neither image nor the staging folder, and the error names the kept script.
    @Test func failingGnuplotLeavesNoImageAndNoTemporary() throws {
        let dir = try temporaryDirectory()
        let runner = GnuplotRunner(executable: "/bin/false")
        #expect(runner.isAvailable)
        #expect(throws: ReportingError.self) { try PlotWriter.write(try plot(), to: dir, baseName: "limit", runner: runner) }
        do {
            try PlotWriter.write(try plot(), to: dir, baseName: "limit", runner: runner)
        } catch let ReportingError.gnuplotFailed(_, script, code, _) {
            #expect(script == dir.appendingPathComponent("limit.gp").standardizedFileURL.path
                    || script == dir.appendingPathComponent("limit.gp").path)
            #expect(code == 1)
        }
        #expect(try leftovers(in: dir) == [])
    }

    /// A gnuplot that exits 0 after a short write (as on a full disk) publishes nothing: the
    /// truncated SVG is caught by its missing closing tag.
    @Test func truncatedImageIsNotPublished() throws {
        let dir = try temporaryDirectory()
        let fake = dir.appendingPathComponent("fake-gnuplot.sh")
        // Writes a cut-off SVG and a PNG with only its signature, then claims success.
        try "#!/bin/sh\nprintf '<svg width=\"10\"><path d=\"M0' > limit.svg\nprintf '\\211PNG\\r\\n\\032\\n' > limit.png\nexit 0\n"
            .write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        let out = dir.appendingPathComponent("plots")
        do {
            try PlotWriter.write(try plot(), to: out, baseName: "limit", runner: GnuplotRunner(executable: fake.path))
            Issue.record("expected plotOutputIncomplete")
        } catch let ReportingError.plotOutputIncomplete(output, _, reason) {
            #expect(output.hasSuffix("limit.svg"))
            #expect(reason.contains("</svg>"))
        }
        #expect(try leftovers(in: out) == [])
    }

    /// An earlier complete image survives a failed re-run (never replaced by a broken one).
    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func failedRerunKeepsThePreviousImages() throws {
        let dir = try temporaryDirectory()
        let first = try PlotWriter.write(try plot(), to: dir, baseName: "limit")
        let before = try Data(contentsOf: first.svg)
        #expect(ImageCompleteness.problem(with: first.svg) == nil)
        #expect(ImageCompleteness.problem(with: first.png) == nil)
        #expect(throws: ReportingError.self) {
            try PlotWriter.write(try plot(), to: dir, baseName: "limit", runner: GnuplotRunner(executable: "/bin/false"))
        }
        #expect(try Data(contentsOf: first.svg) == before)
        #expect(try leftovers(in: dir) == ["limit.png", "limit.svg"])
    }

    /// The completeness check itself: real gnuplot images pass, the same bytes cut short fail.
    @Test(.enabled(if: PlotTests.gnuplotInstalled, "gnuplot not installed (Debian: apt-get install gnuplot-nox)"))
    func completenessCheckRejectsCutImages() throws {
        let dir = try temporaryDirectory()
        let out = try PlotWriter.write(try plot(), to: dir, baseName: "limit")
        for image in [out.svg, out.png] {
            let data = try Data(contentsOf: image)
            let cut = dir.appendingPathComponent("cut." + image.pathExtension)
            try data.prefix(data.count - 20).write(to: cut)
            #expect(ImageCompleteness.problem(with: cut)?.contains("truncated") == true, "\(cut.lastPathComponent)")
        }
    }

    /// gnuplot's multi-line stderr becomes one line in the error message.
    @Test func gnuplotFailureIsOneLine() {
        let error = ReportingError.gnuplotFailed(output: "a.svg", script: "a.gp", exitCode: 1,
                                                 stderr: "\n  plot sin(x) with nonsense\n                   ^\n\"a.gp\" line 3: unexpected\n\n")
        #expect(!"\(error)".contains("\n"))
        #expect("\(error)".contains("plot sin(x) with nonsense | \"a.gp\" line 3: unexpected"))
    }
}
