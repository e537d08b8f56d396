import Foundation

/// Interpolation schemes of HistFactory nuisance parameters, exactly as pyhf 0.7.6 codes them.
///
/// Note: pyhf's *documentation* names code1 (normsys) and code0 (histosys) as the modifier
/// defaults, but `pyhf.Model` actually defaults to normsys code4 and histosys code4p
/// (pyhf/pdf.py `default_modifier_settings`). `InterpolationSettings.pyhfDefault` follows the
/// code, so a workspace gives pyhf's numbers; `.code1Code0` is the documented alternative.
public struct InterpolationSettings: Sendable, Equatable {
    public enum NormsysCode: String, Sendable, CaseIterable { case code1, code4 }
    public enum HistosysCode: String, Sendable, CaseIterable { case code0, code4p }

    public var normsys: NormsysCode
    public var histosys: HistosysCode

    public init(normsys: NormsysCode, histosys: HistosysCode) {
        self.normsys = normsys
        self.histosys = histosys
    }

    /// What `pyhf.Model(spec)` uses when no `modifier_settings` are given.
    public static let pyhfDefault = InterpolationSettings(normsys: .code4, histosys: .code4p)
    /// Piecewise exponential (normsys) and piecewise linear (histosys).
    public static let code1Code0 = InterpolationSettings(normsys: .code1, histosys: .code0)
}

/// Multiplicative normsys interpolation f(alpha) for one (modifier, sample) pair.
struct NormsysInterpolator: Sendable {
    let code: InterpolationSettings.NormsysCode
    let hi: Double, lo: Double
    let logHi: Double, logLo: Double
    /// Coefficients c1...c6 of the code-4 polynomial 1 + sum c_i alpha^i for |alpha| < 1
    /// (stored inline, not in an array, so evaluating involves no reference counting).
    let c0, c1, c2, c3, c4, c5: Double

    init(code: InterpolationSettings.NormsysCode, hi: Double, lo: Double) {
        self.code = code
        self.hi = hi; self.lo = lo
        logHi = log(hi); logLo = log(lo)
        // pyhf code4 with alpha0 = 1: c = A^-1 b.
        let b = [hi - 1, lo - 1, logHi * hi, -logLo * lo, logHi * logHi * hi, logLo * logLo * lo]
        let aInverse: [[Double]] = [
            [15.0 / 16, -15.0 / 16, -7.0 / 16, -7.0 / 16, 1.0 / 16, -1.0 / 16],
            [3.0 / 2, 3.0 / 2, -9.0 / 16, 9.0 / 16, 1.0 / 16, 1.0 / 16],
            [-5.0 / 8, 5.0 / 8, 5.0 / 8, 5.0 / 8, -1.0 / 8, 1.0 / 8],
            [3.0 / -2, 3.0 / -2, -7.0 / -8, 7.0 / -8, -1.0 / 8, -1.0 / 8],
            [3.0 / 16, -3.0 / 16, -3.0 / 16, -3.0 / 16, 1.0 / 16, -1.0 / 16],
            [1.0 / 2, 1.0 / 2, -5.0 / 16, 5.0 / 16, 1.0 / 16, 1.0 / 16],
        ]
        let c = aInverse.map { row in zip(row, b).reduce(0) { $0 + $1.0 * $1.1 } }
        (c0, c1, c2, c3, c4, c5) = (c[0], c[1], c[2], c[3], c[4], c[5])
    }

    /// (value, d value / d alpha).
    @inline(__always)
    func evaluate(_ alpha: Double) -> (Double, Double) {
        switch code {
        case .code1:
            if alpha >= 0 { let v = exp(alpha * logHi); return (v, v * logHi) }
            let v = exp(-alpha * logLo); return (v, -v * logLo)
        case .code4:
            if alpha >= 1 { let v = exp(alpha * logHi); return (v, v * logHi) }
            if alpha <= -1 { let v = exp(-alpha * logLo); return (v, -v * logLo) }
            // Horner for 1 + sum_{i=1..6} c_i a^i and its derivative.
            let a = alpha
            let value = 1 + a * (c0 + a * (c1 + a * (c2 + a * (c3 + a * (c4 + a * c5)))))
            let deriv = c0 + a * (2 * c1 + a * (3 * c2 + a * (4 * c3 + a * (5 * c4 + a * 6 * c5))))
            return (value, deriv)
        }
    }
}

/// Additive histosys interpolation delta(alpha) for one bin of one (modifier, sample) pair.
enum HistosysInterpolation {
    /// (delta, d delta / d alpha) for up-shift `up = hi - nom`, down-shift `down = nom - lo`.
    @inline(__always)
    static func evaluate(_ code: InterpolationSettings.HistosysCode, alpha: Double,
                         up: Double, down: Double) -> (Double, Double) {
        switch code {
        case .code0:
            return alpha >= 0 ? (alpha * up, up) : (alpha * down, down)
        case .code4p:
            if alpha > 1 { return (alpha * up, up) }
            if alpha < -1 { return (alpha * down, down) }
            let s = 0.5 * (up + down)
            let a = 0.0625 * (up - down)
            let a2 = alpha * alpha
            let value = alpha * (s + alpha * a * (15 + a2 * (-10 + a2 * 3)))
            let deriv = s + a * alpha * (30 + a2 * (-40 + 18 * a2))
            return (value, deriv)
        }
    }
}
