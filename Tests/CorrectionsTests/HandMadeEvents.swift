import Corrections
import EventModel
import Kinematics

/// Hand-made events and correction rows for the unit tests of the corrections' application:
/// every quantity a correction reads is set explicitly, so the expected weight or shift
/// follows from the numbers written here.
enum HandMadeEvents {
    /// A track of momentum `p` (GeV) at polar angle `thetaDeg` and azimuth `phiDeg`.
    static func track(p: Double, thetaDeg: Double, phiDeg: Double = 0, charge: Int8 = -1,
                      muonID: Float = 0, electronID: Float = 0) -> Track {
        Track(charge: charge, momentum: ThreeVector(magnitude: p, theta: thetaDeg * .pi / 180, phi: phiDeg * .pi / 180),
              muonID: muonID, electronID: electronID)
    }

    /// The generator particle a track was made from (same direction and charge; `pdg` 13 is
    /// the mu-, -13 the mu+, 211 the pi+).
    static func truth(of t: Track, pdg: Int32, mass: Double) -> Particle {
        Particle(pdg: pdg, momentum: FourVector(mass: mass, momentum: t.momentum))
    }

    /// One correction row for a bin [low, high) with the data and simulation values given;
    /// the correction factor is their ratio, as the calibrations write it.
    static func row(_ name: String, low: Double, high: Double, data: Double, mc: Double) -> MeasuredCorrection {
        MeasuredCorrection(name: name, bin: "[\(low), \(high))", binLow: low, binHigh: high,
                           dataValue: data, dataUncertainty: 0.01, mcValue: mc, mcUncertainty: 0.01,
                           value: data / mc, statUncertainty: 0.01, systUncertainty: 0,
                           sourceSample: "hand-made", method: "hand-made", dataEvents: 1000, mcEvents: 1000)
    }

    static func batch(_ events: [ReconstructedEvent]) -> EventBatch {
        var b = EventBatch()
        for e in events { b.append(e) }
        return b
    }
}
