import Analysis
import Generators
import MonoPhoton

/// sigma(e+e- -> gamma A') x BF(A' -> invisible) (= 1) versus m_A' and eps, in the
/// acceptance of the signal sample (`PhotonDarkPhotonSampler`: |cos theta_gamma| < 0.95 in the
/// hard frame, ISR with the hard photon above 0.5 GeV).
///
/// The production is exactly eps^2 sigma(eps = 1) at tree level with A' -> invisible, so the
/// default translation eps = sqrt(sigma_lim / sigma(eps = 1)) of `SignalModel` holds. sigma is
/// the Kuraev-Fadin ISR convolution of the closed-form Born computed by quadrature
/// (`crossSectionWithISRFb`), the integral the signal MC estimates; both use the same
/// acceptance, so the efficiency (selected / (sigma_MC L)) and this sigma refer to the same
/// events. Masses are those of `MonoPhoton.parameterRanges`.
public struct MonoPhotonSignalModel: SignalModel {
    public let couplingName = "epsilon"
    public let referenceCoupling = 1.0
    public let withISR: Bool

    public init(withISR: Bool = true) { self.withISR = withISR }

    public func productionCrossSectionFb(massGeV m: Double) -> Double {
        let sampler = PhotonDarkPhotonSampler(darkPhotonMass: m, epsilon: 1, withISR: withISR)
        return withISR ? sampler.crossSectionWithISRFb() : sampler.bornCrossSectionFb(s: sampler.transform.s)
    }

    public func crossSectionFb(parameters: [String: Double], coupling: Double) throws -> Double {
        guard let m = parameters[MonoPhoton.massParameter] else {
            throw AnalysisError.invalidArgument("mono-photon signal model needs '\(MonoPhoton.massParameter)', got \(parameters)")
        }
        guard let range = MonoPhoton.standard.parameterRanges[MonoPhoton.massParameter], range.contains(m) else {
            throw AnalysisError.invalidArgument("mono-photon signal model: m_aprime = \(m) GeV outside the search's range")
        }
        return coupling * coupling * productionCrossSectionFb(massGeV: m)
    }
}

extension MonoPhoton {
    /// The search with this package's signal model (what the suite runs).
    public static var standard: MonoPhoton { MonoPhoton(signalModel: MonoPhotonSignalModel()) }
}
