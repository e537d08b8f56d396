/// Composite Gauss-Legendre quadrature, for the one-dimensional integrals that give the
/// generators' total cross sections. Eight nodes per sub-interval; the error estimate is
/// the difference between n and n/2 sub-intervals.
public enum Quadrature {
    // Nodes and weights of the 8-point Gauss-Legendre rule on [-1, 1]
    // (Abramowitz and Stegun, Table 25.4).
    @usableFromInline static let nodes: [Double] = [
        -0.960_289_856_497_536_2, -0.796_666_477_413_626_7, -0.525_532_409_916_329_0, -0.183_434_642_495_649_8,
        0.183_434_642_495_649_8, 0.525_532_409_916_329_0, 0.796_666_477_413_626_7, 0.960_289_856_497_536_2,
    ]
    @usableFromInline static let weights: [Double] = [
        0.101_228_536_290_376_3, 0.222_381_034_453_374_5, 0.313_706_645_877_887_3, 0.362_683_783_378_362_0,
        0.362_683_783_378_362_0, 0.313_706_645_877_887_3, 0.222_381_034_453_374_5, 0.101_228_536_290_376_3,
    ]

    public static func integrate(_ a: Double, _ b: Double, intervals: Int = 64,
                                 _ f: (Double) -> Double) -> Double {
        let h = (b - a) / Double(intervals)
        var total = 0.0
        for i in 0..<intervals {
            let mid = a + (Double(i) + 0.5) * h
            var s = 0.0
            for k in 0..<8 { s += weights[k] * f(mid + 0.5 * h * nodes[k]) }
            total += s * 0.5 * h
        }
        return total
    }

    /// Integral with an error estimate (|I(n) - I(n/2)|).
    public static func integrateWithError(_ a: Double, _ b: Double, intervals: Int = 64,
                                          _ f: (Double) -> Double) -> (value: Double, error: Double) {
        let fine = integrate(a, b, intervals: intervals, f)
        let coarse = integrate(a, b, intervals: max(intervals / 2, 1), f)
        return (fine, abs(fine - coarse))
    }
}
