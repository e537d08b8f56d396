import Foundation
import Testing
import Kinematics
import EventModel
@testable import Detector

/// Two-track vertex resolution and chi2.
@Suite struct VertexTests {
    @Test func displacedVertexPullsAndChi2() {
        let sim = DetectorSimulation(conditions: Fixture.quiet(Fixture.mc))
        let r = TestRandom(seed: 131)
        let v = ThreeVector(x: 1.0, y: 0.5, z: 2.0)   // cm; r = 1.1 cm, inside the outer PXD layer, so full VXD resolution
        let n = 20_000
        var chi2 = 0.0, pullZ2 = 0.0, count = 0
        let t = Fixture.mc.tracking
        for i in 0..<n {
            let phi = 2 * .pi * r.uniform()
            let a = Fixture.particle(pdg: 13, mass: ParticleMass.muon, p: 2, thetaDeg: 90, phi: phi)
            let b = Fixture.particle(pdg: -13, mass: ParticleMass.muon, p: 2, thetaDeg: 90, phi: phi + 2.0)
            let ev = sim.reconstruct(particles: [a, b], weight: 1, eventID: Int64(i), vertices: [v, v], random: r)
            guard let vx = ev.vertices.first else { continue }
            count += 1
            chi2 += Double(vx.chi2)
            // Expected z resolution: two tracks' z0 combined (sin(theta) = 1).
            let beta = 2 / (4 + ParticleMass.muon * ParticleMass.muon).squareRoot()
            let sz0 = ((t.z0ConstantUm * t.z0ConstantUm
                        + pow(t.z0MultipleScatteringUmGeV / (2 * beta), 2)).squareRoot()) * 1e-4
            let pz = (vx.position.z - v.z) / (sz0 / 2.squareRoot())
            pullZ2 += pz * pz
        }
        print("vertex: \(count) fits, <chi2> \(chi2 / Double(count)) (expected 1), z pull RMS \((pullZ2 / Double(count)).squareRoot())")
        #expect(abs(chi2 / Double(count) - 1) < 0.05)
        #expect(abs((pullZ2 / Double(count)).squareRoot() - 1) < 0.03)
    }
}
