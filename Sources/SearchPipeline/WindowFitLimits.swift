import Analysis
import EventModel
import Foundation
import Statistics

/// Limits from the sliding-window fit (method `window-fit`, `Sources/Statistics/WindowFit`):
/// per hypothesis, the search's `WindowFitSpectrum` filled from the selected simulation with
/// the tuned cuts, a smooth parametric background (polynomial in the window, order chosen on
/// the sidebands by `BackgroundOrderSelection`: up one order while the likelihood-ratio test
/// gives p <= 0.05), and the signal as a binned template from the signal MC
/// (s_i = eps_i L sigma(g_ref): the mass-dependent resolution is the simulation's; mu = 1 at the
/// reference coupling, so sigma_lim = mu_up sigma(g_ref)).
///
/// - Expected limits (always): the background simulation's histogram stands in for the data
///   (blinded), the background shape fitted to it, and the CLs band from its Asimov data
///   (`WindowCLs`: q~_mu, CCGV asymptotics, pyhf conventions); the Bayesian expected limit is the
///   Bayesian limit (flat prior in mu, background parameters marginalised,
///   `WindowBayesianLimit`) on that Asimov data.
/// - Observed limits (unblinded runs only): the same on the data histogram, the order chosen
///   again on the data's sidebands; the local significance from q0.
///
/// Not in the fit: the signal-efficiency systematics (r_s of the systematics table) and the
/// signal MC statistics; they are quoted beside it (`relativeSignalUncertainty`). Empty
/// simulated bins are floored at 1e-3 events, as the template fit does.
public enum WindowFitLimits {
    static let backgroundFloor = 1e-3

    public struct Settings: Sendable, Codable, Hashable {
        public var family: String = BackgroundShape.Family.polynomial.rawValue
        public var minimumOrder = 0
        public var maximumOrder = 3
        public var orderPValueThreshold = 0.05
        public init() {}
    }

    /// One hypothesis' inputs (stored in limits.json so a fit can be redone).
    public struct Input: Codable, Sendable {
        public var spectrum: WindowFitSpectrum
        public var signalEfficiency: [Double]
        public var background: [Double]
        public var backgroundUncertainty: [Double]
        public var observed: [Double]?
        public var relativeSignalUncertainty: Double
    }

    /// The fit of one hypothesis.
    public struct Point: Codable, Sendable {
        public var point: LimitPoint
        /// Bayesian 95% (the run's CL) limits on the coupling: expected (Asimov) and observed.
        public var bayesianExpectedCoupling: Double?
        public var bayesianObservedCoupling: Double?
        /// Background order chosen on the simulation's (expected) and data's (observed) sidebands.
        public var backgroundOrder: Int?
        public var orderPValues: [Double]?
        public var observedBackgroundOrder: Int?
        /// Signal events in the window at the reference coupling, simulated background in it.
        public var signalAtReference: Double
        public var backgroundInWindow: Double
        /// Best-fit mu and local significance of the data (unblinded runs).
        public var observedMuHat: Double?
        public var localPValue: Double?
        public var localSignificance: Double?
        public var notTestable: String?
    }

    public struct Output: Codable, Sendable {
        public var method: String
        public var settings: Settings
        public var points: [Point]
        public var inputs: [Input]
        /// Smallest local p-value of the unblinded fits, and its global p-value from the
        /// look-elsewhere calibration of the run (background-only pseudo-experiments of the same
        /// windows counted; an approximation for a fit, see docs/STATS.md).
        public var largestExcess: LargestExcess?
    }

    /// Histograms of every hypothesis from the selected simulation; nil when the search
    /// declares no window-fit spectrum for some hypothesis.
    public static func inputs(optimisation: OptimisationOutput, configuration: SearchConfiguration, search: any Search,
                              selected: SelectedSimulation, systematics: SystematicsTable,
                              observed: [[Double]]?) throws -> [Input]? {
        let hypotheses = configuration.hypotheses
        guard hypotheses.allSatisfy({ search.windowFitSpectrum(for: $0) != nil }) else { return nil }
        let signalSet = SignalSampleSet(selected.signal)
        let bkg = selected.background.candidates
        return try ConcurrentMap.map(hypotheses.count) { k in
            let h = hypotheses[k], spectrum = search.windowFitSpectrum(for: h)!
            let input = try search.signalInput(for: h, from: signalSet)
            let tuned = try configuration.selection.withThresholds(optimisation.results[k].punzi.cutThresholds, search: search.id)
            let s = try spectrum.fill(input.candidates, mask: try Selection.mask(tuned.cuts, on: input.candidates))
            let b = try spectrum.fill(bkg, mask: try Selection.mask(tuned.cuts, on: bkg))
            return Input(spectrum: spectrum, signalEfficiency: s.sum.map { $0 / input.producedYield }, background: b.sum,
                         backgroundUncertainty: b.sumW2.map { $0.squareRoot() }, observed: observed?[k],
                         relativeSignalUncertainty: try systematics.limitInputs(at: h.parameters).rs)
        }
    }

    /// Observed histograms (same order as the hypotheses), read through `UnblindedData`.
    public static func observedSpectra(optimisation: OptimisationOutput, configuration: SearchConfiguration,
                                       search: any Search, data: [any EventSource], token: UnblindingToken) throws -> [[Double]]? {
        let spectra = configuration.hypotheses.map { search.windowFitSpectrum(for: $0) }
        guard spectra.allSatisfy({ $0 != nil }) else { return nil }
        let unblinded = try BlindedData(search: search, configuration: configuration, sources: data).unblinded(with: token)
        let selections = try optimisation.results.map { r -> Selection in
            try configuration.selection.withThresholds(r.punzi.cutThresholds, search: search.id)
        }
        guard let first = selections.first else { return [] }
        let all = try unblinded.candidates(selection: first).candidates
        return try zip(spectra, selections).map { spectrum, selection in
            try spectrum!.fill(all, mask: try Selection.mask(selection.cuts, on: all)).sum
        }
    }

    struct Fit {
        let order: BackgroundOrderSelection.Outcome
        let cls: WindowCLs
        let limits: AsymptoticCLs.Limits
        let model: WindowModel
    }

    static func fit(counts: [Double], signal: [Double], spectrum: WindowFitSpectrum, settings: Settings, cl: Double) throws -> Fit {
        guard let family = BackgroundShape.Family(rawValue: settings.family) else {
            throw AnalysisError.invalidArgument("window fit: unknown background family '\(settings.family)'")
        }
        let histogram = try BinnedSpectrum(edges: spectrum.edges, counts: counts)
        let window = spectrum.edges.first!...spectrum.edges.last!
        let j = spectrum.signalRegionHalfWidthInSigma
        let order = try BackgroundOrderSelection.choose(
            spectrum: histogram, window: window, family: family,
            signalRegion: (spectrum.peak - j * spectrum.sigma)...(spectrum.peak + j * spectrum.sigma),
            minimumOrder: settings.minimumOrder, maximumOrder: settings.maximumOrder,
            pValueThreshold: settings.orderPValueThreshold)
        let model = try WindowModel(spectrum: histogram, window: window, signal: .binned(signal),
                                    background: try BackgroundShape(family, order: order.order))
        let cls = try WindowCLs(model: model)
        return Fit(order: order, cls: cls, limits: try cls.upperLimits(cl: cl), model: model)
    }

    /// The fit of one hypothesis; a failed fit is reported as not testable with its reason.
    public static func point(_ x: Input, hypothesis: MassHypothesis, luminosityInvFb: Double, confidenceLevel cl: Double,
                             model: any SignalModel, settings: Settings = Settings()) throws -> Point {
        let sigmaRef = try model.crossSectionFb(parameters: hypothesis.parameters, coupling: model.referenceCoupling)
        let signal = x.signalEfficiency.map { $0 * luminosityInvFb * sigmaRef }
        let none = ExpectedLimit(median: .infinity, minus2: .infinity, minus1: .infinity, plus1: .infinity, plus2: .infinity)
        func untestable(_ why: String) -> Point {
            Point(point: LimitPoint(hypothesis: hypothesis, expectedCrossSectionFb: none,
                                    observedCrossSectionFb: x.observed == nil ? nil : .infinity,
                                    expectedCoupling: none, observedCoupling: x.observed == nil ? nil : .infinity),
                  signalAtReference: signal.reduce(0, +), backgroundInWindow: x.background.reduce(0, +), notTestable: why)
        }
        guard signal.contains(where: { $0 > 0 }) else {
            return untestable("no selected signal in the fit window")
        }
        func coupling(_ mu: Double) throws -> Double {
            try model.couplingLimit(crossSectionLimitFb: mu * sigmaRef, parameters: hypothesis.parameters)
        }
        do {
            let expected = try fit(counts: x.background.map { max($0, backgroundFloor) }, signal: signal,
                                   spectrum: x.spectrum, settings: settings, cl: cl)
            let e = expected.limits.expected
            let band = ExpectedLimit(median: e[2], minus2: e[0], minus1: e[1], plus1: e[3], plus2: e[4])
            let bayesExpected = try WindowBayesianLimit.upperLimit(model: try expected.model.with(observed: expected.cls.asimovCounts), cl: cl)
            var p = Point(point: LimitPoint(hypothesis: hypothesis, expectedCrossSectionFb: band.scaled(by: sigmaRef),
                                            observedCrossSectionFb: nil,
                                            expectedCoupling: ExpectedLimit(median: try coupling(band.median), minus2: try coupling(band.minus2),
                                                                            minus1: try coupling(band.minus1), plus1: try coupling(band.plus1),
                                                                            plus2: try coupling(band.plus2)),
                                            observedCoupling: nil),
                          bayesianExpectedCoupling: try coupling(bayesExpected.upperLimit),
                          backgroundOrder: expected.order.order, orderPValues: expected.order.pValues,
                          signalAtReference: signal.reduce(0, +), backgroundInWindow: x.background.reduce(0, +))
            if let observed = x.observed {
                let o = try fit(counts: observed, signal: signal, spectrum: x.spectrum, settings: settings, cl: cl)
                p.point.observedCrossSectionFb = o.limits.observed * sigmaRef
                p.point.observedCoupling = try coupling(o.limits.observed)
                p.bayesianObservedCoupling = try coupling(try WindowBayesianLimit.upperLimit(model: o.model, cl: cl).upperLimit)
                p.observedBackgroundOrder = o.order.order
                p.observedMuHat = o.cls.data.freeFit.mu
                let z = try WindowSignificance(profile: o.cls.data)
                p.localPValue = z.p0
                p.localSignificance = z.z
            }
            return p
        } catch let error as StatisticsError {
            return untestable("window fit failed: \(error)")
        }
    }

    /// Every hypothesis, on all cores.
    public static func run(inputs: [Input], hypotheses: [MassHypothesis], luminosityInvFb: Double, confidenceLevel cl: Double,
                           model: any SignalModel, lookElsewhere: LookElsewhereCalibration?,
                           settings: Settings = Settings()) throws -> Output {
        let points = try ConcurrentMap.map(inputs.count) { i in
            try point(inputs[i], hypothesis: hypotheses[i], luminosityInvFb: luminosityInvFb, confidenceLevel: cl,
                      model: model, settings: settings)
        }
        var excess: LargestExcess? = nil
        if let best = points.indices.filter({ points[$0].localPValue != nil }).min(by: { points[$0].localPValue! < points[$1].localPValue! }) {
            let p = points[best], local = p.localPValue!
            let global = lookElsewhere.map { $0.globalPValue(observedMinimum: local) }
            let inWindow = inputs[best].observed?.reduce(0, +) ?? 0
            excess = LargestExcess(hypothesis: hypotheses[best].label, observed: Int(inWindow.rounded()),
                                   background: p.backgroundInWindow, localPValue: local,
                                   localSignificance: p.localSignificance ?? 0, globalPValue: global,
                                   globalSignificance: global.map { max(0, (try? Significance.z(pValue: max($0, 1e-300))) ?? .infinity) },
                                   toys: lookElsewhere?.toys)
        }
        return Output(method: "Sliding-window binned likelihood fit: binned signal template from simulation on a polynomial background "
                          + "(order by the sideband likelihood-ratio test, p <= \(settings.orderPValueThreshold)); asymptotic CLs with q~_mu; "
                          + "Bayesian with flat priors, background parameters marginalised",
                      settings: settings, points: points, inputs: inputs, largestExcess: excess)
    }
}
