import Foundation
import Kinematics

/// Born cross section of e+e- -> nu nubar summed over the three flavours: Z exchange in the
/// s channel for all of them, plus W exchange in the t channel for nu_e.
///
/// With massless fermions only the left-handed neutrino couples; the electron helicity picks
/// the angular factor (theta = angle of the neutrino to the e- beam):
///
///   dsigma/dc = (G_F^2 s / (6 pi)) (3/8) [ (1 + c)^2 |g_L Z(s) + delta_fe W(t)|^2
///                                         + (1 - c)^2 g_R^2 |Z(s)|^2 ],
///   g_L = -1/2 + sin^2 theta_W, g_R = sin^2 theta_W,
///   Z(s) = M_Z^2/(M_Z^2 - s - i M_Z Gamma_Z),  W(t) = M_W^2/(M_W^2 - t),  t = -s(1 - c)/2.
///
/// The W term enters with coefficient +1 next to g_L after the Fierz reordering of the
/// charged current, which is why nu_e carries (1/2 + sin^2)^2 (as in nu_e e scattering;
/// e.g. PDG review "Electroweak model", and Berends et al., Nucl. Phys. B301 (1988) 583
/// for e+e- -> nu nubar gamma). In the four-fermion limit (Z, W -> 1) the total is
///   sigma_0 = (G_F^2 s/(6 pi)) [ (1/2 + s_W^2)^2 + s_W^4 + 2 ((1/2 - s_W^2)^2 + s_W^4) ],
/// 0.264 pb at 10.58 GeV; the propagators change it by -0.4% (tested against a scipy
/// quadrature of the same formula, Tests/Fixtures/generators/nunugamma_reference.py).
public struct NeutrinoPairBorn: Sendable {
    /// W mass in GeV (PDG 2024 average, 80.3692 +- 0.0133).
    public static let wMass = 80.3692
    /// Whether the Z and W propagators are kept (false: the four-fermion limit, for tests).
    public let propagators: Bool

    public init(propagators: Bool = true) { self.propagators = propagators }

    /// Left- and right-handed coefficients (|C_L|^2, |C_R|^2) of one flavour at (s, c).
    @inlinable
    public func coefficients(s: Double, cosTheta c: Double, electronFlavour: Bool) -> (left: Double, right: Double) {
        let sw2 = PhysicalConstants.sin2ThetaW
        let gL = -0.5 + sw2, gR = sw2
        var zRe = 1.0, zIm = 0.0, w = 1.0
        if propagators {
            let mz2 = PhysicalConstants.zMass * PhysicalConstants.zMass
            let mg = PhysicalConstants.zMass * PhysicalConstants.zWidth
            let dr = mz2 - s, den = dr * dr + mg * mg
            zRe = mz2 * dr / den
            zIm = mz2 * mg / den
            let mw2 = NeutrinoPairBorn.wMass * NeutrinoPairBorn.wMass
            w = mw2 / (mw2 + s * (1 - c) / 2)
        }
        let lRe = gL * zRe + (electronFlavour ? w : 0), lIm = gL * zIm
        return (lRe * lRe + lIm * lIm, gR * gR * (zRe * zRe + zIm * zIm))
    }

    /// dsigma/dcos(theta) of one flavour in GeV^-2.
    @inlinable
    public func differential(s: Double, cosTheta c: Double, electronFlavour: Bool) -> Double {
        let k = coefficients(s: s, cosTheta: c, electronFlavour: electronFlavour)
        let gf = PhysicalConstants.fermiConstant
        return gf * gf * s / (6 * Double.pi) * 0.375 * ((1 + c) * (1 + c) * k.left + (1 - c) * (1 - c) * k.right)
    }

    /// Total of one flavour in GeV^-2 (`Quadrature`, 8 intervals: the integrand is a
    /// polynomial times a smooth W propagator, exact to rounding here).
    public func flavourTotal(s: Double, electronFlavour: Bool) -> Double {
        Quadrature.integrate(-1, 1, intervals: 8) { differential(s: s, cosTheta: $0, electronFlavour: electronFlavour) }
    }

    /// Sum over nu_e, nu_mu, nu_tau in GeV^-2.
    public func total(s: Double) -> Double {
        flavourTotal(s: s, electronFlavour: true) + 2 * flavourTotal(s: s, electronFlavour: false)
    }
}
