import Foundation

/// Two-body kinematics: the momentum of each daughter in the parent's rest frame.
public enum TwoBodyDecay {
    /// Kallen triangle function lambda(a, b, c) = a^2 + b^2 + c^2 - 2ab - 2ac - 2bc.
    @inlinable
    public static func kallen(_ a: Double, _ b: Double, _ c: Double) -> Double {
        a * a + b * b + c * c - 2 * (a * b + a * c + b * c)
    }

    /// |p*| of either daughter for M -> m1 m2, zero below threshold.
    @inlinable
    public static func momentum(parentMass M: Double, m1: Double, m2: Double) -> Double {
        let l = kallen(M * M, m1 * m1, m2 * m2)
        return l > 0 ? l.squareRoot() / (2 * M) : 0
    }

    /// The two daughters' four-momenta in the parent rest frame for daughter 1 along (theta, phi).
    public static func daughters(parentMass M: Double, m1: Double, m2: Double,
                                 theta: Double, phi: Double) -> (FourVector, FourVector) {
        let p = momentum(parentMass: M, m1: m1, m2: m2)
        let dir = ThreeVector(magnitude: p, theta: theta, phi: phi)
        return (FourVector(mass: m1, momentum: dir), FourVector(mass: m2, momentum: -dir))
    }
}
