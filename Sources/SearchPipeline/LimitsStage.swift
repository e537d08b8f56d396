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
        let binnings = configuration.hypotheses.map { search.templateBinning(for: $0) }
        guard binnings.allSatisfy({ $0 != nil }) else { return nil }
        let unblinded = try BlindedData(search: search, configuration: configuration, sources: data).unblinded(with: token)
        return try unblinded.observedHistograms(try zip(optimisation.results, binnings).map { r, b in
            (binning: b!, selection: try configuration.selection.withThresholds(r.punzi.cutThresholds, search: search.id))
        })
    }

    /// Signal and background templates of the binned fit per hypothesis (`slice`: only these
    /// positions of the hypotheses): the tuned cuts
    /// without the region (the fit range is the binning's), filled from the selected
    /// simulation. nil when the search has no template binning.
    public static func templates(optimisation: OptimisationOutput, configuration: SearchConfiguration, search: any Search,
                                 selected: SelectedSimulation, slice: Range<Int>? = nil) throws -> [HypothesisTemplates]? {
        let hypotheses = configuration.hypotheses
        guard hypotheses.allSatisfy({ search.templateBinning(for: $0) != nil }) else { return nil }
        let signalSet = SignalSampleSet(selected.signal)
        let bkg = selected.background.candidates
        let positions = Array(slice ?? hypotheses.indices)
        return try ConcurrentMap.map(positions.count) { j in
            let k = positions[j]
            let h = hypotheses[k], binning = search.templateBinning(for: h)!
            let input = try search.signalInput(for: h, from: signalSet)
            let tuned = try configuration.selection.withThresholds(optimisation.results[k].punzi.cutThresholds, search: search.id)
            let s = try binning.fill(input.candidates, mask: try Selection.mask(tuned.cuts, on: input.candidates))
            let b = try binning.fill(bkg, mask: try Selection.mask(tuned.cuts, on: bkg))
            return HypothesisTemplates(binning: binning, signalEfficiency: s.sum.map { $0 / input.producedYield },
                                       signalEfficiencyUncertainty: s.sumW2.map { $0.squareRoot() / input.producedYield },
                                       background: b.sum, backgroundUncertainty: b.sumW2.map { $0.squareRoot() })
        }
    }

    /// Seed of the look-elsewhere pseudo-experiments (recorded with them).
    public static let lookElsewhereSeed: UInt = 20_230_216

    /// Background-only pseudo-experiments over all windows of a scan (`OverlappingWindowScan`),
    /// from the simulated background rows inside each tuned window; nil for a single window.
    public static func lookElsewhere(optimisation: OptimisationOutput, configuration: SearchConfiguration, search: any Search,
                                     selected: SelectedSimulation) throws -> LookElsewhereCalibration? {
        let hypotheses = configuration.hypotheses
        guard hypotheses.count > 1 else { return nil }
        let bkg = selected.background.candidates
        let lookup = try WindowSelection.lookup(for: hypotheses, background: bkg)
        let members = try ConcurrentMap.map(hypotheses.count) { k -> [Int] in
            let r = optimisation.results[k]
            let tuned = try configuration.selection.withThresholds(r.punzi.cutThresholds, search: search.id)
            return try WindowSelection(hypothesis: r.punzi.tunedHypothesis, cuts: tuned.cuts, background: bkg, lookup: lookup).members
        }
        let scan = try OverlappingWindowScan(eventWeights: bkg.weight, members: members)
        let toys = configuration.lookElsewhereToys
        let minima = try scan.toyMinima(toys: toys, seed: lookElsewhereSeed)
        return LookElsewhereCalibration(toys: toys, seed: lookElsewhereSeed, sortedToyMinima: minima,
                                        backgroundFloor: bkg.weight.filter { $0 > 0 }.min() ?? 0)
    }

    /// `selected`: the select stage's simulation, for the templates and the look-elsewhere
    /// toys (nil: neither, e.g. a counting-only check of stored yields). `slice`: only these
    /// positions of the hypotheses (blinded; see below).
    public static func run(_ ps: any SearchPackage, configuration: SearchConfiguration, optimisation: OptimisationOutput,
                           selected: SelectedSimulation? = nil, systematics: SystematicsTable,
                           observed: (counts: [Int], histograms: [[Double]]?, token: UnblindingToken)? = nil,
                           observedSpectra: [[Double]]? = nil, slice: Range<Int>? = nil) throws -> LimitsOutput {
        guard optimisation.configurationHash == configuration.hash else {
            throw PipelineError.configurationChanged(file: StageFile.optimisation, recorded: optimisation.configurationHash,
                                                     current: configuration.hash)
        }
        // A slice (one work unit of a fanned-out limits stage, `limits --hypotheses A:B`) is
        // blinded; its rows equal the single-process ones. The look-elsewhere toys span every
        // window, so a slice leaves them to `LimitsMerge`.
        if slice != nil && observed != nil {
            throw AnalysisError.invalidArgument("a slice of the hypotheses cannot be unblinded; unblind the whole run with `darksector limits \(ps.search.id) --unblind`")
        }
        if slice != nil && configuration.statistics.methods.contains(.windowFit) {
            throw AnalysisError.invalidArgument("the window fit is not split into hypothesis slices; run `darksector limits \(ps.search.id)` as one job")
        }
        let cl = configuration.statistics.confidenceLevel
        let lookElsewhere = slice != nil ? nil : try selected.flatMap {
            try Self.lookElsewhere(optimisation: optimisation, configuration: configuration, search: ps.search, selected: $0)
        }
        var inputs: [CountingInput] = []
        for r in optimisation.results[slice ?? optimisation.results.indices] {
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
            return LimitsOutput.Row(point: point, input: fixedInputs[i], observed: obs?.count,
                                    notTestable: fixedInputs[i].signalEfficiency > 0 ? nil
                                        : "no selected signal: the signal MC leaves no event in this window after the selection")
        }
        var excess: LargestExcess? = nil
        if let o = observed {
            // Local p-values P(N >= n | b), b floored at one simulated event's weight.
            let floor = lookElsewhere?.backgroundFloor ?? 0
            var best: (p: Double, i: Int)? = nil
            for i in inputs.indices where inputs[i].signalEfficiency > 0 {
                let p = OverlappingWindowScan.localPValue(observed: o.counts[i], background: max(inputs[i].expectedBackground, floor))
                rows[i].localPValue = p
                if best == nil || p < best!.p { best = (p, i) }
            }
            if let best {
                let lee = lookElsewhere
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
        var templateInputs: [TemplateFitInput]? = nil
        if configuration.statistics.methods.contains(.templateFit) {
            guard let selected else {
                throw AnalysisError.invalidArgument("the template fit needs the selected simulation (candidates/ of the run); run `darksector select \(ps.search.id)`")
            }
            guard let filled = try Self.templates(optimisation: optimisation, configuration: configuration, search: ps.search,
                                                  selected: selected, slice: slice) else {
                throw AnalysisError.invalidConfiguration(file: configuration.file, key: "statistics.methods",
                    reason: "template-fit needs templates, but search '\(ps.search.id)' declares no template binning")
            }
            let histograms = observed?.histograms
            let fitInputs = try filled.indices.map { i in
                TemplateFitInput(templates: filled[i], relativeSignalUncertainty: fixedInputs[i].relativeSignalUncertainty,
                                 relativeBackgroundUncertainty: (try systematics.limitInputs(at: fixedInputs[i].hypothesis.parameters)).rb,
                                 observed: histograms?[i])
            }
            templateInputs = fitInputs
            templatePoints = try ConcurrentMap.map(fitInputs.count) { i in
                try TemplateFitLimits.limit(fitInputs[i].templates, hypothesis: fixedInputs[i].hypothesis,
                                            luminosityInvFb: configuration.luminosityInvFb,
                                            relativeSignalUncertainty: fitInputs[i].relativeSignalUncertainty,
                                            relativeBackgroundUncertainty: fitInputs[i].relativeBackgroundUncertainty,
                                            confidenceLevel: cl, model: model, observed: fitInputs[i].observed)
            }
        }
        // Sliding-window fit, when configured and the search declares its spectra.
        var windowFit: WindowFitLimits.Output? = nil
        if configuration.statistics.methods.contains(.windowFit) {
            guard let selected else {
                throw AnalysisError.invalidArgument("the window fit needs the selected simulation (candidates/ of the run); run `darksector select \(ps.search.id)`")
            }
            guard observed == nil || observedSpectra != nil else {
                throw AnalysisError.invalidArgument("an unblinded window fit needs the observed spectra")
            }
            guard let inputs = try WindowFitLimits.inputs(optimisation: optimisation, configuration: configuration, search: ps.search,
                                                          selected: selected, systematics: systematics,
                                                          observed: observed == nil ? nil : observedSpectra) else {
                throw AnalysisError.invalidConfiguration(file: configuration.file, key: "statistics.methods",
                    reason: "window-fit needs a fit spectrum per hypothesis, but search '\(ps.search.id)' declares none (Search.windowFitSpectrum)")
            }
            windowFit = try WindowFitLimits.run(inputs: inputs, hypotheses: configuration.hypotheses,
                                                luminosityInvFb: configuration.luminosityInvFb, confidenceLevel: cl,
                                                model: model, lookElsewhere: lookElsewhere)
        }
        return LimitsOutput(search: ps.search.id, configurationHash: configuration.hash, confidenceLevel: cl,
                            method: "Bayesian counting, flat prior, Gaussian nuisances marginalised",
                            unblinded: observed != nil, rows: rows, largestExcess: excess,
                            templateFit: templatePoints, templateFitInputs: templateInputs, lookElsewhere: lookElsewhere,
                            windowFit: windowFit)
    }
}
