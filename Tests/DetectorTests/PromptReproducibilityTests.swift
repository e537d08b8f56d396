import XCTest
import Foundation
import Kinematics
import EventModel
@testable import Detector

/// Decays in flight (issue #19) must leave prompt events as they were: samples of the
/// existing searches are reproduced from their seeds. This reconstructs a fixed mixture of
/// prompt events (muon and electron pairs with photons, pi0s, many-pion events above the
/// vertex fit's old 8-track cap, tau-like daughters displaced by a few hundred microns, i.e.
/// inside the beam pipe) and hashes every reconstructed quantity except the vertex table
/// (which the two-track fit now computes from the measured tracks), and one number drawn
/// after the last event (the random sequence consumed). The expected digest was recorded
/// with the detector of commit 69a0316, before the decay-in-flight hooks.
final class PromptReproducibilityTests: XCTestCase {
    static let digestBeforeDecaysInFlight: UInt64 = 2_774_506_731_634_057_914

    struct Digest {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ x: UInt64) {
            var v = x
            for _ in 0..<8 { h ^= v & 0xff; h = h &* 0x100_0000_01b3; v >>= 8 }
        }
        mutating func add(_ x: Double) { add(x.bitPattern) }
        mutating func add(_ x: Float) { add(UInt64(x.bitPattern)) }
    }

    static func promptEvents(random r: TestRandom, index i: Int) -> ([Particle], [ThreeVector]) {
        func p(_ pdg: Int32, _ mass: Double, _ mom: Double) -> Particle {
            Fixture.particle(pdg: pdg, mass: mass, p: mom, thetaDeg: Fixture.randomTheta(r, 12, 160),
                             phi: 2 * .pi * r.uniform())
        }
        var particles: [Particle] = []
        var vertices: [ThreeVector] = []
        switch i % 4 {
        case 0:
            particles = [p(13, ParticleMass.muon, 1 + 4 * r.uniform()), p(-13, ParticleMass.muon, 1 + 4 * r.uniform()),
                         p(22, 0, 0.05 + 3 * r.uniform())]
            vertices = [.zero, .zero, .zero]
        case 1:
            particles = [p(11, ParticleMass.electron, 0.5 + 4 * r.uniform()), p(-11, ParticleMass.electron, 0.5 + 4 * r.uniform()),
                         p(111, ParticleMass.neutralPion, 0.2 + 2 * r.uniform()), p(22, 0, 0.1 + r.uniform())]
            vertices = [.zero, .zero, .zero, .zero]
        case 2:
            for k in 0..<12 {
                particles.append(p(k % 2 == 0 ? 211 : -211, ParticleMass.chargedPion, 0.1 + 1.5 * r.uniform()))
                vertices.append(.zero)
            }
            particles.append(p(111, ParticleMass.neutralPion, 0.1 + r.uniform())); vertices.append(.zero)
            particles.append(p(321, ParticleMass.chargedKaon, 0.3 + r.uniform())); vertices.append(.zero)
            particles.append(p(-2212, 0.938_272_088_16, 0.5 + r.uniform())); vertices.append(.zero)
        default:
            // Tau-pair-like: daughters from points a few hundred microns away (inside the beam pipe).
            let v1 = ThreeVector(x: 0.02 * r.gaussian(), y: 0.02 * r.gaussian(), z: 0.03 * r.gaussian())
            let v2 = ThreeVector(x: 0.02 * r.gaussian(), y: 0.02 * r.gaussian(), z: 0.03 * r.gaussian())
            particles = [p(-211, ParticleMass.chargedPion, 0.02 + 3 * r.uniform()), p(111, ParticleMass.neutralPion, 1),
                         p(211, ParticleMass.chargedPion, 0.5 + 2 * r.uniform()), p(-211, ParticleMass.chargedPion, 0.3),
                         p(211, ParticleMass.chargedPion, 0.04), p(12, 0, 1)]
            vertices = [v1, v1, v2, v2, v2, v1]
        }
        return (particles, vertices)
    }

    func testPromptEventsUnchanged() {
        let sim = DetectorSimulation(conditions: Fixture.mc)
        let r = TestRandom(seed: 20261205)
        var d = Digest()
        for i in 0..<4000 {
            let (particles, vertices) = Self.promptEvents(random: r, index: i)
            let ev = sim.reconstruct(particles: particles, weight: 1, eventID: Int64(i), vertices: vertices, random: r)
            d.add(UInt64(ev.trigger.rawValue)); d.add(ev.extraEnergy); d.add(UInt64(bitPattern: Int64(ev.nPi0)))
            d.add(UInt64(bitPattern: Int64(ev.nKLMNeutral)))
            d.add(UInt64(ev.tracks.count)); d.add(UInt64(ev.clusters.count))
            for t in ev.tracks {
                d.add(UInt64(bitPattern: Int64(t.charge)))
                d.add(t.momentum.x); d.add(t.momentum.y); d.add(t.momentum.z)
                d.add(t.vertex.x); d.add(t.vertex.y); d.add(t.vertex.z)
                d.add(t.muonID); d.add(t.electronID); d.add(t.pionID); d.add(t.kaonID); d.add(t.clusterEnergy)
            }
            for c in ev.clusters {
                d.add(c.energy); d.add(c.theta); d.add(c.phi); d.add(c.time); d.add(UInt64(c.trackMatched ? 1 : 0))
            }
            for q in ev.particles { d.add(UInt64(bitPattern: Int64(q.pdg))); d.add(q.momentum.e) }
        }
        d.add(r.uniform())
        print("prompt digest: \(d.h)")
        XCTAssertEqual(d.h, Self.digestBeforeDecaysInFlight, "prompt events' reconstruction changed")
    }
}
