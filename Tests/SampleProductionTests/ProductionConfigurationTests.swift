import Foundation
import Testing
@testable import SampleProduction

/// Bad configurations are errors that name the file and the key.
@Suite struct ProductionConfigurationTests {
    func message(_ yaml: String) -> String {
        do {
            _ = try ProductionConfiguration.parse(yaml: yaml, file: "prod.yaml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func embeddedDefaultParses() throws {
        let c = try ProductionConfiguration.parse(yaml: ProductionConfiguration.demoYAML, file: "demo")
        #expect(c.luminosityInvFb == 0.05)
        #expect(Set(c.processes.map(\.process.rawValue)) == ["mumu", "tautau", "eemumu", "ee", "gammagamma", "gammagammagamma", "eegamma", "nunugamma", "gammapi0", "gammaeta", "gammaetaprime"])
        #expect(c.conditions == ["mc", "data"])
    }

    @Test func unknownProcess() {
        let m = message("luminosity_inv_fb: 1\nseed: 1\nprocesses:\n  mumuu: {}\n")
        #expect(m.contains("prod.yaml") && m.contains("processes.mumuu") && m.contains("unknown process 'mumuu'"))
    }

    @Test func negativeLuminosity() {
        let m = message("luminosity_inv_fb: -2\nseed: 1\nprocesses:\n  mumu: {}\n")
        #expect(m.contains("prod.yaml") && m.contains("luminosity_inv_fb") && m.contains("must be positive"))
    }

    @Test func unknownKeyAtBothLevels() {
        let top = message("luminosity_inv_fb: 1\nseed: 1\nlumi: 3\nprocesses:\n  mumu: {}\n")
        #expect(top.contains("prod.yaml") && top.contains("unknown key 'lumi'"))
        let inner = message("luminosity_inv_fb: 1\nseed: 1\nprocesses:\n  mumu: {filtre: none}\n")
        #expect(inner.contains("unknown key 'processes.mumu.filtre'"))
    }

    @Test func malformedYAML() {
        let m = message("luminosity_inv_fb: [1, 2\nseed: 1\n")
        #expect(m.contains("prod.yaml") && m.contains("malformed YAML"))
    }

    @Test func unknownFilterAndMode() {
        #expect(message("luminosity_inv_fb: 1\nseed: 1\nprocesses:\n  mumu: {filter: dimuon}\n").contains("processes.mumu.filter"))
        #expect(message("luminosity_inv_fb: 1\nseed: 1\nprocesses:\n  mumu: {mode: fast}\n").contains("processes.mumu.mode"))
    }
}
