/// The "signal model" of a model-independent search (`LimitQuantity.efficiencyTimesCrossSection`):
/// the quoted quantity is efficiency x cross section itself, in fb, so the coupling is that
/// visible cross section and the translation is the identity (not the sigma ~ g^2 default).
public struct VisibleCrossSectionModel: SignalModel, Hashable {
    public let couplingName = "efficiency_x_cross_section_fb"
    public let referenceCoupling = 1.0

    public init() {}

    public func crossSectionFb(parameters: [String: Double], coupling: Double) throws -> Double { coupling }

    public func couplingLimit(crossSectionLimitFb: Double, parameters: [String: Double]) throws -> Double {
        guard crossSectionLimitFb >= 0 else {
            throw AnalysisError.invalidArgument("a visible cross-section limit must be non-negative, got \(crossSectionLimitFb)")
        }
        return crossSectionLimitFb
    }
}
