import Foundation
import Testing
@testable import Detector

@Suite struct ConditionsTests {
    @Test func shippedFilesLoad() throws {
        let mc = Fixture.mc, data = Fixture.data
        #expect(mc.purpose == .mc)
        #expect(data.purpose == .data)
        // Published figures reach the struct unchanged.
        #expect(mc.tracking.momentumResolutionA == 0.0011)
        #expect(mc.tracking.momentumResolutionB == 0.0025)
        #expect(mc.calorimeter.energyStochasticPercent == 0.81)
        #expect(mc.particleID.muonEfficiency == 0.90)
        #expect(mc.particleID.muonPionFakeRate == 0.041)
        #expect(mc.acceptance.eclBarrelThetaDeg == 32.2...128.7)
        #expect(mc.sources["particle_id.muon.pion_fake_rate"]?.contains("2503.11351") == true)
    }

    @Test func dataConditionsCannotBeReadAsMC() {
        #expect(throws: DetectorConditionsError.self) { try DetectorConditions.load(.mc, from: Fixture.dataURL) }
        do {
            _ = try DetectorConditions.load(.mc, from: Fixture.dataURL)
        } catch let e as DetectorConditionsError {
            #expect(e.kind == .wrongPurpose(expected: "mc", got: "data"))
            #expect(e.description.contains("data.yaml: purpose:"))
        } catch { Issue.record("unexpected error \(error)") }
    }

    /// Parses mc.yaml with one textual substitution and returns the error message.
    private func error(replacing old: String, with new: String) -> String? {
        let text = Fixture.mcText
        precondition(text.contains(old), "fixture text not found: \(old)")
        do {
            _ = try DetectorConditions.parse(yaml: text.replacingOccurrences(of: old, with: new),
                                             file: "Conditions/mc.yaml", expecting: .mc)
            return nil
        } catch let e as DetectorConditionsError {
            return e.description
        } catch {
            return "unexpected: \(error)"
        }
    }

    @Test func negativeResolutionNamesKeyAndFile() {
        #expect(error(replacing: "a: {value: 0.0011,", with: "a: {value: -0.1,")
                == "Conditions/mc.yaml: tracking.momentum_resolution.a: must be >= 0, got -0.1")
    }

    @Test func efficiencyAboveOne() {
        #expect(error(replacing: "gap: {value: 0.85,", with: "gap: {value: 1.2,")
                == "Conditions/mc.yaml: calorimeter.photon_efficiency.gap: must be <= 1, got 1.2")
    }

    @Test func unknownKey() {
        let msg = error(replacing: "  cluster_threshold_gev:", with: "  cluster_treshold_gev:")
        // The reader asks for the correct spelling first, so a misspelling shows as missing.
        #expect(msg == "Conditions/mc.yaml: calorimeter.cluster_threshold_gev: missing key")
        let extra = error(replacing: "pi0:\n", with: "pi0:\n  sideband_gev: {value: 0.1, source: \"x\"}\n")
        #expect(extra?.hasPrefix("Conditions/mc.yaml: pi0.sideband_gev: unknown key") == true)
    }

    @Test func missingKey() {
        #expect(error(replacing: "  min_photon_energy_gev: {value: 0.03, source: \"assumption\"}\n", with: "")
                == "Conditions/mc.yaml: pi0.min_photon_energy_gev: missing key")
    }

    @Test func missingSource() {
        #expect(error(replacing: "min_photon_energy_gev: {value: 0.03, source: \"assumption\"}",
                      with: "min_photon_energy_gev: {value: 0.03}")
                == "Conditions/mc.yaml: pi0.min_photon_energy_gev: every figure needs a `source:` string next to its `value:`")
    }

    @Test func malformedYAML() {
        let msg = error(replacing: "pi0:\n", with: "pi0: [\n")
        #expect(msg?.hasPrefix("Conditions/mc.yaml: malformed YAML") == true)
    }

    @Test func wrongTypeAndIntervals() {
        #expect(error(replacing: "efficiency: {value: 0.96,", with: "efficiency: {value: high,")
                == "Conditions/mc.yaml: triggers.two_track.efficiency: expected a number")
        #expect(error(replacing: "mass_window_gev: {value: [0.125, 0.145]", with: "mass_window_gev: {value: [0.145, 0.125]")
                == "Conditions/mc.yaml: pi0.mass_window_gev: low must not exceed high, got [0.145, 0.125]")
        #expect(error(replacing: "barrel: {value: 0.35,", with: "barrel: {value: 0.45,")
                == "Conditions/mc.yaml: beam_background.region_fractions: must sum to 1, got 1.1")
    }

    @Test func unreadableFile() {
        #expect(throws: DetectorConditionsError.self) {
            try DetectorConditions.load(.mc, from: URL(fileURLWithPath: "/nonexistent/mc.yaml"))
        }
    }
}
