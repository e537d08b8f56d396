import Foundation

/// Assembles `report.md`: a title, a provenance block, then sections of prose, tables and
/// plot links, in the order added. The result is plain GitHub Markdown so it reads on
/// GitLab/GitHub, in an editor, or through pandoc.
public struct ReportDocument: Sendable {
    /// One block of the document.
    public enum Block: Sendable, Equatable {
        case heading(String, level: Int)
        case paragraph(String)
        case table(ResultTable)
        /// An image link; `path` is relative to the report's directory.
        case image(path: String, alt: String, caption: String?)
        case bullets([String])
        case code(String, language: String?)
        /// Markdown written as is.
        case raw(String)
    }

    public var title: String
    public var provenance: ProvenanceInfo?
    public private(set) var blocks: [Block] = []

    public init(title: String, provenance: ProvenanceInfo? = nil) {
        self.title = title
        self.provenance = provenance
    }

    /// Starts a section (`##`), or a subsection with `level: 3`.
    public mutating func section(_ heading: String, level: Int = 2) { blocks.append(.heading(heading, level: level)) }
    public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    public mutating func table(_ table: ResultTable) { blocks.append(.table(table)) }
    public mutating func bullets(_ items: [String]) { blocks.append(.bullets(items)) }
    public mutating func code(_ text: String, language: String? = nil) { blocks.append(.code(text, language: language)) }
    public mutating func raw(_ markdown: String) { blocks.append(.raw(markdown)) }

    /// Links an image; prefer the PNG (every viewer shows it) and link the SVG in the caption.
    public mutating func image(path: String, alt: String, caption: String? = nil) {
        blocks.append(.image(path: path, alt: alt, caption: caption))
    }

    /// Links a plot made by `PlotWriter`, with paths relative to `reportDirectory`.
    public mutating func plot(_ output: PlotOutput, alt: String, caption: String? = nil, relativeTo reportDirectory: URL) {
        let png = Self.relativePath(output.png, from: reportDirectory)
        let svg = Self.relativePath(output.svg, from: reportDirectory)
        let script = Self.relativePath(output.script, from: reportDirectory)
        let links = "[SVG](\(Self.linkTarget(svg))) · [gnuplot script](\(Self.linkTarget(script)))"
        blocks.append(.image(path: png, alt: alt, caption: [caption, links].compactMap { $0 }.joined(separator: " — ")))
    }

    /// The Markdown text.
    public func render() -> String {
        var parts = ["# \(title)"]
        if let p = provenance { parts.append(Self.provenanceBlock(p)) }
        for block in blocks {
            switch block {
            case let .heading(text, level):
                parts.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + text)
            case let .paragraph(text):
                parts.append(text)
            case let .table(t):
                parts.append(MarkdownTableRenderer.render(t).trimmingCharacters(in: .newlines))
            case let .image(path, alt, caption):
                var s = "![\(alt.replacingOccurrences(of: "]", with: "\\]"))](\(Self.linkTarget(path)))"
                if let caption, !caption.isEmpty { s += "\n\n*\(caption)*" }
                parts.append(s)
            case let .bullets(items):
                parts.append(items.map { "- " + $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n"))
            case let .code(text, language):
                let fence = text.contains("```") ? "~~~~" : "```"
                parts.append(fence + (language ?? "") + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence)
            case let .raw(md):
                parts.append(md)
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Writes the report atomically (temporary file + rename).
    public func write(to url: URL) throws {
        try AtomicFile.write(render(), to: url)
    }

    /// The provenance block: a small key/value table plus the sample list.
    static func provenanceBlock(_ p: ProvenanceInfo) -> String {
        var rows: [(String, String)] = [("Run", "`\(p.runID)`")]
        if let s = p.search { rows.append(("Search", "`\(s)`")) }
        rows.append(("Configuration hash", "`\(p.configurationHash)`"))
        rows.append(("Code version", "`\(p.codeVersion)`"))
        rows.append(("Signal regions", p.unblinded ? "**unblinded**" : "blinded (expected limits only)"))
        if let t = p.createdAt { rows.append(("Created", t)) }
        var s = "## Provenance\n\n| | |\n| :--- | :--- |\n"
        s += rows.map { "| \($0.0) | \(MarkdownTableRenderer.escape($0.1)) |" }.joined(separator: "\n")
        if !p.samples.isEmpty {
            s += "\n\nSamples:\n\n" + p.samples.map { "- `\($0)`" }.joined(separator: "\n")
        }
        if !p.notes.isEmpty {
            s += "\n\n" + p.notes.map { "> **Note:** \($0)" }.joined(separator: "\n>\n")
        }
        return s
    }

    /// Angle brackets let link targets contain spaces and parentheses (CommonMark).
    static func linkTarget(_ path: String) -> String {
        path.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) ? "<\(path)>" : path
    }

    /// `file` relative to `directory` when it lies inside it, else its absolute path.
    public static func relativePath(_ file: URL, from directory: URL) -> String {
        let f = file.standardizedFileURL.path, d = directory.standardizedFileURL.path
        let prefix = d.hasSuffix("/") ? d : d + "/"
        return f.hasPrefix(prefix) ? String(f.dropFirst(prefix.count)) : f
    }
}
