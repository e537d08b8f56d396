import EventModel
import Kinematics

/// One event of a HepMC3 file as the detector needs it: the final-state particles
/// (status 1) with momenta in GeV and, in a parallel array, their production vertices in cm,
/// in the frame the file was written in (the caller boosts to the lab if needed).
public struct HepMC3Event: Sendable, Equatable {
    /// The `E` line's event number.
    public var eventNumber: Int64
    /// 1-based line of the `E` line, for messages about this event.
    public var line: Int
    /// The `W` line's weights (empty when the event has none; HepMC3 then means weight 1).
    public var weights: [Double]
    /// The `GenCrossSection` attribute of this event, if it has one.
    public var crossSection: HepMC3CrossSection?
    public var particles: [Particle]
    /// Production vertex of each particle, cm.
    public var vertices: [ThreeVector]
    /// c*t of each production vertex, cm (needed to boost a displaced vertex to the lab).
    public var vertexTimes: [Double]

    public init(eventNumber: Int64, line: Int, weights: [Double] = [], crossSection: HepMC3CrossSection? = nil,
                particles: [Particle] = [], vertices: [ThreeVector] = [], vertexTimes: [Double] = []) {
        self.eventNumber = eventNumber
        self.line = line
        self.weights = weights
        self.crossSection = crossSection
        self.particles = particles
        self.vertices = vertices
        self.vertexTimes = vertexTimes
    }

    /// The nominal weight: HepMC3's first weight, 1 when the event has none.
    public var nominalWeight: Double { weights.first ?? 1 }
}
