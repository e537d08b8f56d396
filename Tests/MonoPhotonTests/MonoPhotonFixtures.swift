import Foundation

/// Reads `Tests/Fixtures/monophoton/*.json` (made by the scripts beside them); a missing
/// fixture fails the test that needs it, naming the file.
enum MonoPhotonFixtures {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "fixture \(path) is missing (run the script beside it)" }
    }

    static var directory: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures").path) {
                return dir.appendingPathComponent("Tests/Fixtures/monophoton")
            }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "Tests/Fixtures/monophoton")
    }

    static func json(_ name: String) throws -> [String: Any] {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path),
              let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Missing(path: url.path) }
        return obj
    }

    /// Reference points of gamma_aprime_reference.json.
    static func signalPoints() throws -> [[String: Double]] {
        guard let points = try json("gamma_aprime_reference.json")["points"] as? [[String: Double]] else {
            throw Missing(path: "gamma_aprime_reference.json: points")
        }
        return points
    }
}
