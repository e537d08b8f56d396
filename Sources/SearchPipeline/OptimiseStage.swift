import Analysis
import Foundation

/// Stage 1: simulation only. Streams the MC backgrounds and the signal MC through the
/// search, runs Punzi per hypothesis (even event ids train, odd test), and records the
/// signal efficiency and expected background of each signal region at the chosen cuts.
public enum OptimiseStage {
    public static func run(_ ps: PipelineSearch, configuration: SearchConfiguration, mc: [any EventSource],
                           sampleNames: [String]) throws -> OptimisationOutput {
        let search = ps.search
        let lumi = configuration.luminosityInvFb
        let background = try MonteCarloSelection(search: search, selection: configuration.selection,
                                                 targetLuminosityInvFb: lumi).run(mc)
        let signalSources = try ps.signalSamples(configuration.hypotheses, configuration)
        let signal = try MonteCarloSelection(search: search, selection: configuration.selection,
                                             targetLuminosityInvFb: lumi).run(signalSources)
        func signalProcess(_ h: MassHypothesis) throws -> String {
            guard let p = signal.producedYield.keys.first(where: { search.signalParameters(ofProcess: $0) == h.parameters }) else {
                throw AnalysisError.emptySignalSample(process: h.label, detail: "no signal sample was produced for this hypothesis")
            }
            return p
        }
        let optimiser = PunziOptimiser(selection: configuration.selection, settings: configuration.punzi)
        let points = try optimiser.optimise(search: search, hypotheses: configuration.hypotheses,
                                            background: background.candidates) { h in
            let p = try signalProcess(h)
            return .init(candidates: signal.candidates.rows(ofProcesses: [p]), producedYield: signal.producedYield[p]!)
        }
        var results: [OptimisationOutput.HypothesisResult] = []
        for (h, point) in zip(configuration.hypotheses, points) {
            let tuned = try configuration.selection.withThresholds(point.thresholds, search: search.id)
            func final(_ t: CandidateTable) throws -> [Bool] {
                let pass = try Selection.mask(tuned.cuts, on: t), inside = try h.signalRegion.mask(t)
                return zip(pass, inside).map { $0 && $1 }
            }
            let p = try signalProcess(h)
            let sig = signal.candidates.rows(ofProcesses: [p])
            let sy = sig.weightedYield(try final(sig))
            let produced = signal.producedYield[p]!
            let bmask = try final(background.candidates)
            let by = background.candidates.weightedYield(bmask)
            var byProcess: [String: Double] = [:]
            for proc in background.candidates.processes {
                byProcess[proc] = background.candidates.rows(ofProcesses: [proc]).weightedYield(
                    try final(background.candidates.rows(ofProcesses: [proc]))).sum
            }
            var combined = background.candidates
            combined.append(sig)
            let flow = try CutFlow.forHypothesis(h, selection: tuned, candidates: combined)
            results.append(.init(hypothesis: h, punzi: point, signalEfficiency: sy.sum / produced,
                                 signalEfficiencyUncertainty: sy.sumW2.squareRoot() / produced,
                                 expectedBackground: by.sum, backgroundUncertainty: by.sumW2.squareRoot(),
                                 backgroundEntries: by.entries, backgroundByProcess: byProcess, cutFlow: flow))
        }
        return OptimisationOutput(search: search.id, configurationHash: configuration.hash, luminosityInvFb: lumi,
                                  results: results, mcCutFlow: background.cutFlow.merging(signal.cutFlow), samples: sampleNames)
    }
}
