import EventModel
import Analysis
import Foundation
import Statistics

/// Stage 1: simulation only. Streams the MC backgrounds and the signal MC through the
/// search, runs Punzi per hypothesis (even event ids train, odd test), and records the
/// signal efficiency and expected background of each signal region at the chosen cuts and
/// window size. For a scan of many windows it also throws the background-only
/// pseudo-experiments that calibrate the look-elsewhere effect (`OverlappingWindowScan`):
/// they need the simulated events in each window, which only this stage has.
public enum OptimiseStage {
    public static func run(_ ps: any SearchPackage, configuration: SearchConfiguration, mc: [any EventSource],
                           sampleNames: [String], log: (String) -> Void = { _ in }) throws -> OptimisationOutput {
        var clock = Date()
        func lap(_ what: String) {
            log(String(format: "  %@ (%.1f s)", what, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        let search = ps.search
        let lumi = configuration.luminosityInvFb
        let hypotheses = configuration.hypotheses
        let background = try MonteCarloSelection(search: search, selection: configuration.selection,
                                                 targetLuminosityInvFb: lumi).run(mc)
        lap("simulated backgrounds selected: \(background.candidates.count) candidates")
        let signalSources = try ps.signalProduction.samples(for: hypotheses, configuration: configuration)
        let signal = try MonteCarloSelection(search: search, selection: configuration.selection,
                                             targetLuminosityInvFb: lumi).run(signalSources)
        lap("signal simulation: \(signalSources.count) samples")
        let signalSet = SignalSampleSet(signal)
        let bkg = background.candidates
        // Index the background by the first observable the regions bound, so each window
        // looks only at the rows it can contain.
        let lookupObservable = hypotheses.first.flatMap { h in
            h.signalRegion.observables.sorted().first { h.signalRegion.bounds(of: $0) != nil }
        }
        let lookup = try lookupObservable.map { try CandidateLookup(bkg, observable: $0) }

        // Signal per hypothesis first (interpolated between generated points where the search
        // does so), on all cores; Punzi and the yields below read it.
        let inputList = try ConcurrentMap.map(hypotheses.count) { try search.signalInput(for: hypotheses[$0], from: signalSet) }
        let inputs = Dictionary(uniqueKeysWithValues: zip(hypotheses.map(\.index), inputList))
        let optimiser = PunziOptimiser(selection: configuration.selection, settings: configuration.punzi)
        let points = try optimiser.optimise(search: search, hypotheses: hypotheses, background: bkg, lookup: lookup) { h in
            inputs[h.index]!
        }
        lap("Punzi optimisation over \(hypotheses.count) hypotheses")
        let showcase = Set(search.showcaseHypotheses(hypotheses).map(\.index))
        // Each window on its own core: the tuned cuts and the tuned region on the signal MC and
        // on the background rows the lookup says the region can contain (only the columns
        // the cuts and the region read are copied).
        let selection = configuration.selection
        let perWindow = try ConcurrentMap.map(hypotheses.count) { k -> (OptimisationOutput.HypothesisResult, [Int]) in
            let h = hypotheses[k], point = points[k]
            let tuned = try selection.withThresholds(point.cutThresholds, search: search.id)
            let tunedH = point.tunedHypothesis
            func final(_ t: CandidateTable) throws -> [Bool] {
                let pass = try Selection.mask(tuned.cuts, on: t), inside = try tunedH.signalRegion.mask(t)
                return zip(pass, inside).map { $0 && $1 }
            }
            let input = inputs[h.index]!
            let sy = input.candidates.weightedYield(try final(input.candidates))
            let rows = lookup?.candidateRows(of: tunedH.signalRegion, total: bkg.count) ?? Array(0..<bkg.count)
            let needed = Set(tuned.cuts.map(\.observable)).union(tunedH.signalRegion.observables)
            let sub = bkg.rows(at: rows, columns: needed)
            let bmask = try final(sub)
            let members = rows.indices.filter { bmask[$0] }.map { rows[$0] }
            let by = sub.weightedYield(bmask)
            var byProcess: [String: Double] = [:]
            for i in sub.weight.indices where bmask[i] { byProcess[sub.process(ofRow: i), default: 0] += sub.weight[i] }
            var flow: CutFlow? = nil
            if showcase.contains(h.index) {
                // Background and signal flows merged, not a merged table: copying millions of
                // background rows per showcase window dominated the 8.34 fb^-1 scan.
                flow = try CutFlow.forHypothesis(tunedH, selection: tuned, candidates: bkg)
                    .merging(CutFlow.forHypothesis(tunedH, selection: tuned, candidates: input.candidates))
            }
            // Templates: the tuned cuts without the region (the fit range is the binning's).
            var templates: HypothesisTemplates? = nil
            if let binning = search.templateBinning(for: h) {
                let s = try binning.fill(input.candidates, mask: try Selection.mask(tuned.cuts, on: input.candidates))
                let b = try binning.fill(bkg, mask: try Selection.mask(tuned.cuts, on: bkg))
                templates = HypothesisTemplates(binning: binning, signalEfficiency: s.sum.map { $0 / input.producedYield },
                                                signalEfficiencyUncertainty: s.sumW2.map { $0.squareRoot() / input.producedYield },
                                                background: b.sum, backgroundUncertainty: b.sumW2.map { $0.squareRoot() })
            }
            let result = OptimisationOutput.HypothesisResult(
                hypothesis: tunedH, punzi: point, signalEfficiency: sy.sum / input.producedYield,
                signalEfficiencyUncertainty: sy.sumW2.squareRoot() / input.producedYield,
                expectedBackground: by.sum, backgroundUncertainty: by.sumW2.squareRoot(),
                backgroundEntries: by.entries, backgroundByProcess: byProcess, cutFlow: flow, templates: templates)
            return (result, members)
        }
        let results = perWindow.map(\.0)
        let windowMembers = perWindow.map(\.1)
        lap("signal-region yields\(search.templateBinning(for: hypotheses[0]) == nil ? "" : " and templates")")
        var lee: LookElsewhereCalibration? = nil
        if hypotheses.count > 1 {
            let scan = try OverlappingWindowScan(eventWeights: bkg.weight, members: windowMembers)
            let toys = configuration.lookElsewhereToys
            let minima = try scan.toyMinima(toys: toys, seed: 20_230_216)
            lee = LookElsewhereCalibration(toys: toys, seed: 20_230_216, sortedToyMinima: minima,
                                           backgroundFloor: bkg.weight.filter { $0 > 0 }.min() ?? 0)
            lap("look-elsewhere: \(toys) background-only pseudo-experiments over \(hypotheses.count) windows")
        }
        return OptimisationOutput(search: search.id, configurationHash: configuration.hash, luminosityInvFb: lumi,
                                  results: results, mcCutFlow: background.cutFlow.merging(signal.cutFlow), samples: sampleNames,
                                  lookElsewhere: lee, signalProcesses: signal.signalParameters.keys.sorted())
    }
}
