import Foundation
import Analysis
import Detector
import EventModel
import Generators
import MonoPhoton
import SampleProduction
import SearchPipeline

/// Signal MC of the mono-photon search, one in-memory sample per mass
/// (`PhotonDarkPhotonSampler`, eps = 1, ISR on, the A' written as one invisible particle),
/// through the MC detector conditions. Stream per mass: base + mass in MeV, so adding a mass
/// leaves the other samples unchanged.
public struct MonoPhotonSignalSamples: Sendable {
    public let maker: InMemorySignalSample
    public let withISR: Bool
    static let streamBase: UInt64 = 0x6A00_0000

    public init(conditions: DetectorConditions, eventsPerMass: Int = 3000, seed: UInt64 = 1, withISR: Bool = true) {
        maker = InMemorySignalSample(conditions: conditions, events: eventsPerMass, seed: seed)
        self.withISR = withISR
    }

    public func sample(mass: Double) -> InMemoryEventSource {
        maker.make(PhotonDarkPhotonSampler(darkPhotonMass: mass, withISR: withISR), process: MonoPhoton.signalProcess(mass: mass),
                   parameters: [MonoPhoton.massParameter: mass], stream: Self.streamBase + UInt64((mass * 1000).rounded()))
    }
}

/// Signal MC per scanned mass (`signal_events_per_point`, default 3000).
struct MonoPhotonSignalProduction: SignalProduction {
    let mcConditions: URL
    func samples(for hypotheses: [MassHypothesis], configuration: SearchConfiguration) throws -> [any EventSource] {
        let producer = MonoPhotonSignalSamples(conditions: try DetectorConditions.load(.mc, from: mcConditions),
                                               eventsPerMass: configuration.signalEventsPerPoint ?? 3000)
        return try hypotheses.map { producer.sample(mass: try $0.parameter(MonoPhoton.massParameter)) }
    }
}
