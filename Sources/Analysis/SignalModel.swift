/// A search's signal: cross section versus hypothesis parameters and coupling, and how a
/// cross-section limit becomes a coupling limit.
///
/// The default translation assumes sigma proportional to coupling^2 (true at tree level for
/// Z', dark photon and ALP production with fixed branching fractions):
/// g_lim = g_ref * sqrt(sigma_lim / sigma(g_ref)). Models where the width or branching
/// fractions depend on the coupling (long-lived S, eps^2 alpha_D) override `couplingLimit`.
public protocol SignalModel: Sendable {
    /// Name of the coupling the limit is quoted on, e.g. `g_prime`, `eps2_alphaD`.
    var couplingName: String { get }
    /// Coupling at which `crossSectionFb` is tabulated / generated.
    var referenceCoupling: Double { get }
    /// Production cross section times branching fraction into the searched final state, fb.
    func crossSectionFb(parameters: [String: Double], coupling: Double) throws -> Double
    /// Coupling excluded by a cross-section upper limit at this hypothesis.
    func couplingLimit(crossSectionLimitFb: Double, parameters: [String: Double]) throws -> Double
}

extension SignalModel {
    public func couplingLimit(crossSectionLimitFb: Double, parameters: [String: Double]) throws -> Double {
        let sigmaRef = try crossSectionFb(parameters: parameters, coupling: referenceCoupling)
        guard sigmaRef > 0, crossSectionLimitFb >= 0 else {
            throw AnalysisError.invalidArgument("coupling translation needs sigma(g_ref) > 0 and a non-negative limit (got \(sigmaRef), \(crossSectionLimitFb))")
        }
        return referenceCoupling * (crossSectionLimitFb / sigmaRef).squareRoot()
    }
}
