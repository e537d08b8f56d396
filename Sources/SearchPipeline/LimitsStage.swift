import Analysis
import Foundation

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

    public static func run(_ ps: PipelineSearch, configuration: SearchConfiguration, optimisation: OptimisationOutput,
                           systematics: SystematicsTable,
                           observed: (counts: [Int], token: UnblindingToken)? = nil) throws -> LimitsOutput {
        guard optimisation.configurationHash == configuration.hash else {
            throw PipelineError.configurationChanged(file: StageFile.optimisation, recorded: optimisation.configurationHash,
                                                     current: configuration.hash)
        }
        let calculator = BayesianCountingCalculator()
        let cl = configuration.statistics.confidenceLevel
        var rows: [LimitsOutput.Row] = []
        for (i, r) in optimisation.results.enumerated() {
            let (rs, rb) = try systematics.limitInputs(at: r.hypothesis.parameters)
            // MC statistics of the background estimate join r_b in quadrature.
            let mcStat = r.expectedBackground > 0 ? r.backgroundUncertainty / r.expectedBackground : 0
            let input = CountingInput(hypothesis: r.hypothesis, signalEfficiency: r.signalEfficiency,
                                      luminosityInvFb: configuration.luminosityInvFb,
                                      expectedBackground: r.expectedBackground, relativeSignalUncertainty: rs,
                                      relativeBackgroundUncertainty: (rb * rb + mcStat * mcStat).squareRoot())
            let obs = observed.map { (count: $0.counts[i], token: $0.token) }
            let point = try LimitTranslation.limit(input, calculator: calculator, confidenceLevel: cl,
                                                   model: ps.search.signalModel, observed: obs)
            rows.append(.init(point: point, input: input, observed: obs?.count))
        }
        return LimitsOutput(search: ps.search.id, configurationHash: configuration.hash, confidenceLevel: cl,
                            method: "Bayesian counting, flat prior, Gaussian nuisances marginalised",
                            unblinded: observed != nil, rows: rows)
    }
}
