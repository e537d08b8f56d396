/// Poisson distribution functions other modules need (the Bayesian calculator's expected
/// bands), valid for any mean: the direct sum exp(-mu) sum mu^k/k! underflows for mu > ~745.
public enum PoissonDistribution {
    /// P(N <= n | mean).
    public static func cdf(_ n: Int, mean: Double) -> Double {
        n < 0 ? 0 : SpecialFunctions.poissonCDF(n, mean)
    }

    /// Smallest n with P(N <= n | mean) >= q, by bisection on n (O(log mean) CDF calls).
    public static func quantile(_ q: Double, mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        var lo = -1, hi = Int(mean + 20 * mean.squareRoot() + 20)
        while cdf(hi, mean: mean) < q { hi *= 2 }
        // Invariant: cdf(lo) < q <= cdf(hi).
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if cdf(mid, mean: mean) >= q { hi = mid } else { lo = mid }
        }
        return hi
    }
}
