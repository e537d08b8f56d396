import Analysis
import Foundation
import MonoPhoton
import MonoPhotonPackage
import XCTest

/// The shipped configurations load with the search's control samples, which pass the
/// framework's rules (orthogonal to the loosest signal selection, criteria at the floor,
/// required samples present); a control sample reversing a cut short of its loosest
/// threshold is refused, naming the sample.
final class MonoPhotonConfigurationTests: XCTestCase {
    static var repository: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }

    func testShippedConfigurationsLoadWithTheirControlSamples() throws {
        let registry = try SearchRegistry([MonoPhoton.standard])
        for name in ["default.yaml", "lumi_53fb.yaml"] {
            let path = Self.repository.appendingPathComponent("Searches/MonoPhoton/config/\(name)").path
            let (search, configuration) = try SearchConfiguration.load(path: path, registry: registry)
            XCTAssertEqual(search.id, "mono-photon")
            XCTAssertEqual(Set(configuration.controlSamples.map(\.name)), ["two_photon_seen", "high_m2_sideband", "partner_lost", "klm_fired"], name)
            XCTAssertEqual(configuration.hypotheses.count, 16, name)
        }
    }

    func testAControlSampleShortOfTheLoosestThresholdIsRefused() throws {
        let search = MonoPhoton(signalModel: MonoPhotonSignalModel(), requiredControlSamples: [])
        var sample = ControlSample(name: "too_close", reverse: ["extra_energy"], modify: ["extra_energy": 0.3],
                                   binning: .init(observable: "m2_miss", low: 0, high: 10, bins: 5),
                                   criteria: .init(maxRatioDeviation: 0.25, minChi2PValue: 0.01))
        XCTAssertThrowsError(try ControlSampleRules.check([sample], search: search, configured: search.selection,
                                                         envelope: try search.blindingEnvelope(), file: "test.yaml")) { error in
            XCTAssertTrue("\(error)".contains("too_close"), "\(error)")
        }
        sample.modify = ["extra_energy": 0.6]
        sample.name = "two_photon_seen"
        var high = ControlSample(name: "high_m2_sideband", sidebands: [.interval(observable: "m2_miss", low: 66, high: 90)],
                                 binning: .init(observable: "m2_miss", low: 66, high: 90, bins: 8),
                                 criteria: .init(maxRatioDeviation: 0.25, minChi2PValue: 0.01))
        XCTAssertNoThrow(try ControlSampleRules.check([sample, high], search: search, configured: search.selection,
                                                     envelope: try search.blindingEnvelope(), file: "test.yaml"))
        // A sideband reaching into the envelope (which ends at 65.4 GeV^2) is not orthogonal.
        high.sidebands = [.interval(observable: "m2_miss", low: 60, high: 90)]
        XCTAssertThrowsError(try ControlSampleRules.check([sample, high], search: search, configured: search.selection,
                                                         envelope: try search.blindingEnvelope(), file: "test.yaml"))
    }
}
