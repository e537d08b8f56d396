import XCTest
@testable import Statistics

/// Feldman-Cousins intervals against STATS.md, the FC paper's tables and the independent
/// exact construction in Tests/Fixtures/statistics/fc_reference.json.
final class FeldmanCousinsTests: XCTestCase {
    func testPublicTable() throws {
        let table: [(Int, Double, Double, Double)] = [
            (0, 0, 0.000, 2.435), (1, 0, 0.106, 4.357), (2, 0, 0.532, 5.910), (3, 0, 1.103, 7.424), (5, 2, 0.433, 7.987),
        ]
        for (n, b, lower, upper) in table {
            let interval = try FeldmanCousins.interval(observed: n, background: b, cl: 0.9)
            XCTAssertEqual(interval.lower, lower, accuracy: 0.005, "n=\(n) b=\(b)")
            XCTAssertEqual(interval.upper, upper, accuracy: 0.005, "n=\(n) b=\(b)")
        }
    }

    /// STATS.md: published n = 0, b = 3, 90% upper end 1.08 (FC Table IV); plain 0.953.
    func testConventions() throws {
        let plain = try FeldmanCousins.interval(observed: 0, background: 3, cl: 0.9, convention: .plain)
        let published = try FeldmanCousins.interval(observed: 0, background: 3, cl: 0.9, convention: .published)
        XCTAssertEqual(plain.upper, 0.953, accuracy: 0.001)
        XCTAssertEqual(published.upper, 1.08, accuracy: 0.005)
        XCTAssertEqual(plain.lower, published.lower)
    }

    func testAgainstExactReference() throws {
        let reference = try Fixtures.json("fc_reference.json")
        let cases = reference["cases"] as? [[String: Any]] ?? []
        XCTAssertGreaterThan(cases.count, 100)
        var worstPlain = 0.0, worstPublished = 0.0
        for c in cases {
            let n = Int(double(c["n"])), b = double(c["b"]), cl = double(c["cl"])
            let plain = try FeldmanCousins.interval(observed: n, background: b, cl: cl, convention: .plain)
            XCTAssertEqual(plain.lower, double(c["plain_lower"]), accuracy: 0.005, "plain lower n=\(n) b=\(b) cl=\(cl)")
            XCTAssertEqual(plain.upper, double(c["plain_upper"]), accuracy: 0.005, "plain upper n=\(n) b=\(b) cl=\(cl)")
            worstPlain = max(worstPlain, abs(plain.lower - double(c["plain_lower"])), abs(plain.upper - double(c["plain_upper"])))
            // The published convention differs only where the sup over b' > b is larger; check
            // those cases and every n = 0 case (the costly scan over b' runs only here).
            if double(c["published_upper"]) != double(c["plain_upper"]) || n == 0 {
                let published = try FeldmanCousins.interval(observed: n, background: b, cl: cl, convention: .published)
                XCTAssertEqual(published.upper, double(c["published_upper"]), accuracy: 0.005,
                               "published upper n=\(n) b=\(b) cl=\(cl)")
                XCTAssertEqual(published.lower, double(c["published_lower"]), accuracy: 0.005)
                worstPublished = max(worstPublished, abs(published.upper - double(c["published_upper"])))
            }
        }
        print("FC vs exact reference: worst |diff| plain \(worstPlain), published \(worstPublished)")
    }

    func testBadInputsThrow() {
        XCTAssertThrowsError(try FeldmanCousins.interval(observed: -2, background: 1))
        XCTAssertThrowsError(try FeldmanCousins.interval(observed: 2, background: .nan))
        XCTAssertThrowsError(try FeldmanCousins.interval(observed: 2, background: 1, cl: 0))
    }
}
