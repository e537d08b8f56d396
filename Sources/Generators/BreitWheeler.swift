import Foundation
import Kinematics

/// gamma gamma -> l+ l- (Breit-Wheeler), lowest order QED, unpolarised real photons.
///
///   sigma(W) = (4 pi alpha^2 / W^2) [ (1 + y - y^2/2) ln((1 + b)/(1 - b)) - b (1 + y) ],
///   y = 4 m^2/W^2, b = sqrt(1 - y);
///   dsigma/dOmega ~ b [1 + 2 b^2 sin^2 - b^4 - b^4 sin^4] / (1 - b^2 c^2)^2
///
/// (Berestetskii, Lifshitz, Pitaevskii, Quantum Electrodynamics, sec. 88; Brodsky, Kinoshita,
/// Terazawa, PRD 4 (1971) 1532). theta is the l- angle to photon 1 in the gamma gamma frame.
public enum BreitWheeler {
    /// Total cross section in GeV^-2 at invariant mass W for lepton mass m.
    @inlinable
    public static func crossSection(w: Double, mass m: Double) -> Double {
        let w2 = w * w
        let y = 4 * m * m / w2
        guard y < 1 else { return 0 }
        let b = (1 - y).squareRoot()
        let a = PhysicalConstants.alpha
        return 4 * Double.pi * a * a / w2 * ((1 + y - y * y / 2) * log((1 + b) / (1 - b)) - b * (1 + y))
    }

    /// Angular shape (unnormalised) in c = cos(theta).
    @inlinable
    public static func angularShape(cosTheta c: Double, beta b: Double) -> Double {
        let s2 = (1 - c) * (1 + c)
        let b2 = b * b, b4 = b2 * b2
        let den = (1 - b2 * c * c)
        return (1 + 2 * b2 * s2 - b4 - b4 * s2 * s2) / (den * den)
    }

    /// Samples c: proposal 1/(1 - b^2 c^2) (c = tanh(eta)/b with eta flat), accepted with
    /// shape/proposal <= 2 (the maximum of [1 + 2b^2 s^2 - b^4 - b^4 s^4]/(1 - b^2 c^2)).
    @inlinable
    public static func sampleCosTheta(beta b: Double, _ rng: RandomStream) -> Double {
        let etaMax = atanh(b)
        while true {
            let c = tanh(etaMax * (2 * rng.uniform() - 1)) / b
            let ratio = angularShape(cosTheta: c, beta: b) * (1 - b * b * c * c)
            if rng.uniform() * 2 <= ratio { return c }
        }
    }
}
