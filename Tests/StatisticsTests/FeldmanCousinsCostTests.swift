import XCTest
@testable import Statistics

/// The cost side of Feldman-Cousins (issue #14: `--observed 1000` just started and ran for
/// minutes): the pilot estimate used to refuse absurd work, and large counts that used to
/// scan mu from 0 in steps of 0.05.
final class FeldmanCousinsCostTests: XCTestCase {
    /// The pilot's estimate must be within a factor of three of the measured time, or the
    /// "would take about ..." refusal would mislead.
    func testEstimateMatchesMeasuredTime() throws {
        let estimate = try FeldmanCousins.estimatedSeconds(observed: 300, background: 2, cl: 0.9)
        let start = Date()
        _ = try FeldmanCousins.interval(observed: 300, background: 2, cl: 0.9)
        let measured = Date().timeIntervalSince(start)
        XCTAssertGreaterThan(estimate, measured / 3, "estimate \(estimate) s, measured \(measured) s")
        XCTAssertLessThan(estimate, measured * 3, "estimate \(estimate) s, measured \(measured) s")
    }

    /// At large n the FC interval approaches the central Gaussian one, n - b -+ 1.645 sqrt(n)
    /// (90% CL): [946.0, 1050.0] for n = 1000, b = 2, with O(1) corrections from the Poisson
    /// skew (the upper end is further out). Also checks the construction ends quickly.
    func testLargeCountApproachesGaussianInterval() throws {
        let start = Date()
        let interval = try FeldmanCousins.interval(observed: 1000, background: 2, cl: 0.9, convention: .plain)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        let z = 1.6448536269514722, n = 1000.0
        XCTAssertEqual(interval.lower, n - 2 - z * n.squareRoot(), accuracy: 2)
        XCTAssertEqual(interval.upper, n - 2 + z * n.squareRoot(), accuracy: 2)
        XCTAssertGreaterThan(interval.upper - (n - 2), (n - 2) - interval.lower)   // right-skewed
    }

    /// Bisections end even where 1e-8 is below the spacing of doubles (mu ~ 10^9).
    func testBisectionToleranceScalesWithMagnitude() {
        XCTAssertEqual(FeldmanCousins.bisectionTolerance(1e-8, 5), 1e-8)
        XCTAssertGreaterThan(FeldmanCousins.bisectionTolerance(1e-8, 2e9), 2e9.ulp)
    }

    /// A background beyond the supported range is refused with the value named, before any
    /// work (the pilot itself would otherwise build a region of 10^7 steps).
    func testHugeBackgroundRefused() {
        for call in [{ _ = try FeldmanCousins.interval(observed: 3, background: 1e13) },
                     { _ = try FeldmanCousins.estimatedSeconds(observed: 3, background: 1e13) }] {
            XCTAssertThrowsError(try call()) { error in
                guard case let StatisticsError.invalidArgument(name, value, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(name, "background")
                XCTAssertEqual(Double(value), 1e13)
            }
        }
    }
}
