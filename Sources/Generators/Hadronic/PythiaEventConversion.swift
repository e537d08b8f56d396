import EventModel
import Kinematics
import Pythia8Bridge

/// Pythia's event record (CMS, e- along +z, GeV, mm) -> a `GeneratedEvent` (lab, cm).
///
/// Final-state entries (status > 0) become particles. Momenta go through the CMS -> lab
/// transformation; a production vertex is a space-time point (c t, x), which transforms like
/// a four-vector under the same rotation and boost, so a flight drawn by Pythia in the CMS
/// becomes the right lab flight (the boost dilates the time and moves the point along).
enum PythiaEventConversion {
    /// Appends the final state of Pythia's current event to `event`.
    static func appendFinalState(of pythia: Pythia8Instance, to event: inout GeneratedEvent,
                                 transform: FrameTransform) {
        pythia.forEachEntry { q in
            guard q.status > 0 else { return }
            event.append(q.id, labMomentum(q, transform: transform), vertex: labVertex(q, transform: transform))
        }
    }

    static func labMomentum(_ q: Pythia8Particle, transform: FrameTransform) -> FourVector {
        transform.toLab(FourVector(e: q.e, px: q.px, py: q.py, pz: q.pz))
    }

    /// The production space-time point in the lab, (c t, x) in cm.
    static func labSpaceTime(_ q: Pythia8Particle, transform: FrameTransform) -> FourVector {
        if q.xMm == 0 && q.yMm == 0 && q.zMm == 0 && q.tMmOverC == 0 { return .zero }
        // mm -> cm; Pythia's time in mm/c is c t in mm.
        return transform.toLab(FourVector(e: q.tMmOverC / 10, px: q.xMm / 10, py: q.yMm / 10, pz: q.zMm / 10))
    }

    /// Production vertex in the lab, cm.
    static func labVertex(_ q: Pythia8Particle, transform: FrameTransform) -> ThreeVector {
        labSpaceTime(q, transform: transform).p
    }

    /// Production time in the lab as c t, cm.
    static func labTimeCm(_ q: Pythia8Particle, transform: FrameTransform) -> Double {
        labSpaceTime(q, transform: transform).e
    }
}
