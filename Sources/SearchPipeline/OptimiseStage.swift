import EventModel
import Analysis
import Foundation
import Statistics

/// Stage 2: simulation only. From the selected candidates (`SelectStage`), runs Punzi per
/// hypothesis (even event ids train, odd test) and records the signal efficiency and
/// expected background of each signal region at the chosen cuts and window size. The
/// templates of the binned fit and the look-elsewhere pseudo-experiments are made where
/// they are used, in the limits stage, from the same candidates.
public enum OptimiseStage {
    /// Selection and optimisation in one call, in memory (tests, studies).
    public static func run(_ ps: any SearchPackage, configuration: SearchConfiguration, mc: [any EventSource],
                           sampleNames: [String], log: (String) -> Void = { _ in }) throws -> OptimisationOutput {
        let selected = try SelectStage.run(ps, configuration: configuration, mc: mc, log: log)
        return try run(ps, configuration: configuration, selected: selected, sampleNames: sampleNames, log: log)
    }

    /// `slice`: only these positions of the configured hypotheses (one work unit of a
    /// fanned-out optimisation, `optimise --hypotheses A:B`); all when nil. A slice also
    /// optimises the neighbours its thin points borrow thresholds from (the regularisation's
    /// half width), so each of its results equals the single-process one.
    public static func run(_ ps: any SearchPackage, configuration: SearchConfiguration, selected: SelectedSimulation,
                           sampleNames: [String], slice: Range<Int>? = nil,
                           log: (String) -> Void = { _ in }) throws -> OptimisationOutput {
        var clock = Date()
        func lap(_ what: String) {
            log(String(format: "  %@ (%.1f s)", what, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        let search = ps.search
        let all = configuration.hypotheses
        let wanted = Array(all[slice ?? all.indices])
        var needed = Set(wanted.map(\.index))
        if slice != nil {
            for h in wanted {
                for n in search.neighbours(of: h, in: all, halfWidth: configuration.punzi.regularisationHalfWidth) { needed.insert(n.index) }
            }
        }
        let computed = all.filter { needed.contains($0.index) }
        let signalSet = SignalSampleSet(selected.signal)
        let bkg = selected.background.candidates
        // Index the background so each window looks only at the rows it can contain.
        let lookup = try WindowSelection.lookup(for: all, background: bkg)

        // Signal per hypothesis first (interpolated between generated points where the search
        // does so), on all cores; Punzi and the yields below read it.
        let inputList = try ConcurrentMap.map(computed.count) { try search.signalInput(for: computed[$0], from: signalSet) }
        let inputs = Dictionary(uniqueKeysWithValues: zip(computed.map(\.index), inputList))
        let optimiser = PunziOptimiser(selection: configuration.selection, settings: configuration.punzi)
        let showcase = Set(search.showcaseHypotheses(all).map(\.index))
        // FOM profiles for every mass of a one-parameter scan; a window scan keeps its showcase
        // windows' only (thousands of windows x every grid value would swamp optimisation.json).
        let oneParameter = ps.scanGeometry == nil
        let inSlice = Set(wanted.map(\.index))
        let computedPoints = try optimiser.optimise(hypotheses: computed, background: bkg, lookup: lookup,
                                                    keepScan: { inSlice.contains($0.index) && (oneParameter || showcase.contains($0.index)) },
                                                    signal: { h in inputs[h.index]! },
                                                    neighbours: { h, _, k in search.neighbours(of: h, in: all, halfWidth: k) })
        let byIndex = Dictionary(uniqueKeysWithValues: zip(computed.map(\.index), computedPoints))
        let points = wanted.map { byIndex[$0.index]! }
        let hypotheses = wanted
        lap("Punzi optimisation over \(hypotheses.count) hypotheses")
        // Each window on its own core: the tuned cuts and the tuned region on the signal MC and
        // on the background rows the lookup says the region can contain.
        let selection = configuration.selection
        let results = try ConcurrentMap.map(hypotheses.count) { k -> OptimisationOutput.HypothesisResult in
            let h = hypotheses[k], point = points[k]
            let tuned = try selection.withThresholds(point.cutThresholds, search: search.id)
            let tunedH = point.tunedHypothesis
            let input = inputs[h.index]!
            let sy = input.candidates.weightedYield(try WindowSelection.passes(input.candidates, hypothesis: tunedH, cuts: tuned.cuts))
            let window = try WindowSelection(hypothesis: tunedH, cuts: tuned.cuts, background: bkg, lookup: lookup)
            let by = window.table.weightedYield(window.mask)
            var byProcess: [String: Double] = [:]
            for i in window.table.weight.indices where window.mask[i] { byProcess[window.table.process(ofRow: i), default: 0] += window.table.weight[i] }
            var flow: CutFlow? = nil
            if showcase.contains(h.index) {
                // Background and signal flows merged, not a merged table: copying millions of
                // background rows per showcase window dominated the 8.34 fb^-1 scan.
                flow = try CutFlow.forHypothesis(tunedH, selection: tuned, candidates: bkg)
                    .merging(CutFlow.forHypothesis(tunedH, selection: tuned, candidates: input.candidates))
            }
            return OptimisationOutput.HypothesisResult(
                hypothesis: tunedH, punzi: point, signalEfficiency: sy.sum / input.producedYield,
                signalEfficiencyUncertainty: sy.sumW2.squareRoot() / input.producedYield,
                expectedBackground: by.sum, backgroundUncertainty: by.sumW2.squareRoot(),
                backgroundEntries: by.entries, backgroundByProcess: byProcess, cutFlow: flow)
        }
        lap("signal-region yields")
        return OptimisationOutput(search: search.id, configurationHash: configuration.hash, luminosityInvFb: configuration.luminosityInvFb,
                                  results: results, mcCutFlow: selected.background.cutFlow.merging(selected.signal.cutFlow),
                                  samples: sampleNames, signalProcesses: selected.signal.signalParameters.keys.sorted())
    }
}
