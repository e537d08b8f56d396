import Foundation

/// What a modifier does to one sample's expected rates once compiled: pyhf's modifiers either
/// add to the nominal yields (histosys) or multiply them (everything else), so the rate of bin
/// i of a sample is (nominal_i + sum of deltas_i) x product of factors_i (pyhf documentation,
/// "Modifiers" in the likelihood specification; HistFactory, CERN-OPEN-2012-016, eq. 3).
///
/// Each `ModifierBuilder` turns its JSON modifier into one of these; the model and
/// `LikelihoodEvaluator` evaluate them without knowing which kind produced them. They are
/// plain values (no existentials) because they sit in the innermost loop of every fit.
enum ModifierTerm: Sendable {
    case additive(AdditiveTerm)
    case factor(FactorTerm)
}

/// Additive shift delta_i(alpha) of a sample's bins (histosys), interpolated by
/// `HistosysInterpolation` from per-bin up (`hi - nominal`) and down (`nominal - lo`) shifts.
struct AdditiveTerm: Sendable {
    let parameter: Int
    let up: [Double]
    let down: [Double]
}

/// Multiplicative factor kappa_i(theta) of a sample's bins.
enum FactorTerm: Sendable {
    /// kappa = theta[parameter] for every bin (normfactor, lumi).
    case scalar(parameter: Int)
    /// kappa = f(theta[parameter]) for every bin, f a normsys interpolation.
    case interpolated(parameter: Int, NormsysInterpolator)
    /// kappa_i = theta[firstParameter + i], one parameter per bin (staterror, shapesys).
    case perBin(firstParameter: Int)

    /// Index of the parameter that scales bin `bin`.
    @inline(__always)
    func parameter(bin: Int) -> Int {
        switch self {
        case let .scalar(p), let .interpolated(p, _): return p
        case let .perBin(p): return p + bin
        }
    }

    /// kappa for bin `bin` at `theta`.
    @inline(__always)
    func value(_ theta: [Double], bin: Int) -> Double {
        switch self {
        case let .scalar(p): return theta[p]
        case let .interpolated(p, interpolator): return interpolator.evaluate(theta[p]).0
        case let .perBin(p): return theta[p + bin]
        }
    }

    /// (kappa, d kappa / d theta[parameter(bin:)]) for bin `bin` at `theta`.
    @inline(__always)
    func valueAndDerivative(_ theta: [Double], bin: Int) -> (Double, Double) {
        switch self {
        case let .scalar(p): return (theta[p], 1)
        case let .interpolated(p, interpolator): return interpolator.evaluate(theta[p])
        case let .perBin(p): return (theta[p + bin], 1)
        }
    }
}
