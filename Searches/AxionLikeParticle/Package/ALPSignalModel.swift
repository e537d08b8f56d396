import ALPThreePhoton
import Analysis
import Generators

/// sigma(e+e- -> gamma a) x BF(a -> gamma gamma) (= 1 for an ALP coupled to photons only)
/// versus m_a and g_a-gamma-gamma (GeV^-1), in the acceptance of the signal sample
/// (`PhotonALPSampler`: full angular range, ISR with the hard photon above 0.5 GeV in its
/// own frame): the Kuraev-Fadin ISR convolution of the Born (alpha g^2/24)(1 - m^2/s)^3
/// by quadrature (`crossSectionWithISRFb`), the integral the signal MC estimates, so the
/// efficiency and this sigma refer to the same events (docs/physics/alp.md).
///
/// sigma is exactly g^2 x sigma(g = 1) at tree level, so the default translation
/// g = g_ref sqrt(sigma_lim / sigma(g_ref)) holds. The ALP is prompt at the couplings in
/// reach (decay length below 0.2 mm at g = 1e-3 GeV^-1 and m_a >= 0.2 GeV, docs/physics/alp.md).
public struct ALPSignalModel: SignalModel {
    public let couplingName = "g_agg"
    public let referenceCoupling = PhotonALPSampler.referenceCouplingInvGeV
    public let withISR: Bool

    public init(withISR: Bool = true) { self.withISR = withISR }

    public func productionCrossSectionFb(massGeV m: Double, couplingInvGeV g: Double) -> Double {
        let sampler = PhotonALPSampler(alpMass: m, couplingInvGeV: g, withISR: withISR)
        return withISR ? sampler.crossSectionWithISRFb() : sampler.alp.crossSectionFb(s: sampler.transform.s)
    }

    public func crossSectionFb(parameters: [String: Double], coupling: Double) throws -> Double {
        guard let m = parameters[ALPThreePhoton.massParameter] else {
            throw AnalysisError.invalidArgument("ALP signal model needs '\(ALPThreePhoton.massParameter)', got \(parameters)")
        }
        guard let range = ALPThreePhoton.standard.parameterRanges[ALPThreePhoton.massParameter], range.contains(m) else {
            throw AnalysisError.invalidArgument("ALP signal model: m_a = \(m) GeV outside the search's range 0.2-9.7 GeV")
        }
        guard coupling > 0 else { return 0 }
        return productionCrossSectionFb(massGeV: m, couplingInvGeV: coupling)
    }
}

extension ALPThreePhoton {
    /// The search with this package's signal model (what the suite runs).
    public static var standard: ALPThreePhoton { ALPThreePhoton(signalModel: ALPSignalModel()) }
}
