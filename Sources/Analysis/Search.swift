import EventModel

/// What one dark-sector search is. A search module (Searches/<Name>/) implements this
/// protocol; everything else (streaming selection, cut flows, Punzi, blinding, control
/// samples, systematics, limits) is shared and driven from these declarations.
///
/// Design rules a search author must know:
/// - Observables are computed column-wise from a whole `EventBatch`, one value per event,
///   NaN where the event has no candidate (NaN fails every cut and lies in no region).
/// - The selection is data (`Cut` values): thresholds come from configuration and from the
///   Punzi optimiser, never from code paths.
/// - Signal regions are declared per hypothesis; their union (`blindedRegion`) is what the
///   framework hides in data while the search is blinded. A search with many overlapping
///   windows (dark Higgsstrahlung) should override `blindedRegion` with a simpler envelope.
public protocol Search: Sendable {
    /// Stable id used on the command line and in results, e.g. `zprime-invisible`.
    var id: String { get }
    /// Human-readable name for reports.
    var name: String { get }
    /// Names of the observables `observables(of:)` computes.
    var observableNames: [String] { get }
    /// Default selection (thresholds may be overridden by configuration).
    var selection: Selection { get }
    /// Allowed range of each hypothesis parameter (mass grids outside are refused).
    var parameterRanges: [String: ClosedRange<Double>] { get }
    /// Signal cross section and coupling translation.
    var signalModel: any SignalModel { get }
    /// Whether limits are on sigma x BF of the model (default) or, for a search without a
    /// model, on efficiency x cross section (`VisibleCrossSectionModel`).
    var limitQuantity: LimitQuantity { get }

    /// Per-event observables of a batch, column-wise; each column has `batch.count` values.
    func observables(of batch: EventBatch) -> ObservableColumns
    /// Hypotheses (with signal regions and sidebands) on a configured grid; points the
    /// search cannot test (e.g. m_h' >= m_A') are dropped here.
    func hypotheses(on grid: MassGrid) throws -> [MassHypothesis]

    /// Region hidden in data while blinded. Default: union of all signal regions.
    func blindedRegion(of hypotheses: [MassHypothesis]) -> SignalRegion
    /// What blinding hides whatever a configuration says: the blinded region over the whole
    /// allowed parameter range with the search's own scan options (`BlindingEnvelope`).
    func blindingEnvelope() throws -> SignalRegion
    /// Standard Model processes the search's background estimate needs; a run whose
    /// simulation lacks one is refused (unless explicitly allowed, and then reported).
    var backgroundProcesses: [String] { get }
    /// The loosest criteria any of its control samples may have: a configuration may
    /// tighten them, never loosen them (`ControlSampleRules`).
    var controlSampleFloor: ControlSample.Criteria { get }
    /// Control samples (by name) every validation of the search must contain.
    var requiredControlSamples: [String] { get }
    /// Hypotheses whose cuts may stand in for this one's when its MC is thin. Default:
    /// the `halfWidth` hypotheses either side in index order.
    func neighbours(of hypothesis: MassHypothesis, in all: [MassHypothesis], halfWidth: Int) -> [MassHypothesis]
    /// Systematic sources declared by the search itself (configuration may add more).
    var systematics: [SystematicSource] { get }
    /// Statistical method(s) and confidence level when the configuration does not say.
    var defaultStatistics: StatisticsSettings { get }

    /// The signal MC standing for one hypothesis, from the selected signal samples of all
    /// generated points. Default: the sample generated at exactly this hypothesis. A search
    /// that generates a coarse grid and scans a fine one (dark Higgsstrahlung) interpolates
    /// here, e.g. with `SignalMorphing`.
    func signalInput(for hypothesis: MassHypothesis, from signal: SignalSampleSet) throws -> PunziOptimiser.SignalInput
    /// Named options of the scan (`scan_options` in a configuration) with their defaults;
    /// a configuration may set only these.
    var scanOptionDefaults: [String: Double] { get }
    /// Hypotheses worth a cut flow and a detailed table in the report (all by default; a
    /// search with thousands of windows names a readable subset).
    func showcaseHypotheses(_ all: [MassHypothesis]) -> [MassHypothesis]
    /// Binning of the template fit at a hypothesis (method `template-fit`); nil when the
    /// search has none. Its range may extend into the sidebands: data there are visible
    /// anyway, and the signal-region bins are read only after unblinding.
    func templateBinning(for hypothesis: MassHypothesis) -> TemplateBinning?
    /// The histogram of the sliding-window fit at a hypothesis (method `window-fit`: a peak of
    /// the search's resolution on a parametric background); nil when the search has none.
    func windowFitSpectrum(for hypothesis: MassHypothesis) -> WindowFitSpectrum?
}

extension Search {
    public func blindedRegion(of hypotheses: [MassHypothesis]) -> SignalRegion {
        .any(hypotheses.map(\.signalRegion))
    }

    public func neighbours(of hypothesis: MassHypothesis, in all: [MassHypothesis], halfWidth: Int) -> [MassHypothesis] {
        let sorted = all.sorted { $0.index < $1.index }
        guard let i = sorted.firstIndex(where: { $0.index == hypothesis.index }) else { return [] }
        let lo = max(0, i - halfWidth), hi = min(sorted.count - 1, i + halfWidth)
        return (lo...hi).filter { $0 != i }.map { sorted[$0] }
    }

    public var systematics: [SystematicSource] { [] }
    public func blindingEnvelope() throws -> SignalRegion { try BlindingEnvelope.standard(for: self) }
    public var backgroundProcesses: [String] { [] }
    /// |data/MC - 1| < 0.25 and a chi2 p-value above 0.01: the criteria the existing
    /// control samples were written with (ControlSamples/*/control_samples.yaml).
    public var controlSampleFloor: ControlSample.Criteria { .init(maxRatioDeviation: 0.25, minChi2PValue: 0.01) }
    public var requiredControlSamples: [String] { [] }
    public var limitQuantity: LimitQuantity { .crossSection }

    public func signalInput(for hypothesis: MassHypothesis, from signal: SignalSampleSet) throws -> PunziOptimiser.SignalInput {
        guard let p = signal.process(generatedAt: hypothesis.parameters),
              let produced = signal.producedYield(ofProcess: p), let rows = signal.candidates(ofProcess: p) else {
            throw AnalysisError.emptySignalSample(process: hypothesis.label, detail: "no signal sample was produced for this hypothesis")
        }
        return .init(candidates: rows, producedYield: produced)
    }

    public var scanOptionDefaults: [String: Double] { [:] }
    public func showcaseHypotheses(_ all: [MassHypothesis]) -> [MassHypothesis] { all }
    public func templateBinning(for hypothesis: MassHypothesis) -> TemplateBinning? { nil }
    public func windowFitSpectrum(for hypothesis: MassHypothesis) -> WindowFitSpectrum? { nil }

    public var defaultStatistics: StatisticsSettings { StatisticsSettings() }

    /// `observables(of:)` checked: every declared observable present, one value per event.
    public func checkedObservables(of batch: EventBatch) throws -> ObservableColumns {
        let cols = observables(of: batch)
        for name in observableNames {
            guard let c = cols[name] else { throw AnalysisError.missingObservable(search: id, observable: name) }
            guard c.count == batch.count else {
                throw AnalysisError.observableLength(search: id, observable: name, expected: batch.count, found: c.count)
            }
        }
        let declared = Set(observableNames)
        return cols.filter { declared.contains($0.key) }
    }

    /// Checks that a mass-grid parameter lies in the search's range; errors name file and key.
    public func checkParameter(_ name: String, _ value: Double, file: String = "<code>", key: String) throws {
        guard let range = parameterRanges[name] else {
            throw AnalysisError.invalidConfiguration(file: file, key: key,
                reason: "search '\(id)' has no scan parameter '\(name)' (known: \(parameterRanges.keys.sorted().joined(separator: ", ")))")
        }
        guard range.contains(value) else {
            throw AnalysisError.massOutOfRange(mass: value, parameter: name, low: range.lowerBound,
                                               high: range.upperBound, search: id, file: file, key: key)
        }
    }
}
