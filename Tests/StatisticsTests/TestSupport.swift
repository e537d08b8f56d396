import Foundation
import XCTest

/// Locates the reference fixtures under Tests/Fixtures/statistics (works from the repository
/// and from a symlinked development package; `DARKSECTOR_STATS_FIXTURES` overrides it).
enum Fixtures {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["DARKSECTOR_STATS_FIXTURES"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/statistics")
    }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Parsed JSON fixture; skips the test (with the reason) when it has not been generated.
    static func json(_ name: String) throws -> [String: Any] {
        let url = url(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("reference fixture \(name) not present; run the scripts in Tests/Fixtures/statistics")
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let dict = object as? [String: Any] else { throw XCTSkip("\(name) is not a JSON object") }
        return dict
    }
}

func double(_ any: Any?) -> Double {
    if let n = any as? NSNumber { return n.doubleValue }
    if let d = any as? Double { return d }
    if let i = any as? Int { return Double(i) }
    return .nan
}

func doubles(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map(double) }

/// Asserts |actual - expected| <= tolerance * |expected| (relative).
func assertRelative(_ actual: Double, _ expected: Double, _ tolerance: Double, _ message: String,
                    file: StaticString = #filePath, line: UInt = #line) {
    let scale = max(abs(expected), 1e-300)
    XCTAssert(abs(actual - expected) <= tolerance * scale,
              "\(message): got \(actual), expected \(expected) (rel. diff \(abs(actual - expected) / scale) > \(tolerance))",
              file: file, line: line)
}
