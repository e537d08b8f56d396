import Foundation
import Generators

/// One HDF5 shard to produce: which process, which conditions, which slice of events.
/// Shards are independent (their own random stream), which is what makes the output
/// independent of the number of jobs and lets a rerun skip finished shards.
public struct ShardTask: Sendable, Equatable {
    public var plan: ProductionConfiguration.ProcessPlan
    public var conditions: String
    public var index: Int
    public var firstEventID: Int64
    public var events: Int
    /// Events in all shards of this process and conditions together.
    public var sampleEvents: Int
    /// Expected events at the data luminosity per generated event (the shard's weights are
    /// normalised so that they add up to `weightScale * events`).
    public var weightScale: Double
    public var crossSection: CrossSectionEstimate
    public var destination: URL

    public var streamName: String { "\(plan.process.rawValue)/\(conditions)/shard-\(index)" }
}
