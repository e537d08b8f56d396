import XCTest
@testable import Generators

final class RandomStreamTests: XCTestCase {
    /// Same (seed, stream) gives the same sequence; different streams differ.
    func testReproducibleIndependentStreams() {
        let a = RandomStream(seed: 42, stream: 3), b = RandomStream(seed: 42, stream: 3)
        let c = RandomStream(seed: 42, stream: 4)
        var same = true, differ = false
        for _ in 0..<100 {
            let x = a.uniform(), y = b.uniform(), z = c.uniform()
            if x != y { same = false }
            if x != z { differ = true }
        }
        XCTAssertTrue(same)
        XCTAssertTrue(differ)
    }

    /// Moments against the exact values of the distributions.
    func testMoments() {
        let r = RandomStream(seed: 7, stream: 0)
        let n = 200_000
        var su = 0.0, sg = 0.0, sg2 = 0.0, se = 0.0, sp = 0.0
        for _ in 0..<n {
            su += r.uniform()
            let g = r.gaussian(); sg += g; sg2 += g * g
            se += r.exponential(mean: 2.5)
            sp += Double(r.poisson(3.2))
        }
        let dn = Double(n)
        XCTAssertEqual(su / dn, 0.5, accuracy: 5 * (1.0 / 12 / dn).squareRoot())
        XCTAssertEqual(sg / dn, 0, accuracy: 5 / dn.squareRoot())
        XCTAssertEqual(sg2 / dn, 1, accuracy: 5 * (2 / dn).squareRoot())
        XCTAssertEqual(se / dn, 2.5, accuracy: 5 * 2.5 / dn.squareRoot())
        XCTAssertEqual(sp / dn, 3.2, accuracy: 5 * (3.2 / dn).squareRoot())
    }

    /// The ziggurat's layers all have the area V (the defining property, Marsaglia-Tsang
    /// eq. 2): x_i (f(x_{i+1}) - f(x_i)) = V with f(x) = exp(-x^2/2), and the base layer's
    /// rectangle plus the tail beyond R = 3.4426 is V too, R f(R) + sqrt(pi/2) erfc(R/sqrt 2).
    func testZigguratLayersHaveEqualArea() {
        let z = NormalZiggurat.shared
        let v = NormalZiggurat.layerArea, r = NormalZiggurat.tailStart
        func f(_ x: Double) -> Double { exp(-0.5 * x * x) }
        XCTAssertEqual(r * f(r) + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot()), v, accuracy: 1e-12)
        XCTAssertEqual(z.edges[NormalZiggurat.layers], 0)
        for i in 1..<(NormalZiggurat.layers - 1) {
            XCTAssertEqual(z.edges[i] * (f(z.edges[i + 1]) - f(z.edges[i])), v, accuracy: 1e-10, "layer \(i)")
        }
        // The top layer: its rectangle x_127 (1 - f(x_127)) is V as well.
        XCTAssertEqual(z.edges[127] * (1 - f(z.edges[127])), v, accuracy: 1e-9)
    }

    /// Gaussian deviates against the normal distribution: tail probabilities from erfc
    /// (binomial errors, 5 sigma), the fourth moment (3) and a chi-square of 82 bins against
    /// differences of the normal CDF (the 99.99% quantile of chi2 with 81 dof is 133).
    func testGaussianFollowsTheNormalDistribution() {
        let r = RandomStream(seed: 11, stream: 5)
        let n = 1_000_000
        let thresholds = [0.5, 1, 2, 3, NormalZiggurat.tailStart, 4]
        var above = [Int](repeating: 0, count: thresholds.count)
        var bins = [Int](repeating: 0, count: 82)   // under, 80 of width 0.1 in [-4, 4), over
        var s4 = 0.0
        for _ in 0..<n {
            let g = r.gaussian()
            for (k, t) in thresholds.enumerated() where g > t { above[k] += 1 }
            s4 += g * g * g * g
            bins[g < -4 ? 0 : g >= 4 ? 81 : 1 + Int(((g + 4) * 10).rounded(.down))] += 1
        }
        let dn = Double(n)
        for (k, t) in thresholds.enumerated() {
            let p = 0.5 * erfc(t / 2.0.squareRoot())
            XCTAssertEqual(Double(above[k]) / dn, p, accuracy: 5 * (p * (1 - p) / dn).squareRoot(), "P(x > \(t))")
        }
        XCTAssertEqual(s4 / dn, 3, accuracy: 5 * (96 / dn).squareRoot())
        func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
        var chi2 = 0.0
        for b in 0..<82 {
            let lo = b == 0 ? -Double.infinity : -4 + Double(b - 1) / 10
            let hi = b == 81 ? Double.infinity : -4 + Double(b) / 10
            let expected = dn * ((hi.isInfinite ? 1 : cdf(hi)) - (lo.isInfinite ? 0 : cdf(lo)))
            chi2 += (Double(bins[b]) - expected) * (Double(bins[b]) - expected) / expected
        }
        XCTAssertLessThan(chi2, 133, "chi2 = \(chi2) for 81 dof")
    }
}
