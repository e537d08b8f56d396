import Foundation

/// A binned likelihood compiled from a pyhf workspace: channels x bins, samples, and
/// modifiers turned into a flat parameter vector (HistFactory, CERN-OPEN-2012-016, with
/// pyhf 0.7.6's conventions for every modifier and constraint).
///
/// Expected rate per bin: lambda_i = sum_s (nominal_si + sum_histosys delta_si) x prod factors,
/// with factors from normfactor, normsys, lumi, shapesys and staterror. Constraints:
/// - normsys, histosys: Gaussian N(aux = 0 | alpha, 1)
/// - lumi: Gaussian N(aux | lumi, sigma) with aux/sigma from the measurement config
/// - staterror: Gaussian N(aux = 1 | gamma_i, sigma_i), sigma_i = sqrt(sum_s delta_si^2) /
///   sum_s nominal_si over the samples carrying that staterror; bins with sigma_i = 0 fixed
/// - shapesys: Poisson(aux = tau_i | gamma_i tau_i), tau_i = (nominal_i / delta_i)^2; bins with
///   zero yield or uncertainty fixed
/// The value type is immutable and `Sendable`; evaluation scratch space lives in
/// `LikelihoodEvaluator`.
public struct HistFactoryModel: Sendable {
    /// The kind of modifier a parameter belongs to.
    public enum ParameterKind: String, Sendable {
        case normfactor, normsys, histosys, shapesys, staterror, lumi
    }

    /// Constraint term of one scalar parameter.
    public enum Constraint: Sendable, Equatable {
        case none
        case gaussian(sigma: Double)
        /// Poisson(aux | gamma * tau).
        case poisson(tau: Double)
    }

    /// One scalar parameter (per-bin modifiers expand into `name[i]`).
    public struct Parameter: Sendable {
        public let name: String
        public let setName: String
        public let kind: ParameterKind
        public var initial: Double
        public var bounds: ClosedRange<Double>
        public var fixed: Bool
        public var constraint: Constraint
        /// Nominal auxiliary datum (0 for alpha, 1 for gamma of staterror, tau for shapesys).
        public var auxiliary: Double
    }

    /// Observed data of the model: main bins (channel order) and one auxiliary value per
    /// parameter (ignored for unconstrained ones).
    public struct Data: Sendable, Equatable {
        public var main: [Double]
        public var auxiliary: [Double]
        public init(main: [Double], auxiliary: [Double]) { self.main = main; self.auxiliary = auxiliary }
    }

    struct AdditiveTerm: Sendable { let parameter: Int; let up: [Double]; let down: [Double] }
    enum FactorTerm: Sendable {
        case scalar(parameter: Int)                       // normfactor, lumi
        case normsys(parameter: Int, NormsysInterpolator)
        case perBin(firstParameter: Int)                   // shapesys, staterror: parameter first + bin
    }
    struct CompiledSample: Sendable {
        let name: String
        let firstBin: Int
        let nominal: [Double]
        let additive: [AdditiveTerm]
        let factors: [FactorTerm]
    }

    public let parameters: [Parameter]
    public let poiIndex: Int
    public let channelNames: [String]
    public let channelBins: [Range<Int>]
    public let binCount: Int
    public let interpolation: InterpolationSettings
    let samples: [CompiledSample]
    /// Observed data from the workspace (main + nominal auxiliary data).
    public let observed: Data

    public var parameterCount: Int { parameters.count }
    public var poiName: String { parameters[poiIndex].name }
    public var suggestedInit: [Double] { parameters.map(\.initial) }
    public var suggestedFixed: [Bool] { parameters.map(\.fixed) }
    public var nominalAuxiliary: [Double] { parameters.map(\.auxiliary) }
    public func index(of name: String) -> Int? { parameters.firstIndex { $0.name == name } }

    /// Compiles `workspace` with the given measurement (default: the first).
    /// - Throws: `StatisticsError.invalidWorkspace` naming the JSON path of any inconsistency.
    public init(workspace: PyhfWorkspace, measurement measurementName: String? = nil,
                interpolation: InterpolationSettings = .pyhfDefault,
                poiBoundsOverride: ClosedRange<Double>? = nil) throws {
        try workspace.validate()
        let mIndex: Int
        if let measurementName {
            guard let i = workspace.measurements.firstIndex(where: { $0.name == measurementName }) else {
                throw StatisticsError.invalidWorkspace(path: "measurements", reason: "no measurement named '\(measurementName)'")
            }
            mIndex = i
        } else { mIndex = 0 }
        let measurement = workspace.measurements[mIndex]
        self.interpolation = interpolation

        // 1. Collect parameter sets in order of first appearance, with their kind and size.
        struct SetInfo { var kind: ParameterKind; var size: Int; var channel: Int; var path: String }
        var setOrder: [String] = []
        var sets: [String: SetInfo] = [:]
        var binStart = 0
        var channelBins: [Range<Int>] = []
        for (c, channel) in workspace.channels.enumerated() {
            let nBins = channel.samples[0].data.count
            channelBins.append(binStart..<(binStart + nBins))
            binStart += nBins
            for (s, sample) in channel.samples.enumerated() {
                for (m, modifier) in sample.modifiers.enumerated() {
                    let path = "channels[\(c)].samples[\(s)].modifiers[\(m)]"
                    let kind: ParameterKind
                    let size: Int
                    switch modifier.kind {
                    case .normfactor: kind = .normfactor; size = 1
                    case .normsys: kind = .normsys; size = 1
                    case .histosys: kind = .histosys; size = 1
                    case .lumi: kind = .lumi; size = 1
                    case .shapesys: kind = .shapesys; size = nBins
                    case .staterror: kind = .staterror; size = nBins
                    }
                    if let existing = sets[modifier.name] {
                        guard existing.kind == kind else {
                            throw StatisticsError.invalidWorkspace(
                                path: path + ".name",
                                reason: "parameter '\(modifier.name)' is used as \(kind.rawValue) here but as "
                                    + "\(existing.kind.rawValue) at \(existing.path); give them different names")
                        }
                        if size > 1 && existing.channel != c {
                            throw StatisticsError.invalidWorkspace(
                                path: path + ".name",
                                reason: "per-bin modifier '\(modifier.name)' is shared between channels, which is "
                                    + "not supported; use one name per channel")
                        }
                        if kind == .shapesys {
                            throw StatisticsError.invalidWorkspace(
                                path: path + ".name",
                                reason: "shapesys '\(modifier.name)' appears on two samples; pyhf gives each sample "
                                    + "its own shapesys name")
                        }
                    } else {
                        sets[modifier.name] = SetInfo(kind: kind, size: size, channel: c, path: path)
                        setOrder.append(modifier.name)
                    }
                }
            }
        }
        let totalBins = binStart
        guard sets[measurement.poi]?.kind == .normfactor else {
            throw StatisticsError.invalidWorkspace(
                path: "measurements[\(mIndex)].config.poi",
                reason: "POI '\(measurement.poi)' is not a normfactor of any sample")
        }

        // 2. pyhf's par_order: grouped by modifier type in its registry order (alphabetical by
        //    type name), alphabetical by parameter name within a type.
        let typeRank: [ParameterKind: Int] = [.histosys: 0, .lumi: 1, .normfactor: 2, .normsys: 3,
                                              .shapesys: 4, .staterror: 5]
        setOrder.sort { a, b in
            let ra = typeRank[sets[a]!.kind]!, rb = typeRank[sets[b]!.kind]!
            return ra != rb ? ra < rb : a < b
        }
        var parameters: [Parameter] = []
        var firstIndex: [String: Int] = [:]
        for name in setOrder {
            let info = sets[name]!
            firstIndex[name] = parameters.count
            for i in 0..<info.size {
                let pname = info.size > 1 ? "\(name)[\(i)]" : name
                var p = Parameter(name: pname, setName: name, kind: info.kind, initial: 0, bounds: -5...5,
                                  fixed: false, constraint: .gaussian(sigma: 1), auxiliary: 0)
                switch info.kind {
                case .normfactor:
                    p.initial = 1; p.bounds = 0...10; p.constraint = .none; p.auxiliary = 0
                case .normsys, .histosys: break
                case .lumi:
                    p.initial = 1; p.bounds = 0...10; p.constraint = .gaussian(sigma: 0.1); p.auxiliary = 1
                case .staterror, .shapesys:
                    p.initial = 1; p.bounds = 1e-10...10; p.auxiliary = 1
                }
                parameters.append(p)
            }
        }

        // 3. Per-bin constraint widths: staterror combined over samples, shapesys tau.
        for (c, channel) in workspace.channels.enumerated() {
            let nBins = channel.samples[0].data.count
            var staterrorSums: [String: (nominal: [Double], variance: [Double])] = [:]
            for sample in channel.samples {
                for modifier in sample.modifiers {
                    switch modifier.kind {
                    case let .staterror(u):
                        var acc = staterrorSums[modifier.name] ?? (Array(repeating: 0, count: nBins),
                                                                    Array(repeating: 0, count: nBins))
                        for i in 0..<nBins { acc.nominal[i] += sample.data[i]; acc.variance[i] += u[i] * u[i] }
                        staterrorSums[modifier.name] = acc
                    case let .shapesys(u):
                        let first = firstIndex[modifier.name]!
                        for i in 0..<nBins {
                            let valid = sample.data[i] > 0 && u[i] > 0
                            let tau = valid ? (sample.data[i] * sample.data[i]) / (u[i] * u[i]) : 1
                            parameters[first + i].constraint = .poisson(tau: tau)
                            parameters[first + i].auxiliary = tau
                            parameters[first + i].fixed = !valid
                        }
                    default: break
                    }
                }
            }
            for (name, acc) in staterrorSums {
                let first = firstIndex[name]!
                for i in 0..<nBins {
                    // pyhf: relerr^2 = sum_s (delta_si / sum_s nominal)^2; zero -> fixed, sigma 1.
                    let sigma = acc.nominal[i] > 0 ? acc.variance[i].squareRoot() / acc.nominal[i] : 0
                    parameters[first + i].constraint = .gaussian(sigma: sigma > 0 ? sigma : 1)
                    parameters[first + i].fixed = sigma == 0
                }
            }
            _ = c
        }

        // 4. Measurement overrides (bounds, inits, fixed, auxdata, sigmas).
        for (p, setting) in measurement.parameters.enumerated() {
            let path = "measurements[\(mIndex)].config.parameters[\(p)]"
            guard let first = firstIndex[setting.name], let info = sets[setting.name] else {
                continue  // pyhf ignores settings of parameters not in the model
            }
            func checkCount(_ n: Int, _ field: String) throws {
                guard n == info.size else {
                    throw StatisticsError.invalidWorkspace(
                        path: path + "." + field,
                        reason: "'\(setting.name)' has \(info.size) parameter(s) but \(n) \(field) values")
                }
            }
            if let b = setting.bounds {
                try checkCount(b.count, "bounds")
                for i in 0..<info.size { parameters[first + i].bounds = b[i][0]...b[i][1] }
            }
            if let v = setting.inits {
                try checkCount(v.count, "inits")
                for i in 0..<info.size { parameters[first + i].initial = v[i] }
            }
            if let f = setting.fixed { for i in 0..<info.size { parameters[first + i].fixed = f } }
            if let v = setting.auxdata {
                try checkCount(v.count, "auxdata")
                for i in 0..<info.size { parameters[first + i].auxiliary = v[i] }
            }
            if let v = setting.sigmas {
                try checkCount(v.count, "sigmas")
                for i in 0..<info.size {
                    guard v[i] > 0 else {
                        throw StatisticsError.invalidWorkspace(path: path + ".sigmas[\(i)]", reason: "must be > 0")
                    }
                    if case .gaussian = parameters[first + i].constraint {
                        parameters[first + i].constraint = .gaussian(sigma: v[i])
                    }
                }
            }
            if info.kind == .lumi && setting.inits == nil, let aux = setting.auxdata?.first {
                parameters[first].initial = aux
            }
        }
        if let lumi = setOrder.first(where: { sets[$0]?.kind == .lumi }),
           !measurement.parameters.contains(where: { $0.name == lumi && $0.sigmas != nil && $0.auxdata != nil }) {
            throw StatisticsError.invalidWorkspace(
                path: "measurements[\(mIndex)].config.parameters",
                reason: "lumi modifier '\(lumi)' needs a parameter setting with auxdata and sigmas "
                    + "(e.g. {\"name\": \"\(lumi)\", \"auxdata\": [1.0], \"sigmas\": [0.02]})")
        }
        for (i, p) in parameters.enumerated() where !p.bounds.contains(p.initial) {
            throw StatisticsError.invalidWorkspace(
                path: "measurements[\(mIndex)].config.parameters",
                reason: "initial value \(p.initial) of '\(p.name)' lies outside its bounds \(p.bounds) (parameter \(i))")
        }
        let poi = firstIndex[measurement.poi]!
        if let override = poiBoundsOverride { parameters[poi].bounds = override }

        // 5. Compile samples.
        var compiled: [CompiledSample] = []
        for (c, channel) in workspace.channels.enumerated() {
            let first = channelBins[c].lowerBound
            for sample in channel.samples {
                var additive: [AdditiveTerm] = []
                var factors: [FactorTerm] = []
                for modifier in sample.modifiers {
                    let p = firstIndex[modifier.name]!
                    switch modifier.kind {
                    case .normfactor, .lumi: factors.append(.scalar(parameter: p))
                    case let .normsys(hi, lo):
                        factors.append(.normsys(parameter: p, NormsysInterpolator(code: interpolation.normsys, hi: hi, lo: lo)))
                    case let .histosys(hiData, loData):
                        additive.append(AdditiveTerm(
                            parameter: p,
                            up: zip(hiData, sample.data).map { $0 - $1 },
                            down: zip(sample.data, loData).map { $0 - $1 }))
                    case .shapesys, .staterror: factors.append(.perBin(firstParameter: p))
                    }
                }
                compiled.append(CompiledSample(name: sample.name, firstBin: first, nominal: sample.data,
                                               additive: additive, factors: factors))
            }
        }

        var main: [Double] = []
        for channel in workspace.channels { main += workspace.observedData(channel: channel.name)! }

        self.parameters = parameters
        self.poiIndex = poi
        self.channelNames = workspace.channels.map(\.name)
        self.channelBins = channelBins
        self.binCount = totalBins
        self.samples = compiled
        self.observed = Data(main: main, auxiliary: parameters.map(\.auxiliary))
    }

    /// Parameter bounds as an array (convenience for fitters).
    public var bounds: [ClosedRange<Double>] { parameters.map(\.bounds) }

    /// Expected main-bin rates lambda_i at `theta`.
    public func expectedMain(_ theta: [Double]) -> [Double] {
        var out = Array(repeating: 0.0, count: binCount)
        for sample in samples {
            for i in 0..<sample.nominal.count {
                var d = sample.nominal[i]
                for term in sample.additive {
                    d += HistosysInterpolation.evaluate(interpolation.histosys, alpha: theta[term.parameter],
                                                        up: term.up[i], down: term.down[i]).0
                }
                var f = 1.0
                for factor in sample.factors {
                    switch factor {
                    case let .scalar(p): f *= theta[p]
                    case let .normsys(p, interp): f *= interp.evaluate(theta[p]).0
                    case let .perBin(p): f *= theta[p + i]
                    }
                }
                out[sample.firstBin + i] += d * f
            }
        }
        return out
    }

    /// Expected auxiliary data at `theta` (what an Asimov dataset uses): the parameter value
    /// for Gaussian constraints, gamma x tau for Poisson ones.
    public func expectedAuxiliary(_ theta: [Double]) -> [Double] {
        parameters.enumerated().map { k, p in
            switch p.constraint {
            case .none: return p.auxiliary
            case .gaussian: return theta[k]
            case let .poisson(tau): return theta[k] * tau
            }
        }
    }

    /// Expected data (main and auxiliary) at `theta`.
    public func expectedData(_ theta: [Double]) -> Data {
        Data(main: expectedMain(theta), auxiliary: expectedAuxiliary(theta))
    }

    /// -2 log L(theta | data) including all constant terms (pyhf's `twice_nll`).
    public func twiceNLL(_ theta: [Double], data: Data) -> Double {
        let evaluator = LikelihoodEvaluator(model: self)
        return 2 * evaluator.nll(theta, data: data)
    }

    /// log L (pyhf's `model.logpdf`).
    public func logLikelihood(_ theta: [Double], data: Data) -> Double { -0.5 * twiceNLL(theta, data: data) }

    /// Checks user-supplied data against the model's shape.
    func validate(_ data: Data) throws {
        guard data.main.count == binCount else {
            throw StatisticsError.invalidArgument(name: "data.main", value: "\(data.main.count) bins",
                                                  reason: "the model has \(binCount) bins")
        }
        guard data.auxiliary.count == parameterCount else {
            throw StatisticsError.invalidArgument(name: "data.auxiliary", value: "\(data.auxiliary.count) values",
                                                  reason: "the model has \(parameterCount) parameters")
        }
        if let bad = data.main.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw StatisticsError.invalidArgument(name: "data.main[\(bad)]", value: "\(data.main[bad])",
                                                  reason: "observed counts must be finite and >= 0")
        }
    }
}

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
                for factor in sample.factors {
                    switch factor {
                    case let .scalar(p): f *= theta[p]
                    case let .normsys(p, interp): f *= interp.evaluate(theta[p]).0
                    case let .perBin(p): f *= theta[p + i]
                    }
                }
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
                    switch factor {
                    case let .scalar(p): factorValue[k] = theta[p]; factorDeriv[k] = 1
                    case let .normsys(p, interp):
                        let (v, dv) = interp.evaluate(theta[p]); factorValue[k] = v; factorDeriv[k] = dv
                    case let .perBin(p): factorValue[k] = theta[p + i]; factorDeriv[k] = 1
                    }
                }
                prefix[0] = 1
                for k in 0..<nf { prefix[k + 1] = prefix[k] * factorValue[k] }
                var suffix = 1.0
                for k in stride(from: nf - 1, through: 0, by: -1) {
                    let others = prefix[k] * suffix
                    let g = w * d * factorDeriv[k] * others
                    switch sample.factors[k] {
                    case let .scalar(p): gradient[p] += g
                    case let .normsys(p, _): gradient[p] += g
                    case let .perBin(p): gradient[p + i] += g
                    }
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
