import Foundation
import Kinematics

/// The electron structure function D(x, s) of one beam in the leading-logarithmic
/// approximation with soft-photon exponentiation (Kuraev and Fadin, Sov. J. Nucl. Phys. 41
/// (1985) 466; form as in the LEP2 "Event generators for Bhabha scattering" and
/// "gamma gamma" reports, CERN 96-01):
///
///   D(x) = eta/2 (1-x)^(eta/2 - 1) (1 + 3 eta/8) - eta/4 (1 + x)
///        - eta^2/32 [ (1 + 3x^2)/(1-x) ln x + 4 (1 + x) ln(1-x) + 5 + x ],
///   eta = 2 alpha/pi (ln(Q^2/m_e^2) - 1),
///
/// x the fraction of the beam energy left to the electron after radiating collinear
/// photons. Used for Bhabha and gamma gamma, where the hard process is not a single
/// s-channel photon and each beam radiates independently. The sampling proposal also
/// covers low x, because those hard processes grow as 1/s'.
public struct ElectronStructureFunction: Sendable {
    public let eta: Double
    /// Lowest x that can matter (set by the acceptance of the process).
    public let xMin: Double
    /// Probability of proposing from the 1/x component.
    public let lowXFraction: Double
    @usableFromInline let logInvXMin: Double

    public init(q2: Double, xMin: Double, lowXFraction: Double = 0.1) {
        let me = ParticleMass.electron
        eta = 2 * PhysicalConstants.alpha / Double.pi * (log(q2 / (me * me)) - 1)
        self.xMin = xMin
        self.lowXFraction = lowXFraction
        logInvXMin = -log(xMin)
    }

    /// eta = 2 alpha/pi (ln(Q^2/m_e^2) - 1) for the scale Q^2.
    @inlinable
    public static func eta(q2: Double) -> Double {
        let me = ParticleMass.electron
        return 2 * PhysicalConstants.alpha / Double.pi * (log(q2 / (me * me)) - 1)
    }

    /// D(x) per unit x.
    @inlinable
    public func density(_ x: Double) -> Double { ElectronStructureFunction.density(x, oneMinusX: 1 - x, eta: eta) }

    /// D(x) per unit x for a given eta, with 1 - x passed separately because x rounds to 1
    /// for most soft emissions ((1 - x) ~ u^(2/eta) reaches 1e-40).
    @inlinable
    public static func density(_ x: Double, oneMinusX omx: Double, eta: Double) -> Double {
        let h = eta / 2
        let lx = log1p(-omx), l1x = log(omx)
        return h * exp((h - 1) * l1x) * (1 + 3 * eta / 8) - eta / 4 * (1 + x)
            - eta * eta / 32 * ((1 + 3 * x * x) / omx * lx + 4 * (1 + x) * l1x + 5 + x)
    }

    /// Samples x in [xMin, 1] and returns it (and 1 - x, accurate) with the weight D(x)/q(x),
    /// where q is the proposal (1 - f) (eta/2)(1-x)^(eta/2-1) + f / (x ln(1/xMin)), so that
    /// E[weight * g(x)] = Int D(x) g(x) dx over [xMin, 1]. The 1/x component keeps the weight
    /// of low-x events bounded when the hard cross section grows as 1/x.
    @inlinable
    public func sample(_ rng: RandomStream) -> (x: Double, oneMinusX: Double, weight: Double) {
        let h = eta / 2
        var omx: Double
        repeat {
            if rng.uniform() < lowXFraction {
                omx = -expm1(-rng.uniform() * logInvXMin)
            } else {
                omx = exp(log(rng.uniform()) / h)
            }
        } while omx > 1 - xMin || omx <= 0
        let x = 1 - omx
        let qSoft = h * exp((h - 1) * log(omx))
        // Resampling until x >= xMin restricts the mixture to [xMin, 1) and renormalises it:
        // the soft component keeps the fraction (1 - xMin)^h of its mass there.
        let softNorm = exp(h * log(1 - xMin))
        let xSafe = max(x, xMin)
        let q = ((1 - lowXFraction) * qSoft + lowXFraction / (xSafe * logInvXMin))
            / ((1 - lowXFraction) * softNorm + lowXFraction)
        return (x, omx, ElectronStructureFunction.density(x, oneMinusX: omx, eta: eta) / q)
    }
}
