/// Renders a `ResultTable` as a GitHub-flavoured Markdown table.
///
/// Numbers are right-aligned and rounded (see `NumberFormat`); powers of ten use
/// `×10<sup>n</sup>`, which GitHub and most Markdown viewers render. Pipes in text are escaped
/// and line breaks become `<br>`, since either would otherwise break the table.
public enum MarkdownTableRenderer {
    /// - Parameter includeTitle: write the title as a bold line above the table and the caption
    ///   in italics below it.
    public static func render(_ table: ResultTable, includeTitle: Bool = true) -> String {
        var out = ""
        if includeTitle, !table.title.isEmpty { out += "**\(escape(table.title))**\n\n" }
        let numeric = table.columns.indices.map { c in
            table.rows.contains { if case .number = $0[c] { return true } else { return false } }
        }
        out += "| " + table.columns.map { escape($0.label) }.joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " :--- |" }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map(cell).joined(separator: " | ") + " |\n"
        }
        if includeTitle, let caption = table.caption, !caption.isEmpty { out += "\n*\(escape(caption))*\n" }
        return out
    }

    /// Markdown text for one cell.
    public static func cell(_ cell: TableCell) -> String {
        switch cell {
        case .empty: return ""
        case let .text(t): return escape(t)
        case let .number(v, nil, f): return text(NumberFormatting.format(v, f))
        case let .number(v, u?, f):
            let (value, plus, minus) = NumberFormatting.format(v, uncertainty: u, f)
            let body: String
            switch u {
            case .symmetric: body = "\(value.mantissa) ± \(plus.mantissa)"
            case .asymmetric: body = "\(value.mantissa) +\(plus.mantissa)/−\(minus.mantissa)"
            }
            // A common exponent (automatic format) is written once for the whole group.
            if let e = value.exponent, value.exponent == plus.exponent, plus.exponent == minus.exponent {
                return "(\(body))×10<sup>\(e)</sup>"
            }
            switch u {
            case .symmetric: return "\(text(value)) ± \(text(plus))"
            case .asymmetric: return "\(text(value)) +\(text(plus))/−\(text(minus))"
            }
        }
    }

    static func text(_ n: FormattedNumber) -> String {
        guard let e = n.exponent else { return n.mantissa }
        return "\(n.mantissa)×10<sup>\(e)</sup>"
    }

    /// Escapes characters that would end a cell or a row.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
