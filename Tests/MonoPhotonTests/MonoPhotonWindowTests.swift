import Analysis
import MonoPhoton
import MonoPhotonPackage
import XCTest

/// The blinding envelope covers every window the search can make.
final class MonoPhotonWindowTests: XCTestCase {
    func testEnvelopeCoversEveryWindowOverTheRange() throws {
        let search = MonoPhoton.standard
        let envelope = try search.blindingEnvelope()
        guard case let .interval(o, lo, hi) = envelope else { return XCTFail("envelope is not one interval: \(envelope)") }
        XCTAssertEqual(o, "m2_miss")
        let masses = stride(from: 0.0, through: 8.0, by: 0.05).map { $0 }
        for h in try search.hypotheses(on: MassGrid(axes: [MonoPhoton.massParameter: masses])) {
            guard case let .interval(_, l, u) = h.signalRegion else { return XCTFail("window not an interval") }
            XCTAssertLessThanOrEqual(lo, l, h.label)
            XCTAssertGreaterThanOrEqual(hi, u, h.label)
        }
    }
}
