import Foundation
import Kinematics
import EventModel
import XCTest
@testable import Detector

/// Two-photon merging in one ECL cluster (`PhotonClusterMerging`) against the geometry it
/// models: the local-maximum rule of basf2 on a grid of 5.4 cm crystals at the Belle ECL's
/// front-face distances (barrel 125 cm, endcaps at z = +196 and -102 cm, Belle NIM A479 (2002) 117).
final class PhotonClusterMergingTests: XCTestCase {
    let merging = PhotonClusterMerging.belleII

    /// Two photons at theta = 90 deg (barrel front at 125 cm) separated by `pitches` crystals
    /// along phi and `thetaPitches` along theta.
    func pair(pitches: Double, thetaPitches: Double = 0) -> (ThreeVector, ThreeVector) {
        let dPhi = pitches * 5.4 / 125, dTheta = thetaPitches * 5.4 / 125
        let a = ThreeVector(magnitude: 1, theta: .pi / 2 - dTheta / 2, phi: -dPhi / 2)
        let b = ThreeVector(magnitude: 1, theta: .pi / 2 + dTheta / 2, phi: dPhi / 2)
        return (a, b)
    }

    func mergedFraction(_ a: ThreeVector, _ ea: Double, _ b: ThreeVector, _ eb: Double, n: Int = 20_000,
                        seed: UInt64 = 1) -> Double {
        let r = TestRandom(seed: seed)
        var merged = 0
        for _ in 0..<n where merging.merges(a, ea, b, eb, random: r) { merged += 1 }
        return Double(merged) / Double(n)
    }

    /// Front-face distances: the barrel at 125/sin(theta), the endcaps at 196/cos and 102/|cos|.
    func testFrontDistances() {
        XCTAssertEqual(merging.frontDistanceCm(cosTheta: 0), 125, accuracy: 1e-9)
        XCTAssertEqual(merging.frontDistanceCm(cosTheta: cos(20 * Double.pi / 180)), 196 / cos(20 * Double.pi / 180), accuracy: 1e-9)
        XCTAssertEqual(merging.frontDistanceCm(cosTheta: cos(150 * Double.pi / 180)), 102 / cos(30 * Double.pi / 180), accuracy: 1e-9)
        XCTAssertEqual(merging.frontDistanceCm(cosTheta: cos(60 * Double.pi / 180)), 125 / sin(60 * Double.pi / 180), accuracy: 1e-9)
        // The energy-ratio threshold from the exponential profile (R_M = 3.53 cm, pitch 5.4 cm).
        let k = log(10.0) / 3.53, i = exp(-k * 2.7), o = exp(-k * 8.1)
        XCTAssertEqual(merging.minimumEnergyRatio, 0.5 * (i - o) / (1 - i), accuracy: 1e-12)
        XCTAssertEqual(merging.minimumEnergyRatio, 0.1007, accuracy: 5e-4)
    }

    /// The grid rule's exact probabilities: below one pitch always one cluster, from three
    /// pitches always two; 1.5 pitches along one axis resolved when the first photon sits in
    /// the far half of its crystal (1/2); 1.2 x 1.2 pitches merged when both offsets are below
    /// 0.8 (0.64); at 2.5 pitches a photon with 5% of the other's energy is lost in the
    /// neighbour's leakage whenever the grid puts them two crystals apart (1/2), an equal one never.
    func testGridProbabilities() {
        let n = 20_000
        let tolerance = 4 * Fixture.binomialError(0.5, n)
        var (a, b) = pair(pitches: 0.95)
        XCTAssertEqual(mergedFraction(a, 1, b, 1), 1)
        (a, b) = pair(pitches: 0.7, thetaPitches: 0.7)
        XCTAssertEqual(mergedFraction(a, 1, b, 1), 1)
        (a, b) = pair(pitches: 3.05)
        XCTAssertEqual(mergedFraction(a, 1, b, 1), 0)
        (a, b) = pair(pitches: 1.5)
        XCTAssertEqual(mergedFraction(a, 1, b, 1, seed: 2), 0.5, accuracy: tolerance)
        (a, b) = pair(pitches: 1.2, thetaPitches: 1.2)
        XCTAssertEqual(mergedFraction(a, 1, b, 1, seed: 3), 0.64, accuracy: tolerance)
        (a, b) = pair(pitches: 2.5)
        XCTAssertEqual(mergedFraction(a, 1, b, 1, seed: 4), 0)
        XCTAssertEqual(mergedFraction(a, 1, b, 0.05, seed: 5), 0.5, accuracy: tolerance)
        XCTAssertEqual(mergedFraction(a, 0.05, b, 1, seed: 6), 0.5, accuracy: tolerance)
    }

    /// A boson of energy E decaying isotropically to two photons at theta = 90 deg: its photons'
    /// separation on the barrel front is L psi with psi >= 2 asin(m/E), and for energy fraction
    /// z, psi ~ m/(E sqrt(z(1 - z))). So (i) well below m = E w/(2L) (0.114 GeV at 5.29 GeV) the
    /// share of always-merged decays, those with L psi < w, is the fraction of z with
    /// sqrt(z(1 - z)) > m L/(E w) (0.899 at 0.05 GeV), a lower bound of the merged share; (ii) above
    /// m = E 3 sqrt(2) w/(2L) (0.485 GeV) nothing merges; (iii) the half-merged mass lies between.
    func testMergingOfDiphotonDecaysFollowsTheOpeningAngle() {
        let e = 5.29, n = 20_000
        func mergedShare(mass m: Double, seed: UInt64) -> Double {
            let r = TestRandom(seed: seed)
            let p = (e * e - m * m).squareRoot()
            let boson = FourVector(e: e, px: p, py: 0, pz: 0)
            let boost = LorentzBoost(restFrameOf: boson)
            var merged = 0
            for _ in 0..<n {
                let c = 2 * r.uniform() - 1, phi = 2 * Double.pi * r.uniform()
                let s = (1 - c * c).squareRoot()
                let k = ThreeVector(x: m / 2 * s * cos(phi), y: m / 2 * s * sin(phi), z: m / 2 * c)
                let g1 = boost.apply(FourVector(e: m / 2, p: k)), g2 = boost.apply(FourVector(e: m / 2, p: -k))
                if merging.merges(g1.p, g1.e, g2.p, g2.e, random: r) { merged += 1 }
            }
            return Double(merged) / Double(n)
        }
        let low = 0.05
        let x = low * 125 / (e * 5.4)
        let zEdge = (1 - (1 - 4 * x * x).squareRoot()) / 2
        let bound = 1 - 2 * zEdge
        let atLow = mergedShare(mass: low, seed: 11)
        XCTAssertGreaterThanOrEqual(atLow, bound - 4 * Fixture.binomialError(bound, n))
        XCTAssertEqual(mergedShare(mass: 0.5, seed: 12), 0)
        var previous = 1.0
        var half = 0.0
        var table: [String] = []
        for m in stride(from: 0.05, through: 0.45, by: 0.05) {
            let share = mergedShare(mass: m, seed: UInt64(100 + m * 100))
            table.append(String(format: "%.2f:%.3f", m, share))
            XCTAssertLessThanOrEqual(share, previous + 0.02)
            if previous >= 0.5 && share < 0.5 { half = m }
            previous = share
        }
        print("merged share at E = 5.29 GeV, 90 deg, by mass [GeV]: " + table.joined(separator: " "))
        XCTAssertGreaterThan(half, e * 5.4 / 250)
        XCTAssertLessThan(half, e * 3 * 5.4 / 250)
    }

    /// `merged(_:vertices:random:)`: nil when nothing merges; a close pair becomes one photon with
    /// the summed four-momentum at the first one's vertex, other particles untouched; three
    /// close photons become one.
    func testMergedParticleList() throws {
        let r = TestRandom(seed: 9)
        let (a, b) = pair(pitches: 0.5)
        let far = ThreeVector(magnitude: 1, theta: 1.0, phi: 2.0)
        let list = [Particle(pdg: 22, momentum: FourVector(e: 2, p: a * 2)),
                    Particle(pdg: 211, momentum: FourVector(mass: 0.1396, momentum: far * 1)),
                    Particle(pdg: 22, momentum: FourVector(e: 3, p: b * 3))]
        let vertices = [ThreeVector(x: 1, y: 0, z: 0), .zero, ThreeVector(x: 2, y: 0, z: 0)]
        let out = try XCTUnwrap(merging.merged(list, vertices: vertices, random: r))
        XCTAssertEqual(out.particles.count, 2)
        XCTAssertEqual(out.particles[0].momentum.e, 5, accuracy: 1e-12)
        XCTAssertEqual(out.particles[0].pdg, 22)
        XCTAssertEqual(out.particles[1], list[1])
        XCTAssertEqual(out.vertices?[0].x, 1)
        XCTAssertNil(merging.merged([list[0], list[1]], vertices: nil, random: r))
        let (c, _) = pair(pitches: -0.6)
        let three = list + [Particle(pdg: 22, momentum: FourVector(e: 1, p: c * 1))]
        let merged3 = try XCTUnwrap(merging.merged(three, vertices: nil, random: r))
        XCTAssertEqual(merged3.particles.filter { $0.pdg == 22 }.count, 1)
        XCTAssertEqual(merged3.particles[0].momentum.e, 6, accuracy: 1e-12)
    }
    /// Through the detector (MC conditions, no beam background): two photons half a crystal
    /// apart give one cluster with their summed energy, four crystals apart two clusters, and the
    /// truth record keeps both; a 5.29 GeV pi0 at 90 deg (photons >= 1.2 crystals apart) gives
    /// one cluster in the share of events the rule predicts for its decays (plus about 1% of
    /// decays whose soft photon makes no cluster), a 0.5 GeV pi0 is never merged.
    func testDetectorHook() {
        let sim = DetectorSimulation(conditions: Fixture.quiet(Fixture.mc), storeTruth: true)
        let r = TestRandom(seed: 21)
        let n = 4000
        func photons(_ pitches: Double) -> [Particle] {
            let (a, b) = pair(pitches: pitches)
            return [Particle(pdg: 22, momentum: FourVector(e: 2, p: a * 2)),
                    Particle(pdg: 22, momentum: FourVector(e: 3, p: b * 3))]
        }
        // Half a crystal apart: never two clusters, and one of 5 GeV whenever the photon is seen
        // (photon efficiency, 0.98 or higher depending on the conditions' model).
        var single = 0, two = 0
        for i in 0..<n {
            let event = sim.reconstruct(particles: photons(0.5), weight: 1, eventID: Int64(i), random: r)
            XCTAssertEqual(event.particles.count, 2)
            if event.clusters.count == 2 { two += 1 }
            if event.clusters.count == 1 {
                single += 1
                XCTAssertEqual(event.clusters[0].energy, 5, accuracy: 5 * 0.016 * 5)
            }
        }
        XCTAssertEqual(two, 0)
        XCTAssertGreaterThan(Double(single) / Double(n), 0.95)
        // Four crystals apart: never a cluster with the summed energy, two clusters when both are seen.
        var summed = 0, double = 0
        for i in 0..<n {
            let event = sim.reconstruct(particles: photons(4), weight: 1, eventID: Int64(i), random: r)
            if event.clusters.contains(where: { $0.energy > 4 }) { summed += 1 }
            if event.clusters.count == 2 { double += 1 }
        }
        XCTAssertEqual(summed, 0)
        XCTAssertGreaterThan(Double(double) / Double(n), 0.93)

        // pi0s: the share of single-cluster events against the rule applied to the same decays.
        func pi0Share(energy e: Double, seed: UInt64) -> (detector: Double, rule: Double) {
            let rr = TestRandom(seed: seed)
            let m = 0.1349768
            let p = FourVector(mass: m, momentum: ThreeVector(x: (e * e - m * m).squareRoot(), y: 0, z: 0))
            var one = 0, ruleMerged = 0
            let boost = LorentzBoost(restFrameOf: p)
            for i in 0..<n {
                let event = sim.reconstruct(particles: [Particle(pdg: 111, momentum: p)], weight: 1, eventID: Int64(i), random: rr)
                if event.clusters.count == 1 { one += 1 }
                let c = 2 * rr.uniform() - 1, phi = 2 * Double.pi * rr.uniform()
                let s = (1 - c * c).squareRoot()
                let k = ThreeVector(x: m / 2 * s * cos(phi), y: m / 2 * s * sin(phi), z: m / 2 * c)
                let g1 = boost.apply(FourVector(e: m / 2, p: k)), g2 = boost.apply(FourVector(e: m / 2, p: -k))
                if merging.merges(g1.p, g1.e, g2.p, g2.e, random: rr) { ruleMerged += 1 }
            }
            return (Double(one) / Double(n), Double(ruleMerged) / Double(n))
        }
        let high = pi0Share(energy: 5.29, seed: 22)
        print(String(format: "5.29 GeV pi0 at 90 deg: one cluster in %.3f of events (rule on the decays: %.3f)", high.detector, high.rule))
        XCTAssertEqual(high.detector, high.rule, accuracy: 4 * 2.0.squareRoot() * Fixture.binomialError(high.rule, n) + 0.01)
        XCTAssertGreaterThan(high.rule, 0.3)
        // At 0.5 GeV the photons are >= 0.54 rad apart: the rule never merges; single clusters
        // there are decays with one photon below the cluster threshold or turn-on.
        let low = pi0Share(energy: 0.5, seed: 23)
        XCTAssertEqual(low.rule, 0)
        XCTAssertLessThan(low.detector, 0.15)
    }
}
