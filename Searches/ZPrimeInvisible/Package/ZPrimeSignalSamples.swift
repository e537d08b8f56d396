import ZPrimeInvisible
import EventModel
import Analysis
import Detector
import Generators
import SampleProduction

/// Signal Monte Carlo of the invisible-Z' searches, one sample per mass point, through
/// `InMemorySignalSample`: `MuonPairZPrimeSampler` (g' = 1, ISR on, the Z' written as one
/// invisible particle) for the mu mu channel, and for the e mu channel the same sampler
/// wrapped in `ElectronMuonZPrimeProxy` (lepton-flavour-violating proxy: only shapes and the
/// relative efficiencies of cuts are used; the channel quotes efficiency x cross section).
/// Seeds: one stream per channel and mass, derived from `seed` and the mass in MeV.
public struct ZPrimeSignalSamples: Sendable {
    public enum Channel: Sendable {
        case muonPair, electronMuon

        /// Stream base: the channels' samples at one mass are independent.
        var streamBase: UInt64 { self == .muonPair ? 0x5A00_0000 : 0x5E00_0000 }
    }

    public let maker: InMemorySignalSample
    public let channel: Channel

    public init(conditions: DetectorConditions, channel: Channel = .muonPair, eventsPerMass: Int = 3000, seed: UInt64 = 1) {
        maker = InMemorySignalSample(conditions: conditions, events: eventsPerMass, seed: seed)
        self.channel = channel
    }

    /// One in-memory MC sample at `mass` (GeV).
    public func sample(mass: Double) -> InMemoryEventSource {
        let base = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 1, mass: mass), withISR: true)
        let stream = channel.streamBase + UInt64((mass * 1000).rounded())
        switch channel {
        case .muonPair:
            return maker.make(base, process: ZPrimeInvisible.signalProcess(mass: mass),
                              parameters: [ZPrimeInvisible.massParameter: mass], stream: stream)
        case .electronMuon:
            return maker.make(ElectronMuonZPrimeProxy(base: base), process: ZPrimeElectronMuon.signalProcess(mass: mass),
                              parameters: [ZPrimeElectronMuon.massParameter: mass], stream: stream)
        }
    }
}
