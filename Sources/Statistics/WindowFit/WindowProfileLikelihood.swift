import Foundation

/// Profile-likelihood ratios of one window (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011)
/// 1554), computed as the suite's HistFactory fits do (`ProfileLikelihood`): twice the NLL
/// difference, clipped at 0.
///
/// - `profileCurve(mu)`: -2 ln lambda(mu) = 2 [NLL(mu, theta_hat_mu) - NLL(mu_hat, theta_hat)] with
///   mu_hat free (negative allowed while every lambda_i > 0): the curve a fit's interval is read from.
/// - `qmuTilde(mu)`: the same with mu_hat >= 0, and 0 when mu_hat > mu (upper limits).
/// - `q0`: at mu = 0 with mu_hat >= 0 (0 for a deficit): discovery.
/// Conditional fits start from the previous one (a scan in mu costs a few Newton steps each),
/// so an instance belongs to one thread.
public final class WindowProfileLikelihood {
    public let model: WindowModel
    /// The fit with mu free (only lambda > 0 bounds it).
    public let freeFit: WindowFitResult
    /// The fit with mu >= 0.
    public let boundedFit: WindowFitResult
    let fitter: WindowFitter
    private var warmStart: [Double]

    public init(model: WindowModel) throws {
        self.model = model
        fitter = WindowFitter(model: model)
        let backgroundOnly = try fitter.fit(fixedMu: 0, what: "background-only window fit")
        freeFit = try fitter.fit(start: backgroundOnly.parameters, what: "window fit (mu free)")
        boundedFit = freeFit.mu >= 0 ? freeFit
            : try fitter.fit(start: backgroundOnly.parameters, muLowerBound: 0, what: "window fit (mu >= 0)")
        warmStart = boundedFit.parameters
    }

    /// The fit with mu fixed.
    public func conditionalFit(mu: Double) throws -> WindowFitResult {
        let fit = try fitter.fit(start: warmStart, fixedMu: mu, what: "window fit with mu fixed at \(mu)")
        warmStart = fit.parameters
        return fit
    }

    /// -2 ln lambda(mu) against the free fit.
    public func profileCurve(mu: Double) throws -> Double {
        max(try conditionalFit(mu: mu).twiceNLL - freeFit.twiceNLL, 0)
    }

    /// q~_mu (0 when the bounded best fit lies above mu).
    public func qmuTilde(mu: Double) throws -> Double {
        if boundedFit.mu > mu { return 0 }
        return max(try conditionalFit(mu: mu).twiceNLL - boundedFit.twiceNLL, 0)
    }

    /// q0 (0 when the bounded best fit is mu = 0).
    public func q0() throws -> Double {
        if boundedFit.mu <= 0 { return 0 }
        return max(try conditionalFit(mu: 0).twiceNLL - boundedFit.twiceNLL, 0)
    }

    /// sign(mu_hat) sqrt(-2 ln lambda(0)) with mu_hat free: a deficit shows as a negative Z.
    public func signedSignificance() throws -> Double {
        let z = try profileCurve(mu: 0).squareRoot()
        return freeFit.mu < 0 ? -z : z
    }
}
