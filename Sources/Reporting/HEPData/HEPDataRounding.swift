import Foundation

/// Rounding of every number in a submission to a number of significant digits, applied by
/// `HEPDataWriter` before serialising (see `HEPDataWriter.defaultSignificantDigits`).
extension HEPDataSubmission {
    public func rounded(toSignificantDigits digits: Int) -> HEPDataSubmission {
        var copy = self
        copy.tables = tables.map { $0.rounded(toSignificantDigits: digits) }
        return copy
    }
}

extension HEPDataTable {
    public func rounded(toSignificantDigits digits: Int) -> HEPDataTable {
        let r = { (x: Double) in HEPDataRounding.round(x, digits) }
        var copy = self
        copy.independentVariables = independentVariables.map { v in
            var v = v
            v.values = v.values.map { x in
                switch x {
                case let .value(d): return .value(r(d))
                case let .bin(low, high, value): return .bin(low: r(low), high: r(high), value: value.map(r))
                case .text: return x
                }
            }
            return v
        }
        copy.dependentVariables = dependentVariables.map { v in
            var v = v
            v.values = v.values.map { y in
                var y = y
                if case let .number(d)? = y.value { y.value = .number(r(d)) }
                y.errors = y.errors.map { e in
                    switch e {
                    case let .symmetric(d, label): return .symmetric(r(d), label: label)
                    case let .asymmetric(p, m, label): return .asymmetric(plus: r(p), minus: r(m), label: label)
                    }
                }
                return y
            }
            return v
        }
        return copy
    }
}

enum HEPDataRounding {
    /// `x` rounded to `digits` significant digits (decimal, via printf's correctly rounded
    /// `%e`), so `6.300000000000001e-05` becomes `6.3e-05`.
    static func round(_ x: Double, _ digits: Int) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return Double(String(format: "%.\(max(1, digits) - 1)e", x)) ?? x
    }
}
