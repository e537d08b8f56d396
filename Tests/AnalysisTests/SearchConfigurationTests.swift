import XCTest
@testable import Analysis

final class SearchConfigurationTests: XCTestCase {
    let registry = try! SearchRegistry([ToySearch()])

    func testLoadsFixture() throws {
        let (search, c) = try SearchConfiguration.load(path: fixtures.appendingPathComponent("toy.yaml").path, registry: registry)
        XCTAssertEqual(search.id, "toy")
        XCTAssertEqual(c.luminosityInvFb, 100)
        XCTAssertEqual(c.statistics, StatisticsSettings(confidenceLevel: 0.95, methods: [.bayes, .cls]))
        XCTAssertEqual(c.selection.cut(named: "q_cut")?.threshold, 0.4)
        XCTAssertEqual(c.hypotheses.map { $0.parameters["m_x"]! }, [1, 2, 3, 4, 5])
        XCTAssertEqual(c.controlSamples.map(\.name), ["pi0_reversed", "sideband_loose"])
        XCTAssertEqual(c.pendingSystematics.map(\.controlSample), ["pi0_reversed"])
        XCTAssertEqual(try c.systematics.relative(.background, at: ["m_x": 4]), 0.22, accuracy: 1e-12)
        XCTAssertEqual(try c.systematics.relative(.signalEfficiency, at: ["m_x": 4]), (0.0036 + 0.0016).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(c.hash.count, 64)
    }

    let base = """
    search: toy
    luminosity_inv_fb: 100
    cuts: {q_cut: 0.4}
    mass_grid:
      m_x: [1, 2, 3]
    """

    func hash(_ yaml: String) throws -> String {
        try SearchConfiguration.parse(yaml: yaml, file: "t.yaml", search: ToySearch()).hash
    }

    func testHashIgnoresLayoutButNotValues() throws {
        let h = try hash(base)
        let reordered = """
        # same configuration, other layout
        mass_grid: {m_x: [1.0, 2.0, 3.0]}
        cuts:
          q_cut: 0.40
        luminosity_inv_fb: 100.0
        search: "toy"
        """
        XCTAssertEqual(try hash(reordered), h)
        XCTAssertNotEqual(try hash(base.replacingOccurrences(of: "q_cut: 0.4", with: "q_cut: 0.41")), h)
        XCTAssertNotEqual(try hash(base.replacingOccurrences(of: "[1, 2, 3]", with: "[1, 3, 2]")), h)
        // An independent SHA-256 check of the canonical form of a tiny document.
        let tiny = try ConfigurationNode.parse(yaml: "b: 1\na: x\n", file: "t")
        XCTAssertEqual(ConfigurationHash.canonicalJSON(tiny.node), "{\"a\":\"x\",\"b\":1}")
        // sha256('{"a":"x","b":1}') computed with coreutils sha256sum.
        XCTAssertEqual(ConfigurationHash.sha256([tiny]), "cdab067e9f3beb32d1252cfd63e492592fecbf591b0d08cadb24bb17f3864246")
    }

    func assertConfigError(_ yaml: String, _ check: (AnalysisError) -> Void, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try SearchConfiguration.parse(yaml: yaml, file: "t.yaml", search: ToySearch()), file: file, line: line) { e in
            guard let a = e as? AnalysisError else { return XCTFail("\(e)", file: file, line: line) }
            check(a)
            XCTAssertTrue("\(a)".contains("t.yaml"), "\(a)", file: file, line: line)
        }
    }

    func testTypedErrorsNameFileAndKey() throws {
        assertConfigError(base.replacingOccurrences(of: "q_cut", with: "q_cutt")) {
            XCTAssertEqual($0, .unknownCut(name: "q_cutt", search: "toy", file: "t.yaml", key: "cuts.q_cutt"))
        }
        assertConfigError(base.replacingOccurrences(of: "[1, 2, 3]", with: "[1, 2, 12]")) {
            XCTAssertEqual($0, .massOutOfRange(mass: 12, parameter: "m_x", low: 0, high: 10, search: "toy", file: "t.yaml", key: "mass_grid.m_x[2]"))
        }
        assertConfigError(base + "\nluminosity: 3\n") {
            guard case .invalidConfiguration(_, "luminosity", _) = $0 else { return XCTFail("\($0)") }
        }
        assertConfigError(base.replacingOccurrences(of: "luminosity_inv_fb: 100", with: "luminosity_inv_fb: lots")) {
            guard case .invalidConfiguration(_, "luminosity_inv_fb", _) = $0 else { return XCTFail("\($0)") }
        }
        assertConfigError(base + "\ncontrol_samples: [{name: c, binning: {observable: mm, low: 0, high: 1, bins: 2}}]\n") {
            XCTAssertEqual($0, .unknownObservable(name: "mm", search: "toy", file: "t.yaml", key: "control_samples.c"))
        }
        assertConfigError(base + "\nsystematics: [{name: s, affects: signal_efficiency, from_control_sample: nope}]\n") {
            guard case .invalidConfiguration(_, "systematics.s", _) = $0 else { return XCTFail("\($0)") }
        }
        assertConfigError(base + "\nstatistics: {methods: [bayesian]}\n") {
            guard case .invalidConfiguration(_, "statistics.methods[0]", _) = $0 else { return XCTFail("\($0)") }
        }
        // Unknown search through the registry: the error names the file and the key.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("unknown-\(UUID().uuidString).yaml")
        try base.replacingOccurrences(of: "search: toy", with: "search: zprime").write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        XCTAssertThrowsError(try SearchConfiguration.load(path: path.path, registry: registry)) { e in
            guard case AnalysisError.invalidConfiguration(let f, "search", let why)? = e as? AnalysisError else { return XCTFail("\(e)") }
            XCTAssertEqual(f, path.path); XCTAssertTrue(why.contains("toy"))
        }
    }
}
