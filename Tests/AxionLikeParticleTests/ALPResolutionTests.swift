import ALPThreePhoton
import ALPThreePhotonPackage
import Analysis
import Detector
import Foundation
import XCTest

/// The resolution table of the search against a fresh measurement on signal MC (Born, so
/// that ISR does not widen the recoil photon's energy), and the analytic recoil width from
/// the ECL energy resolution against the measured M2_rec width.
final class ALPResolutionTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTableMatchesSignalSimulation() throws {
        let conditions = try DetectorConditions.load(.mc, from: Self.repo.appendingPathComponent("Conditions/mc.yaml"))
        let samples = ALPSignalSamples(conditions: conditions, eventsPerMass: 3000, seed: 7, withISR: false)
        let search = ALPThreePhoton.standard
        for m in [0.3, 1.0, 3.0, 6.0, 9.0] {
            let w = try ALPResolutionMeasurement.measure(samples.sample(mass: m), mass: m, search: search)
            let table = search.windows.resolution.diphotonSigma(mass: m)
            let recoil = search.windows.resolution.recoilSigma(mass: m)
            print(String(format: "ALP resolution m=%.2f: m_gg core %.5f (table %.5f), M2_rec core %.4f (ECL formula %.4f), n=%d",
                         m, w.diphoton, table, w.recoilSquared, recoil, w.entries))
            XCTAssertEqual(w.diphoton / table, 1, accuracy: 0.15, "m_gg width at \(m) GeV")
            XCTAssertEqual(w.recoilSquared / recoil, 1, accuracy: 0.20, "M2_rec width at \(m) GeV")
        }
    }
}
