import Foundation

/// Locates and reads `Tests/Fixtures/generators/*.json` (reference values made by the
/// Python scripts beside them).
///
/// `#filePath` can point into a symlinked checkout, so walk up to the directory holding
/// both `Package.swift` and `Tests/Fixtures`.
enum GeneratorFixtures {
    static func directory(filePath: String = #filePath) -> URL {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        let fm = FileManager.default
        while dir.path != "/" {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures").path) {
                return dir.appendingPathComponent("Tests/Fixtures/generators")
            }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "/work/main/Tests/Fixtures/generators")
    }

    /// The JSON object of `name` (e.g. "nunugamma_reference.json").
    static func json(_ name: String) throws -> [String: Any] {
        let url = directory().appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NSError(domain: "GeneratorFixtures", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "\(url.path): top level is not an object"])
        }
        return object
    }
}
