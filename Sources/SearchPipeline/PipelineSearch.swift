import Analysis
import Reporting

/// A search as the pipeline runs it: the `Search` itself plus what only its module knows
/// (how to make signal MC, where its default configuration lives, what to draw on the limit
/// plot). Registered by the executable (`SearchRegistry` + `PipelineSearch`), so that the
/// pipeline depends on Analysis only and a new search is one more registration.
public struct PipelineSearch: Sendable {
    public let search: any Search
    /// Default configuration, relative to the repository root.
    public let defaultConfiguration: String
    /// Signal MC (conditions `mc`) for the configured hypotheses; process names must be
    /// those `search.signalParameters(ofProcess:)` understands.
    public let signalSamples: @Sendable (_ hypotheses: [MassHypothesis], _ configuration: SearchConfiguration) throws -> [any EventSource]
    /// Extra bands (e.g. the (g-2)_mu band) and published reference curves for the coupling plot.
    public let limitBands: @Sendable (_ masses: [Double]) -> [LimitPlotBand]
    public let references: @Sendable () -> [ReferenceCurve]
    /// Name of the scanned mass parameter and of the coupling, for tables and plots.
    public let massParameter: String
    public let massLabel: String
    public let couplingLabel: String
    /// Second scanned parameter of a two-dimensional scan (e.g. M_h'), nil for 1D.
    public let secondaryParameter: String?
    public let secondaryLabel: String?
    /// The reaction lines of its HEPData tables (HEPData's `reactions` keyword), e.g.
    /// ["E+ E- --> MU+ MU- Z'", "Z' --> INVISIBLE"].
    public let hepdataReactions: [String]

    public init(search: any Search, defaultConfiguration: String, massParameter: String, massLabel: String,
                couplingLabel: String, secondaryParameter: String? = nil, secondaryLabel: String? = nil,
                hepdataReactions: [String],
                signalSamples: @escaping @Sendable ([MassHypothesis], SearchConfiguration) throws -> [any EventSource],
                limitBands: @escaping @Sendable ([Double]) -> [LimitPlotBand] = { _ in [] },
                references: @escaping @Sendable () -> [ReferenceCurve] = { [] }) {
        self.search = search
        self.defaultConfiguration = defaultConfiguration
        self.massParameter = massParameter
        self.massLabel = massLabel
        self.couplingLabel = couplingLabel
        self.secondaryParameter = secondaryParameter
        self.secondaryLabel = secondaryLabel
        self.hepdataReactions = hepdataReactions
        self.signalSamples = signalSamples
        self.limitBands = limitBands
        self.references = references
    }
}
