import EventModel
import Kinematics

/// One generated event: the truth record a detector simulation starts from.
///
/// `particles` are the final-state particles in the Belle II lab frame, including photons,
/// neutrinos and invisible particles (the detector decides what it sees). `vertices` is a
/// parallel array with each particle's production vertex in cm (lab frame, beam spot at the
/// origin): non-zero only for daughters of displaced decays (tau, K_S, long-lived signal
/// particles). `weight` is the relative event weight: exactly 1 for unweighted generation,
/// mean 1 over an unfiltered weighted sample; see `EventGenerator` for the normalisation.
public struct GeneratedEvent: Sendable {
    public var particles: [Particle]
    public var vertices: [ThreeVector]
    public var weight: Double
    /// How many internal trials (proposals) this event consumed, including those rejected
    /// by unweighting and by the filter. Book-keeping for efficiency monitoring only.
    public var trials: Int

    public init(particles: [Particle] = [], vertices: [ThreeVector] = [], weight: Double = 1, trials: Int = 0) {
        self.particles = particles
        self.vertices = vertices
        self.weight = weight
        self.trials = trials
    }

    /// Empties the event but keeps the arrays' storage, so that a generator refilling the
    /// same event in a loop does not allocate.
    @inlinable
    public mutating func reset() {
        particles.removeAll(keepingCapacity: true)
        vertices.removeAll(keepingCapacity: true)
        weight = 1
        trials = 0
    }

    /// Appends a particle produced at `vertex` (default: the interaction point).
    @inlinable
    public mutating func append(_ pdg: Int32, _ momentum: FourVector, vertex: ThreeVector = .zero) {
        particles.append(Particle(pdg: pdg, momentum: momentum, vertex: vertex))
        vertices.append(vertex)
    }

    /// Sum of all final-state four-momenta (lab), for conservation checks.
    public var totalMomentum: FourVector {
        particles.reduce(FourVector.zero) { $0 + $1.momentum }
    }
}
