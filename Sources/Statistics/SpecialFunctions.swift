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
    /// Three regimes, so that no count the command line accepts (n < 2^31) can fail:
    /// - moderate integer n: the finite sum exp(-x) sum_k x^k / k! has only positive terms
    ///   (no cancellation) and is several times faster than the general GSL routine; that
    ///   matters because the Bayesian limit evaluates it ~10^4 times per call;
    /// - n < `uniformAsymptoticThreshold`: GSL's `gsl_sf_gamma_inc_Q_e` (continued fraction or
    ///   series), its status checked;
    /// - larger n: Temme's uniform asymptotic expansion (`gammaQUniformAsymptotic`). GSL's own
    ///   dispatch sends x > 10^6 to a large-x series that stops with GSL_EMAXITER when x is
    ///   within a few sqrt(n) of n, which is exactly where a limit on 10^6 events lies (this
    ///   was the abort of issue #14).
    /// Should GSL report an error below the threshold, the expansion's value is returned: its
    /// error there is O(n^-2) relative to the Poisson density (< 1e-12), see the tests.
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
        let a = Double(n) + 1
        if n >= uniformAsymptoticThreshold { return gammaQUniformAsymptotic(a: a, x: x) }
        _ = GSLSetup.ready   // never GSL's aborting default handler
        var result = gsl_sf_result()
        let status = gsl_sf_gamma_inc_Q_e(a, x, &result)
        if status != GSL_SUCCESS || !result.val.isFinite {
            _ = GSLErrorHandler.takeFailure()   // handled here: do not leave it for a later check
            return gammaQUniformAsymptotic(a: a, x: x)
        }
        return result.val
    }

    /// Counts from which `poissonCDF` uses the uniform asymptotic expansion instead of GSL.
    /// At n = 10^5 the expansion's truncation error (the omitted c2 / a^2 term times the
    /// Poisson density, ~1e-15) is already below double-precision rounding of GSL's result.
    static let uniformAsymptoticThreshold = 100_000

    /// Q(a, x) by Temme's uniform asymptotic expansion (N. M. Temme, SIAM J. Math. Anal. 10
    /// (1979) 757; DLMF 8.12.3-8.12.4), to first order in 1/a:
    ///   Q = erfc(eta sqrt(a/2)) / 2 + exp(-a eta^2 / 2) / sqrt(2 pi a) (c0(eta) + c1(eta) / a),
    /// with lambda = x / a and eta^2 / 2 = lambda - 1 - log(lambda) (sign of lambda - 1).
    /// Uniform in x: the relative error is O(a^-2) from the bulk to the far tails, in O(1)
    /// operations (a continued fraction needs O(sqrt(a)) terms near x = a). The formulas and
    /// the small-eps series for c0, c1 are those of GSL's internal gamma_inc_Q_asymp_unif,
    /// which GSL only uses for (x - a)^2 < a.
    static func gammaQUniformAsymptotic(a: Double, x: Double) -> Double {
        let rootA = a.squareRoot()
        let eps = (x - a) / a
        let lnTerm = gsl_sf_log_1plusx_mx(eps)          // log(1 + eps) - eps <= 0
        let eta = (eps < 0 ? -1.0 : 1.0) * (-2 * lnTerm).squareRoot()
        let c0: Double, c1: Double
        if abs(eps) < 7.4009597974140505e-04 {          // GSL_ROOT5_DBL_EPSILON
            c0 = -1.0 / 3.0 + eps * (1.0 / 12.0 - eps * (23.0 / 540.0 - eps * (353.0 / 12960.0 - eps * 589.0 / 30240.0)))
            c1 = -1.0 / 540.0 - eps / 288.0
        } else {
            let rtTerm = (-2 * lnTerm / (eps * eps)).squareRoot()   // eta / eps
            let lambda = x / a
            c0 = (1 - 1 / rtTerm) / eps
            let eta3 = eta * eta * eta, eps3 = eps * eps * eps
            c1 = -(eta3 * (lambda * lambda + 10 * lambda + 1) - 12 * eps3) / (12 * eta3 * eps3)
        }
        let r = exp(-0.5 * a * eta * eta) / (2.5066282746310002 * rootA) * (c0 + c1 / a)
        return min(1, max(0, 0.5 * erfc(eta * rootA / 2.squareRoot()) + r))
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
