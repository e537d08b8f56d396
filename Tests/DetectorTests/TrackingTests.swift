import Foundation
import Testing
import Kinematics
import EventModel
@testable import Detector

/// Tracking resolution, efficiency and acceptance against the configured figures.
@Suite struct TrackingTests {
    let sim = DetectorSimulation(conditions: Fixture.quiet(Fixture.mc))

    /// sigma(pT)/pT from the published formula, written out here independently of the code.
    func formula(_ c: DetectorConditions, pt: Double, beta: Double) -> Double {
        let a = c.tracking.momentumResolutionA, b = c.tracking.momentumResolutionB
        return ((a * pt) * (a * pt) + (b / beta) * (b / beta)).squareRoot()
    }

    /// Measured RMS of (pT_reco - pT_true)/pT_true over `n` single muons at fixed p, theta = 90 deg.
    func measuredRelativeSigma(_ sim: DetectorSimulation, p: Double, n: Int, seed: UInt64) -> (Double, Int) {
        let r = TestRandom(seed: seed)
        var sum = 0.0, sum2 = 0.0, found = 0
        for i in 0..<n {
            let mu = Fixture.particle(pdg: 13, mass: ParticleMass.muon, p: p, thetaDeg: 90,
                                      phi: 2 * .pi * r.uniform())
            let ev = sim.reconstruct(particles: [mu], weight: 1, eventID: Int64(i), random: r)
            guard let t = ev.tracks.first else { continue }
            let d = (t.momentum.perp - mu.momentum.pt) / mu.momentum.pt
            sum += d; sum2 += d * d; found += 1
        }
        let mean = sum / Double(found)
        return ((sum2 / Double(found) - mean * mean).squareRoot(), found)
    }

    @Test(arguments: [0.3, 1.0, 5.0])
    func momentumResolutionMatchesFormula(p: Double) {
        let n = 100_000
        let (sigma, found) = measuredRelativeSigma(sim, p: p, n: n, seed: 11)
        let beta = p / (p * p + ParticleMass.muon * ParticleMass.muon).squareRoot()
        let expected = formula(Fixture.mc, pt: p, beta: beta)
        // Statistical precision of an RMS: sigma/sqrt(2N).
        let tolerance = 4 * expected / (2 * Double(found)).squareRoot()
        print("sigma(pT)/pT at p = \(p): measured \(sigma), formula \(expected), N = \(found)")
        #expect(abs(sigma - expected) < tolerance)
    }

    @Test func dataResolutionIsWorseAsConfigured() {
        let dataSim = DetectorSimulation(conditions: Fixture.quiet(Fixture.data))
        let (mcSigma, _) = measuredRelativeSigma(sim, p: 5, n: 50_000, seed: 3)
        let (dataSigma, n) = measuredRelativeSigma(dataSim, p: 5, n: 50_000, seed: 3)
        let beta = 5 / (25 + ParticleMass.muon * ParticleMass.muon).squareRoot()
        let expected = formula(Fixture.data, pt: 5, beta: beta)
        print("sigma(pT)/pT at 5 GeV: mc \(mcSigma), data \(dataSigma) (data formula \(expected))")
        #expect(abs(dataSigma - expected) < 4 * expected / (2 * Double(n)).squareRoot())
        #expect(dataSigma > mcSigma * 1.05)
    }

    @Test func efficiencyPlateauAndTurnOn() {
        let r = TestRandom(seed: 5)
        let n = 100_000
        func efficiency(pt: Double) -> Double {
            var found = 0
            for i in 0..<n {
                let mu = Fixture.particle(pdg: -13, mass: ParticleMass.muon, p: pt, thetaDeg: 90,
                                          phi: 2 * .pi * r.uniform())
                if !sim.reconstruct(particles: [mu], weight: 1, eventID: Int64(i), random: r).tracks.isEmpty { found += 1 }
            }
            return Double(found) / Double(n)
        }
        let plateau = Fixture.mc.tracking.efficiencyPlateau
        let high = efficiency(pt: 2.0)
        let half = efficiency(pt: Fixture.mc.tracking.turnOnPtGeV)
        print("tracking efficiency: pT = 2 GeV \(high) (configured \(plateau)); at turn-on \(half) (expected \(plateau / 2))")
        #expect(abs(high - plateau) < 4 * Fixture.binomialError(plateau, n))
        #expect(abs(half - plateau / 2) < 4 * Fixture.binomialError(0.5, n))
    }

    @Test func cdcAcceptanceEdges() {
        let r = TestRandom(seed: 9)
        let cdc = Fixture.mc.acceptance.cdcThetaDeg
        for (theta, inside) in [(cdc.lowerBound - 0.3, false), (cdc.lowerBound + 0.3, true),
                                (cdc.upperBound - 0.3, true), (cdc.upperBound + 0.3, false)] {
            var found = 0
            for i in 0..<2000 {
                let mu = Fixture.particle(pdg: 13, mass: ParticleMass.muon, p: 3, thetaDeg: theta, phi: 0.1)
                found += sim.reconstruct(particles: [mu], weight: 1, eventID: Int64(i), random: r).tracks.count
            }
            #expect(inside ? found > 1900 : found == 0, "theta \(theta): \(found) tracks")
        }
    }

    @Test func chargeFollowsPDGConvention() {
        #expect(DetectorSimulation.charge(pdg: 13) == -1)
        #expect(DetectorSimulation.charge(pdg: -13) == 1)
        #expect(DetectorSimulation.charge(pdg: 211) == 1)
        #expect(DetectorSimulation.charge(pdg: 22) == 0)
        #expect(DetectorSimulation.charge(pdg: PDGID.invisible) == 0)
    }
}
