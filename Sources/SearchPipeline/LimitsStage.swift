import EventModel
import Analysis
import Foundation
import Statistics

/// Stage 3: 90% CL (configurable) Bayesian counting limits per signal region, expected
/// always, observed only with an `UnblindingToken`, translated to cross section and coupling.
public enum LimitsStage {
    /// Observed counts for the hypotheses (same order), read through `UnblindedData`.
    public static func observedCounts(optimisation: OptimisationOutput, configuration: SearchConfiguration,
                                      search: any Search, data: [any EventSource], token: UnblindingToken) throws -> [Int] {
        let unblinded = try BlindedData(search: search, configuration: configuration, sources: data).unblinded(with: token)
        let points = try optimisation.results.map { r in
            (hypothesis: r.hypothesis, selection: try configuration.selection.withThresholds(r.punzi.cutThresholds, search: search.id))
        }
        return try unblinded.observedCounts(points)
    }

    /// Observed template histograms (same order), for searches with a template fit.
    public static func observedHistograms(optimisation: OptimisationOutput, configuration: SearchConfiguration,
                                          search: any Search, data: [any EventSource], token: UnblindingToken) throws -> [[Double]]? {
        guard optimisation.results.allSatisfy({ $0.templates != nil }) else { return nil }
        let unblinded = try BlindedData(search: search, configuration: configuration, sources: data).unblinded(with: token)
        return try unblinded.observedHistograms(try optimisation.results.map { r in
            (binning: r.templates!.binning, selection: try configuration.selection.withThresholds(r.punzi.cutThresholds, search: search.id))
        })
    }

    public static func run(_ ps: any SearchPackage, configuration: SearchConfiguration, optimisation: OptimisationOutput,
                           systematics: SystematicsTable,
                           observed: (counts: [Int], histograms: [[Double]]?, token: UnblindingToken)? = nil) throws -> LimitsOutput {
        guard optimisation.configurationHash == configuration.hash else {
            throw PipelineError.configurationChanged(file: StageFile.optimisation, recorded: optimisation.configurationHash,
                                                     current: configuration.hash)
        }
        let cl = configuration.statistics.confidenceLevel
        var inputs: [CountingInput] = []
        for r in optimisation.results {
            let (rs, rb) = try systematics.limitInputs(at: r.hypothesis.parameters)
            // MC statistics of the background estimate join r_b in quadrature.
            let mcStat = r.expectedBackground > 0 ? r.backgroundUncertainty / r.expectedBackground : 0
            // A model-independent search quotes efficiency x cross section: the yield limit
            // over the luminosity alone. The MC efficiency only chose the cuts.
            let efficiency = ps.search.limitQuantity == .efficiencyTimesCrossSection ? 1 : r.signalEfficiency
            inputs.append(CountingInput(hypothesis: r.hypothesis, signalEfficiency: efficiency,
                                        luminosityInvFb: configuration.luminosityInvFb,
                                        expectedBackground: r.expectedBackground, relativeSignalUncertainty: rs,
                                        relativeBackgroundUncertainty: (rb * rb + mcStat * mcStat).squareRoot()))
        }
        func experiment(_ x: CountingInput) -> MemoisedLimitCalculator.Experiment {
            .init(b: x.expectedBackground, rs: x.relativeSignalUncertainty, rb: x.relativeBackgroundUncertainty, cl: cl)
        }
        let sensitive = inputs.indices.filter { inputs[$0].signalEfficiency > 0 }
        let calculator = try MemoisedLimitCalculator(
            base: BayesianCountingCalculator(), expected: Set(sensitive.map { experiment(inputs[$0]) }),
            observed: Set(observed.map { o in sensitive.map { .init(n: o.counts[$0], experiment: experiment(inputs[$0])) } } ?? []))
        let model = ps.search.signalModel
        let fixedInputs = inputs
        var rows = try ConcurrentMap.map(fixedInputs.count) { i in
            let obs = observed.map { (count: $0.counts[i], token: $0.token) }
            let point = try LimitTranslation.limit(fixedInputs[i], calculator: calculator, confidenceLevel: cl,
                                                   model: model, observed: obs)
            return LimitsOutput.Row(point: point, input: fixedInputs[i], observed: obs?.count)
        }
        var excess: LargestExcess? = nil
        if let o = observed {
            // Local p-values P(N >= n | b), b floored at one simulated event's weight.
            let floor = optimisation.lookElsewhere?.backgroundFloor ?? 0
            var best: (p: Double, i: Int)? = nil
            for i in inputs.indices where inputs[i].signalEfficiency > 0 {
                let p = OverlappingWindowScan.localPValue(observed: o.counts[i], background: max(inputs[i].expectedBackground, floor))
                rows[i].localPValue = p
                if best == nil || p < best!.p { best = (p, i) }
            }
            if let best {
                let lee = optimisation.lookElsewhere
                let global = lee.map { $0.globalPValue(observedMinimum: best.p) }
                excess = LargestExcess(hypothesis: inputs[best.i].hypothesis.label, observed: o.counts[best.i],
                                       background: inputs[best.i].expectedBackground, localPValue: best.p,
                                       localSignificance: max(0, (try? Significance.z(pValue: best.p)) ?? .infinity),
                                       globalPValue: global,
                                       globalSignificance: global.map { max(0, (try? Significance.z(pValue: max($0, 1e-300))) ?? .infinity) },
                                       toys: lee?.toys)
            }
        }
        // Frequentist binned template fit, when configured and the search has templates.
        var templatePoints: [LimitPoint]? = nil
        if configuration.statistics.methods.contains(.templateFit) {
            let results = optimisation.results
            guard results.allSatisfy({ $0.templates != nil }) else {
                throw AnalysisError.invalidConfiguration(file: configuration.file, key: "statistics.methods",
                    reason: "template-fit needs templates, but search '\(ps.search.id)' declares no template binning")
            }
            let histograms = observed?.histograms
            templatePoints = try ConcurrentMap.map(results.count) { i in
                try TemplateFitLimits.limit(results[i].templates!, hypothesis: fixedInputs[i].hypothesis,
                                            luminosityInvFb: configuration.luminosityInvFb,
                                            relativeSignalUncertainty: fixedInputs[i].relativeSignalUncertainty,
                                            relativeBackgroundUncertainty: (try systematics.limitInputs(at: fixedInputs[i].hypothesis.parameters)).rb,
                                            confidenceLevel: cl, model: model, observed: histograms?[i])
            }
        }
        return LimitsOutput(search: ps.search.id, configurationHash: configuration.hash, confidenceLevel: cl,
                            method: "Bayesian counting, flat prior, Gaussian nuisances marginalised",
                            unblinded: observed != nil, rows: rows, largestExcess: excess,
                            templateFit: templatePoints)
    }
}
