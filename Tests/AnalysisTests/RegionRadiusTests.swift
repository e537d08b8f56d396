import XCTest
@testable import Analysis

/// `SignalRegion.radii` (column-wise) against points whose radius is known by construction:
/// the centre 0, the ends of each rotated semi-axis 1, half-way 0.5, NaN infinite.
final class RegionRadiusTests: XCTestCase {
    func testEllipseAndIntervalRadiiAtKnownPoints() throws {
        let angle = 0.4, a = 0.3, b = 0.1, cx = 5.0, cy = 1.0
        let ellipse = SignalRegion.ellipse(x: "x", y: "y", centreX: cx, centreY: cy, semiAxisX: a, semiAxisY: b, angle: angle)
        // Ends of the semi-axes: centre + a (cos, sin) and centre + b (-sin, cos).
        let xs = [cx, cx + a * cos(angle), cx - b * sin(angle), cx + 0.5 * a * cos(angle), .nan]
        let ys = [cy, cy + a * sin(angle), cy + b * cos(angle), cy + 0.5 * a * sin(angle), cy]
        let t = CandidateTable(columns: ["x": xs, "y": ys], eventID: [0, 1, 2, 3, 4], weight: [1, 1, 1, 1, 1], process: "p")
        let r = try ellipse.radii(t)
        XCTAssertEqual(r[0], 0, accuracy: 1e-12)
        XCTAssertEqual(r[1], 1, accuracy: 1e-12)
        XCTAssertEqual(r[2], 1, accuracy: 1e-12)
        XCTAssertEqual(r[3], 0.5, accuracy: 1e-12)
        XCTAssertEqual(r[4], Double.infinity)
        let interval = SignalRegion.interval(observable: "x", low: 4.0, high: 6.0)
        XCTAssertEqual(try interval.radii(t)[0], 0, accuracy: 1e-12)                 // x = 5: centre
        XCTAssertEqual(try interval.radii(t)[1], a * cos(angle), accuracy: 1e-12)     // half-width 1
        // A union takes the smallest radius of its members.
        let union = SignalRegion.any([interval, ellipse])
        XCTAssertEqual(try union.radii(t)[2], b * sin(angle), accuracy: 1e-12)
    }
}
