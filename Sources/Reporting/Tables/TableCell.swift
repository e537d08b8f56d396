/// One cell of a `ResultTable`: a number (optionally with an uncertainty), text, or nothing.
///
/// Numbers stay numbers until rendering so that CSV can keep full precision, LaTeX can write
/// `$a \pm b$`, and HEPData can write `symerror`/`asymerror` from the same table.
public enum TableCell: Sendable, Codable, Equatable, Hashable {
    case number(Double, uncertainty: Uncertainty? = nil, format: NumberFormat = .automatic)
    case text(String)
    case empty

    /// Convenience for the common `value ± error` cell.
    public static func measured(_ value: Double, _ error: Double, format: NumberFormat = .automatic) -> TableCell {
        .number(value, uncertainty: .symmetric(error), format: format)
    }

    /// Plain number without uncertainty.
    public static func value(_ value: Double, format: NumberFormat = .automatic) -> TableCell {
        .number(value, uncertainty: nil, format: format)
    }
}

extension TableCell: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}
