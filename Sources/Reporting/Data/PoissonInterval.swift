import CGSL
import Foundation

/// The Garwood (1936) central confidence interval for a Poisson mean given an observed count,
/// which mplhep and the Belle II/ATLAS/CMS statistics committees use for data error bars:
/// `lower = Q^-1(n, 1 - a)` and `upper = Q^-1(n + 1, a)` with `a = (1 - CL) / 2`, i.e.
/// `chi2_{a}(2n)/2` and `chi2_{1-a}(2n+2)/2`; `lower = 0` for `n = 0`. For 68.27% CL and
/// n = 0, 1, 10 it gives [0, 1.841], [0.173, 3.300], [6.891, 14.267] (scipy's chi2.ppf).
///
/// The quantiles are GSL's inverse gamma CDF (`gsl_cdf_gamma_Pinv`, shape n or n + 1, scale 1).
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
        let lower = count > 0 ? gsl_cdf_gamma_Pinv(a, count, 1) : 0
        let upper = gsl_cdf_gamma_Pinv(1 - a, count + 1, 1)
        return (lower, upper)
    }
}
