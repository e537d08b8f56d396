import Foundation

/// Local significance of a signal in one window from q0 and its asymptotic distribution
/// (Cowan et al. EPJC 71 (2011) 1554, eq. 52-53): p0 = 1 - Phi(sqrt(q0)), Z = sqrt(q0), with
/// mu_hat >= 0 (a deficit gives Z = 0); `signedZ` keeps the sign of the free mu_hat, which a
/// scan's plot of local Z wants. Global significance is the caller's look-elsewhere step.
public struct WindowSignificance: Sendable, Equatable {
    public let q0: Double
    public let p0: Double
    public let z: Double
    public let signedZ: Double

    public init(profile: WindowProfileLikelihood) throws {
        q0 = try profile.q0()
        z = q0.squareRoot()
        p0 = SpecialFunctions.normalSurvival(z)
        signedZ = try profile.signedSignificance()
    }
}
