import Foundation

/// The signal of a window fit, as expected events per bin at signal strength mu = 1.
///
/// - `binned`: a template from simulation, already in the window's bins (the caller fills it
///   from its signal MC, with whatever mass-dependent resolution that simulation has); mu then
///   scales that expectation (e.g. mu = 1 at a reference coupling).
/// - `gaussian`: a peak of unit area with the caller's resolution at this mass; mu is the
///   number of signal events (the tails outside the window included), so the window's share
///   of the peak is accounted for.
public enum WindowSignalShape: Sendable, Equatable {
    case binned([Double])
    case gaussian(mean: Double, sigma: Double)

    /// Expected events per bin of [lower[i], upper[i]] at mu = 1.
    func expected(lower: [Double], upper: [Double]) throws -> [Double] {
        switch self {
        case let .binned(values):
            guard values.count == lower.count else {
                throw StatisticsError.invalidArgument(
                    name: "binned signal template", value: "\(values.count) bins",
                    reason: "must have one value per window bin (\(lower.count))")
            }
            for v in values { try StatisticsError.requireFinite(v, "signal template value") }
            guard values.contains(where: { $0 > 0 }), !values.contains(where: { $0 < 0 }) else {
                throw StatisticsError.invalidArgument(name: "binned signal template", value: "\(values)",
                                                      reason: "needs non-negative values, at least one positive")
            }
            return values
        case let .gaussian(mean, sigma):
            guard mean.isFinite, sigma.isFinite, sigma > 0 else {
                throw StatisticsError.invalidArgument(name: "gaussian signal", value: "mean \(mean), sigma \(sigma)",
                                                      reason: "needs a finite mean and a positive width")
            }
            // Upper-tail differences above the mean keep precision in the far tail.
            return zip(lower, upper).map { lo, hi in
                let a = (lo - mean) / sigma, b = (hi - mean) / sigma
                return a >= 0 ? SpecialFunctions.normalSurvival(a) - SpecialFunctions.normalSurvival(b)
                              : SpecialFunctions.normalCDF(b) - SpecialFunctions.normalCDF(a)
            }
        }
    }
}
