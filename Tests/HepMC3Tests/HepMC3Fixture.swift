import Foundation

/// `Tests/Fixtures/hepmc3/`: events.hepmc3 written by pyhepmc and expected.json, what its
/// script (make_fixture.py) put in, in GeV and cm.
enum HepMC3Fixture {
    static func directory(filePath: String = #filePath) -> URL {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        let fm = FileManager.default
        while dir.path != "/" {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures").path) {
                return dir.appendingPathComponent("Tests/Fixtures/hepmc3")
            }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "/work/main/Tests/Fixtures/hepmc3")
    }

    static var events: URL { directory().appendingPathComponent("events.hepmc3") }

    struct Expected: Decodable {
        struct Particle: Decodable {
            let pdg: Int32
            let p_gev: [Double]
            let vertex_cm: [Double]
        }
        struct Event: Decodable {
            let event_number: Int64
            let weights: [Double]
            let particles: [Particle]
        }
        let cross_section_fb: Double
        let cross_section_uncertainty_fb: Double
        let weight_names: [String]
        let events: [Event]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: directory().appendingPathComponent("expected.json")))
    }

    /// The fixture's lines, for tests that damage a copy.
    static func lines() throws -> [String] {
        try String(contentsOf: events, encoding: .utf8).components(separatedBy: "\n")
    }
}
