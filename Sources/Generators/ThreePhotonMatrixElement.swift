import Foundation
import Kinematics

/// Lowest-order QED matrix element of e+(p+) e-(p-) -> gamma(k1) gamma(k2) gamma(k3),
/// spin-averaged and summed over polarisations (F.A. Berends, R. Kleiss, Nucl. Phys. B186
/// (1981) 22):
///
///   (1/4) sum |M|^2 = e^6 s sum_i kappa_i kappa'_i (kappa_i^2 + kappa'_i^2) / prod_j (kappa_j kappa'_j),
///   kappa_i = p+ . k_i,  kappa'_i = p- . k_i.
///
/// Massless. Why that is enough: with every photon at theta* >= 5 deg from the beams the
/// electron-mass terms are below 3e-6 of the value (2.4e-4 at 0.5 deg), measured against the
/// exact massive six-diagram amplitude evaluated with explicit Dirac matrices
/// (Tests/Fixtures/generators/threephoton_reference.py, `ThreePhotonTests`). Its soft limit
/// is the eikonal factor e^2 s/(kappa kappa') times the two-photon matrix element
/// 2 e^4 (kappa/kappa' + kappa'/kappa), also tested.
public enum ThreePhotonMatrixElement {
    /// (1/4) sum |M|^2 (dimensionless) for photons given in the CMS with the e- along +z,
    /// at alpha = alpha(0) (real photons).
    @inlinable
    public static func squared(sqrtS: Double, _ k1: FourVector, _ k2: FourVector, _ k3: FourVector) -> Double {
        let h = sqrtS / 2
        var num = 0.0, den = 1.0
        for k in [k1, k2, k3] {
            let a = h * (k.e + k.p.z)   // p+ . k, p+ = h (1, 0, 0, -1)
            let b = h * (k.e - k.p.z)   // p- . k, p- = h (1, 0, 0, 1)
            num += a * b * (a * a + b * b)
            den *= a * b
        }
        let e2 = 4 * Double.pi * PhysicalConstants.alpha
        return e2 * e2 * e2 * sqrtS * sqrtS * num / den
    }
}
