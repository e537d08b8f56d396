import Foundation
import Testing
import Kinematics
import EventModel
@testable import Detector

/// Muon and electron ID efficiencies and fake rates at the working point.
@Suite struct ParticleIdentificationTests {
    /// Fraction of found tracks of species `pdg` at momentum `p` in the barrel passing `id`.
    func passRate(_ c: DetectorConditions, pdg: Int32, mass: Double, p: Double, n: Int, seed: UInt64,
                  id: (Track) -> Float) -> (Double, Int) {
        let sim = DetectorSimulation(conditions: Fixture.quiet(c))
        let r = TestRandom(seed: seed)
        let wp = Float(c.particleID.workingPoint)
        var pass = 0, found = 0
        for i in 0..<n {
            let particle = Fixture.particle(pdg: pdg, mass: mass, p: p, thetaDeg: Fixture.randomTheta(r, 50, 120),
                                            phi: 2 * .pi * r.uniform())
            guard let t = sim.reconstruct(particles: [particle], weight: 1, eventID: Int64(i), random: r).tracks.first
            else { continue }
            found += 1
            if id(t) > wp { pass += 1 }
        }
        return (Double(pass) / Double(found), found)
    }

    @Test func muonIDEfficiencyAndPionFakeRate() {
        let c = Fixture.mc
        let (eff, n1) = passRate(c, pdg: 13, mass: ParticleMass.muon, p: 2, n: 100_000, seed: 61) { $0.muonID }
        let (fake, n2) = passRate(c, pdg: 211, mass: ParticleMass.chargedPion, p: 2, n: 100_000, seed: 62) { $0.muonID }
        print("muon ID: efficiency \(eff) (published 0.90), pion fake rate \(fake) (published 0.041)")
        // Published: arXiv:2503.11351, 90% muon efficiency at 4.1% pion fake rate (p > 0.7 GeV).
        #expect(abs(eff - 0.90) < 4 * Fixture.binomialError(0.90, n1))
        #expect(abs(fake - 0.041) < 4 * Fixture.binomialError(0.041, n2))
    }

    @Test func dataMuonIDIsLessEfficient() {
        let (mc, _) = passRate(Fixture.mc, pdg: 13, mass: ParticleMass.muon, p: 2, n: 100_000, seed: 63) { $0.muonID }
        let (data, n) = passRate(Fixture.data, pdg: 13, mass: ParticleMass.muon, p: 2, n: 100_000, seed: 63) { $0.muonID }
        print("muon ID efficiency: mc \(mc), data \(data), ratio \(data / mc)")
        #expect(abs(data - Fixture.data.particleID.muonEfficiency) < 4 * Fixture.binomialError(0.875, n))
        #expect(data / mc > 0.96 && data / mc < 0.98)
    }

    @Test func electronIDFromEOverP() {
        let c = Fixture.mc
        let cal = c.calorimeter
        let p = 2.0
        let (eff, n1) = passRate(c, pdg: 11, mass: ParticleMass.electron, p: p, n: 100_000, seed: 71) { $0.electronID }
        let (fake, n2) = passRate(c, pdg: -211, mass: ParticleMass.chargedPion, p: p, n: 100_000, seed: 72) { $0.electronID }
        // Expected from the configured E/p model: Gaussian core (ECL resolution (+) extra width)
        // inside the window, plus the flat bremsstrahlung tail's overlap with the window.
        let w = c.particleID.electronEoPWindow
        let e = p
        let ecl = ((cal.energyNoisePercent / 100 / e) * (cal.energyNoisePercent / 100 / e)
                   + pow(cal.energyStochasticPercent / 100, 2) / e.squareRoot()
                   + pow(cal.energyConstantPercent / 100, 2)).squareRoot()
        let s = cal.electronEoPMean * (ecl * ecl + cal.electronEoPExtraSigma * cal.electronEoPExtraSigma).squareRoot()
        func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.squareRoot()) }
        let core = phi((w.upperBound - cal.electronEoPMean) / s) - phi((w.lowerBound - cal.electronEoPMean) / s)
        let tail = max(0, min(w.upperBound, cal.electronEoPMean) - max(w.lowerBound, 0.5)) / (cal.electronEoPMean - 0.5)
        let trackMatch = cal.trackMatchEfficiency
        let expectedEff = trackMatch * ((1 - cal.electronTailFraction) * core + cal.electronTailFraction * tail)
        let f = cal.pionShowerFraction
        let overlap = max(0, min(w.upperBound, f.upperBound) - max(w.lowerBound, f.lowerBound)) / (f.upperBound - f.lowerBound)
        let expectedFake = trackMatch * cal.pionShowerProbability * overlap * c.particleID.electronHadronShapePassProbability
        print("electron ID: efficiency \(eff) (expected \(expectedEff)), pion fake \(fake) (expected \(expectedFake))")
        #expect(abs(eff - expectedEff) < 4 * Fixture.binomialError(expectedEff, n1))
        #expect(abs(fake - expectedFake) < 4 * Fixture.binomialError(expectedFake, n2) + 1e-4)
    }
}
