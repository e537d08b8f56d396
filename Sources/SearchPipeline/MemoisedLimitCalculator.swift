import Analysis
import Foundation

/// An `UpperLimitCalculator` whose answers for a whole scan are computed up front, each
/// distinct counting experiment once and on all cores.
///
/// Why: a scan of ~9000 windows asks for ~50 000 Bayesian limits (five band quantiles and
/// the observed count per window), most of them repeats (every window without simulated
/// background has the same b = 0 experiment); the integrals dominate the limits stage.
final class MemoisedLimitCalculator: UpperLimitCalculator, @unchecked Sendable {
    struct Experiment: Hashable { var b: Double, rs: Double, rb: Double, cl: Double }
    struct Observed: Hashable { var n: Int, experiment: Experiment }

    let base: any UpperLimitCalculator
    private(set) var expected: [Experiment: ExpectedLimit] = [:]
    private(set) var observed: [Observed: Double] = [:]

    init(base: any UpperLimitCalculator, expected experiments: Set<Experiment>, observed counts: Set<Observed>) throws {
        self.base = base
        let e = Array(experiments), o = Array(counts)
        let eOut = try ConcurrentMap.map(e.count) { i in
            try base.expectedUpperLimit(background: e[i].b, relativeSignalUncertainty: e[i].rs,
                                        relativeBackgroundUncertainty: e[i].rb, confidenceLevel: e[i].cl)
        }
        let oOut = try ConcurrentMap.map(o.count) { i in
            try base.upperLimit(observed: o[i].n, background: o[i].experiment.b, relativeSignalUncertainty: o[i].experiment.rs,
                                relativeBackgroundUncertainty: o[i].experiment.rb, confidenceLevel: o[i].experiment.cl)
        }
        expected = Dictionary(uniqueKeysWithValues: zip(e, eOut))
        observed = Dictionary(uniqueKeysWithValues: zip(o, oOut))
    }

    func upperLimit(observed n: Int, background: Double, relativeSignalUncertainty: Double,
                    relativeBackgroundUncertainty: Double, confidenceLevel: Double) throws -> Double {
        let key = Observed(n: n, experiment: .init(b: background, rs: relativeSignalUncertainty, rb: relativeBackgroundUncertainty, cl: confidenceLevel))
        if let v = observed[key] { return v }
        return try base.upperLimit(observed: n, background: background, relativeSignalUncertainty: relativeSignalUncertainty,
                                   relativeBackgroundUncertainty: relativeBackgroundUncertainty, confidenceLevel: confidenceLevel)
    }

    func expectedUpperLimit(background: Double, relativeSignalUncertainty: Double, relativeBackgroundUncertainty: Double,
                            confidenceLevel: Double) throws -> ExpectedLimit {
        let key = Experiment(b: background, rs: relativeSignalUncertainty, rb: relativeBackgroundUncertainty, cl: confidenceLevel)
        if let v = expected[key] { return v }
        return try base.expectedUpperLimit(background: background, relativeSignalUncertainty: relativeSignalUncertainty,
                                           relativeBackgroundUncertainty: relativeBackgroundUncertainty, confidenceLevel: confidenceLevel)
    }
}
