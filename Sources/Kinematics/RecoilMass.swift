/// Masses of what is not seen, computed in the CMS.
///
/// The Z' and dark Higgsstrahlung searches look for a peak in the mass recoiling against
/// the visible system. With E* the visible CMS energy and M the visible invariant mass,
/// M^2_rec = s + M^2 - 2 sqrt(s) E*. Resolution can push M^2_rec below zero, so the signed
/// convention (M_rec = -sqrt(-M^2_rec)) keeps those events instead of piling them at zero.
public enum RecoilMass {
    /// M^2_rec of a visible system given by its CMS four-momentum.
    @inlinable
    public static func squared(visibleCMS: FourVector, sqrtS: Double) -> Double {
        sqrtS * sqrtS + visibleCMS.massSquared - 2 * sqrtS * visibleCMS.e
    }

    /// Signed recoil mass against a visible system given in the CMS.
    @inlinable
    public static func signed(visibleCMS: FourVector, sqrtS: Double) -> Double {
        signedSquareRoot(squared(visibleCMS: visibleCMS, sqrtS: sqrtS))
    }

    /// Recoil four-momentum in the CMS: (sqrt(s), 0) minus the visible system.
    @inlinable
    public static func recoilCMS(visibleCMS: FourVector, sqrtS: Double) -> FourVector {
        FourVector(e: sqrtS - visibleCMS.e, p: -visibleCMS.p)
    }

    /// The CMS energy of a photon recoiling against a single particle of mass m:
    /// E* = (s - m^2) / (2 sqrt(s)) (the mono-photon and ALP searches' observable).
    @inlinable
    public static func photonEnergy(recoilMass m: Double, sqrtS: Double) -> Double {
        (sqrtS * sqrtS - m * m) / (2 * sqrtS)
    }

    /// Inverse of `photonEnergy`: the signed mass recoiling against a photon of CMS energy E*.
    @inlinable
    public static func againstPhoton(energyCMS: Double, sqrtS: Double) -> Double {
        signedSquareRoot(sqrtS * sqrtS - 2 * sqrtS * energyCMS)
    }
}
