/// One data/MC correction measured in a control sample, in one bin: the quantity in data
/// and in simulation, their ratio with its statistical and systematic uncertainty, and where
/// it was measured. The corrections table of a run is a list of these (`CorrectionSet`).
public struct MeasuredCorrection: Codable, Sendable, Hashable {
    /// What is corrected: `trigger_two_track`, `muon_id_efficiency`, `momentum_resolution`,
    /// `beam_background_clusters`, `photon_detection_efficiency`, ...
    public var name: String
    /// The binning variable and this bin, e.g. `theta_min_deg [46, 60)`, or `all`.
    public var bin: String
    public var binLow: Double?
    public var binHigh: Double?
    /// The measured quantity (an efficiency, a width, a mean count) in data and simulation.
    public var dataValue: Double
    public var dataUncertainty: Double
    public var mcValue: Double
    public var mcUncertainty: Double
    /// The correction applied to simulation (usually data/MC) and its uncertainties.
    public var value: Double
    public var statUncertainty: Double
    public var systUncertainty: Double
    /// The control sample it comes from and how it was measured.
    public var sourceSample: String
    public var method: String
    /// Events (data, effective simulation) the measurement used.
    public var dataEvents: Double
    public var mcEvents: Double

    public init(name: String, bin: String, binLow: Double? = nil, binHigh: Double? = nil,
                dataValue: Double, dataUncertainty: Double, mcValue: Double, mcUncertainty: Double,
                value: Double, statUncertainty: Double, systUncertainty: Double,
                sourceSample: String, method: String, dataEvents: Double, mcEvents: Double) {
        self.name = name; self.bin = bin; self.binLow = binLow; self.binHigh = binHigh
        self.dataValue = dataValue; self.dataUncertainty = dataUncertainty
        self.mcValue = mcValue; self.mcUncertainty = mcUncertainty
        self.value = value; self.statUncertainty = statUncertainty; self.systUncertainty = systUncertainty
        self.sourceSample = sourceSample; self.method = method
        self.dataEvents = dataEvents; self.mcEvents = mcEvents
    }

    /// Statistical and systematic uncertainty in quadrature.
    public var totalUncertainty: Double { (statUncertainty * statUncertainty + systUncertainty * systUncertainty).squareRoot() }

    /// Whether `x` lies in this bin (bins are [low, high)).
    public func contains(_ x: Double) -> Bool {
        guard let lo = binLow, let hi = binHigh else { return true }
        return x >= lo && x < hi
    }
}

/// Every correction measured for one run, with the half of the events they come from.
public struct CorrectionSet: Codable, Sendable, Hashable {
    public var corrections: [MeasuredCorrection]
    /// How calibration and validation events are kept apart.
    public var split: EventSplitName
    /// What was not measured or not applied, and why.
    public var notes: [String]

    public init(corrections: [MeasuredCorrection], split: EventSplitName = .calibration, notes: [String] = []) {
        self.corrections = corrections
        self.split = split
        self.notes = notes
    }

    public func rows(named name: String) -> [MeasuredCorrection] { corrections.filter { $0.name == name } }

    /// The same set with correction `name` moved up by its total uncertainty in every bin
    /// (a coherent +1 sigma variation; the data-side value moves with it, so that the
    /// weights of failing objects, (1 - data)/(1 - MC), move consistently).
    public func shifted(_ name: String) -> CorrectionSet {
        var out = self
        for k in out.corrections.indices where out.corrections[k].name == name {
            let c = out.corrections[k]
            let relative = c.value != 0 ? c.totalUncertainty / c.value : 0
            out.corrections[k].value = c.value * (1 + relative)
            out.corrections[k].dataValue = c.dataValue * (1 + relative)
        }
        return out
    }

    /// Corrections that act as event weights, whose uncertainties move the simulated yields.
    public static let weightCorrections = ["trigger_two_track", "muon_id_efficiency", "muon_pion_fake_rate",
                                           "photon_detection_efficiency", "electron_id_efficiency", "tracking_efficiency"]

    /// The row of `name` whose bin holds `x` (nil when none).
    public func row(named name: String, at x: Double) -> MeasuredCorrection? {
        corrections.first { $0.name == name && $0.contains(x) }
    }
}

/// Codable name of the event half (Analysis' `EventSplit` without importing it here).
public enum EventSplitName: String, Codable, Sendable, Hashable {
    /// Each calibration sample is its own (some take the even event ids only); the
    /// validation drops every member of them (`CalibrationSampleVeto`).
    case calibration
}
