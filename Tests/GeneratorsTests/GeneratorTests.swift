import Pythia8Bridge
import XCTest
import EventModel
import Kinematics
@testable import Generators

final class GeneratorTests: XCTestCase {
    /// Our cached transform equals BelleIIBeams.toLab/toCMS.
    func testFrameTransformMatchesBeams() {
        let t = FrameTransform()
        let beams = BelleIIBeams.y4S
        let v = FourVector(e: 5.3, px: 1.1, py: -2.0, pz: 3.7)
        let a = t.toLab(v), b = beams.toLab(v)
        XCTAssertEqual(a.e, b.e, accuracy: 1e-12)
        XCTAssertEqual(a.px, b.px, accuracy: 1e-12)
        XCTAssertEqual(a.pz, b.pz, accuracy: 1e-12)
        let c = t.toCMS(b)
        XCTAssertEqual(c.pz, v.pz, accuracy: 1e-12)
    }

    /// Four-momentum conservation in the lab for every process (photons below 1 MeV are
    /// not written: tolerance 2 MeV per beam).
    func testMomentumConservation() {
        let total = BelleIIBeams.y4S.total
        // Pythia's processes need `make deps`; HadronicGeneratorTests checks them (and fails
        // without the library in CI).
        for p in StandardModelProcess.allCases where !p.usesPythia || Pythia8Installation.fromEnvironment().isBuilt {
            let g = p.makeGenerator()
            let rng = RandomStream(seed: 21, stream: UInt64(p.hashValue & 0xff))
            var e = GeneratedEvent()
            for _ in 0..<200 {
                g.generate(into: &e, using: rng)
                let sum = e.totalMomentum
                XCTAssertEqual(sum.e, total.e, accuracy: 4e-3, p.rawValue)
                XCTAssertEqual(sum.px, total.px, accuracy: 4e-3, p.rawValue)
                XCTAssertEqual(sum.pz, total.pz, accuracy: 4e-3, p.rawValue)
                XCTAssertEqual(e.vertices.count, e.particles.count)
            }
        }
    }

    /// Same seed and stream -> identical events, whatever else ran before.
    func testReproducibility() {
        let g = StandardModelProcess.tautau.makeGenerator()
        let a = g.generate(using: RandomStream(seed: 5, stream: 9))
        _ = g.generate(using: RandomStream(seed: 5, stream: 8))
        let b = g.generate(using: RandomStream(seed: 5, stream: 9))
        XCTAssertEqual(a.particles, b.particles)
    }

    /// Filtered generation returns only events that pass, and the weighted mode has mean
    /// weight 1 over an unfiltered sample.
    func testFilterAndWeights() {
        let f = GeneratorFilter.singlePhoton(minEnergyCMS: 1.0)
        let g = StandardModelProcess.gammagamma.makeGenerator(filter: f, mode: .weighted)
        let rng = RandomStream(seed: 31, stream: 0)
        var e = GeneratedEvent()
        for _ in 0..<50 {
            g.generate(into: &e, using: rng)
            XCTAssertTrue(f.accepts(e.particles, transform: FrameTransform()))
        }
        let w = StandardModelProcess.ee.makeGenerator(mode: .weighted)
        var sum = 0.0
        let n = 20_000
        for _ in 0..<n { w.generate(into: &e, using: rng); sum += e.weight }
        XCTAssertEqual(sum / Double(n), 1, accuracy: 0.03)
        // Unweighted: weights are 1 (up to the rare overflow).
        let u = StandardModelProcess.ee.makeGenerator()
        var over = 0
        for _ in 0..<2000 { u.generate(into: &e, using: rng); if e.weight != 1 { over += 1 } }
        XCTAssertLessThan(over, 20)
    }

    /// Tau decays displace the daughters' vertices by about beta gamma c tau ~ 0.24 mm.
    func testTauVertices() {
        let g = StandardModelProcess.tautau.makeGenerator()
        let rng = RandomStream(seed: 41, stream: 0)
        var e = GeneratedEvent()
        var sum = 0.0, n = 0
        for _ in 0..<2000 {
            g.generate(into: &e, using: rng)
            for (p, v) in zip(e.particles, e.vertices) where p.pdg != 22 || v.magnitude > 0 {
                sum += v.magnitude; n += 1
            }
        }
        // <p>/m c tau with <p_lab> ~ 5.3 GeV: 5.3/1.777 * 87 um = 0.026 cm, within 30%.
        XCTAssertEqual(sum / Double(n), 0.026, accuracy: 0.008)
    }

    func testReportJSON() throws {
        let r = CrossSectionReport.compute(processes: [.mumu, .gammagamma], trials: 2000, seed: 3)
        let json = try r.json()
        XCTAssertTrue(json.contains("\"mumu\""))
        XCTAssertTrue(json.contains("gammagamma"))
        XCTAssertEqual(r.entries.count, 2)
    }
}
