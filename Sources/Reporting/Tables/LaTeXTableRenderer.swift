/// Renders a `ResultTable` as a LaTeX `table` with booktabs rules.
///
/// Uncertainties are written in math mode as `$a \pm b$` (or `$a^{+p}_{-m}$`) with plain
/// LaTeX, so the output compiles without siunitx; the only package needed is `booktabs`.
/// Text and plain headings are escaped, so `eff_sig`, `5%` or `R&D` cannot break a paper
/// build; a heading's `latex` field is used verbatim for real math.
public enum LaTeXTableRenderer {
    /// - Parameters:
    ///   - label: `\label{...}` for cross references (written only when given).
    ///   - fragment: write only the `tabular` environment, for `\input` inside a hand-written
    ///     `table` float.
    public static func render(_ table: ResultTable, label: String? = nil, fragment: Bool = false) -> String {
        let numeric = table.columns.indices.map { c in
            table.rows.contains { if case .number = $0[c] { return true } else { return false } }
        }
        let spec = numeric.map { $0 ? "r" : "l" }.joined()
        var lines: [String] = []
        let indent = fragment ? "" : "  "
        if !fragment {
            lines.append("\\begin{table}[htbp]")
            lines.append("  \\centering")
            let caption = [table.title, table.caption ?? ""].filter { !$0.isEmpty }
                .map(escape).joined(separator: ". ")
            if !caption.isEmpty { lines.append("  \\caption{\(caption)}") }
            if let label { lines.append("  \\label{\(label)}") }
        }
        lines.append(indent + "\\begin{tabular}{\(spec)}")
        lines.append(indent + "  \\toprule")
        lines.append(indent + "  " + table.columns.map { $0.latex ?? escape($0.label) }.joined(separator: " & ") + " \\\\")
        lines.append(indent + "  \\midrule")
        for row in table.rows {
            lines.append(indent + "  " + row.map(cell).joined(separator: " & ") + " \\\\")
        }
        lines.append(indent + "  \\bottomrule")
        lines.append(indent + "\\end{tabular}")
        if !fragment { lines.append("\\end{table}") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// LaTeX for one cell; numbers are in math mode so minus signs and exponents typeset.
    public static func cell(_ cell: TableCell) -> String {
        switch cell {
        case .empty: return ""
        case let .text(t): return escape(t)
        case let .number(v, nil, f): return "$" + math(NumberFormatting.format(v, f)) + "$"
        case let .number(v, u?, f):
            let (value, plus, minus) = NumberFormatting.format(v, uncertainty: u, f)
            if let e = value.exponent, value.exponent == plus.exponent, plus.exponent == minus.exponent {
                let body: String
                switch u {
                case .symmetric: body = "\(value.mantissa) \\pm \(plus.mantissa)"
                case .asymmetric: body = "\(value.mantissa)^{+\(plus.mantissa)}_{-\(minus.mantissa)}"
                }
                return "$(\(body)) \\times 10^{\(e)}$"
            }
            switch u {
            case .symmetric: return "$\(math(value)) \\pm \(math(plus))$"
            case .asymmetric: return "$\(math(value))^{+\(math(plus))}_{-\(math(minus))}$"
            }
        }
    }

    static func math(_ n: FormattedNumber) -> String {
        guard let e = n.exponent else { return n.mantissa }
        return "\(n.mantissa) \\times 10^{\(e)}"
    }

    /// Escapes the LaTeX special characters `\ & % $ # _ { } ~ ^` for text mode.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "&": out += "\\&"
            case "%": out += "\\%"
            case "$": out += "\\$"
            case "#": out += "\\#"
            case "_": out += "\\_"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(ch)
            }
        }
        return out
    }
}
