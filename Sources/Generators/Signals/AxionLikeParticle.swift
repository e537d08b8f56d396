import Foundation
import Kinematics

/// An axion-like particle a coupled to photons only, L = -(g/4) a F Ftilde with
/// g = g_a-gamma-gamma in GeV^-1 (Dolan, Ferber, Hearty, Kahlhoefer, Schmidt-Hoberg,
/// JHEP 12 (2017) 094, arXiv:1709.00009; the model of Belle II, PRL 125 (2020) 161806).
///
/// Photon-only coupling makes a -> gamma gamma the only decay:
///   Gamma(a -> gamma gamma) = g^2 m^3 / (64 pi),
/// and e+e- -> gamma* -> gamma a the production at a collider:
///   dsigma/dcos(theta) = (alpha g^2/64)(1 - m^2/s)^3 (1 + cos^2 theta),
///   sigma = (alpha g^2/24)(1 - m^2/s)^3,
/// theta the photon polar angle in the hard-process frame. Both checked against |M|^2
/// built from the vertex alone (Tests/Fixtures/generators/alp_reference.py).
/// The decay length is computed, not assumed: for couplings Belle II reaches
/// (g ~ 1e-3 GeV^-1) it is below 0.2 mm in the CMS for m >= 0.2 GeV, so the signal is
/// prompt, but it grows as 1/(g^2 m^4) and is centimetres at g = 1e-4, m = 0.2 GeV.
public struct AxionLikeParticle: Sendable, Equatable {
    /// ALP mass in GeV.
    public let mass: Double
    /// g_a-gamma-gamma in GeV^-1.
    public let couplingInvGeV: Double

    /// hbar c in GeV cm (CODATA 2018), to turn a width into c tau.
    public static let hbarCGeVCm = 1.973_269_804e-14

    public init(mass: Double, couplingInvGeV: Double) {
        precondition(mass > 0 && couplingInvGeV > 0, "ALP mass and coupling must be positive")
        self.mass = mass
        self.couplingInvGeV = couplingInvGeV
    }

    /// Gamma(a -> gamma gamma) = g^2 m^3/(64 pi) in GeV, the total width.
    public var widthGeV: Double {
        couplingInvGeV * couplingInvGeV * mass * mass * mass / (64 * Double.pi)
    }

    /// c tau in cm.
    public var properDecayLengthCm: Double { Self.hbarCGeVCm / widthGeV }

    /// Mean decay length (beta gamma c tau) in cm for an ALP of momentum `momentum` (GeV).
    public func decayLengthCm(momentum: Double) -> Double { momentum / mass * properDecayLengthCm }

    /// sigma(e+e- -> gamma a) at s (GeV^2) in GeV^-2; 0 below threshold.
    public func crossSection(s: Double) -> Double {
        let r = mass * mass / s
        guard r < 1 else { return 0 }
        return PhysicalConstants.alpha * couplingInvGeV * couplingInvGeV / 24 * (1 - r) * (1 - r) * (1 - r)
    }

    /// The same in fb.
    public func crossSectionFb(s: Double) -> Double { crossSection(s: s) * PhysicalConstants.hbarC2GeV2Fb }

    /// dsigma/dcos(theta) at s in GeV^-2 (photon polar angle in the hard frame).
    public func differentialCrossSection(s: Double, cosTheta c: Double) -> Double {
        crossSection(s: s) * 3 / 8 * (1 + c * c)
    }

    /// Energy of the recoil photon in the hard-process frame, (s - m^2)/(2 sqrt s) in GeV.
    public func recoilPhotonEnergy(s: Double) -> Double { (s - mass * mass) / (2 * s.squareRoot()) }
}
