import Foundation

/// `histosys`: a shape uncertainty of a sample, adding delta_i(alpha) to its nominal yields,
/// interpolated between the per-bin templates `lo_data` at alpha = -1 and `hi_data` at
/// alpha = +1, with alpha constrained by N(0 | alpha, 1) (pyhf documentation, "Modifiers:
/// Correlated Shape" and "Interpolation"; pyhf/modifiers/histosys.py,
/// pyhf/interpolators/code0.py and code4p.py).
struct HistoSysModifier: ModifierBuilder {
    var kind: HistFactoryModel.ParameterKind { .histosys }

    func parameter(named name: String, set setName: String) -> HistFactoryModel.Parameter {
        alphaParameter(named: name, set: setName)
    }

    /// The additive term stores the shifts up = hi - nominal and down = nominal - lo per bin.
    func term(for modifier: PyhfWorkspace.Modifier, sample: PyhfWorkspace.Sample, firstParameter: Int,
              interpolation: InterpolationSettings) -> ModifierTerm {
        guard case let .histosys(hiData, loData) = modifier.kind else {
            preconditionFailure("HistoSysModifier given a \(modifier.kind.typeName) modifier")
        }
        return .additive(AdditiveTerm(parameter: firstParameter,
                                      up: zip(hiData, sample.data).map { $0 - $1 },
                                      down: zip(sample.data, loData).map { $0 - $1 }))
    }
}

/// Additive histosys interpolation delta(alpha) for one bin of one (modifier, sample) pair:
/// - code 0 (piecewise linear): alpha x up for alpha >= 0, alpha x down below;
/// - code 4p: code 0 for |alpha| > 1, inside a polynomial matching value and first two
///   derivatives at |alpha| = 1.
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
