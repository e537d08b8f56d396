import EventModel

/// A data/MC correction applied to simulated events before any observable is computed:
/// per-event weights for efficiencies, re-smearing of stored quantities for resolutions,
/// overlaid clusters for a background level. Corrections are measured in control samples
/// (module `Corrections`); the analysis never reads the conditions pseudo-data were made
/// with, and never regenerates simulation with them.
///
/// Why here, below the corrections themselves: `MonteCarloSelection` must apply them to
/// every batch it reads, and Analysis must not depend on the detector model that some
/// corrections need.
public protocol SimulationCorrection: Sendable {
    /// Short name for logs and reports (`trigger_two_track`, `momentum_resolution`, ...).
    var name: String { get }
    /// Corrects one batch of simulated events in place. Must be deterministic per event
    /// (random numbers seeded from the event id), so a rerun gives the same selection.
    func correct(_ batch: inout EventBatch)
}

/// A weight correction and the same correction moved by its uncertainty: the selection
/// records, per candidate, the ratio of the two weights (column `columnName`), so that the
/// yield under the variation is one sum over the candidates rather than another pass over
/// the simulation.
public struct WeightVariation: Sendable {
    public let name: String
    public let nominal: any SimulationCorrection
    public let shifted: any SimulationCorrection

    public init(name: String, nominal: any SimulationCorrection, shifted: any SimulationCorrection) {
        self.name = name
        self.nominal = nominal
        self.shifted = shifted
    }

    /// The candidate-table column holding the shifted/nominal weight ratio.
    public var columnName: String { "variation:" + name }

    /// shifted/nominal weight of each event of `batch` (1 where the nominal weight is 0).
    /// The corrections see the batch as it is (momenta re-smeared, clusters overlaid) with
    /// unit weights, so the ratio is this correction's alone.
    public func factors(_ batch: EventBatch) -> [Double] {
        var a = batch, b = batch
        a.events.weight = [Double](repeating: 1, count: batch.count)
        b.events.weight = a.events.weight
        nominal.correct(&a)
        shifted.correct(&b)
        return zip(a.events.weight, b.events.weight).map { $0 > 0 ? $1 / $0 : 1 }
    }
}

/// Which events of a batch a step keeps (true: keep). The validation drops the events of
/// the calibration samples (in data and simulation alike), so that the control samples that
/// derive a correction never also judge it.
public protocol EventFilter: Sendable {
    var name: String { get }
    func keep(_ batch: EventBatch) -> [Bool]
}

/// Which half of the events a step may use, by event-id parity: corrections are measured on
/// the even half and validated on the odd half, so that the control samples that derive a
/// correction never also judge it. Both data and simulation are halved, so the simulation's
/// weights stay those of the full luminosity and a half of simulation predicts a half of the
/// data: nothing is rescaled.
public enum EventSplit: String, Sendable, Codable, Hashable, EventFilter {
    case calibration
    case validation

    public var name: String { "\(rawValue) half (event-id parity)" }

    public func keep(_ batch: EventBatch) -> [Bool] { batch.events.eventID.map { contains(eventID: $0) } }

    @inlinable
    public func contains(eventID: Int64) -> Bool {
        switch self {
        case .calibration: return eventID & 1 == 0
        case .validation: return eventID & 1 == 1
        }
    }
}
