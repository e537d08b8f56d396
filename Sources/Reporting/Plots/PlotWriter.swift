import Foundation

/// Writes a plot's data, script and images.
public enum PlotWriter {
    /// Writes `<baseName>.dat`-style data files and `<baseName>.gp` into `directory`, then runs
    /// gnuplot to make `<baseName>.svg` and `<baseName>.png`.
    ///
    /// The data and script are always written first, so even when gnuplot is missing or fails
    /// (a thrown `ReportingError.gnuplotNotFound` / `.gnuplotFailed` naming the image) they
    /// stay for a later `gnuplot <baseName>.gp`. gnuplot itself runs in a private staging
    /// directory and the images are renamed into place, so no half-drawn image is ever seen.
    @discardableResult
    public static func write(_ plot: some GnuplotPlot, to directory: URL, baseName: String,
                             runner: GnuplotRunner = GnuplotRunner()) throws -> PlotOutput {
        let data = try plot.dataFiles(baseName: baseName)
        let script = self.script(for: plot, baseName: baseName)
        let scriptURL = directory.appendingPathComponent("\(baseName).gp")
        var dataURLs: [URL] = []
        for (name, contents) in data {
            let url = directory.appendingPathComponent(name)
            try AtomicFile.write(contents, to: url)
            dataURLs.append(url)
        }
        try AtomicFile.write(script, to: scriptURL)
        let output = PlotOutput(script: scriptURL, dataFiles: dataURLs,
                                svg: directory.appendingPathComponent("\(baseName).svg"),
                                png: directory.appendingPathComponent("\(baseName).png"))

        // Stage: same files in a hidden sibling directory (same file system, so the final
        // rename is atomic), gnuplot writes its images there, and they are published only
        // when both are complete; the stage is removed whatever happens.
        let fm = FileManager.default
        let stage = directory.appendingPathComponent(".\(baseName).gnuplot-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: stage) }
        for (name, contents) in data { try AtomicFile.write(contents, to: stage.appendingPathComponent(name)) }
        let stagedScript = stage.appendingPathComponent("\(baseName).gp")
        try AtomicFile.write(script, to: stagedScript)
        do {
            try runner.run(script: stagedScript, in: stage, output: output.svg)
        } catch let ReportingError.gnuplotFailed(image, _, code, stderr) {
            // Name the kept script, not the staged copy that is about to be removed.
            throw ReportingError.gnuplotFailed(output: image, script: scriptURL.path, exitCode: code, stderr: stderr)
        }
        let images = [output.svg, output.png]
        for final in images {
            let staged = stage.appendingPathComponent(final.lastPathComponent)
            guard fm.fileExists(atPath: staged.path), (try? fm.attributesOfItem(atPath: staged.path)[.size] as? Int) ?? 0 > 0 else {
                throw ReportingError.plotOutputMissing(output: final.path, script: scriptURL.path)
            }
            if let problem = ImageCompleteness.problem(with: staged) {
                throw ReportingError.plotOutputIncomplete(output: final.path, script: scriptURL.path, reason: problem)
            }
            try AtomicFile.flush(staged, destination: final)
        }
        for final in images {
            if rename(stage.appendingPathComponent(final.lastPathComponent).path, final.path) != 0 {
                throw ReportingError.writeFailed(path: final.path, reason: String(cString: strerror(errno)))
            }
        }
        return output
    }

    /// The complete script: a header saying how to rerun it, then the drawing commands once
    /// per output format.
    public static func script(for plot: some GnuplotPlot, baseName: String) -> String {
        let c = plot.canvas
        let font = GnuplotText.quoted("\(c.font),\(c.fontSize)")
        let size = "size \(c.widthPixels),\(c.heightPixels)"
        var lines = [
            "# \(plot.title.replacingOccurrences(of: "\n", with: " "))",
            "# Written by DarkSector Reporting. Edit freely and rerun in this directory with:",
            "#   gnuplot \(baseName).gp",
            "# It reads the data file(s) next to it and writes \(baseName).svg and \(baseName).png.",
            "set encoding utf8",
            "do for [fmt in \"svg png\"] {",
            "  reset",
            "  if (fmt eq \"svg\") {",
            "    set terminal svg \(size) dynamic enhanced font \(font) background rgb \"white\"",
            "    set output \"\(baseName).svg\"",
            "  } else {",
            "    # pngcairo draws anti-aliased lines; libgd png is the fallback on minimal installs.",
            "    if (strstrt(GPVAL_TERMINALS, \"pngcairo\") > 0) {",
            "      set terminal pngcairo \(size) enhanced font \(font) background rgb \"white\"",
            "    } else {",
            "      set terminal png \(size) enhanced font \(font) background rgb \"white\"",
            "    }",
            "    set output \"\(baseName).png\"",
            "  }",
        ]
        lines += plot.commands(baseName: baseName).map { "  " + $0 }
        lines += ["  unset output", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// Distinguishable fill colours for stacked processes (colour-blind-friendly ordering).
    public static let palette = ["#5790fc", "#f89c20", "#e42536", "#964a8b", "#9c9ca1", "#7a21dd",
                                 "#86c8dd", "#b9ac70", "#a96b59", "#e76300", "#92dadd", "#717581"]
}
