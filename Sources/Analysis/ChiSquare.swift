import Foundation

/// Upper-tail probability of the chi2 distribution, for control-sample shape comparisons.
///
/// Analysis does not depend on Statistics (built in parallel), so the regularised upper
/// incomplete gamma function Q(a, x) is implemented here: series for x < a + 1, Lentz's
/// continued fraction otherwise (Numerical Recipes, 3rd ed., section 6.2), to ~1e-14.
public enum ChiSquare {
    /// P(chi2_ndf >= chi2).
    public static func pValue(chi2: Double, ndf: Int) -> Double {
        guard ndf > 0 else { return .nan }
        if chi2 <= 0 { return 1 }
        return regularisedGammaQ(a: Double(ndf) / 2, x: chi2 / 2)
    }

    static func regularisedGammaQ(a: Double, x: Double) -> Double {
        let lnPrefactor = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var sum = 1 / a, term = sum, ap = a
            for _ in 0..<10_000 {
                ap += 1; term *= x / ap; sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(lnPrefactor))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(lnPrefactor) * h
    }
}
