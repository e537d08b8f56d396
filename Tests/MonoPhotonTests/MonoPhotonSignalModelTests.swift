import Analysis
import MonoPhoton
import MonoPhotonPackage
import XCTest

/// The signal model the limits are converted with: sigma(eps) = eps^2 sigma(eps = 1), with
/// sigma(eps = 1) the ISR-convolved cross section of the independent scipy fixture.
final class MonoPhotonSignalModelTests: XCTestCase {
    func testCrossSectionIsTheFixtureTimesEpsilonSquared() throws {
        let model = MonoPhotonSignalModel()
        for p in try MonoPhotonFixtures.signalPoints() where p["mass"]! <= 8 {
            let sigma = try model.crossSectionFb(parameters: [MonoPhoton.massParameter: p["mass"]!], coupling: 1e-3)
            XCTAssertEqual(sigma, 1e-6 * p["isr_fb"]!, accuracy: 0.003 * 1e-6 * p["isr_fb"]!, "m = \(p["mass"]!)")
        }
    }

    /// A cross-section limit of 1e-6 sigma(eps = 1) is eps = 1e-3.
    func testCouplingLimitInvertsTheCrossSection() throws {
        let model = MonoPhotonSignalModel()
        let parameters = [MonoPhoton.massParameter: 4.0]
        let sigma1 = try model.crossSectionFb(parameters: parameters, coupling: 1)
        XCTAssertEqual(try model.couplingLimit(crossSectionLimitFb: 1e-6 * sigma1, parameters: parameters), 1e-3, accuracy: 1e-12)
    }

    func testMassOutsideTheSearchRangeIsRefused() {
        XCTAssertThrowsError(try MonoPhotonSignalModel().crossSectionFb(parameters: [MonoPhoton.massParameter: 9.0], coupling: 1))
        XCTAssertThrowsError(try MonoPhotonSignalModel().crossSectionFb(parameters: ["m_zprime": 1.0], coupling: 1))
    }
}
