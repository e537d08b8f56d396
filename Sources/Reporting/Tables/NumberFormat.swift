import Foundation

/// How a number is printed in human-readable tables (Markdown, LaTeX).
///
/// CSV always carries full precision (it is for machines); the human formats round, because a
/// table with 17 digits is unreadable and hides the uncertainty.
public enum NumberFormat: Sendable, Codable, Equatable, Hashable {
    /// Integers as integers; with an uncertainty, the uncertainty is rounded to two significant
    /// digits and the value to the same decimal place; otherwise four significant digits.
    case automatic
    /// A fixed number of decimals, e.g. `.fixed(2)` -> `0.12`.
    case fixed(Int)
    /// A number of significant digits, positional where readable, scientific otherwise.
    case significant(Int)
    /// Scientific notation with the given number of decimals in the mantissa.
    case scientific(Int)
}

/// A number split into mantissa and power of ten, so each renderer can write its own notation
/// (`1.2e-05` in Markdown, `1.2 \times 10^{-5}` in LaTeX).
public struct FormattedNumber: Sendable, Equatable {
    public var mantissa: String
    public var exponent: Int?

    /// Plain-text form, e.g. `1.2e-05` or `0.0123`.
    public var plain: String {
        guard let e = exponent else { return mantissa }
        return mantissa + "e" + (e < 0 ? "-" : "+") + String(format: "%02d", abs(e))
    }
}

/// Rounding rules shared by the Markdown and LaTeX renderers.
public enum NumberFormatting {
    /// Formats `value` alone.
    public static func format(_ value: Double, _ format: NumberFormat) -> FormattedNumber {
        guard value.isFinite else { return FormattedNumber(mantissa: value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf")) }
        switch format {
        case .automatic:
            if value == value.rounded(), abs(value) < 1e15 {
                return FormattedNumber(mantissa: String(Int64(value)))
            }
            return significant(value, 4)
        case let .fixed(d):
            return FormattedNumber(mantissa: String(format: "%.\(max(0, d))f", value))
        case let .significant(n):
            return significant(value, n)
        case let .scientific(d):
            return scientific(value, decimals: d)
        }
    }

    /// Formats a value and its uncertainty with a common rounding, so `0.01234 ± 0.00056`
    /// becomes `0.01234 ± 0.00056` and `123.456 ± 7.891` becomes `123.5 ± 7.9`.
    public static func format(_ value: Double, uncertainty: Uncertainty,
                              _ format: NumberFormat) -> (value: FormattedNumber, plus: FormattedNumber, minus: FormattedNumber) {
        let (p, m): (Double, Double)
        switch uncertainty {
        case let .symmetric(e): (p, m) = (abs(e), abs(e))
        case let .asymmetric(pp, mm): (p, m) = (abs(pp), abs(mm))
        }
        switch format {
        case .automatic:
            let width = max(p, m)
            guard width > 0, width.isFinite, value.isFinite else {
                return (self.format(value, .automatic), self.format(p, .automatic), self.format(m, .automatic))
            }
            // Decimal place of the second significant digit of the uncertainty.
            let place = Int(floor(log10(width))) - 1
            let magnitude = max(abs(value), width)
            let exp10 = Int(floor(log10(magnitude)))
            if exp10 >= 6 || exp10 <= -4 {
                // Common power of ten so the value and its uncertainty read together.
                let scale = pow(10.0, Double(exp10))
                let decimals = max(0, exp10 - place)
                func f(_ x: Double) -> FormattedNumber {
                    FormattedNumber(mantissa: String(format: "%.\(decimals)f", x / scale), exponent: exp10)
                }
                return (f(value), f(p), f(m))
            }
            let decimals = max(0, -place)
            func f(_ x: Double) -> FormattedNumber { FormattedNumber(mantissa: String(format: "%.\(decimals)f", x)) }
            return (f(value), f(p), f(m))
        default:
            return (self.format(value, format), self.format(p, format), self.format(m, format))
        }
    }

    static func significant(_ value: Double, _ digits: Int) -> FormattedNumber {
        let n = max(1, digits)
        if value == 0 { return FormattedNumber(mantissa: "0") }
        let exp10 = Int(floor(log10(abs(value))))
        if exp10 < -3 || exp10 >= 6 { return scientific(value, decimals: n - 1) }
        let decimals = max(0, n - 1 - exp10)
        return FormattedNumber(mantissa: String(format: "%.\(decimals)f", value))
    }

    static func scientific(_ value: Double, decimals: Int) -> FormattedNumber {
        if value == 0 { return FormattedNumber(mantissa: String(format: "%.\(max(0, decimals))f", 0.0)) }
        var exp10 = Int(floor(log10(abs(value))))
        var mant = value / pow(10.0, Double(exp10))
        // Rounding can carry the mantissa to 10.0 (9.996 -> 10.00); renormalise.
        let rounded = (mant * pow(10.0, Double(decimals))).rounded() / pow(10.0, Double(decimals))
        if abs(rounded) >= 10 { exp10 += 1; mant = value / pow(10.0, Double(exp10)) }
        return FormattedNumber(mantissa: String(format: "%.\(max(0, decimals))f", mant), exponent: exp10)
    }

    /// Shortest decimal text that reads back as the same `Double` (for CSV and YAML).
    public static func roundTrip(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
