import DarkHiggsstrahlung
import EventModel
import Analysis
import Detector
import DimuonRecoil
import Generators
import SampleProduction

/// Signal MC at the generated points of `DarkHiggsSignalGrid` (eps = alpha_D = 1, ISR on,
/// BF(A' -> mu mu) in the weight, h' written as one invisible particle), through
/// `InMemorySignalSample`. One random stream per point, from the masses in MeV.
public struct DarkHiggsSignalSamples: Sendable {
    public let maker: InMemorySignalSample

    public init(conditions: DetectorConditions, eventsPerPoint: Int = 2000, seed: UInt64 = 1) {
        maker = InMemorySignalSample(conditions: conditions, events: eventsPerPoint, seed: seed)
    }

    public func sample(mA: Double, mh: Double) -> InMemoryEventSource {
        let sampler = DarkHiggsstrahlungSampler(darkPhotonMass: mA, darkHiggsMass: mh, epsilon: 1, alphaDark: 1,
                                                withISR: true, includeBranchingFraction: true)
        let stream = 0xD400_0000_0000 + UInt64((mA * 1000).rounded()) << 16 + UInt64((mh * 1000).rounded())
        return maker.make(sampler, process: DarkHiggsstrahlung.signalProcess(mA: mA, mh: mh),
                          parameters: [DarkHiggsstrahlung.darkPhotonParameter: mA, DarkHiggsstrahlung.darkHiggsParameter: mh], stream: stream)
    }

    /// Every generated point of the grid.
    public func all() -> [InMemoryEventSource] {
        DarkHiggsSignalGrid.allPoints.map { let p = DarkHiggsSignalGrid.point($0.i, $0.j); return sample(mA: p.mA, mh: p.mh) }
    }
}
