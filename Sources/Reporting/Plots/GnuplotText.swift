import Foundation

/// Helpers for writing gnuplot scripts and data files.
///
/// Titles and axis labels in DarkSector plot specifications are gnuplot *enhanced text*
/// (`M_{X} [GeV]`, `{/Symbol e}^2`), because that is how physicists write sub- and
/// superscripts. Names that come from data (process labels) go through `literal(_:)` so an
/// underscore in `process_name` stays an underscore.
public enum GnuplotText {
    /// A double-quoted gnuplot string literal for `text` (backslashes and quotes escaped).
    public static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Escapes enhanced-text markup characters so `text` prints as written.
    public static func literal(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "^_@&~{}".contains(ch) { out += "\\" }
            out.append(ch)
        }
        return out
    }

    /// A number for a data file; NaN/inf become `NaN`, which gnuplot treats as missing.
    public static func number(_ x: Double) -> String {
        x.isFinite ? "\(x)" : "NaN"
    }

    /// An optional number for a data file.
    public static func number(_ x: Double?) -> String {
        x.map(number) ?? "NaN"
    }
}
