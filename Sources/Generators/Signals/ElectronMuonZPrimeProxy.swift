import EventModel
import Foundation
import Kinematics

/// Kinematic stand-in for a lepton-flavour-violating Z': e+e- -> e+- mu-+ Z', Z' invisible.
///
/// There is no model to generate (PRL 124 (2020) 141801 quotes model-independent limits on
/// efficiency x cross section for this channel), yet a search needs signal-like events to
/// size its recoil-mass windows and to optimise its cuts. This proxy takes the L_mu - L_tau
/// process of `MuonPairZPrimeSampler` and turns the muon that radiated the Z' into an
/// electron of the same charge: a LFV vertex mu -> e Z' after gamma* -> mu+ mu-.
///
/// Which muon radiated: the one whose propagator is closer to mass shell, the smaller
/// (p_l + k)^2 - m_mu^2 (the diagram that dominates the point; both interfere in the matrix
/// element, and near-symmetric points are rare).
///
/// Approximation: the matrix element and phase space keep the muon mass on the emitter line.
/// The relabelled lepton keeps its energy and direction and gets |p| = sqrt(E^2 - m_e^2):
/// energy is conserved and three-momentum is off by m_mu^2 / 2E, a few MeV. The recoil mass
/// moves by a median 1-4 MeV (0.01-0.02 of the resolution) with a tail from soft electrons
/// (99% quantile 0.3-0.4 sigma); `ZPrimeElectronMuonTests` measures it. The event weight
/// (the cross section) is that of the L_mu - L_tau process and has no meaning for a LFV
/// model; only the shapes are used.
public struct ElectronMuonZPrimeProxy: ProcessSampler {
    public let base: MuonPairZPrimeSampler
    public var processName: String { base.processName.replacingOccurrences(of: "mumuZp", with: "emuZp") }
    public var acceptance: String { base.acceptance + "; radiating muon relabelled as an electron (LFV proxy)" }
    public var transform: FrameTransform { base.transform }
    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { nil }

    public init(base: MuonPairZPrimeSampler) {
        self.base = base
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let w = base.sample(into: &event, using: rng)
        guard w > 0, let k = event.particles.firstIndex(where: { $0.pdg == PDGID.invisible }) else { return w }
        let zPrime = event.particles[k].momentum
        let mu2 = ParticleMass.muon * ParticleMass.muon
        var emitter: Int? = nil
        var smallest = Double.infinity
        for (i, p) in event.particles.enumerated() where abs(p.pdg) == PDGID.muon {
            let virtuality = (p.momentum + zPrime).massSquared - mu2
            if virtuality < smallest { smallest = virtuality; emitter = i }
        }
        guard let i = emitter else { return w }
        let old = event.particles[i]
        let e = old.momentum.e
        let p = max(e * e - ParticleMass.electron * ParticleMass.electron, 0).squareRoot()
        let sign: Int32 = old.pdg > 0 ? 1 : -1
        event.particles[i] = Particle(pdg: sign * PDGID.electron,
                                      momentum: FourVector(e: e, p: old.momentum.p.unit * p))
        return w
    }
}
