import Detector
import EventModel
import Foundation
import Generators
import Kinematics

/// Where the time of a production goes: the same event loop as `SampleProducer.produce`,
/// on one core, stopped after the generator, after the detector and after the batch
/// building (the rest of a production is the shuffle+deflate encoding and the HDF5 write).
///
/// A profiler attributes time to functions; this attributes it to the stages a user can
/// act on (a generator filter, the detector conditions, the compression level), in the
/// microseconds per event that the throughput target is stated in.
public struct StageProfile: Sendable, Encodable {
    public let events: Int
    /// Wall time per event on one core added by each stage, in microseconds.
    public let generatorMicroseconds: Double
    public let detectorMicroseconds: Double
    public let batchMicroseconds: Double

    enum CodingKeys: String, CodingKey {
        case events
        case generatorMicroseconds = "generator_us_per_event"
        case detectorMicroseconds = "detector_us_per_event"
        case batchMicroseconds = "batch_building_us_per_event"
    }

    /// Runs the three truncated loops over `events` events of `process` (unweighted, no
    /// filter) with the given conditions, each from the same random stream.
    public static func measure(process: StandardModelProcess, events: Int, conditions: DetectorConditions,
                               batchEvents: Int = 4_096) -> StageProfile {
        let generator = process.makeGenerator(filter: nil, mode: .unweighted)
        let detector = DetectorSimulation(conditions: conditions, storeTruth: false,
                                          photonConversions: process.usesPythia)

        func timed(_ body: (RandomStream) -> Void) -> Double {
            let rng = RandomStream(seed: 1, stream: StreamID.of("\(process.rawValue)/stage-profile"))
            let start = DispatchTime.now().uptimeNanoseconds
            body(rng)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3 / Double(max(events, 1))
        }

        func vertices(_ g: GeneratedEvent) -> [ThreeVector]? {
            g.vertices.count == g.particles.count ? g.vertices : nil
        }
        var generated = GeneratedEvent()
        var event = ReconstructedEvent(eventID: 0)
        let generatorOnly = timed { rng in
            for _ in 0..<events { generator.generate(into: &generated, using: rng) }
        }
        let withDetector = timed { rng in
            for i in 0..<events {
                generator.generate(into: &generated, using: rng)
                detector.reconstruct(particles: generated.particles, weight: generated.weight, eventID: Int64(i),
                                     vertices: vertices(generated), random: rng, into: &event)
            }
        }
        let builder = EventBatchBuilder()
        let withBatches = timed { rng in
            for i in 0..<events {
                generator.generate(into: &generated, using: rng)
                detector.reconstruct(particles: generated.particles, weight: generated.weight, eventID: Int64(i),
                                     vertices: vertices(generated), random: rng, into: &event)
                builder.append(event, truth: generated.particles)
                if builder.count >= batchEvents { _ = builder.flushStoredTables() }
            }
            _ = builder.flushStoredTables()
        }
        return StageProfile(events: events, generatorMicroseconds: generatorOnly,
                            detectorMicroseconds: withDetector - generatorOnly,
                            batchMicroseconds: withBatches - withDetector)
    }
}
