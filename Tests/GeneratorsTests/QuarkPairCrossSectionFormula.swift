import Foundation
@testable import Generators
import Kinematics

/// An independent estimate of sigma(e+e- -> q qbar (gamma)) at the Belle II energy: the
/// Born cross section with running alpha, colour, the quark charge, the mass threshold
/// factor beta(3 - beta^2)/2 and the first-order QCD factor 1 + alpha_s/pi (alpha_s(10.58 GeV)
/// = 0.177, kept fixed over s'; Z exchange neglected), convolved with the Kuraev-Fadin ISR
/// radiator that reproduces KKMC's mu mu cross section (`InitialStateRadiator`,
/// docs/physics/generators.md):
///   sigma = Int_0^vmax W(s, v) sigma_Born(s(1 - v)) dv,  vmax = 1 - W_min^2/s.
/// With W_min at the hadronic threshold it is the inclusive cross section the Belle II
/// Physics Book quotes from KKMC; with W_min = 4 GeV it is what Pythia's sample (m(q qbar) > 4
/// GeV) covers. (The fixture script Tests/Fixtures/generators/quark_pair_isr.py is the same
/// integral in scipy.)
enum QuarkPairCrossSectionFormula {
    static let alphaS = 0.177

    static func bornNb(sPrime: Double, charge: Double, quarkMass m: Double) -> Double {
        guard sPrime > 4 * m * m else { return 0 }
        let beta = (1 - 4 * m * m / sPrime).squareRoot()
        let alpha = VacuumPolarization.alpha(q2: sPrime)
        let point = 4 * Double.pi * alpha * alpha / (3 * sPrime) * PhysicalConstants.hbarC2GeV2Fb * 1e-6
        return 3 * charge * charge * (1 + alphaS / Double.pi) * point * beta * (3 - beta * beta) / 2
    }

    /// Simpson's rule with n (even) intervals.
    static func simpson(_ a: Double, _ b: Double, _ n: Int, _ f: (Double) -> Double) -> Double {
        let h = (b - a) / Double(n)
        var sum = f(a) + f(b)
        for i in 1..<n { sum += f(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
        return sum * h / 3
    }

    static func crossSectionNb(sqrtS: Double, charge: Double, quarkMass: Double, minimumMass: Double) -> Double {
        let s = sqrtS * sqrtS
        let isr = InitialStateRadiator(s: s)
        let beta = isr.beta
        let vMax = 1 - max(minimumMass, 2 * quarkMass + 1e-9).squared / s
        func integrand(_ v: Double) -> Double { isr.radiator(v) * bornNb(sPrime: s * (1 - v), charge: charge, quarkMass: quarkMass) }
        // (0, v0]: u = v^beta takes out the soft singularity v^(beta - 1).
        let v0 = 1e-4
        let soft = simpson(0, pow(v0, beta), 2000) { u in
            guard u > 0 else { return isr.delta * bornNb(sPrime: s, charge: charge, quarkMass: quarkMass) }
            let v = pow(u, 1 / beta)
            return integrand(v) * pow(v, 1 - beta) / beta
        }
        // [v0, 0.5] in ln v; [0.5, vMax] in -ln(1 - v) (the 1/s' growth of the Born).
        let middle = simpson(log(v0), log(min(0.5, vMax)), 4000) { t in let v = exp(t); return integrand(v) * v }
        let hard = vMax > 0.5 ? simpson(-log(0.5), -log(1 - vMax), 4000) { y in
            let v = 1 - exp(-y); return integrand(v) * (1 - v)
        } : 0
        return soft + middle + hard
    }
}

extension Double {
    fileprivate var squared: Double { self * self }
}
