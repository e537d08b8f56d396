import Detector
import Generators

/// Random numbers for a correction, fixed by the event: a stream seeded from the event id
/// and the bits of its first stored quantity, so that a rerun (or the validation and the
/// limits stages reading the same shard) corrects every event identically, whatever the
/// batch boundaries or the number of threads. The generator is the production's
/// (`RandomStream`, xoshiro256** through GSL).
struct EventRandom: DetectorRandom {
    let stream: RandomStream

    /// `salt` separates the corrections (each its own sequence for the same event).
    init(salt: UInt64, eventID: Int64, tag: Double) {
        stream = RandomStream(seed: salt, stream: UInt64(bitPattern: eventID) ^ tag.bitPattern)
    }

    func uniform() -> Double { stream.uniform() }
    func gaussian() -> Double { stream.gaussian() }
    func poisson(_ mean: Double) -> Int { stream.poisson(mean) }
}
