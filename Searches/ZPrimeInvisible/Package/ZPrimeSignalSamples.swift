import ZPrimeInvisible
import EventModel
import Analysis
import Detector
import DimuonRecoil
import Generators
import SampleProduction

/// Signal Monte Carlo, one sample per mass point: `MuonPairZPrimeSampler` (g' = 1, ISR on,
/// Z' written as one invisible particle) through `InMemorySignalSample`. Seeds: one stream
/// per mass, derived from `seed` and the mass in MeV.
public struct ZPrimeSignalSamples: Sendable {
    public let maker: InMemorySignalSample

    public init(conditions: DetectorConditions, eventsPerMass: Int = 3000, seed: UInt64 = 1) {
        maker = InMemorySignalSample(conditions: conditions, events: eventsPerMass, seed: seed)
    }

    /// One in-memory MC sample at `mass` (GeV).
    public func sample(mass: Double) -> InMemoryEventSource {
        let sampler = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 1, mass: mass), withISR: true)
        return maker.make(sampler, process: ZPrimeInvisible.signalProcess(mass: mass), parameters: [ZPrimeInvisible.massParameter: mass],
                          stream: 0x5A00_0000 + UInt64((mass * 1000).rounded()))
    }
}
