/// A physics symbol written once, in the LaTeX subset HEPData and papers use
/// (`M_{Z'}`, `\epsilon^{2}\alpha_{D}`, `\sigma \times \mathcal{B}`), and rendered for each
/// output: LaTeX for HEPData and LaTeX tables, gnuplot's enhanced text for plots, plain
/// text for CSV headers and messages.
///
/// A search states its labels as data (`SearchPresentation`); the shared report code never
/// spells a search's symbol itself.
public struct PhysicsLabel: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The LaTeX source, without `$...$`.
    public let latex: String

    public init(latex: String) { self.latex = latex }

    public var description: String { plain }

    /// Greek letters and operators the renderers know, with their gnuplot (Symbol font) and
    /// plain spellings.
    static let commands: [String: (gnuplot: String, plain: String)] = [
        "alpha": ("{/Symbol a}", "alpha"), "beta": ("{/Symbol b}", "beta"), "gamma": ("{/Symbol g}", "gamma"),
        "delta": ("{/Symbol d}", "delta"), "epsilon": ("{/Symbol e}", "eps"), "eta": ("{/Symbol h}", "eta"),
        "theta": ("{/Symbol q}", "theta"), "lambda": ("{/Symbol l}", "lambda"), "mu": ("{/Symbol m}", "mu"),
        "nu": ("{/Symbol n}", "nu"), "pi": ("{/Symbol p}", "pi"), "rho": ("{/Symbol r}", "rho"),
        "sigma": ("{/Symbol s}", "sigma"), "tau": ("{/Symbol t}", "tau"), "phi": ("{/Symbol f}", "phi"),
        "chi": ("{/Symbol c}", "chi"), "psi": ("{/Symbol y}", "psi"), "omega": ("{/Symbol w}", "omega"),
        "Upsilon": ("{/Symbol U}", "Upsilon"), "Delta": ("{/Symbol D}", "Delta"),
        "times": (" x ", " x "), "pm": ("+-", "+-"), "to": ("->", "->"), "rightarrow": ("->", "->"),
        "ell": ("l", "l"), ",": (" ", " "), " ": (" ", " "),
    ]

    /// gnuplot enhanced text: `_{...}`/`^{...}` as they are (gnuplot reads the same braces), a
    /// single-character sub/superscript braced, Greek letters in the Symbol font, `\mathcal{X}`
    /// and `\mathrm{X}` as X. Underscores that are not subscripts do not occur in a label.
    /// A superscript directly followed by a subscript (or the reverse), `M^{2}_{rec}`, is
    /// stacked as LaTeX stacks it (gnuplot's `@` gives the first script zero width).
    public var gnuplot: String { Self.stackScripts(render { $0.gnuplot }) }

    /// `X^{a}_{b}` -> `X@^{a}_{b}` (and `_{b}^{a}` likewise) for top-level scripts.
    static func stackScripts(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if (c == "^" || c == "_"), i + 1 < chars.count, chars[i + 1] == "{", i == 0 || chars[i - 1] != "@" {
                // Find the closing brace of this script.
                var depth = 0, j = i + 1
                while j < chars.count {
                    if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                let other: Character = c == "^" ? "_" : "^"
                if j + 2 < chars.count, chars[j + 1] == other, chars[j + 2] == "{" {
                    out.append("@")
                }
                out += String(chars[i...min(j, chars.count - 1)])
                i = j + 1
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Plain text: `M_Z'`, `eps^2 alpha_D`.
    public var plain: String {
        render { $0.plain }
            .replacingOccurrences(of: "_{", with: "_").replacingOccurrences(of: "^{", with: "^")
            .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
    }

    /// `$...$` for HEPData names and LaTeX tables.
    public var inlineLaTeX: String { "$\(latex)$" }

    private func render(_ spelling: ((gnuplot: String, plain: String)) -> String) -> String {
        var out = ""
        let chars = Array(latex)
        var i = 0
        var lastWasCommand = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                var j = i + 1
                if j < chars.count, !chars[j].isLetter { j += 1 } else { while j < chars.count, chars[j].isLetter { j += 1 } }
                let name = String(chars[(i + 1)..<j])
                if name == "mathcal" || name == "mathrm" || name == "text" {
                    lastWasCommand = false
                } else if let s = Self.commands[name] {
                    out += spelling(s)
                    lastWasCommand = true
                } else {
                    out += name
                    lastWasCommand = true
                }
                i = j
                // A space after a command name only ends the name.
                if i < chars.count, chars[i] == " ", lastWasCommand { i += 1 }
                continue
            }
            if (c == "_" || c == "^"), i + 1 < chars.count, chars[i + 1] != "{" {
                // Single-character script: brace it so both renderers agree on its extent.
                out += "\(c){\(chars[i + 1])}"
                i += 2
                lastWasCommand = false
                continue
            }
            out.append(c)
            lastWasCommand = false
            i += 1
        }
        return out
    }
}
