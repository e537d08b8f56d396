import Foundation
import EventModel
import Kinematics

/// e+e- -> tau+ tau- (gamma) with tau decays: the `LeptonPairSampler` kinematics for taus
/// (Born with threshold factor and gamma-Z, ISR, FSR), each tau decayed by `TauDecayer`
/// at a displaced vertex (exponential decay length with c tau = 87.03 um, PDG 2024).
/// The final state lists the decay products and photons, not the taus.
public struct TauPairSampler: ProcessSampler {
    public let pair: LeptonPairSampler
    public let decayer: TauDecayer
    public let processName = "tautau"
    public var acceptance: String { pair.acceptance }
    public var transform: FrameTransform { pair.transform }
    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { pair.exactCrossSectionFb }
    /// c tau of the tau in cm (87.03 um, PDG 2024).
    public static let cTauCm = 87.03e-4
    public let displacedVertices: Bool

    public init(beams: BelleIIBeams = .y4S, displacedVertices: Bool = true) {
        pair = LeptonPairSampler(lepton: PDGID.tau, beams: beams)
        decayer = TauDecayer()
        self.displacedVertices = displacedVertices
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let (tm, tp, gi, gf) = pair.sampleCMS(rng)
        for (tau, charge) in [(tm, -1), (tp, 1)] {
            let lab = transform.toLab(tau)
            var vertex = ThreeVector.zero
            if displacedVertices {
                // Flight length = (p/m) c tau * Exp(1), along the tau direction.
                let length = rng.exponential(mean: lab.momentum / ParticleMass.tau * TauPairSampler.cTauCm)
                vertex = lab.p.unit * length
            }
            decayer.decay(tau: lab, charge: charge, vertex: vertex, into: &event, rng)
        }
        if gi.e > 0 { event.append(PDGID.photon, transform.toLab(gi)) }
        if gf.e > 0 { event.append(PDGID.photon, transform.toLab(gf)) }
        return pair.totalFb
    }
}
