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

    /// Parsed JSON fixture. A missing or malformed fixture is a failure, not a skip: the
    /// fixtures are part of the repository, and a test that skips without them checks nothing.
    static func json(_ name: String) throws -> [String: Any] {
        let url = url(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FixtureError(file: url.path, problem: "reference fixture not present (it is part of the repository; "
                               + "regenerate it with the script beside it in Tests/Fixtures/statistics)")
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let dict = object as? [String: Any] else {
            throw FixtureError(file: url.path, problem: "not a JSON object")
        }
        return dict
    }

    /// The files with `suffix` in a fixture folder; a missing or empty folder is a failure.
    static func files(in folder: String, suffix: String) throws -> [URL] {
        let dir = url(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            throw FixtureError(file: dir.path, problem: "fixture folder not present")
        }
        let files = names.filter { $0.hasSuffix(suffix) }.sorted().map { dir.appendingPathComponent($0) }
        guard !files.isEmpty else { throw FixtureError(file: dir.path, problem: "no \(suffix) files in the fixture folder") }
        return files
    }
}

/// A reference fixture that is missing or unreadable: the test fails and says which file.
struct FixtureError: Error, CustomStringConvertible {
    let file: String
    let problem: String
    var description: String { "\(file): \(problem)" }
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
