import Analysis
import Detector
import EventModel
import EventStore
import Foundation
import Generators
import Kinematics

/// Signal Monte Carlo produced on the fly, one sample per mass point:
/// `MuonPairZPrimeSampler` (g' = 1, ISR on, Z' written as one invisible particle) wrapped in
/// `SampledGenerator` (weighted mode: weights average to 1, cheaper than unweighting), then
/// the parametrised detector with the MC conditions only.
///
/// Each sample's metadata says it stands for N / sigma fb^-1 (sigma the generator's own
/// estimate), so `MonteCarloSelection` rescales it to any target luminosity and the
/// efficiency denominator is sigma x L. Seeds: one stream per mass, derived from `seed` and
/// the mass in MeV, so adding a mass point does not change the others.
public struct ZPrimeSignalSamples: Sendable {
    public let conditions: DetectorConditions
    public let eventsPerMass: Int
    public let seed: UInt64

    public init(conditions: DetectorConditions, eventsPerMass: Int = 3000, seed: UInt64 = 1) {
        precondition(conditions.purpose == .mc, "signal MC uses the MC conditions only")
        precondition(eventsPerMass > 0)
        self.conditions = conditions
        self.eventsPerMass = eventsPerMass
        self.seed = seed
    }

    /// Detector randomness from the same seeded stream as the generator.
    struct StreamRandom: DetectorRandom {
        let stream: RandomStream
        func uniform() -> Double { stream.uniform() }
        func gaussian() -> Double { stream.gaussian() }
        func poisson(_ mean: Double) -> Int { stream.poisson(mean) }
    }

    /// One in-memory MC sample at `mass` (GeV).
    public func sample(mass: Double) -> InMemoryEventSource {
        let sampler = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 1, mass: mass), withISR: true)
        let generator = SampledGenerator(sampler: sampler, mode: .weighted, warmUpTrials: 5000)
        let rng = RandomStream(seed: seed, stream: 0x5A00_0000 + UInt64((mass * 1000).rounded()))
        let sigma = generator.crossSection(trials: 20_000, using: rng)
        let detector = DetectorSimulation(conditions: conditions, storeTruth: false)
        let random = StreamRandom(stream: rng)
        var batch = EventBatch()
        var e = GeneratedEvent()
        for i in 0..<eventsPerMass {
            generator.generate(into: &e, using: rng)
            batch.append(detector.reconstruct(particles: e.particles, weight: e.weight, eventID: Int64(i), random: random))
        }
        let process = ZPrimeInvisible.signalProcess(mass: mass)
        let metadata = SampleMetadata(process: process, crossSectionFb: sigma.valueFb,
                                      crossSectionUncertaintyFb: sigma.uncertaintyFb,
                                      luminosityInvFb: Double(eventsPerMass) / sigma.valueFb,
                                      generatedEvents: Int64(eventsPerMass), generatorSeed: Int64(bitPattern: seed),
                                      shardIndex: 0, conditions: "mc", filter: "none", codeVersion: "in-memory")
        return InMemoryEventSource(metadata: metadata, batch: batch, path: "<signal MC \(process)>")
    }
}
