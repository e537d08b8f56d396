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
/// Each modifier kind is one `ModifierBuilder` under HistFactory/ (pyhf's modifier-per-file
/// shape); `init` dispatches to them through `ModifierRegistry`. The value type is immutable
/// and `Sendable`; evaluation scratch space lives in `LikelihoodEvaluator`.
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

    /// One sample with its modifiers compiled (by the `ModifierBuilder` of each kind) into
    /// the additive and multiplicative terms evaluation applies, in the workspace's order.
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

        // 1. Parameter sets in order of first appearance, each with the builder of its type.
        var sets = try Self.collectParameterSets(workspace)
        guard sets[measurement.poi]?.kind == .normfactor else {
            throw StatisticsError.invalidWorkspace(
                path: "measurements[\(mIndex)].config.poi",
                reason: "POI '\(measurement.poi)' is not a normfactor of any sample")
        }

        // 2. pyhf's par_order: grouped by modifier type in registry order, alphabetical by
        //    parameter name within a type; each builder declares its parameters' defaults.
        let setOrder = sets.keys.sorted { a, b in
            let ra = ModifierRegistry.rank[sets[a]!.kind]!, rb = ModifierRegistry.rank[sets[b]!.kind]!
            return ra != rb ? ra < rb : a < b
        }
        var parameters: [Parameter] = []
        for name in setOrder {
            sets[name]!.first = parameters.count
            let set = sets[name]!
            for i in 0..<set.size {
                parameters.append(set.builder.parameter(named: set.size > 1 ? "\(name)[\(i)]" : name, set: name))
            }
        }

        // 3. Constraint widths from the data, channel by channel.
        for channel in workspace.channels {
            var seen = Set<String>()
            for sample in channel.samples {
                for modifier in sample.modifiers where seen.insert(modifier.name).inserted {
                    let set = sets[modifier.name]!
                    set.builder.constrain(&parameters, set: set, channel: channel)
                }
            }
        }

        // 4. Measurement overrides, then what each kind requires of the measurement.
        try Self.applyMeasurement(measurement, index: mIndex, sets: sets, to: &parameters)
        for name in setOrder {
            try sets[name]!.builder.checkMeasurement(measurement, index: mIndex, set: sets[name]!)
        }
        for (i, p) in parameters.enumerated() where !p.bounds.contains(p.initial) {
            throw StatisticsError.invalidWorkspace(
                path: "measurements[\(mIndex)].config.parameters",
                reason: "initial value \(p.initial) of '\(p.name)' lies outside its bounds \(p.bounds) (parameter \(i))")
        }
        let poi = sets[measurement.poi]!.first
        if let override = poiBoundsOverride { parameters[poi].bounds = override }

        // 5. Compile samples: each modifier's builder turns it into a term on the rates.
        var compiled: [CompiledSample] = []
        var channelBins: [Range<Int>] = []
        var main: [Double] = []
        var binStart = 0
        for channel in workspace.channels {
            let first = binStart
            binStart += channel.samples[0].data.count
            channelBins.append(first..<binStart)
            for sample in channel.samples {
                var additive: [AdditiveTerm] = []
                var factors: [FactorTerm] = []
                for modifier in sample.modifiers {
                    let set = sets[modifier.name]!
                    switch set.builder.term(for: modifier, sample: sample, firstParameter: set.first,
                                            interpolation: interpolation) {
                    case let .additive(term): additive.append(term)
                    case let .factor(term): factors.append(term)
                    }
                }
                compiled.append(CompiledSample(name: sample.name, firstBin: first, nominal: sample.data,
                                               additive: additive, factors: factors))
            }
            main += workspace.observedData(channel: channel.name)!
        }

        self.parameters = parameters
        self.poiIndex = poi
        self.channelNames = workspace.channels.map(\.name)
        self.channelBins = channelBins
        self.binCount = binStart
        self.samples = compiled
        self.observed = Data(main: main, auxiliary: parameters.map(\.auxiliary))
    }

    /// The parameter set of every modifier name, checking that each name is used consistently:
    /// one kind, per-bin sets within one channel, and the rules of the kind's builder.
    private static func collectParameterSets(_ workspace: PyhfWorkspace) throws -> [String: ModifierParameterSet] {
        var sets: [String: ModifierParameterSet] = [:]
        for (c, channel) in workspace.channels.enumerated() {
            let nBins = channel.samples[0].data.count
            for (s, sample) in channel.samples.enumerated() {
                for (m, modifier) in sample.modifiers.enumerated() {
                    let path = "channels[\(c)].samples[\(s)].modifiers[\(m)]"
                    let builder = try ModifierRegistry.builder(for: modifier, at: path)
                    let size = builder.isPerBin ? nBins : 1
                    guard let existing = sets[modifier.name] else {
                        sets[modifier.name] = ModifierParameterSet(name: modifier.name, builder: builder, size: size,
                                                                   channel: c, path: path)
                        continue
                    }
                    guard existing.kind == builder.kind else {
                        throw StatisticsError.invalidWorkspace(
                            path: path + ".name",
                            reason: "parameter '\(modifier.name)' is used as \(builder.kind.rawValue) here but as "
                                + "\(existing.kind.rawValue) at \(existing.path); give them different names")
                    }
                    if size > 1 && existing.channel != c {
                        throw StatisticsError.invalidWorkspace(
                            path: path + ".name",
                            reason: "per-bin modifier '\(modifier.name)' is shared between channels, which is "
                                + "not supported; use one name per channel")
                    }
                    try builder.checkReuse(of: modifier, at: path, existing: existing)
                }
            }
        }
        return sets
    }

    /// The measurement's per-parameter overrides (bounds, inits, fixed, auxdata, sigmas), then
    /// the kind-specific meaning of each setting; settings of unknown names are ignored, as in pyhf.
    private static func applyMeasurement(_ measurement: PyhfWorkspace.Measurement, index mIndex: Int,
                                         sets: [String: ModifierParameterSet],
                                         to parameters: inout [Parameter]) throws {
        for (p, setting) in measurement.parameters.enumerated() {
            let path = "measurements[\(mIndex)].config.parameters[\(p)]"
            guard let set = sets[setting.name] else { continue }
            let first = set.first
            func checkCount(_ n: Int, _ field: String) throws {
                guard n == set.size else {
                    throw StatisticsError.invalidWorkspace(
                        path: path + "." + field,
                        reason: "'\(setting.name)' has \(set.size) parameter(s) but \(n) \(field) values")
                }
            }
            if let b = setting.bounds {
                try checkCount(b.count, "bounds")
                for i in 0..<set.size { parameters[first + i].bounds = b[i][0]...b[i][1] }
            }
            if let v = setting.inits {
                try checkCount(v.count, "inits")
                for i in 0..<set.size { parameters[first + i].initial = v[i] }
            }
            if let f = setting.fixed { for i in 0..<set.size { parameters[first + i].fixed = f } }
            if let v = setting.auxdata {
                try checkCount(v.count, "auxdata")
                for i in 0..<set.size { parameters[first + i].auxiliary = v[i] }
            }
            if let v = setting.sigmas {
                try checkCount(v.count, "sigmas")
                for i in 0..<set.size {
                    guard v[i] > 0 else {
                        throw StatisticsError.invalidWorkspace(path: path + ".sigmas[\(i)]", reason: "must be > 0")
                    }
                    if case .gaussian = parameters[first + i].constraint {
                        parameters[first + i].constraint = .gaussian(sigma: v[i])
                    }
                }
            }
            set.builder.adopt(setting, set: set, parameters: &parameters)
        }
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
                for factor in sample.factors { f *= factor.value(theta, bin: i) }
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
