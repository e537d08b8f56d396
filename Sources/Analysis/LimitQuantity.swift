/// What a search's limits are quoted on.
///
/// Most searches have a signal model, so a limit on the signal yield becomes a limit on
/// sigma x BF through the efficiency measured on signal MC, and then on a coupling. A search
/// without a model (the lepton-flavour-violating e mu channel of PRL 124 (2020) 141801)
/// quotes the yield limit divided by the luminosity alone: a limit on efficiency x cross
/// section, which any model can be confronted with after folding in its own efficiency.
/// Signal MC then only guides the selection (window sizes, Punzi cuts).
public enum LimitQuantity: String, Sendable, Hashable, Codable {
    /// sigma x BF of the search's signal model, with the efficiency from signal MC.
    case crossSection = "cross_section"
    /// Efficiency x cross section, model-independent: the limit uses efficiency 1 and keeps
    /// only the efficiency-type systematics (trigger, tracking, particle ID) as a relative
    /// uncertainty on the signal yield, as the 2020 paper did.
    case efficiencyTimesCrossSection = "efficiency_x_cross_section"
}
