/// The figure of merit along each tunable cut through the chosen thresholds, kept so that a
/// reader can see how sharp the Punzi optimum of a mass hypothesis is and whether the chosen
/// cut (regularised or not) sits on it.
///
/// One profile per tunable cut: the training-half FOM at every value of that cut's grid with
/// the other cuts at their chosen thresholds. That is the sum of the grid sizes, not their
/// product, so it stays small; a scan of thousands of windows keeps it only for its showcase
/// windows (`OptimiseStage`).
public struct PunziScan: Sendable, Hashable, Codable {
    public struct Profile: Sendable, Hashable, Codable {
        /// The tunable cut's name (`window_scale` for the signal region's size).
        public var cut: String
        /// The observable the cut reads (`<region radius>` for the window scale).
        public var observable: String
        /// The cut's grid values, as scanned.
        public var thresholds: [Double]
        /// Training FOM at each grid value.
        public var fom: [Double]
        /// The threshold the optimisation chose (after any regularisation).
        public var chosen: Double

        public init(cut: String, observable: String, thresholds: [Double], fom: [Double], chosen: Double) {
            self.cut = cut
            self.observable = observable
            self.thresholds = thresholds
            self.fom = fom
            self.chosen = chosen
        }
    }

    public var profiles: [Profile]
    /// Punzi's a (sigmas in the denominator) the FOM was computed with.
    public var a: Double

    public init(profiles: [Profile], a: Double) {
        self.profiles = profiles
        self.a = a
    }

    public func profile(_ cut: String) -> Profile? { profiles.first { $0.cut == cut } }
}
