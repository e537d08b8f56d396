import Foundation
@testable import Generators
import Kinematics
import Pythia8Bridge
import XCTest

/// Pythia 8 as the hadronic generator (issue #19): cross sections, multiplicities, K_S and
/// Lambda rates, the B momentum, frames and vertices, against published numbers.
///
/// Counting convention for charged multiplicities: final-state e, mu, pi, K, p, including
/// the daughters of K_S and Lambda decays (as ARGUS and CLEO count them). Published values:
/// - ARGUS, Z. Phys. C 54 (1992) 13 (HEPData ins319102): continuum at 10.47 GeV
///   <n_ch> = 8.35 +- 0.02 +- 0.20; Upsilon(4S) -> B Bbar 10.81 +- 0.05 +- 0.23.
/// - CLEO, hep-ex/9907057 (PRD 61 (2000) 072002): B Bbar pair 10.71 +- 0.02 +0.21 -0.15.
/// - PDG, average hadron multiplicities per e+e- annihilation event at sqrt(s) ~ 10 GeV
///   (review "Fragmentation functions in e+e-, ep and pp collisions"): K0 + K0bar 0.91 +- 0.05
///   (so K_S 0.455 +- 0.025), Lambda + Lambdabar 0.080 +- 0.007.
/// - PDG, B+-/B0 admixture: B -> K0/K0bar X (64 +- 4)%, B -> Lambda/Lambdabar X (4.0 +- 0.5)%;
///   per B Bbar event K_S 0.64 +- 0.04, Lambda 0.080 +- 0.010.
/// Where Pythia's default (LEP-tuned) fragmentation and its B decay tables differ from these
/// by more than the measurement errors, the tolerance says so and docs/physics/generators.md
/// records the difference (a gross error, such as a missing or doubled decay, still fails).
final class HadronicGeneratorTests: XCTestCase {
    static let chargedStable: Set<Int32> = [11, 13, 211, 321, 2212]

    /// The pinned package version is stated twice (Makefile downloads, Swift looks for its
    /// cache directory); they must agree.
    func testPinnedVersionMatchesTheMakefile() throws {
        let makefile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../External/Pythia8/Makefile").standardized
        let text = try String(contentsOf: makefile, encoding: .utf8)
        let line = text.split(separator: "\n").first { $0.hasPrefix("PYTHIA8_VERSION") }
        XCTAssertEqual(line?.split(separator: "=").last?.trimmingCharacters(in: .whitespaces),
                       Pythia8Installation.packageVersion)
    }

    /// A missing library is an error naming the path and `make deps`, not a crash.
    func testMissingLibraryNamesPathAndMakeDeps() {
        let nowhere = Pythia8Installation(home: URL(fileURLWithPath: "/nonexistent/darksector-pythia"))
        XCTAssertThrowsError(try Pythia8Instance(settings: [], installation: nowhere)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("/nonexistent/darksector-pythia/lib/libdarksector_pythia8.so"), text)
            XCTAssertTrue(text.contains("make deps"), text)
        }
    }

    /// The independent ISR convolution reproduces the Physics Book's KKMC cross sections
    /// (hadronic thresholds 2 m_pi, 2 m_K, 2 m_c with m_c = 1.5 GeV): u, d, c within 3%,
    /// s within 5% (its threshold at 2 m_K is the crudest part).
    func testQuarkPairFormulaReproducesThePhysicsBook() {
        let sqrtS = BelleIIBeams.y4S.sqrtS
        let cases: [(Int32, Double, Double, Double, Double)] = [
            (2, 2.0 / 3, 0, 2 * ParticleMass.chargedPion, 0.03),
            (1, -1.0 / 3, 0, 2 * ParticleMass.chargedPion, 0.03),
            (3, -1.0 / 3, 0, 2 * ParticleMass.chargedKaon, 0.05),
            (4, 2.0 / 3, 1.5, 3.0, 0.03),
        ]
        for (q, charge, mass, threshold, tolerance) in cases {
            let formula = QuarkPairCrossSectionFormula.crossSectionNb(sqrtS: sqrtS, charge: charge, quarkMass: mass,
                                                                      minimumMass: threshold)
            let book = ContinuumQuarkPairSampler.physicsBookNb[q]!
            XCTAssertEqual(formula / book, 1, accuracy: tolerance, "q = \(q): formula \(formula) nb, Physics Book \(book) nb")
        }
    }

    /// Pythia's cross section for its sample (m(q qbar) > 4 GeV) against the same formula
    /// above 4 GeV (within 5%; found 2.6% below), and the stored constants the production
    /// normalises with against a live run (within 4 sigma of the live run's error).
    func testPythiaCrossSectionsAboveFourGeV() throws {
        try PythiaRequirement.require()
        let sqrtS = BelleIIBeams.y4S.sqrtS
        let charges: [Int32: (Double, Double)] = [1: (-1.0 / 3, 0), 2: (2.0 / 3, 0), 3: (-1.0 / 3, 0), 4: (2.0 / 3, 1.5)]
        for flavours in [ContinuumQuarkPairSampler.Flavours.uubar, .ddbar, .ssbar, .ccbar] {
            let sampler = ContinuumQuarkPairSampler(flavours: flavours)
            let live = sampler.pythiaCrossSectionNb(events: 6000, using: RandomStream(seed: 5, stream: 1))
            let q = flavours.pdgCodes[0]
            let formula = QuarkPairCrossSectionFormula.crossSectionNb(sqrtS: sqrtS, charge: charges[q]!.0,
                                                                      quarkMass: charges[q]!.1, minimumMass: 4)
            XCTAssertEqual(live.value / formula, 1, accuracy: 0.05, "\(flavours): Pythia \(live.value) nb, formula \(formula) nb")
            let stored = flavours.pythiaCrossSectionNb
            XCTAssertEqual(live.value, stored.value, accuracy: 4 * (live.error * live.error + stored.error * stored.error).squareRoot(),
                           "\(flavours): stored \(stored.value) nb no longer what Pythia gives")
        }
    }

    struct Rates { var events = 0; var charged = 0; var kShort = 0; var lambda = 0 }

    static func rates(of records: [[Pythia8Particle]]) -> Rates {
        var r = Rates()
        for record in records {
            r.events += 1
            for q in record {
                let a = abs(q.id)
                if q.status > 0 && chargedStable.contains(a) { r.charged += 1 }
                if a == 310 { r.kShort += 1 }
                if a == 3122 { r.lambda += 1 }
            }
        }
        return r
    }

    /// Continuum (u, d, s, c weighted by their cross sections): charged multiplicity, K_S
    /// and Lambda per event.
    func testContinuumMultiplicityAndStrangeRates() throws {
        try PythiaRequirement.require()
        let n = 4000
        var mean = (charged: 0.0, kShort: 0.0, lambda: 0.0)
        var total = 0.0
        for (k, flavours) in [ContinuumQuarkPairSampler.Flavours.uds, .ccbar].enumerated() {
            let sampler = ContinuumQuarkPairSampler(flavours: flavours)
            let rng = RandomStream(seed: 11, stream: UInt64(k))
            let r = Self.rates(of: (0..<n).map { _ in sampler.nextRecord(using: rng) })
            let sigma = sampler.exactCrossSectionFb!.value
            total += sigma
            mean.charged += sigma * Double(r.charged) / Double(n)
            mean.kShort += sigma * Double(r.kShort) / Double(n)
            mean.lambda += sigma * Double(r.lambda) / Double(n)
        }
        mean = (mean.charged / total, mean.kShort / total, mean.lambda / total)
        // ARGUS 8.35 +- 0.20 (radiatively corrected, at 10.47 GeV); Pythia with ISR ~7.3:
        // its default tune is ~12% low at this energy (docs/physics/generators.md).
        XCTAssertEqual(mean.charged / 8.35, 1, accuracy: 0.15, "continuum <n_ch> = \(mean.charged)")
        XCTAssertEqual(mean.kShort, 0.455, accuracy: 3 * 0.025 + 0.02, "continuum K_S per event")
        XCTAssertEqual(mean.lambda / 0.080, 1, accuracy: 0.30, "continuum Lambda per event = \(mean.lambda)")
    }

    /// Upsilon(4S) -> B Bbar: charged multiplicity (ARGUS, CLEO), K_S and Lambda per event
    /// (PDG inclusive B branching fractions).
    func testBBbarMultiplicityAndStrangeRates() throws {
        try PythiaRequirement.require()
        let sampler = UpsilonFourSSampler()
        let rng = RandomStream(seed: 12, stream: 0)
        let n = 4000
        let r = Self.rates(of: (0..<n).map { _ in sampler.nextRecord(using: rng) })
        let charged = Double(r.charged) / Double(n)
        // ARGUS 10.81 +- 0.24, CLEO 10.71 +0.21 -0.15: within 3 sigma of ARGUS.
        XCTAssertEqual(charged, 10.81, accuracy: 3 * 0.24, "B Bbar <n_ch>")
        XCTAssertEqual(charged, 10.71, accuracy: 3 * 0.21, "B Bbar <n_ch>")
        // Pythia's B tables give ~0.79 K_S and ~0.057 Lambda per event: +24% and -29% from
        // the PDG inclusive rates (docs/physics/generators.md).
        XCTAssertEqual(Double(r.kShort) / Double(n) / 0.64, 1, accuracy: 0.30, "B Bbar K_S per event")
        XCTAssertEqual(Double(r.lambda) / Double(n) / 0.080, 1, accuracy: 0.40, "B Bbar Lambda per event")
    }

    /// B momentum in the CMS: sqrt(s/4 - m_B^2) = 0.332 (B+) and 0.327 (B0) GeV/c, the
    /// familiar ~0.33 GeV/c; angular distribution sin^2(theta*): <cos^2> = 1/5 (isotropic 1/3).
    func testBMomentumAndAngleInTheCMS() throws {
        try PythiaRequirement.require()
        let sampler = UpsilonFourSSampler()
        let rng = RandomStream(seed: 13, stream: 0)
        var p = 0.0, cos2 = 0.0, charged = 0
        let n = 3000
        for _ in 0..<n {
            let record = sampler.nextRecord(using: rng)
            let b = record.filter { [511, 521].contains(abs($0.id)) && $0.mother1 == 0 }
            XCTAssertEqual(b.count, 2)
            XCTAssertEqual(b[0].id, -b[1].id)
            XCTAssertEqual(b[0].px + b[1].px, 0, accuracy: 1e-9)
            if abs(b[0].id) == 521 { charged += 1 }
            p += b[0].momentum
            cos2 += (b[0].pz / b[0].momentum) * (b[0].pz / b[0].momentum)
        }
        XCTAssertEqual(p / Double(n), 0.33, accuracy: 0.005)
        let fCharged = Double(charged) / Double(n)
        XCTAssertEqual(fCharged, 0.514, accuracy: 4 * (0.514 * 0.486 / Double(n)).squareRoot())
        XCTAssertEqual(p / Double(n), fCharged * 0.3317 + (1 - fCharged) * 0.3266, accuracy: 1e-3)
        XCTAssertEqual(cos2 / Double(n), 0.2, accuracy: 4 * (0.0457 / Double(n)).squareRoot())
    }

    /// Lab frame: the final state of every event sums to the beams' four-momentum (no beam
    /// energy spread; Pythia's ISR photons are part of the final state).
    func testLabFourMomentumConservation() throws {
        try PythiaRequirement.require()
        let total = BelleIIBeams.y4S.total
        let generators: [any EventGenerator] = [SampledGenerator(sampler: ContinuumQuarkPairSampler(flavours: .uds)),
                                                SampledGenerator(sampler: ContinuumQuarkPairSampler(flavours: .ccbar)),
                                                SampledGenerator(sampler: UpsilonFourSSampler())]
        for generator in generators {
            let process = generator.processName
            let rng = RandomStream(seed: 14, stream: 0)
            var event = GeneratedEvent()
            for _ in 0..<100 {
                generator.generate(into: &event, using: rng)
                let sum = event.totalMomentum
                XCTAssertEqual(sum.e, total.e, accuracy: 1e-3, process)
                XCTAssertEqual(sum.px, total.px, accuracy: 1e-3, process)
                XCTAssertEqual(sum.pz, total.pz, accuracy: 1e-3, process)
                XCTAssertEqual(event.vertices.count, event.particles.count)
                XCTAssertEqual(event.weight, 1)
            }
        }
    }

    /// Vertices are boosted as space-time points: a B daughter's lab production vertex lies
    /// on its B's lab trajectory, at the distance (p/E) c t_lab, and the mean B flight length
    /// in the lab is (p/m) c tau (PDG c tau 455.7 um for B0, 491.1 um for B+).
    func testVerticesFollowTheBoostedFlight() throws {
        try PythiaRequirement.require()
        let sampler = UpsilonFourSSampler()
        let transform = sampler.transform
        let rng = RandomStream(seed: 15, stream: 0)
        var sumRatio = 0.0, n = 0
        for _ in 0..<2000 {
            let record = sampler.nextRecord(using: rng)
            for (i, b) in record.enumerated() where [511, 521].contains(abs(b.id)) && b.mother1 == 0 {
                guard b.daughter1 > 0, let d = record.indices.first(where: { record[$0].mother1 == i }) else { continue }
                let bLab = PythiaEventConversion.labMomentum(b, transform: transform)
                let v = PythiaEventConversion.labVertex(record[d], transform: transform)
                let t = PythiaEventConversion.labTimeCm(record[d], transform: transform)
                // On the trajectory: v parallel to p_B(lab) with |v| = (|p|/E) c t.
                let expected = bLab.p * (t / bLab.e)
                XCTAssertEqual(v.x, expected.x, accuracy: 1e-7)
                XCTAssertEqual(v.y, expected.y, accuracy: 1e-7)
                XCTAssertEqual(v.z, expected.z, accuracy: 1e-7)
                let cTauCm = abs(b.id) == 521 ? 0.04911 : 0.04557
                sumRatio += v.magnitude / (bLab.momentum / b.m * cTauCm)
                n += 1
            }
        }
        // Includes mixed B0s, whose flight is still exponential in proper time.
        XCTAssertGreaterThan(n, 3000)
        XCTAssertEqual(sumRatio / Double(n), 1, accuracy: 4 / Double(n).squareRoot())
    }

    /// Same seed and stream, fresh generators: identical events; another stream differs.
    func testReproducibleFromTheShardStream() throws {
        try PythiaRequirement.require()
        let makers: [(String, () -> any EventGenerator)] = [
            ("uds", { SampledGenerator(sampler: ContinuumQuarkPairSampler(flavours: .uds)) }),
            ("bbbar", { SampledGenerator(sampler: UpsilonFourSSampler()) }),
        ]
        for (process, make) in makers {
            func run(_ stream: UInt64) -> [Int32] {
                let g = make()
                let rng = RandomStream(seed: 16, stream: stream)
                var e = GeneratedEvent()
                var ids: [Int32] = []
                for _ in 0..<20 { g.generate(into: &e, using: rng); ids += e.particles.map(\.pdg) }
                return ids
            }
            XCTAssertEqual(run(1), run(1), process)
            XCTAssertNotEqual(run(1), run(2), process)
        }
    }
}
