import Foundation
import Testing
import Kinematics
import EventModel
@testable import Detector

/// Trigger lines against their configured efficiencies and geometry.
@Suite struct TriggerTests {
    /// Two muons of 4 GeV at the given lab polar angles with transverse opening angle `dphiDeg`.
    func dimuon(theta1: Double, theta2: Double, dphiDeg: Double, phi0: Double) -> [Particle] {
        [Fixture.particle(pdg: 13, mass: ParticleMass.muon, p: 4, thetaDeg: theta1, phi: phi0),
         Fixture.particle(pdg: -13, mass: ParticleMass.muon, p: 4, thetaDeg: theta2, phi: phi0 + dphiDeg * .pi / 180)]
    }

    func twoTrackRate(_ c: DetectorConditions, theta1: Double, theta2: Double, dphiDeg: Double, n: Int,
                      seed: UInt64) -> Double {
        let sim = DetectorSimulation(conditions: Fixture.quiet(c))
        let r = TestRandom(seed: seed)
        var fired = 0, twoTracks = 0
        for i in 0..<n {
            let ev = sim.reconstruct(particles: dimuon(theta1: theta1, theta2: theta2, dphiDeg: dphiDeg,
                                                       phi0: 2 * .pi * r.uniform()),
                                     weight: 1, eventID: Int64(i), random: r)
            guard ev.tracks.count == 2 else { continue }
            twoTracks += 1
            if ev.trigger.contains(.twoTrack) { fired += 1 }
        }
        return Double(fired) / Double(twoTracks)
    }

    @Test func twoTrackEfficiencyAndOpeningAngle() {
        let t = Fixture.mc.triggers
        let n = 50_000
        let backToBack = twoTrackRate(Fixture.mc, theta1: 70, theta2: 110, dphiDeg: 180, n: n, seed: 81)
        let atThreshold = twoTrackRate(Fixture.mc, theta1: 70, theta2: 110, dphiDeg: t.twoTrackMinOpeningAngleDeg,
                                       n: n, seed: 82)
        let narrow = twoTrackRate(Fixture.mc, theta1: 70, theta2: 110, dphiDeg: 40, n: n, seed: 83)
        print("two-track trigger: back-to-back \(backToBack) (configured \(t.twoTrackEfficiency)), at 90 deg \(atThreshold), at 40 deg \(narrow)")
        #expect(abs(backToBack - t.twoTrackEfficiency) < 4 * Fixture.binomialError(t.twoTrackEfficiency, n))
        // At the threshold the logistic turn-on is at half height (track-angle smearing is mrad).
        #expect(abs(atThreshold - t.twoTrackEfficiency / 2) < 0.02)
        #expect(narrow < 0.001)
    }

    @Test func dataTwoTrackLowerInForwardBarrelOnly() {
        let n = 50_000
        let mcForward = twoTrackRate(Fixture.mc, theta1: 45, theta2: 110, dphiDeg: 180, n: n, seed: 84)
        let dataForward = twoTrackRate(Fixture.data, theta1: 45, theta2: 110, dphiDeg: 180, n: n, seed: 84)
        let dataCentral = twoTrackRate(Fixture.data, theta1: 75, theta2: 110, dphiDeg: 180, n: n, seed: 85)
        let t = Fixture.data.triggers
        print("two-track trigger forward barrel: mc \(mcForward), data \(dataForward); data central \(dataCentral)")
        let expected = t.twoTrackEfficiency * t.twoTrackForwardBarrelFactor
        #expect(abs(dataForward - expected) < 4 * Fixture.binomialError(expected, n))
        #expect(abs(dataCentral - t.twoTrackEfficiency) < 4 * Fixture.binomialError(t.twoTrackEfficiency, n))
    }

    @Test func singlePhotonWithBhabhaVeto() {
        let sim = DetectorSimulation(conditions: Fixture.quiet(Fixture.mc))
        let beams = BelleIIBeams.y4S
        let r = TestRandom(seed: 91)
        let n = 20_000
        var photonFired = 0, bhabhaFired = 0, photonSeen = 0
        for i in 0..<n {
            // A 4 GeV CMS photon into the barrel.
            let g = beams.toLab(FourVector(e: 4, p: ThreeVector(magnitude: 4, theta: 1.6, phi: 2 * .pi * r.uniform())))
            let ev = sim.reconstruct(particles: [Particle(pdg: 22, momentum: g)], weight: 1, eventID: Int64(i), random: r)
            if !ev.clusters.isEmpty { photonSeen += 1; if ev.trigger.contains(.singlePhoton) { photonFired += 1 } }
            // A back-to-back e+e- pair at full beam energy (Bhabha).
            let phi = 2 * .pi * r.uniform()
            let e1 = beams.toLab(FourVector(mass: ParticleMass.electron, momentum: ThreeVector(magnitude: 5.29, theta: 1.4, phi: phi)))
            let e2 = beams.toLab(FourVector(mass: ParticleMass.electron, momentum: ThreeVector(magnitude: -5.29, theta: 1.4, phi: phi)))
            let bb = sim.reconstruct(particles: [Particle(pdg: 11, momentum: e1), Particle(pdg: -11, momentum: e2)],
                                     weight: 1, eventID: Int64(i), random: r)
            if bb.trigger.contains(.singlePhoton) || bb.trigger.contains(.eclEnergy) { bhabhaFired += 1 }
        }
        let eff = Double(photonFired) / Double(photonSeen)
        let expected = Fixture.mc.triggers.singlePhotonEfficiency
        print("single-photon trigger: \(eff) (configured \(expected)); Bhabha ECL-line rate \(Double(bhabhaFired) / Double(n))")
        #expect(abs(eff - expected) < 4 * Fixture.binomialError(expected, photonSeen))
        // Bhabhas with both clusters reconstructed are vetoed; only tail/matching losses leak through.
        #expect(Double(bhabhaFired) / Double(n) < 0.15)
    }
}
