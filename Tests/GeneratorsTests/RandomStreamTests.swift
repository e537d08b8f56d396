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
}
