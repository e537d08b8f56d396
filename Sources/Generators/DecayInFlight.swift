import Kinematics

/// Decays long-lived particles (K_S, Lambda, the dark scalar S, ...) where they get to: any
/// generator can leave them undecayed in its final state and call `apply(to:using:)`.
///
/// For each particle of a listed species the flight length in the lab is drawn from the
/// exponential law of proper time, boosted: L = beta gamma c tau * Exp(1) with beta gamma =
/// p / m; the decay vertex is the particle's production vertex plus L along its momentum
/// (the solenoid field bends only charged particles; the species here are neutral). The
/// channel is drawn from the branching fractions (renormalised over the listed channels),
/// the two-body decay is isotropic in the rest frame (exact for spinless K_S and S; for the
/// Lambda it neglects the decay asymmetry, which averages out for unpolarised Lambdas) and
/// the daughters are appended with the decay vertex as their production vertex. Daughters
/// that are themselves listed decay in turn. The decayed parent is removed from the final
/// state, as `TauPairSampler` removes its taus.
public struct DecayInFlight: Sendable {
    /// Species by PDG code (antiparticles included as separate entries).
    public let species: [Int32: LongLivedParticle]

    /// `particles` and their charge conjugates.
    public init(_ particles: [LongLivedParticle]) {
        var table: [Int32: LongLivedParticle] = [:]
        for p in particles {
            table[p.pdg] = p
            let c = p.chargeConjugate
            if c.pdg != p.pdg { table[c.pdg] = c }
        }
        species = table
    }

    /// The Standard Model species every hadronic generator leaves to the detector stage in
    /// Belle II (Geant4 decays them there): K_S, Lambda and anti-Lambda.
    public static let standardModel = DecayInFlight([.kShort, .lambda])

    /// The flight length in the lab (cm) of a particle of `species` with momentum `p` (GeV).
    @inlinable
    public static func sampleFlightLengthCm(_ species: LongLivedParticle, momentum p: Double,
                                            using rng: RandomStream) -> Double {
        rng.exponential(mean: species.meanDecayLengthCm(momentum: p))
    }

    /// Replaces every listed particle of `event` by its decay products at its decay vertex.
    /// Returns the number of decays. Particles are kept in order, with daughters appended.
    @discardableResult
    public func apply(to event: inout GeneratedEvent, using rng: RandomStream) -> Int {
        if event.vertices.count != event.particles.count {
            // A generator that did not fill vertices: every particle comes from the origin.
            event.vertices = [ThreeVector](repeating: .zero, count: event.particles.count)
        }
        var decays = 0
        var i = 0
        while i < event.particles.count {
            guard let s = species[event.particles[i].pdg] else { i += 1; continue }
            let parent = event.particles[i].momentum
            let origin = event.vertices[i]
            event.particles.remove(at: i)
            event.vertices.remove(at: i)
            let p = parent.momentum
            let length = Self.sampleFlightLengthCm(s, momentum: p, using: rng)
            let vertex = p > 0 ? origin + parent.p * (length / p) : origin
            let channel = Self.choose(s.channels, total: s.simulatedFraction, rng)
            let (d1, d2) = channel.daughters
            var (k1, k2) = PhaseSpace.twoBody(mass: s.massGeV, m1: ParticleMass.of(pdg: d1)!,
                                              m2: ParticleMass.of(pdg: d2)!, rng)
            // Boost with the parent's measured mass (the generator's mass may differ slightly
            // from the table's; the daughters then carry the table mass's kinematics).
            let frame = FourVector(mass: s.massGeV, momentum: parent.p)
            k1 = PhaseSpace.boost(k1, from: frame)
            k2 = PhaseSpace.boost(k2, from: frame)
            event.append(d1, k1, vertex: vertex)
            event.append(d2, k2, vertex: vertex)
            decays += 1
        }
        return decays
    }

    static func choose(_ channels: [LongLivedParticle.Channel], total: Double,
                       _ rng: RandomStream) -> LongLivedParticle.Channel {
        var u = rng.uniform() * total
        for c in channels {
            u -= c.branchingFraction
            if u < 0 { return c }
        }
        return channels[channels.count - 1]
    }
}
