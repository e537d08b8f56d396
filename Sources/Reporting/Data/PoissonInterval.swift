import Foundation

/// The Garwood (1936) central confidence interval for a Poisson mean given an observed count,
/// which mplhep and the Belle II/ATLAS/CMS statistics committees use for data error bars:
/// `lower = Q^-1(n, 1 - a)` and `upper = Q^-1(n + 1, a)` with `a = (1 - CL) / 2`, i.e.
/// `chi2_{a}(2n)/2` and `chi2_{1-a}(2n+2)/2`; `lower = 0` for `n = 0`. For 68.27% CL and
/// n = 0, 1, 10 it gives [0, 1.841], [0.173, 3.300], [6.891, 14.267] (scipy's chi2.ppf).
///
/// Written here because Reporting depends on nothing of ours (the Statistics module has
/// the same special functions for the limits).
public enum PoissonInterval {
    /// One-sigma central coverage, 0.6827.
    public static let oneSigma = 0.682689492137086

    /// (lower, upper) bounds on the Poisson mean for `count` observed events. Non-integer
    /// counts (a weighted sample) use the same formula with the continuous gamma function.
    public static func garwood(_ count: Double, confidenceLevel cl: Double = oneSigma) -> (lower: Double, upper: Double) {
        guard count.isFinite, count >= 0 else { return (.nan, .nan) }
        let a = (1 - cl) / 2
        // Prob(N >= n | mu_low) = P(n, mu_low) = a and Prob(N <= n | mu_up) = 1 - P(n + 1, mu_up) = a,
        // with P the regularised lower incomplete gamma function.
        let lower = count > 0 ? solve(shape: count, lowerGamma: a) : 0
        let upper = solve(shape: count + 1, lowerGamma: 1 - a)
        return (lower, upper)
    }

    /// The mu with P(shape, mu) = target, by bisection (P increases with mu).
    static func solve(shape s: Double, lowerGamma target: Double) -> Double {
        var lo = 0.0, hi = max(10.0, 2 * s + 20)
        while regularisedLowerGamma(s, hi) < target { hi *= 2 }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if regularisedLowerGamma(s, mid) < target { lo = mid } else { hi = mid }
            if hi - lo <= 1e-12 * max(1, hi) { break }
        }
        return 0.5 * (lo + hi)
    }

    /// P(s, x), by its series for x < s + 1 and by the continued fraction of Q otherwise
    /// (Numerical Recipes, section 6.2).
    static func regularisedLowerGamma(_ s: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let logPrefactor = s * log(x) - x - lgamma(s)
        if x < s + 1 {
            var term = 1 / s, sum = term, n = s
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return sum * exp(logPrefactor)
        }
        let tiny = 1e-300
        var b = x + 1 - s, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - s)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return 1 - exp(logPrefactor) * h
    }
}
