import Foundation

/// Writes a `ResultTable` in all three text formats at once, which is what a run's output
/// directory wants: `<baseName>.csv` for scripts, `.md` for the report, `.tex` for the paper.
public enum TableWriter {
    /// - Returns: the CSV, Markdown and LaTeX URLs, in that order.
    @discardableResult
    public static func write(_ table: ResultTable, to directory: URL, baseName: String,
                             latexLabel: String? = nil) throws -> [URL] {
        let outputs: [(String, String)] = [
            ("csv", CSVRenderer.render(table)),
            ("md", MarkdownTableRenderer.render(table)),
            ("tex", LaTeXTableRenderer.render(table, label: latexLabel)),
        ]
        return try outputs.map { ext, text in
            let url = directory.appendingPathComponent("\(baseName).\(ext)")
            try AtomicFile.write(text, to: url)
            return url
        }
    }
}
