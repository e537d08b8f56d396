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
