import Detector
import EventModel
import Generators

/// Signal Monte Carlo made on the fly for one hypothesis: any `ProcessSampler` wrapped in a
/// weighted `SampledGenerator`, then the parametrised detector with the MC conditions only.
///
/// Why in memory: signal samples are small (a few thousand events per generated point) and
/// depend on the hypothesis grid of a configuration, so writing them to HDF5 would add
/// files without adding provenance (the seed and the stream id fix them completely).
///
/// The sample's metadata says it stands for N / sigma fb^-1 (sigma the generator's own
/// estimate), so `MonteCarloSelection` rescales it to any target luminosity and the
/// efficiency denominator is sigma x L.
public struct InMemorySignalSample: Sendable {
    public let conditions: DetectorConditions
    public let events: Int
    public let seed: UInt64

    public init(conditions: DetectorConditions, events: Int, seed: UInt64) {
        precondition(conditions.purpose == .mc, "signal MC uses the MC conditions only")
        precondition(events > 0)
        self.conditions = conditions
        self.events = events
        self.seed = seed
    }

    /// Detector randomness from the same seeded stream as the generator.
    struct StreamRandom: DetectorRandom {
        let stream: RandomStream
        func uniform() -> Double { stream.uniform() }
        func gaussian() -> Double { stream.gaussian() }
        func poisson(_ mean: Double) -> Int { stream.poisson(mean) }
    }

    /// One sample of `sampler` named `process`, generated at `parameters` (the hypothesis, in
    /// the sample's metadata); `stream` must differ between hypotheses so
    /// that adding a point to a grid leaves the others unchanged.
    public func make<S: ProcessSampler>(_ sampler: S, process: String, parameters: [String: Double], stream: UInt64,
                                        crossSectionTrials: Int = 20_000) -> InMemoryEventSource {
        let generator = SampledGenerator(sampler: sampler, mode: .weighted, warmUpTrials: 5000)
        let rng = RandomStream(seed: seed, stream: stream)
        let sigma = generator.crossSection(trials: crossSectionTrials, using: rng)
        let detector = DetectorSimulation(conditions: conditions, storeTruth: false)
        let random = StreamRandom(stream: rng)
        var batch = EventBatch()
        var e = GeneratedEvent()
        for i in 0..<events {
            generator.generate(into: &e, using: rng)
            batch.append(detector.reconstruct(particles: e.particles, weight: e.weight, eventID: Int64(i), random: random))
        }
        let metadata = SampleMetadata(process: process, crossSectionFb: sigma.valueFb,
                                      crossSectionUncertaintyFb: sigma.uncertaintyFb,
                                      luminosityInvFb: Double(events) / sigma.valueFb,
                                      generatedEvents: Int64(events), generatorSeed: Int64(bitPattern: seed),
                                      shardIndex: 0, conditions: "mc", filter: "none", codeVersion: "in-memory",
                                      signalParameters: parameters)
        return InMemoryEventSource(metadata: metadata, batch: batch, path: "<signal MC \(process)>")
    }
}
