import Foundation
import XCTest

/// The layering rule of docs/DESIGN.md, checked on the sources themselves: a search's physics
/// target (the files directly in `Searches/<Name>/`, and its target in Package.swift) uses
/// Analysis and the event model only; the signal simulation and the pipeline belong to its
/// package target (`Searches/<Name>/Package/`). Shared search-level code (`DimuonRecoil`)
/// follows the same rule.
final class SearchLayeringTests: XCTestCase {
    static let allowed: Set<String> = ["Analysis", "EventModel", "Kinematics", "Foundation", "DimuonRecoil"]
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testPhysicsFilesImportOnlyAnalysisAndTheEventModel() throws {
        let searches = repo.appendingPathComponent("Searches")
        var checked = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: searches.path).sorted() {
            let dir = searches.appendingPathComponent(folder)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where file.hasSuffix(".swift") {
                let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                    let module = line.dropFirst("import ".count).trimmingCharacters(in: .whitespaces)
                    XCTAssertTrue(Self.allowed.contains(module), "Searches/\(folder)/\(file) imports \(module); move it to Searches/\(folder)/Package/")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 15, "the search folders were not found")
    }

    func testPhysicsTargetsDependOnlyOnAnalysisAndTheEventModel() throws {
        let manifest = try String(contentsOf: repo.appendingPathComponent("Package.swift"), encoding: .utf8)
        // Each `.target(name: ..., dependencies: [...], path: "Searches/<Name>"...)` block.
        let pattern = try NSRegularExpression(pattern: #"\.target\(name: "(\w+)",\s*dependencies: \[([^\]]*)\],\s*path: "Searches/(\w+)""#)
        let matches = pattern.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest))
        XCTAssertGreaterThanOrEqual(matches.count, 3, "no search targets found in Package.swift")
        for m in matches {
            let name = String(manifest[Range(m.range(at: 1), in: manifest)!])
            let deps = manifest[Range(m.range(at: 2), in: manifest)!].split(separator: ",")
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \n\"")) }.filter { !$0.isEmpty }
            for d in deps {
                XCTAssertTrue(Self.allowed.contains(d), "target \(name) depends on \(d); only its package target may")
            }
        }
    }
}
