import CGSL
import Foundation

/// Probability helpers shared by the limit calculators. They are thin wrappers over GSL
/// special functions, kept in one place so the numerically delicate choices (log-space
/// Poisson terms, the stable upper incomplete gamma sum) are made once.
enum SpecialFunctions {
    /// log Poisson(n | lambda) with continuous n (pyhf's convention: lgamma(n + 1)).
    @inline(__always)
    static func logPoisson(_ n: Double, _ lambda: Double) -> Double {
        if lambda <= 0 { return n == 0 ? 0 : -.infinity }
        return n * log(lambda) - lambda - logFactorial(n)
    }

    /// log Gamma(n + 1), tabulated for integer n < 1024 (the FC construction and toys call it
    /// millions of times with integer arguments).
    @inline(__always)
    static func logFactorial(_ n: Double) -> Double {
        if n >= 0 && n < 1024, n == n.rounded(.down) { return logFactorialTable[Int(n)] }
        return lgamma(n + 1)
    }

    private static let logFactorialTable: [Double] = (0..<1024).map { lgamma(Double($0) + 1) }

    /// Regularised upper incomplete gamma Q(n + 1, x) = P(N <= n | Poisson mean x).
    ///
    /// For moderate integer n the finite sum exp(-x) sum_k x^k / k! has only positive terms
    /// (no cancellation) and is several times faster than the general GSL routine; that
    /// matters because the Bayesian limit evaluates it ~10^4 times per call.
    @inline(__always)
    static func poissonCDF(_ n: Int, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        if n <= 150 && x < 600 {
            var term = exp(-x)
            var sum = term
            if n > 0 {
                reciprocals.withUnsafeBufferPointer { inverse in
                    for k in 1...n {
                        term *= x * inverse[k]   // multiply by 1/k: no division latency chain
                        sum += term
                    }
                }
            }
            return min(sum, 1)
        }
        return gsl_sf_gamma_inc_Q(Double(n + 1), x)
    }

    private static let reciprocals: [Double] = (0...150).map { $0 == 0 ? 0 : 1 / Double($0) }

    /// Standard normal CDF.
    @inline(__always) static func normalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }
    /// Standard normal upper tail 1 - Phi(x), accurate far in the tail.
    @inline(__always) static func normalSurvival(_ x: Double) -> Double { gsl_cdf_ugaussian_Q(x) }
    /// Inverse of the standard normal CDF.
    @inline(__always) static func normalQuantile(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }
    /// Z such that 1 - Phi(Z) = p (the one-sided significance of a p-value).
    @inline(__always) static func significance(pValue p: Double) -> Double { gsl_cdf_ugaussian_Qinv(p) }
    /// Standard normal density.
    @inline(__always) static func normalDensity(_ x: Double) -> Double {
        0.3989422804014327 * exp(-0.5 * x * x)
    }
}

/// Brent's method (inverse quadratic interpolation with bisection safeguard) on a bracket.
///
/// Written in Swift rather than via `gsl_root_fsolver` so that the objective may throw
/// (each evaluation of a CLs curve runs fits that can fail).
enum RootFinder {
    static func brent(_ a0: Double, _ b0: Double, absoluteTolerance: Double = 1e-12,
                      relativeTolerance: Double = 1e-10, maxIterations: Int = 200, what: String,
                      fa fa0: Double? = nil, fb fb0: Double? = nil,
                      _ f: (Double) throws -> Double) throws -> Double {
        var a = a0, b = b0
        var fa = try fa0 ?? f(a)
        var fb = try fb0 ?? f(b)
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard fa.sign != fb.sign, fa.isFinite, fb.isFinite else {
            throw StatisticsError.rootNotBracketed(what: what, lower: a0, upper: b0)
        }
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<maxIterations {
            if fb.sign == fc.sign { c = a; fc = fa; d = b - a; e = d }
            if abs(fc) < abs(fb) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa }
            let tol = 2 * Double.ulpOfOne * abs(b) + 0.5 * max(absoluteTolerance, relativeTolerance * abs(b))
            let m = 0.5 * (c - b)
            if abs(m) <= tol || fb == 0 { return b }
            if abs(e) >= tol && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * m * s; q = 1 - s
                } else {
                    let qq = fa / fc, r = fb / fc
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1))
                    q = (qq - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
                    e = d; d = p / q
                } else { d = m; e = m }
            } else { d = m; e = m }
            a = b; fa = fb
            b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
            fb = try f(b)
            guard fb.isFinite else {
                throw StatisticsError.fitDidNotConverge(what: what, detail: "objective is not finite at \(b)")
            }
        }
        return b
    }
}
