import Foundation

/// `normsys`: a normalisation uncertainty of a sample, kappa(alpha) interpolating between the
/// factors `lo` at alpha = -1, 1 at alpha = 0 and `hi` at alpha = +1, with alpha constrained
/// by N(0 | alpha, 1) (pyhf documentation, "Modifiers: Normalisation Uncertainty" and
/// "Interpolation"; pyhf/modifiers/normsys.py, pyhf/interpolators/code1.py and code4.py).
struct NormSysModifier: ModifierBuilder {
    var kind: HistFactoryModel.ParameterKind { .normsys }

    func parameter(named name: String, set setName: String) -> HistFactoryModel.Parameter {
        alphaParameter(named: name, set: setName)
    }

    func term(for modifier: PyhfWorkspace.Modifier, sample: PyhfWorkspace.Sample, firstParameter: Int,
              interpolation: InterpolationSettings) -> ModifierTerm {
        guard case let .normsys(hi, lo) = modifier.kind else {
            preconditionFailure("NormSysModifier given a \(modifier.kind.typeName) modifier")
        }
        return .factor(.interpolated(parameter: firstParameter,
                                     NormsysInterpolator(code: interpolation.normsys, hi: hi, lo: lo)))
    }
}

/// Multiplicative normsys interpolation f(alpha) for one (modifier, sample) pair:
/// - code 1 (piecewise exponential): hi^alpha for alpha >= 0, lo^-alpha below;
/// - code 4: code 1 for |alpha| >= 1, inside a degree-6 polynomial matching value, first and
///   second derivative of the exponentials at |alpha| = 1 (pyhf's alpha0 = 1).
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
