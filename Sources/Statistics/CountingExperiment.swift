/// A single-bin counting experiment: n ~ Poisson(e * s + b).
///
/// The signal multiplier e (efficiency x luminosity, nominal 1 so that s is in events) and
/// the background b carry relative Gaussian uncertainties truncated at zero. All limit
/// calculators (Bayesian, CLs, Feldman-Cousins) take this one validated description so that
/// bad input is rejected in one place with one message.
public struct CountingExperiment: Sendable, Equatable {
    /// Observed number of events (a non-negative integer).
    public let observed: Int
    /// Expected background in events (nominal b0).
    public let background: Double
    /// Relative Gaussian uncertainty on the background (sigma_b / b0), 0 for none.
    public let backgroundRelativeUncertainty: Double
    /// Relative Gaussian uncertainty on the signal efficiency (sigma_e / 1), 0 for none.
    public let signalRelativeUncertainty: Double

    /// Validates and stores the inputs.
    /// - Throws: `StatisticsError.invalidArgument` for a negative background, a NaN, a
    ///   negative relative uncertainty, or a background uncertainty on a zero background.
    public init(observed: Int, background: Double, backgroundRelativeUncertainty: Double = 0,
                signalRelativeUncertainty: Double = 0) throws {
        guard observed >= 0 else {
            throw StatisticsError.invalidArgument(
                name: "observed", value: "\(observed)", reason: "a count must be a non-negative integer")
        }
        try StatisticsError.requireFinite(background, "background")
        try StatisticsError.requireFinite(backgroundRelativeUncertainty, "background relative uncertainty")
        try StatisticsError.requireFinite(signalRelativeUncertainty, "signal relative uncertainty")
        guard background >= 0 else {
            throw StatisticsError.invalidArgument(
                name: "background", value: "\(background)", reason: "expected background must be >= 0 events")
        }
        guard backgroundRelativeUncertainty >= 0 else {
            throw StatisticsError.invalidArgument(
                name: "background relative uncertainty", value: "\(backgroundRelativeUncertainty)",
                reason: "must be >= 0 (a fraction such as 0.1 for 10%)")
        }
        guard signalRelativeUncertainty >= 0 else {
            throw StatisticsError.invalidArgument(
                name: "signal relative uncertainty", value: "\(signalRelativeUncertainty)",
                reason: "must be >= 0 (a fraction such as 0.1 for 10%)")
        }
        if backgroundRelativeUncertainty > 0 && background <= 0 {
            throw StatisticsError.invalidArgument(
                name: "background", value: "\(background)",
                reason: "a relative background uncertainty needs a positive background; "
                    + "set the uncertainty to 0 or give the expected background")
        }
        self.observed = observed
        self.background = background
        self.backgroundRelativeUncertainty = backgroundRelativeUncertainty
        self.signalRelativeUncertainty = signalRelativeUncertainty
    }

    /// Accepts the observed count as a floating-point number (as read from JSON or a command
    /// line) and rejects anything that is not a non-negative integer.
    public init(observedCount: Double, background: Double, backgroundRelativeUncertainty: Double = 0,
                signalRelativeUncertainty: Double = 0) throws {
        guard observedCount.isFinite, observedCount >= 0, observedCount.rounded() == observedCount,
              observedCount < Double(Int32.max) else {
            throw StatisticsError.invalidArgument(
                name: "observed", value: "\(observedCount)", reason: "a count must be a non-negative integer")
        }
        try self.init(observed: Int(observedCount), background: background,
                      backgroundRelativeUncertainty: backgroundRelativeUncertainty,
                      signalRelativeUncertainty: signalRelativeUncertainty)
    }
}
