import CGSL
import Foundation

/// Bayesian credible upper limit on the signal s of a counting experiment (as Belle II
/// quoted with BAT): flat prior on s in [0, s_max]; the efficiency e and background b are
/// Gaussian nuisances truncated at zero and marginalised.
///
/// Why it is fast and exact: for fixed (e, b) the integral over s has a closed form,
///   Int_0^S Poisson(n | s e + b) ds = [Q(n+1, b) - Q(n+1, S e + b)] / e,
/// with Q the regularised upper incomplete gamma function. The posterior CDF is therefore
/// a 2D integral over (e, b) (1D with one nuisance, closed form with none), done with
/// nested adaptive Gauss-Kronrod quadrature (GSL QAG, 61-point rule) over +-8 sigma
/// (cut at zero), and the limit is the root of CDF(S) = CL found by a secant/Brent search
/// started from the closed-form no-uncertainty solution. The truncated-Gaussian
/// normalisations cancel in the ratio CDF(S) / CDF(s_max).
///
/// About s_max: with an efficiency uncertainty the posterior has a 1/s tail (from e near
/// 0), so the limit depends on s_max when r_s is large (not at r_s <= 0.2). The default is
/// documented in `defaultSMax`.
public enum BayesianUpperLimit {
    /// Default upper end of the flat prior: 500 events (the convention of the scipy reference
    /// in Tests/Fixtures/statistics), raised to 10 (n + b + 10 sqrt(n + b + 1) + 10) for large
    /// counts so that it stays far above any limit. With r_s <= 0.1 the limit does not depend
    /// on it (< 1e-9); at r_s = 0.2 halving or doubling it moves the limit by ~1e-5.
    public static func defaultSMax(_ experiment: CountingExperiment) -> Double {
        let nb = Double(experiment.observed) + experiment.background
        return max(500, 10 * (nb + 10 * (nb + 1).squareRoot() + 10))
    }

    /// Upper limit on s (events) at credibility `cl`.
    /// - Throws: `StatisticsError` for invalid inputs or a failed integral.
    public static func compute(observed: Int, background: Double,
                               backgroundRelativeUncertainty: Double = 0,
                               signalRelativeUncertainty: Double = 0,
                               cl: Double = 0.9, sMax: Double? = nil) throws -> Double {
        let experiment = try CountingExperiment(
            observed: observed, background: background,
            backgroundRelativeUncertainty: backgroundRelativeUncertainty,
            signalRelativeUncertainty: signalRelativeUncertainty)
        return try compute(experiment, cl: cl, sMax: sMax)
    }

    /// Upper limit on s (events) at credibility `cl` for a validated experiment.
    public static func compute(_ experiment: CountingExperiment, cl: Double = 0.9,
                               sMax: Double? = nil) throws -> Double {
        try StatisticsError.requireConfidenceLevel(cl)
        let smax = sMax ?? defaultSMax(experiment)
        guard smax.isFinite, smax > 0 else {
            throw StatisticsError.invalidArgument(name: "sMax", value: "\(smax)",
                                                  reason: "the prior range must be positive and finite")
        }
        let n = experiment.observed
        let b0 = experiment.background
        let rb = experiment.backgroundRelativeUncertainty
        let rs = experiment.signalRelativeUncertainty

        // Closed form without nuisances: Q(n+1, s + b) = (1 - CL) Q(n+1, b) + CL Q(n+1, smax + b).
        let nominal = try closedForm(n: n, b: b0, cl: cl, sMax: smax)
        if rb == 0 && rs == 0 { return nominal }

        let posterior = try MarginalisedCDF(n: n, b0: b0, rb: rb, rs: rs)
        let norm = try posterior.unnormalised(smax)
        guard norm > 0 else {
            throw StatisticsError.integrationFailed(what: "Bayesian posterior normalisation",
                                                    detail: "zero posterior mass; check the inputs")
        }
        let f: (Double) throws -> Double = { s in try posterior.unnormalised(s) / norm - cl }
        // Secant steps from the closed-form start; fall back to a bracketed Brent search.
        var s0 = nominal, f0 = try f(s0)
        // Second point: a Newton step using the no-uncertainty posterior density at s0, which
        // is close to the marginalised one; this saves about one nested integral.
        let nominalDensity = exp(SpecialFunctions.logPoisson(Double(n), s0 + b0))
            / (SpecialFunctions.poissonCDF(n, b0) - SpecialFunctions.poissonCDF(n, smax + b0))
        var s1 = s0 - f0 / nominalDensity
        if !(s1 > 0 && s1 < smax && s1.isFinite && abs(s1 - s0) > 1e-9 * s0) {
            s1 = nominal * (1 + 0.5 * (rs * rs + 0.1 * rb)) + 1e-3
        }
        var f1 = try f(s1)
        for _ in 0..<30 {
            if abs(f1) < 1e-12 { return s1 }   // CDF residual: limit error ~1e-12 / posterior density
            let denom = f1 - f0
            guard denom != 0 else { break }
            let s2 = s1 - f1 * (s1 - s0) / denom
            guard s2 > 0, s2 < smax, s2.isFinite else { break }
            s0 = s1; f0 = f1; s1 = s2; f1 = try f(s1)
            if abs(s1 - s0) <= 1e-9 * s1 { return s1 }
        }
        // Robust fallback: bracket and Brent.
        var lo = 0.0, hi = max(nominal, 1.0)
        var fhi = try f(hi)
        while fhi < 0 {
            lo = hi; hi *= 2
            guard hi < smax else { hi = smax; fhi = try f(hi); break }
            fhi = try f(hi)
        }
        return try RootFinder.brent(lo, hi, relativeTolerance: 1e-11, what: "Bayesian upper limit",
                                    fa: -cl, fb: fhi, f)
    }

    /// Closed-form limit with no nuisances (including the finite prior range).
    static func closedForm(n: Int, b: Double, cl: Double, sMax: Double) throws -> Double {
        let qb = SpecialFunctions.poissonCDF(n, b)
        let qmax = SpecialFunctions.poissonCDF(n, sMax + b)
        let target = (1 - cl) * qb + cl * qmax
        // Q(n+1, x) decreases in x: solve Q(n+1, x) = target for x > b.
        // Bracket above b in steps of the Poisson width, doubling: for n ~ b ~ 10^4 (a
        // 79.7 fb^-1 projection) the root lies ~2 sqrt(n) above b, and a bracket of 2(b + n)
        // would reach x where the Poisson CDF underflows to zero (log -> -infinity).
        var lo = b, step = 10 * (Double(n) + 1).squareRoot() + 10
        var hi = max(b, Double(n)) + step
        while SpecialFunctions.poissonCDF(n, hi) > target { lo = hi; step *= 2; hi = lo + step }
        let x = try RootFinder.brent(lo, hi, absoluteTolerance: 1e-14, relativeTolerance: 1e-14,
                                     what: "closed-form Bayesian limit") {
            // Work in log space: target can be tiny for large b.
            log(SpecialFunctions.poissonCDF(n, $0)) - log(target)
        }
        return x - b
    }
}

/// The unnormalised posterior CDF
///   G(S) = Int dw phi(w) [A - I(S e(w))] / e(w),  I(c) = Int dz phi(z) Q(n+1, c + b(z)),
/// with A = I(0) computed once: the Q(n+1, b) term does not depend on S or e, which halves the
/// work per node. For S e -> 0 the difference is replaced by its first-order term
/// S e Int phi(z) Poisson(n | b(z)) dz to avoid cancellation.
/// One instance owns its GSL workspaces (two levels of nesting need two).
private final class MarginalisedCDF {
    let n: Int
    let b0: Double, rb: Double, rs: Double
    let outer = AdaptiveQuadrature(relativeTolerance: 1e-10, absoluteTolerance: 1e-15)
    let inner = AdaptiveQuadrature(relativeTolerance: 1e-11, absoluteTolerance: 1e-16)
    /// Standard-normal ranges: +-8 sigma, cut where e or b would become negative.
    let zbRange: (Double, Double)
    let zeRange: (Double, Double)
    /// A = I(0) and D = Int phi(z) Poisson(n | b(z)) dz (the slope of I at c = 0).
    private(set) var a = 0.0
    private(set) var slope = 0.0

    init(n: Int, b0: Double, rb: Double, rs: Double) throws {
        self.n = n; self.b0 = b0; self.rb = rb; self.rs = rs
        zbRange = rb > 0 ? (max(-8, -1 / rb), 8) : (0, 0)
        zeRange = rs > 0 ? (max(-8, -1 / rs), 8) : (0, 0)
        a = try overB(0)
        let nn = Double(n)
        if rb > 0 {
            let (b0, rb) = (b0, rb)
            slope = try inner.integrate(zbRange.0, zbRange.1, what: "Bayesian posterior (background)") { z in
                SpecialFunctions.normalDensity(z) * exp(SpecialFunctions.logPoisson(nn, b0 * (1 + rb * z)))
            }
        } else {
            slope = exp(SpecialFunctions.logPoisson(nn, b0))
        }
    }

    /// I(c) = Int phi(z) Q(n+1, c + b(z)) dz (or Q(n+1, c + b0) without a background uncertainty).
    func overB(_ c: Double) throws -> Double {
        let (n, b0, rb) = (n, b0, rb)
        guard rb > 0 else { return SpecialFunctions.poissonCDF(n, c + b0) }
        // The integrand is at most Q(n+1, c + b at -8 sigma): when that is negligible against
        // A (large c, e.g. for the normalisation at s_max), the integral is 0 to double precision.
        if SpecialFunctions.poissonCDF(n, c + b0 * (1 + rb * zbRange.0)) < 1e-18 * max(a, 1e-300) { return 0 }
        return try inner.integrate(zbRange.0, zbRange.1, what: "Bayesian posterior (background)") { z in
            SpecialFunctions.normalDensity(z) * SpecialFunctions.poissonCDF(n, c + b0 * (1 + rb * z))
        }
    }

    /// [A - I(S e)] / e.
    func kernel(_ s: Double, _ e: Double) throws -> Double {
        let c = s * e
        if c < 1e-7 * (b0 + 1) { return s * slope }
        return (a - (try overB(c))) / e
    }

    func unnormalised(_ s: Double) throws -> Double {
        guard rs > 0 else { return try kernel(s, 1) }
        var failure: Error?
        let rs = rs
        let value = try outer.integrate(zeRange.0, zeRange.1, what: "Bayesian posterior (efficiency)") { w in
            do {
                return SpecialFunctions.normalDensity(w) * (try self.kernel(s, 1 + rs * w))
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return value
    }
}
