import Foundation
import EventModel
import Kinematics

/// How `gammagamma` (DiphotonSampler: two hard photons, beam radiation collinear with the
/// beams through structure functions) and `gammagammagamma` (ThreePhotonSampler: three
/// resolved photons from the exact alpha^3 matrix element) share gamma gamma(gamma) without
/// double counting.
///
/// The split: a third photon is *resolved* when it has E* > E_min and lies in the angular
/// window of the three-photon sample; resolved configurations belong to `gammagammagamma`,
/// everything else (soft, or outside the window, down to collinear with a beam) to
/// `gammagamma`. The structure functions integrate the emission over all angles and put the
/// photon at theta = 0, so the `gammagamma` cross section already contains the resolved rate
/// (in the collinear approximation) among its events with a beam photon above E_min. So:
/// in the combination, `gammagamma` events with a beam photon of E* > E_min count with
/// `hardRadiationWeight` = 1 - sigma(gammagammagamma)/sigma(gammagamma, beam photon > E_min),
/// the rest with weight 1, and `gammagammagamma` is added as it is. The total is then the
/// `gammagamma` cross section (which agrees with BabaYaga@NLO to 0.1%), and the resolved part
/// carries the exact matrix element. The removal is uniform over the hard-radiation events
/// (an approximation in their shape, not in their rate). Neither sample is changed:
/// the weight is for the analysis that combines them.
public struct DiphotonMatching: Sendable {
    public let threePhoton: CrossSectionEstimate
    public let twoPhotonHardRadiation: CrossSectionEstimate
    public let minEnergy: Double

    /// Computes both cross sections (`trials` proposals each) for the three-photon sample's cuts.
    public init(threePhoton sampler: ThreePhotonSampler, diphoton: DiphotonSampler = DiphotonSampler(),
                trials: Int, using rng: RandomStream) {
        minEnergy = sampler.minEnergy
        threePhoton = SampledGenerator(sampler: sampler, warmUpTrials: 2000).crossSection(trials: trials, using: rng)
        let hard = GeneratorFilter(name: "beam-photon", requirements: [
            .atLeast(3, .init(.photon, minMomentum: sampler.minEnergy, momentumFrame: .cms)),
        ])
        twoPhotonHardRadiation = SampledGenerator(sampler: diphoton, filter: hard, warmUpTrials: 2000)
            .crossSection(trials: trials, using: rng)
    }

    /// The fraction of `gammagamma`'s hard-radiation events that the three-photon sample replaces.
    public var resolvedFraction: Double { threePhoton.valueFb / twoPhotonHardRadiation.valueFb }

    /// Weight of a `gammagamma` event with a beam photon of E* > E_min in the combination.
    public var hardRadiationWeight: Double { 1 - resolvedFraction }

    /// The combination weight of one `gammagamma` event (lab-frame particles): 1, or
    /// `hardRadiationWeight` when more than two photons have E* > E_min.
    public func weight(ofDiphotonEvent particles: [Particle], transform: FrameTransform = FrameTransform()) -> Double {
        var n = 0
        for p in particles where p.pdg == PDGID.photon && transform.toCMS(p.momentum).e > minEnergy { n += 1 }
        return n > 2 ? hardRadiationWeight : 1
    }
}
