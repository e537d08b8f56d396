import Foundation

/// A pure Lorentz boost by velocity `beta` (|beta| < 1).
///
/// `apply` takes a four-vector given in the rest frame of a system moving with `beta`
/// to the frame in which the system moves with `beta`; `inverse` goes back.
public struct LorentzBoost: Sendable, Hashable {
    public let beta: ThreeVector
    public let gamma: Double

    public init(beta: ThreeVector) {
        precondition(beta.magnitudeSquared < 1, "boost velocity must be below c")
        self.beta = beta
        self.gamma = 1 / (1 - beta.magnitudeSquared).squareRoot()
    }

    /// The boost that takes the rest frame of `system` to the frame in which it has momentum `system.p`.
    public init(restFrameOf system: FourVector) {
        self.init(beta: system.beta)
    }

    public var inverse: LorentzBoost { LorentzBoost(beta: -beta) }

    /// Boosted four-vector: E' = gamma (E + beta.p), p' = p + ((gamma-1)/beta^2 (beta.p) + gamma E) beta.
    @inlinable
    public func apply(_ v: FourVector) -> FourVector {
        let b2 = beta.magnitudeSquared
        guard b2 > 0 else { return v }
        let bp = beta.dot(v.p)
        let gamma2 = (gamma - 1) / b2
        let e = gamma * (v.e + bp)
        let p = v.p + beta * (gamma2 * bp + gamma * v.e)
        return FourVector(e: e, p: p)
    }
}
