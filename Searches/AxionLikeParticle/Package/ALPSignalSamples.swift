import ALPThreePhoton
import Analysis
import Detector
import EventModel
import Foundation
import Generators
import SampleProduction
import SearchPipeline

/// Signal MC of the three-photon ALP search, one in-memory sample per mass
/// (`PhotonALPSampler` at the reference coupling 1e-3 GeV^-1, ISR on, the ALP's decay vertex
/// written), through the MC detector conditions. Stream per mass: base + mass in MeV, so
/// adding a mass leaves the other samples unchanged.
public struct ALPSignalSamples: Sendable {
    public let maker: InMemorySignalSample
    public let withISR: Bool
    static let streamBase: UInt64 = 0x7A00_0000

    public init(conditions: DetectorConditions, eventsPerMass: Int = 3000, seed: UInt64 = 1, withISR: Bool = true) {
        maker = InMemorySignalSample(conditions: conditions, events: eventsPerMass, seed: seed)
        self.withISR = withISR
    }

    public func sample(mass: Double) -> InMemoryEventSource {
        maker.make(PhotonALPSampler(alpMass: mass, withISR: withISR), process: ALPThreePhoton.signalProcess(mass: mass),
                   parameters: [ALPThreePhoton.massParameter: mass], stream: Self.streamBase + UInt64((mass * 1000).rounded()))
    }
}

/// Signal MC per scanned mass (`signal_events_per_point`, default 3000).
struct ALPSignalProduction: SignalProduction {
    let mcConditions: URL
    func samples(for hypotheses: [MassHypothesis], configuration: SearchConfiguration) throws -> [any EventSource] {
        let producer = ALPSignalSamples(conditions: try DetectorConditions.load(.mc, from: mcConditions),
                                        eventsPerMass: configuration.signalEventsPerPoint ?? 3000)
        return try hypotheses.map { producer.sample(mass: try $0.parameter(ALPThreePhoton.massParameter)) }
    }
}
