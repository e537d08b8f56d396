import EventModel
import Analysis
import Foundation
import Reporting

/// Everything the suite needs to run one search, defined in the search's own folder
/// (`Searches/<Name>/`): the physics (`Search`), how its signal simulation is made, how its
/// symbols are written, the shape of its scan, its HEPData reactions and reference curves,
/// and where its configurations live. The command line holds one list of packages; the
/// shared stages read these descriptions and know no search's physics.
public protocol SearchPackage: Sendable {
    var search: any Search { get }
    /// Signal simulation for the configured hypotheses.
    var signalProduction: any SignalProduction { get }
    /// Symbols and captions, as data each output renders itself.
    var presentation: SearchPresentation { get }
    /// The 2D map, allowed region and slices of a two-parameter scan; nil for a 1D scan.
    var scanGeometry: ScanGeometry? { get }
    /// HEPData `reactions` of its tables, e.g. ["E+ E- --> MU+ MU- Z'", "Z' --> INVISIBLE"].
    var hepdataReactions: [String] { get }
    /// HEPData `phrases` of its limit tables besides the shared ones ("Dark sector", "Upper
    /// limit"), e.g. ["Z' boson", "L_mu - L_tau"]; none by default.
    var hepdataPhrases: [String] { get }
    /// Configurations (`default.yaml`, published luminosities, productions), relative to the
    /// repository root, e.g. `Searches/<Name>/config`.
    var configurationDirectory: String { get }
    /// File name of the default configuration inside `configurationDirectory`.
    var defaultConfigurationName: String { get }
    /// Extra bands on the coupling plot (e.g. the (g-2)_mu band) at these masses.
    func referenceBands(massesGeV: [Double]) -> [LimitPlotBand]
    /// Published curves drawn for comparison.
    func referenceCurves() -> [ReferenceCurve]
    /// "working" when `darksector demo` can run it end to end on the embedded default
    /// production (the demo runs only those); anything else says why not.
    var status: String { get }
}

extension SearchPackage {
    public var defaultConfigurationName: String { "default.yaml" }
    public var scanGeometry: ScanGeometry? { nil }
    public var hepdataPhrases: [String] { [] }
    public var status: String { "working" }
    public func referenceBands(massesGeV: [Double]) -> [LimitPlotBand] { [] }
    public func referenceCurves() -> [ReferenceCurve] { [] }
    /// The default configuration, relative to the repository root.
    public var defaultConfiguration: String { "\(configurationDirectory)/\(defaultConfigurationName)" }
}

/// How a search's signal simulation is made (in memory, at run time, with the MC detector
/// conditions): a type, not a closure, so that it can be named, tested and documented.
public protocol SignalProduction: Sendable {
    /// Signal samples (conditions `mc`) for the hypotheses, each with the hypothesis it was
    /// generated at in `SampleMetadata.signalParameters`. `configuration` supplies the sample
    /// size (`signal_events_per_point`).
    func samples(for hypotheses: [MassHypothesis], configuration: SearchConfiguration) throws -> [any EventSource]
}

/// A search's symbols and captions.
public struct SearchPresentation: Sendable {
    /// A labelled quantity: its symbol and unit ("" when dimensionless).
    public struct Quantity: Sendable {
        public let label: PhysicsLabel
        public let unit: String
        public init(_ latex: String, unit: String = "") { label = PhysicsLabel(latex: latex); self.unit = unit }
    }

    /// Name of the scanned mass parameter in configurations and results, and its symbol.
    public let massParameter: String
    public let mass: PhysicsLabel
    /// The coupling the limits are quoted on.
    public let coupling: PhysicsLabel
    /// Second scanned parameter of a two-dimensional scan.
    public let secondaryParameter: String?
    public let secondary: PhysicsLabel?
    /// Symbols and units of the observables control samples and templates are binned in.
    public let observables: [String: Quantity]
    /// What the template fit fits (for the caption of its limit table); nil without one.
    public let templateFitDescription: String?

    public init(massParameter: String, mass: String, coupling: String, secondaryParameter: String? = nil,
                secondary: String? = nil, observables: [String: Quantity] = [:], templateFitDescription: String? = nil) {
        self.massParameter = massParameter
        self.mass = PhysicsLabel(latex: mass)
        self.coupling = PhysicsLabel(latex: coupling)
        self.secondaryParameter = secondaryParameter
        self.secondary = secondary.map(PhysicsLabel.init(latex:))
        self.observables = observables
        self.templateFitDescription = templateFitDescription
    }

    /// The observable's symbol and unit, or its name when the search gives none.
    public func quantity(of observable: String) -> Quantity {
        observables[observable] ?? Quantity("\\mathrm{\(observable.replacingOccurrences(of: "_", with: "\\_"))}")
    }
}

/// The shape of a two-parameter window scan, for its maps and slices.
public struct ScanGeometry: Sendable {
    /// One boundary of the allowed region.
    public enum Constraint: Sendable {
        /// x >= value
        case xAtLeast(Double)
        /// x <= value
        case xAtMost(Double)
        /// y <= intercept + slope x (e.g. y <= x, or x + y below a kinematic limit)
        case yAtMost(intercept: Double, slope: Double)
        /// y >= intercept + slope x
        case yAtLeast(intercept: Double, slope: Double)

        public func holds(x: Double, y: Double) -> Bool {
            switch self {
            case .xAtLeast(let v): return x >= v
            case .xAtMost(let v): return x <= v
            case let .yAtMost(c, m): return y <= c + m * x
            case let .yAtLeast(c, m): return y >= c + m * x
            }
        }
    }

    /// The observables a window's region spans along the x and y parameters (a window's
    /// "radius" at a map cell is evaluated with the cell's x and y as these observables).
    public let xObservable: String
    public let yObservable: String
    /// Where hypotheses can lie: every constraint holds.
    public let allowed: [Constraint]
    /// Map cell centres.
    public let mapX: StrideThrough<Double>
    public let mapY: StrideThrough<Double>
    public let mapCell: Double
    /// Secondary-parameter values of the published-style slices; a slice takes, in each
    /// column, the window nearest to the value within max(relative x value, absolute).
    public let slices: [Double]
    public let sliceTolerance: (relative: Double, absolute: Double)
    /// File-name stem of the slice plots, e.g. `limit_slice_mh` (-> `limit_slice_mh0.5.png`).
    public let sliceFileStem: String

    public init(xObservable: String, yObservable: String, allowed: [Constraint], mapX: StrideThrough<Double>,
                mapY: StrideThrough<Double>, mapCell: Double, slices: [Double],
                sliceTolerance: (relative: Double, absolute: Double), sliceFileStem: String) {
        self.xObservable = xObservable
        self.yObservable = yObservable
        self.allowed = allowed
        self.mapX = mapX
        self.mapY = mapY
        self.mapCell = mapCell
        self.slices = slices
        self.sliceTolerance = sliceTolerance
        self.sliceFileStem = sliceFileStem
    }

    public func isAllowed(x: Double, y: Double) -> Bool { allowed.allSatisfy { $0.holds(x: x, y: y) } }
}

extension SearchPresentation {
    /// The curve with its symbols in LaTeX, as HEPData shows them (plots keep gnuplot's).
    func forHEPData(_ curve: LimitCurve) -> LimitCurve {
        var c = curve
        c.quantity = coupling.inlineLaTeX
        c.massName = mass.inlineLaTeX
        return c
    }

    func forHEPData(_ map: LimitMap2D, secondary: PhysicsLabel) -> LimitMap2D {
        var m = map
        m.quantity = coupling.inlineLaTeX
        m.xName = mass.inlineLaTeX
        m.yName = secondary.inlineLaTeX
        return m
    }
}
