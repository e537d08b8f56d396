import Foundation
import Kinematics

/// A particle gun for detector studies (not a physics process, no cross section): one
/// particle per event from the interaction point, lab momentum flat in [pMin, pMax] GeV,
/// direction flat in cos(theta) over [cosThetaMin, cosThetaMax] and in phi; long-lived
/// species are then decayed in flight by `decays`.
///
/// The K_S gun (`kShort`) is what the displaced-vertex tests use until the hadronic
/// generator provides K_S from continuum and B decays: its pions' flight length, vertex fit
/// and mass peak can be checked against beta gamma c tau and the K_S mass.
public struct ParticleGun: Sendable {
    public let pdg: Int32
    public let massGeV: Double
    public let momentumRange: ClosedRange<Double>
    public let cosThetaRange: ClosedRange<Double>
    public let decays: DecayInFlight

    public init(pdg: Int32, massGeV: Double, momentumRange: ClosedRange<Double>,
                cosThetaRange: ClosedRange<Double> = -1...1, decays: DecayInFlight = .standardModel) {
        precondition(momentumRange.lowerBound > 0, "gun momentum must be positive")
        precondition(cosThetaRange.lowerBound >= -1 && cosThetaRange.upperBound <= 1, "cos(theta) in [-1, 1]")
        self.pdg = pdg
        self.massGeV = massGeV
        self.momentumRange = momentumRange
        self.cosThetaRange = cosThetaRange
        self.decays = decays
    }

    /// K_S between 0.5 and 3 GeV (the bulk of K_S momenta in B and continuum events at
    /// Belle II) inside the CDC acceptance 17-150 deg.
    public static let kShort = ParticleGun(pdg: PDGID.neutralKaonShort, massGeV: ParticleMass.neutralKaon,
                                           momentumRange: 0.5...3.0,
                                           cosThetaRange: cos(150 * Double.pi / 180)...cos(17 * Double.pi / 180))

    /// Fills `event` with one gun particle (decayed in flight if listed in `decays`).
    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) {
        event.reset()
        let p = rng.uniform(momentumRange.lowerBound, momentumRange.upperBound)
        let c = rng.uniform(cosThetaRange.lowerBound, cosThetaRange.upperBound)
        let direction = PhaseSpace.direction(cosTheta: c, phi: rng.azimuth())
        event.append(pdg, FourVector(mass: massGeV, momentum: direction * p))
        decays.apply(to: &event, using: rng)
    }
}
