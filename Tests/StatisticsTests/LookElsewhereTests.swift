import XCTest
@testable import Statistics

/// Look-elsewhere corrections: local p-values, brute-force toys, and Gross-Vitells.
final class LookElsewhereTests: XCTestCase {
    func testLocalSignificance() throws {
        XCTAssertEqual(LookElsewhere.localPValue(q0: 9), 1.3498980316300946e-3, accuracy: 1e-15)
        XCTAssertEqual(try Significance.z(pValue: 2.866515718791939e-7), 5, accuracy: 1e-9)
        XCTAssertThrowsError(try Significance.z(pValue: 0))
    }

    /// Independent bins: the global p-value is exactly 1 - (1 - p)^M; toys reproduce it.
    func testToysMatchIndependentBinsFormula() throws {
        let bins = 20
        let pObserved = LookElsewhere.localPValue(q0: 4)   // a 2 sigma local excess
        let global = try LookElsewhere.globalPValueByToys(observedMinimumPValue: pObserved, toys: 4000, seed: 3) { rng in
            (0..<bins).map { _ in LookElsewhere.localPValue(q0: pow(max(rng.gaussian(), 0), 2)) }
        }
        let exact = 1 - pow(1 - pObserved, Double(bins))
        XCTAssertEqual(global, exact, accuracy: 4 * (exact * (1 - exact) / 4000).squareRoot())
    }

    /// A smooth Gaussian-process scan (q0 = max(Z, 0)^2 of a correlated Z): Gross-Vitells from
    /// 100 toy scans at u0 = 0.5 agrees with the brute-force global p-value at u = 9.
    func testGrossVitellsAgreesWithBruteForce() throws {
        func scan(_ rng: MersenneTwister) -> [Double] {
            // Moving Gaussian-kernel average of white noise: unit-variance smooth process.
            let n = 120, width = 3.0
            let noise = (0..<(n + 24)).map { _ in rng.gaussian() }
            let kernel = (-12...12).map { exp(-0.5 * pow(Double($0) / width, 2)) }
            let norm = kernel.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return (0..<n).map { i in
                let z = kernel.enumerated().reduce(0.0) { $0 + $1.element * noise[i + $1.offset] } / norm
                return pow(max(z, 0), 2)
            }
        }
        let rng = MersenneTwister(seed: 17)
        let calibration = (0..<100).map { _ in scan(rng) }
        let n0 = try LookElsewhere.meanUpcrossings(scans: calibration, level: 0.5)
        let u = 9.0
        let gv = try LookElsewhere.grossVitells(maxQ0: u, referenceLevel: 0.5, meanUpcrossings: n0)
        let brute = try LookElsewhere.globalPValueByToys(observedMinimumPValue: LookElsewhere.localPValue(q0: u),
                                                         toys: 2000, seed: 23) { rng in
            scan(rng).map { LookElsewhere.localPValue(q0: $0) }
        }
        XCTAssertGreaterThan(gv, 5 * LookElsewhere.localPValue(q0: u), "the trials factor is substantial")
        assertRelative(gv, brute, 0.3, "Gross-Vitells vs brute force")
    }

    func testUpcrossingCount() {
        XCTAssertEqual(LookElsewhere.upcrossings([0, 1, 0, 2, 3, 0, 1], level: 1), 3)
        XCTAssertThrowsError(try LookElsewhere.meanUpcrossings(scans: [], level: 1))
    }
}
