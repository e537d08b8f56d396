import Foundation

/// Every failure a caller of Reporting can meet, each naming the file or object involved and
/// what to do about it (DESIGN.md: errors a user can cause are typed and actionable).
public enum ReportingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be written.
    case writeFailed(path: String, reason: String)
    /// Input data are inconsistent (e.g. bin edges and values of different lengths).
    case invalidData(what: String, reason: String)
    /// A number that must be finite was NaN or infinite.
    case nonFiniteValue(what: String)
    /// The gnuplot executable was not found; plots are optional, so callers may skip them.
    case gnuplotNotFound(output: String, searched: [String])
    /// gnuplot ran but failed (script error, unknown terminal, ...).
    case gnuplotFailed(output: String, script: String, exitCode: Int32, stderr: String)
    /// gnuplot reported success but the expected image is missing or empty.
    case plotOutputMissing(output: String, script: String)
    /// gnuplot reported success but the image is not whole (truncated SVG or PNG).
    case plotOutputIncomplete(output: String, script: String, reason: String)

    public var description: String {
        switch self {
        case let .writeFailed(path, reason):
            return "cannot write \(path): \(reason)"
        case let .invalidData(what, reason):
            return "invalid \(what): \(reason)"
        case let .nonFiniteValue(what):
            return "\(what) is NaN or infinite; fix the input or leave the value out"
        case let .gnuplotNotFound(output, searched):
            return "cannot make plot \(output): gnuplot not found (looked in \(searched.joined(separator: ", "))); "
                + "install gnuplot (Debian: apt-get install gnuplot-nox) or set DARKSECTOR_GNUPLOT"
        case let .gnuplotFailed(output, script, code, stderr):
            // One line: gnuplot echoes the offending script line and a caret on lines of their own.
            let text = stderr.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "^" }
                .joined(separator: " | ")
            return "cannot make plot \(output): gnuplot exited with status \(code) running \(script): "
                + (text.count > 400 ? String(text.prefix(400)) + "..." : text)
        case let .plotOutputMissing(output, script):
            return "gnuplot ran \(script) but did not write \(output) (or wrote an empty file)"
        case let .plotOutputIncomplete(output, script, reason):
            return "gnuplot ran \(script) but \(output) is not a complete image: \(reason); nothing was published"
        }
    }
}
