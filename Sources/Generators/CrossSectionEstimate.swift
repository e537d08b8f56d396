/// A cross section with its Monte Carlo uncertainty, as a generator computes it.
///
/// `valueFb` is the cross section *after* the process's generator-level acceptance and the
/// sample's filter, in fb; `uncertaintyFb` its statistical (MC) error, one standard
/// deviation. `acceptance` says in words what was required, so that a number in a report
/// is never separated from its phase space.
public struct CrossSectionEstimate: Sendable, Codable, Hashable {
    public var process: String
    public var valueFb: Double
    public var uncertaintyFb: Double
    public var acceptance: String
    /// Number of MC trials the estimate used (0 for a pure quadrature).
    public var trials: Int
    /// Fraction of trials that passed the acceptance and filter.
    public var efficiency: Double

    public init(process: String, valueFb: Double, uncertaintyFb: Double, acceptance: String,
                trials: Int, efficiency: Double) {
        self.process = process
        self.valueFb = valueFb
        self.uncertaintyFb = uncertaintyFb
        self.acceptance = acceptance
        self.trials = trials
        self.efficiency = efficiency
    }

    public var valueNb: Double { valueFb * 1e-6 }
    public var uncertaintyNb: Double { uncertaintyFb * 1e-6 }
    public var relativeUncertainty: Double { valueFb > 0 ? uncertaintyFb / valueFb : 0 }
}
