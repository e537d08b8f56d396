import DarkHiggsstrahlung
import Analysis
import Foundation
import Generators

/// sigma(e+e- -> A' h') x BF(A' -> mu+ mu-) with ISR, versus (M_A', M_h'), per unit
/// eps^2 alpha_D.
///
/// The Born cross section is Batell-Pospelov-Ritz eq. (15) (`DarkHiggsstrahlungSampler`),
/// proportional to eps^2 alpha_D; BF(A' -> mu mu) does not depend on eps (every A' width is
/// proportional to eps^2; A' -> h' + X is closed for M_h' < M_A'). ISR is folded in with
/// the same Kuraev-Fadin radiator the samples are generated with:
///   sigma = Int_0^vmax W(s, v) sigma_Born(s (1 - v)) dv,
/// integrated in t = v^beta so that the soft v^(beta-1) singularity becomes a bounded
/// integrand (Gauss-Legendre, `Quadrature`). The signal efficiencies are defined against this
/// cross section (the generator's own estimate of the same integral), so the limit on
/// eps^2 alpha_D is sigma_lim / sigma(eps^2 alpha_D = 1): linear, not the square root of
/// the default coupling translation. A test compares the integral with the sampler's MC.
public struct DarkHiggsSignalModel: SignalModel, Hashable {
    public let couplingName = "eps2_alphaD"
    public let referenceCoupling = 1.0

    public init() {}

    /// sigma x BF in fb at eps^2 alpha_D = 1.
    public func crossSectionFbAtUnitCoupling(mA: Double, mh: Double) -> Double {
        let sampler = DarkHiggsstrahlungSampler(darkPhotonMass: mA, darkHiggsMass: mh, epsilon: 1, alphaDark: 1,
                                                withISR: true, includeBranchingFraction: true)
        let isr = sampler.beamRadiation, s = sampler.transform.s
        let beta = isr.radiator.beta
        let tMax = pow(isr.vMax, beta)
        return Quadrature.integrate(0, tMax, intervals: 96) { t in
            let v = pow(t, 1 / beta)
            guard v > 0 else { return isr.radiator.delta * sampler.bornCrossSectionFb(s: s) }
            // W(v) dv = (W / (beta v^(beta-1))) dt.
            return isr.radiator.radiatorOverSoft(v) * sampler.bornCrossSectionFb(s: s * (1 - v))
        }
    }

    public func crossSectionFb(parameters: [String: Double], coupling: Double) throws -> Double {
        guard let mA = parameters[DarkHiggsstrahlung.darkPhotonParameter],
              let mh = parameters[DarkHiggsstrahlung.darkHiggsParameter] else {
            throw AnalysisError.invalidArgument("dark Higgsstrahlung signal model needs '\(DarkHiggsstrahlung.darkPhotonParameter)' and '\(DarkHiggsstrahlung.darkHiggsParameter)', got \(parameters)")
        }
        guard mA > 2 * 0.10566, mh >= 0, mA + mh < 10.58 else {
            throw AnalysisError.invalidArgument("dark Higgsstrahlung is closed at M_A' = \(mA), M_h' = \(mh) GeV")
        }
        return coupling * crossSectionFbAtUnitCoupling(mA: mA, mh: mh)
    }

    /// sigma is linear in eps^2 alpha_D.
    public func couplingLimit(crossSectionLimitFb: Double, parameters: [String: Double]) throws -> Double {
        let ref = try crossSectionFb(parameters: parameters, coupling: 1)
        guard ref > 0, crossSectionLimitFb >= 0 else {
            throw AnalysisError.invalidArgument("coupling translation needs sigma > 0 and a non-negative limit (got \(ref), \(crossSectionLimitFb))")
        }
        return crossSectionLimitFb / ref
    }
}
