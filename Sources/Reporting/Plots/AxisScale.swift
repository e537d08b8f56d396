import Foundation

/// Axis helpers shared by the plot kinds.
enum AxisScale {
    /// Tick format for a log axis: `10^{n}` when the range spans a decade or more (gnuplot
    /// then puts ticks on decades), otherwise mantissa × power of ten (`%t`/`%T`, not the
    /// engineering `%s`/`%S`) so in-between ticks stay distinguishable.
    static func logFormat(min lo: Double, max hi: Double) -> String {
        guard lo > 0, hi > lo else { return "\"10^{%L}\"" }
        return log10(hi / lo) >= 1 ? "\"10^{%L}\"" : "\"%.1t×10^{%T}\""
    }

    /// Error (half the error bar) below which a ratio point counts as precise enough to widen
    /// the ratio axis for.
    static let ratioPreciseError = 0.25

    /// The data/MC ratio axis: 0.5-1.5, the mplhep/Belle II default, widened in steps of 0.25
    /// (down to 0, up to 3) only as far as needed to show every point whose error bar is
    /// shorter than `ratioPreciseError` on each side. Imprecise points may lie outside
    /// (the plot marks them at the edge); `widened` says whether the default was left.
    static func ratioRange(ratios: [Double?], lows: [Double?], highs: [Double?]) -> (low: Double, high: Double, widened: Bool) {
        var low = 0.5, high = 1.5
        for i in ratios.indices {
            guard let r = ratios[i], r.isFinite, let l = lows[i], let h = highs[i] else { continue }
            guard max(r - l, h - r) < ratioPreciseError else { continue }
            while r > high - 0.05 * (high - low), high < 3 { high += 0.25 }
            while r < low + 0.05 * (high - low), low > 0 { low = max(0, low - 0.25) }
        }
        return (low, high, low != 0.5 || high != 1.5)
    }

    /// Commands that label a log axis (`axis` is `x`, `y` or `cb`) readably for the range
    /// [lo, hi]. Over three decades or more gnuplot's decade ticks are enough; below that
    /// only one or two decades would be labelled, so ticks are listed at 1, 2 and 5 × 10^n.
    /// `plainNumbers` writes `0.2`, `50` (masses, event counts) instead of `2×10^{-1}`.
    static func logTicks(axis: String, min lo: Double, max hi: Double, plainNumbers: Bool) -> [String] {
        guard lo > 0, hi > lo, lo.isFinite, hi.isFinite else { return [] }
        if log10(hi / lo) >= 3 {
            return ["set format \(axis) \(plainNumbers ? "\"%g\"" : "\"10^{%L}\"")"]
        }
        var items: [String] = []
        var n = Int(floor(log10(lo)))
        while pow(10.0, Double(n)) <= hi {
            for m in [1.0, 2.0, 5.0] {
                let v = m * pow(10.0, Double(n))
                guard v >= lo * (1 - 1e-9), v <= hi * (1 + 1e-9) else { continue }
                let label: String
                if plainNumbers {
                    label = String(format: "%g", v)
                } else {
                    label = m == 1 ? "10^{\(n)}" : "\(Int(m))×10^{\(n)}"
                }
                items.append("\"\(label)\" \(v)")
            }
            n += 1
        }
        guard items.count >= 2 else { return ["set format \(axis) \(logFormat(min: lo, max: hi))"] }
        return ["set \(axis)tics (\(items.joined(separator: ", ")))", "set m\(axis)tics 10"]
    }

    /// A log-axis range with room above the data for the legend: the top is pushed up by
    /// `headroom` of the data's span in decades.
    static func logRange(min lo: Double, max hi: Double, headroom: Double) -> (Double, Double)? {
        guard lo > 0, hi > 0, lo.isFinite, hi.isFinite else { return nil }
        let span = max(log10(hi / lo), 0.5)
        return (lo / pow(10, 0.1 * span), hi * pow(10, headroom * span))
    }

    /// gnuplot range text with six significant digits so the script stays readable; the
    /// ends are first widened by 1e-5 (relative) so rounding can never clip a data point.
    static func range(_ r: (Double, Double)) -> String {
        "[\(short(r.0 - abs(r.0) * 1e-5)):\(short(r.1 + abs(r.1) * 1e-5))]"
    }

    /// A number with six significant digits for a script (not for data files).
    static func short(_ x: Double) -> String { String(format: "%.6g", x) }
}
