import Foundation

/// Negative log-likelihood and its analytic gradient, with preallocated scratch space.
///
/// A class (not `Sendable`) because it reuses buffers across the thousands of evaluations a
/// fit makes; create one per fit or per thread.
final class LikelihoodEvaluator {
    let model: HistFactoryModel
    private var lambda: [Double]
    private var sampleD: [Double]     // nominal + additive deltas, per sample-bin
    private var sampleF: [Double]     // product of factors, per sample-bin
    private var factorValue: [Double] // scratch per factor
    private var factorDeriv: [Double]
    private var prefix: [Double]
    private var sampleOffsets: [Int]
    /// Constraint description flattened into plain arrays (no per-call copies of `Parameter`).
    private let constraintKind: [UInt8]      // 0 none, 1 Gaussian, 2 Poisson
    private let constraintWidth: [Double]    // sigma or tau
    private let constraintConstant: [Double] // log(sigma) + log(sqrt(2 pi)) for Gaussians
    /// Histosys terms flattened: per sample, a range into `histoParameter`, and per term the
    /// up/down shifts of every bin of the sample at `histoOffset[t] + bin`.
    private let histoRange: [Range<Int>]
    private let histoParameter: [Int]
    private let histoOffset: [Int]
    private let histoUp: [Double]
    private let histoDown: [Double]
    private(set) var evaluations = 0

    init(model: HistFactoryModel) {
        self.model = model
        lambda = Array(repeating: 0, count: model.binCount)
        var offsets: [Int] = []
        var total = 0
        var maxFactors = 1
        for s in model.samples {
            offsets.append(total)
            total += s.nominal.count
            maxFactors = max(maxFactors, s.factors.count + 1)
        }
        sampleOffsets = offsets
        sampleD = Array(repeating: 0, count: total)
        sampleF = Array(repeating: 0, count: total)
        factorValue = Array(repeating: 0, count: maxFactors)
        factorDeriv = Array(repeating: 0, count: maxFactors)
        prefix = Array(repeating: 0, count: maxFactors + 1)
        var kinds: [UInt8] = [], widths: [Double] = [], constants: [Double] = []
        for p in model.parameters {
            switch p.constraint {
            case .none: kinds.append(0); widths.append(1); constants.append(0)
            case let .gaussian(sigma): kinds.append(1); widths.append(sigma); constants.append(log(sigma) + 0.9189385332046727)
            case let .poisson(tau): kinds.append(2); widths.append(tau); constants.append(0)
            }
        }
        constraintKind = kinds; constraintWidth = widths; constraintConstant = constants
        var ranges: [Range<Int>] = [], params: [Int] = [], termOffsets: [Int] = [], ups: [Double] = [], downs: [Double] = []
        for sample in model.samples {
            let first = params.count
            for term in sample.additive {
                params.append(term.parameter)
                termOffsets.append(ups.count)
                ups += term.up
                downs += term.down
            }
            ranges.append(first..<params.count)
        }
        histoRange = ranges; histoParameter = params; histoOffset = termOffsets; histoUp = ups; histoDown = downs
    }

    /// Constraint part of the NLL and (optionally) its gradient.
    @inline(__always)
    private func constraintTerms(_ theta: [Double], _ aux: [Double], gradient: UnsafeMutablePointer<Double>?) -> Double {
        var nll = 0.0
        for k in 0..<constraintKind.count {
            switch constraintKind[k] {
            case 1:
                let sigma = constraintWidth[k]
                let z = (aux[k] - theta[k]) / sigma
                nll += 0.5 * z * z + constraintConstant[k]
                gradient?[k] += (theta[k] - aux[k]) / (sigma * sigma)
            case 2:
                let tau = constraintWidth[k]
                nll -= SpecialFunctions.logPoisson(aux[k], theta[k] * tau)
                gradient?[k] += tau - aux[k] / theta[k]
            default: break
            }
        }
        return nll
    }

    /// NLL only.
    func nll(_ theta: [Double], data: HistFactoryModel.Data) -> Double {
        evaluations += 1
        let l = model.expectedMain(theta)
        var total = 0.0
        for i in 0..<l.count {
            let n = data.main[i]
            if l[i] <= 0 {
                if n > 0 || l[i] < 0 { return .infinity }
                continue
            }
            total += l[i] - n * log(l[i]) + SpecialFunctions.logFactorial(n)
        }
        total += constraintTerms(theta, data.auxiliary, gradient: nil)
        return total.isNaN ? .infinity : total
    }

    /// NLL and its gradient (written into `gradient`, which must have `parameterCount` slots).
    func nllAndGradient(_ theta: [Double], data: HistFactoryModel.Data, gradient: inout [Double]) -> Double {
        evaluations += 1
        let histosysCode = model.interpolation.histosys
        for k in 0..<gradient.count { gradient[k] = 0 }
        for i in 0..<lambda.count { lambda[i] = 0 }
        // Pass 1: per sample-bin D and F, and lambda.
        for (si, sample) in model.samples.enumerated() {
            let offset = sampleOffsets[si]
            for i in 0..<sample.nominal.count {
                var d = sample.nominal[i]
                for t in histoRange[si] {
                    d += HistosysInterpolation.evaluate(histosysCode, alpha: theta[histoParameter[t]],
                                                        up: histoUp[histoOffset[t] + i],
                                                        down: histoDown[histoOffset[t] + i]).0
                }
                var f = 1.0
                for factor in sample.factors { f *= factor.value(theta, bin: i) }
                sampleD[offset + i] = d
                sampleF[offset + i] = f
                lambda[sample.firstBin + i] += d * f
            }
        }
        // Main Poisson terms; lambda becomes the weight dNLL/dlambda = 1 - n / lambda.
        var total = 0.0
        for i in 0..<lambda.count {
            let n = data.main[i]
            let l = lambda[i]
            if l <= 0 {
                if n > 0 || l < 0 { return .infinity }
                lambda[i] = 1
                continue
            }
            total += l - n * log(l) + SpecialFunctions.logFactorial(n)
            lambda[i] = 1 - n / l
        }
        // Pass 2: chain rule into the parameters.
        for (si, sample) in model.samples.enumerated() {
            let offset = sampleOffsets[si]
            let nf = sample.factors.count
            for i in 0..<sample.nominal.count {
                let w = lambda[sample.firstBin + i]
                let d = sampleD[offset + i]
                let f = sampleF[offset + i]
                for t in histoRange[si] {
                    let p = histoParameter[t]
                    let deriv = HistosysInterpolation.evaluate(histosysCode, alpha: theta[p],
                                                               up: histoUp[histoOffset[t] + i],
                                                               down: histoDown[histoOffset[t] + i]).1
                    gradient[p] += w * deriv * f
                }
                if nf == 0 { continue }
                // d/dtheta_k prod f = f'_k prod_{j != k} f_j, via prefix/suffix products (no division,
                // so a POI at exactly 0 is fine).
                for (k, factor) in sample.factors.enumerated() {
                    (factorValue[k], factorDeriv[k]) = factor.valueAndDerivative(theta, bin: i)
                }
                prefix[0] = 1
                for k in 0..<nf { prefix[k + 1] = prefix[k] * factorValue[k] }
                var suffix = 1.0
                for k in stride(from: nf - 1, through: 0, by: -1) {
                    let others = prefix[k] * suffix
                    let g = w * d * factorDeriv[k] * others
                    gradient[sample.factors[k].parameter(bin: i)] += g
                    suffix *= factorValue[k]
                }
            }
        }
        total += gradient.withUnsafeMutableBufferPointer { buffer in
            constraintTerms(theta, data.auxiliary, gradient: buffer.baseAddress)
        }
        return total.isNaN ? .infinity : total
    }
}
