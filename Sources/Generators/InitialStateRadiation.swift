import Foundation
import Kinematics

/// Initial-state radiation in the structure-function (radiator) approach.
///
/// sigma(s) = Int_0^vmax dv W(s, v) sigma_hard(s (1 - v)), with v the fraction of sqrt(s)
/// ... precisely v = 1 - s'/s, the energy fraction of the radiated photons. W is the
/// Kuraev-Fadin radiator (E.A. Kuraev, V.S. Fadin, Sov. J. Nucl. Phys. 41 (1985) 466),
/// exponentiated in the soft limit and complete to O(alpha^2 L^2), in the form
///
///   W(s, v) = Delta beta v^(beta-1) - beta/2 (2 - v)
///           + beta^2/8 [ (2 - v)(3 ln(1-v) - 4 ln v) - 4 ln(1-v)/v - 6 + v ],
///   beta = 2 alpha/pi (L - 1), L = ln(s/m_e^2),
///   Delta = 1 + alpha/pi (3L/2 + pi^2/3 - 2) + (alpha/pi)^2 delta_2,
///
/// with delta_2 as below (the same form is used by PHOKHARA and in the radiative-return
/// review of S. Actis et al., Eur. Phys. J. C66 (2010) 585). Its accuracy for the total
/// s-channel cross section is about 0.1-0.2% (missing O(alpha^2 L^0) and O(alpha^3 L^3)).
///
/// The radiator integrates over all photon angles; the generator then gives the radiated
/// energy to one explicit photon whose angle follows the eikonal (dipole) distribution of
/// the incoming e+e- pair, so that mu mu gamma events exist with the collinear peak and
/// the dead cone of a real ISR photon.
public struct InitialStateRadiator: Sendable {
    public let s: Double
    /// L = ln(s/m_e^2).
    public let bigL: Double
    /// beta = 2 alpha/pi (L - 1): 0.0877 at 10.58 GeV.
    public let beta: Double
    /// Soft+virtual factor Delta (exponentiation included through v^(beta-1)).
    public let delta: Double

    public init(s: Double) {
        self.s = s
        let a = PhysicalConstants.alpha / Double.pi
        let me = ParticleMass.electron
        bigL = log(s / (me * me))
        beta = 2 * a * (bigL - 1)
        let z2 = Double.pi * Double.pi / 6
        let z3 = 1.202_056_903_159_594  // zeta(3)
        let l = bigL
        let delta2 = (9.0 / 8.0 - 2 * z2) * l * l - (45.0 / 16.0 - 5.5 * z2 - 3 * z3) * l
            - 1.2 * z2 * z2 - 4.5 * z3 - 6 * z2 * log(2.0) + 0.375 * z2 + 57.0 / 12.0
        delta = 1 + a * (1.5 * l + Double.pi * Double.pi / 3 - 2) + a * a * delta2
    }

    /// W(s, v) for 0 < v < 1 (per unit v).
    @inlinable
    public func radiator(_ v: Double) -> Double {
        let lv = log(v)
        return radiator(v, logV: lv, vToBetaMinusOne: exp((beta - 1) * lv))
    }

    /// The same, given ln v and v^(beta - 1) = exp((beta - 1) ln v) that a caller (the
    /// mu mu sampler's proposal density) has already computed: identical arithmetic.
    @inlinable
    public func radiator(_ v: Double, logV lv: Double, vToBetaMinusOne vb: Double) -> Double {
        let l1v = log1p(-v)
        let soft = delta * beta * vb
        let hard1 = -beta / 2 * (2 - v)
        let hard2 = beta * beta / 8 * ((2 - v) * (3 * l1v - 4 * lv) - 4 * l1v / v - 6 + v)
        return soft + hard1 + hard2
    }

    /// W(s, v) / (beta v^(beta-1)): the radiator relative to its soft limit, bounded as v->0.
    @inlinable
    public func radiatorOverSoft(_ v: Double) -> Double {
        radiator(v) / (beta * exp((beta - 1) * log(v)))
    }
}

/// Angular distribution of a photon radiated by a back-to-back pair of equal-mass charged
/// particles (the eikonal current of the dipole), in the pair's rest frame:
///
///   dN/dcos(theta) ~ 2(1 + b^2)/(1 - b^2 c^2) - (1 - b^2)/(1 - b c)^2 - (1 - b^2)/(1 + b c)^2,
///
/// with b the particles' velocity and theta measured from particle 1. It has the collinear
/// peaks at c = +-1 (width m/E) and the dead cone inside them. Used for the ISR photon (the
/// beams, b = 1 - 2.3e-9) and for FSR (the muons or taus).
public struct DipoleAngularDistribution: Sendable {
    public let b: Double
    /// 1 - b, computed from the mass without cancellation.
    public let oneMinusB: Double
    /// ln((1 + b)/(1 - b)), the log-range of the proposal (once per distribution, not per photon).
    @usableFromInline let logRatio: Double

    /// - Parameters: energy and mass of each particle in the pair rest frame.
    public init(energy: Double, mass: Double) {
        let p = (energy * energy - mass * mass).squareRoot()
        b = p / energy
        oneMinusB = mass * mass / (energy * (energy + p))
        logRatio = log((1 + b) / oneMinusB)
    }

    /// Samples (1 - c, 1 + c) with c = cos(theta) from particle 1, as a pair so that the
    /// sine can be formed accurately near the collinear peaks.
    /// Proposal 1/(1 - b c) + 1/(1 + b c), accepted with the ratio to the exact
    /// eikonal, [(1 + b^2) - (1 - b^2)(1 + b^2 c^2)/(1 - b^2 c^2)] / (2 b^2) <= 1.
    @inlinable
    public func sample(_ rng: RandomStream) -> (oneMinusC: Double, onePlusC: Double) {
        let onePlusB = 1 + b
        let logRatio = self.logRatio
        let b2 = b * b
        let oneMinusB2 = oneMinusB * onePlusB
        while true {
            // y = 1 - b c' distributed as 1/y on [1 - b, 1 + b], with c' = +-c.
            let y = oneMinusB * exp(rng.uniform() * logRatio)
            // 1 - c' = (y - (1 - b))/b ; 1 + c' = 2 - (1 - c')
            let omc = (y - oneMinusB) / b
            let opc = 2 - omc
            let flip = rng.uniform() < 0.5
            let oneMinusC = flip ? opc : omc
            let onePlusC = flip ? omc : opc
            let c = onePlusC - 1
            let den = (1 - b * c) * (1 + b * c)
            let w = ((1 + b2) - oneMinusB2 * (1 + b2 * c * c) / den) / (2 * b2)
            if rng.uniform() < w { return (oneMinusC, onePlusC) }
        }
    }
}
