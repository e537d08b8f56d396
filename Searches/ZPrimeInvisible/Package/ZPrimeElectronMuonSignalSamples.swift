import ZPrimeInvisible
import EventModel
import Analysis
import Detector
import DimuonRecoil
import Generators
import SampleProduction

/// Signal-like Monte Carlo of the e mu channel, one sample per mass point:
/// `ElectronMuonZPrimeProxy` around the L_mu - L_tau sampler (g' = 1, ISR on) through
/// `InMemorySignalSample`. Its cross section is the L_mu - L_tau one and never enters a
/// limit (the channel quotes efficiency x cross section); only shapes and relative
/// efficiencies of cuts are used. Streams differ from the mu mu channel's.
public struct ZPrimeElectronMuonSignalSamples: Sendable {
    public let maker: InMemorySignalSample

    public init(conditions: DetectorConditions, eventsPerMass: Int = 3000, seed: UInt64 = 1) {
        maker = InMemorySignalSample(conditions: conditions, events: eventsPerMass, seed: seed)
    }

    public func sample(mass: Double) -> InMemoryEventSource {
        let base = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 1, mass: mass), withISR: true)
        return maker.make(ElectronMuonZPrimeProxy(base: base), process: ZPrimeElectronMuon.signalProcess(mass: mass),
                          parameters: [ZPrimeElectronMuon.massParameter: mass],
                          stream: 0x5E00_0000 + UInt64((mass * 1000).rounded()))
    }
}
