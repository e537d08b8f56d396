import Foundation

/// Global significance of the largest local excess in a scan (look-elsewhere effect).
///
/// - `grossVitells`: Gross and Vitells, EPJC 70 (2010) 525. For a test statistic that is
///   locally chi2 with 1 dof (q0 = Z^2), the global p-value of a maximum u is bounded (and
///   well approximated at large u) by p_global(u) = p_local(u) + <N(u0)> exp(-(u - u0)/2),
///   where <N(u0)> is the mean number of upcrossings of a low reference level u0, cheap to
///   estimate from a few background-only scans.
/// - `globalPValueByToys`: brute force; the fraction of background-only scans whose
///   smallest local p-value is at least as small as the observed one.
public enum LookElsewhere {
    /// One-sided local p-value of q0 (= Z^2): p = 1 - Phi(sqrt(q0)).
    public static func localPValue(q0: Double) -> Double {
        SpecialFunctions.normalSurvival(max(q0, 0).squareRoot())
    }

    /// Number of upcrossings of `level` in one scan of q0 values (ordered along the scan).
    public static func upcrossings(_ scan: [Double], level: Double) -> Int {
        guard scan.count > 1 else { return 0 }
        var count = 0
        for i in 1..<scan.count where scan[i - 1] < level && scan[i] >= level { count += 1 }
        return count
    }

    /// Mean number of upcrossings of `level` over several background-only scans.
    public static func meanUpcrossings(scans: [[Double]], level: Double) throws -> Double {
        guard !scans.isEmpty else {
            throw StatisticsError.invalidArgument(name: "scans", value: "[]", reason: "give at least one background-only scan")
        }
        return Double(scans.reduce(0) { $0 + upcrossings($1, level: level) }) / Double(scans.count)
    }

    /// Gross-Vitells global p-value for the observed maximum q0 = `maxQ0`, given the mean
    /// number of upcrossings `meanUpcrossings` of the reference level `referenceLevel` (u0).
    public static func grossVitells(maxQ0 u: Double, referenceLevel u0: Double,
                                    meanUpcrossings n0: Double) throws -> Double {
        try StatisticsError.requireFinite(u, "maxQ0")
        try StatisticsError.requireFinite(u0, "referenceLevel")
        guard n0 >= 0, n0.isFinite else {
            throw StatisticsError.invalidArgument(name: "meanUpcrossings", value: "\(n0)", reason: "must be >= 0")
        }
        return min(1, localPValue(q0: u) + n0 * exp(-(u - u0) / 2))
    }

    /// Brute-force global p-value: `generator` produces the local p-values of one
    /// background-only scan from a random stream; the global p-value is the fraction of
    /// `toys` scans whose minimum local p-value is <= `observedMinimumPValue`.
    public static func globalPValueByToys(observedMinimumPValue: Double, toys: Int, seed: UInt = 1,
                                          generator: (MersenneTwister) throws -> [Double]) throws -> Double {
        guard toys > 0 else {
            throw StatisticsError.invalidArgument(name: "toys", value: "\(toys)", reason: "must be positive")
        }
        let rng = MersenneTwister(seed: seed)
        var hits = 0
        for _ in 0..<toys {
            let local = try generator(rng)
            if let minimum = local.min(), minimum <= observedMinimumPValue { hits += 1 }
        }
        return Double(hits) / Double(toys)
    }
}
