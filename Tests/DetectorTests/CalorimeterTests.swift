import Foundation
import Testing
import Kinematics
import EventModel
@testable import Detector

/// ECL energy resolution, photon efficiency and regions against the configured figures.
@Suite struct CalorimeterTests {
    let sim = DetectorSimulation(conditions: Fixture.quiet(Fixture.mc))

    /// sigma_E/E from the published parametrisation, in the test's own words.
    func formula(_ e: Double) -> Double {
        let c = Fixture.mc.calorimeter
        let a = c.energyNoisePercent / 100 / e
        let b = c.energyStochasticPercent / 100 / pow(e, 0.25)
        let k = c.energyConstantPercent / 100
        return (a * a + b * b + k * k).squareRoot()
    }

    func photons(energy: Double, thetaDeg: Double, n: Int, seed: UInt64, sim: DetectorSimulation)
        -> (energies: [Double], found: Int) {
        let r = TestRandom(seed: seed)
        var energies: [Double] = []
        var found = 0
        for i in 0..<n {
            let g = Particle(pdg: 22, momentum: FourVector(e: energy, p: ThreeVector(
                magnitude: energy, theta: thetaDeg * .pi / 180, phi: 2 * .pi * r.uniform())))
            let ev = sim.reconstruct(particles: [g], weight: 1, eventID: Int64(i), random: r)
            if let c = ev.clusters.first { energies.append(c.energy); found += 1 }
        }
        return (energies, found)
    }

    @Test(arguments: [0.1, 1.0, 4.0])
    func energyResolutionMatchesFormula(energy: Double) {
        let (es, n) = photons(energy: energy, thetaDeg: 80, n: 100_000, seed: 21, sim: sim)
        let mean = es.reduce(0, +) / Double(n)
        let rms = (es.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)).squareRoot()
        let expected = formula(energy)
        print("sigma_E/E at \(energy) GeV: measured \(rms / energy), formula \(expected)")
        #expect(abs(rms / energy - expected) < 4 * expected / (2 * Double(n)).squareRoot())
        #expect(abs(mean - energy) < 4 * rms / Double(n).squareRoot())
    }

    @Test func photonEfficiencyByRegion() {
        let n = 50_000
        let c = Fixture.mc.calorimeter
        // Inside the crystals: 1 - exp(-(7/9) 30 cm / 1.86 cm) (PDG CsI X0), 0.9999964.
        let crystals = 1 - exp(-7.0 / 9.0 * 30.0 / 1.86)
        for (theta, expected, name) in [(80.0, crystals, "barrel"),
                                        (20.0, crystals, "forward endcap"),
                                        (140.0, crystals, "backward endcap"),
                                        (31.8, c.photonEfficiencyGap, "forward gap"),
                                        (129.7, c.photonEfficiencyGap, "backward gap")] {
            let (_, found) = photons(energy: 1.0, thetaDeg: theta, n: n, seed: 31, sim: sim)
            let eff = Double(found) / Double(n)
            print("photon efficiency at 1 GeV, \(name): \(eff) (configured \(expected))")
            #expect(abs(eff - expected) < 4 * Fixture.binomialError(expected, n), "\(name)")
        }
    }

    @Test func dataHasExtraGapInefficiency() {
        let dataSim = DetectorSimulation(conditions: Fixture.quiet(Fixture.data))
        let n = 50_000
        let (_, mc) = photons(energy: 1.0, thetaDeg: 31.8, n: n, seed: 41, sim: sim)
        let (_, data) = photons(energy: 1.0, thetaDeg: 31.8, n: n, seed: 41, sim: dataSim)
        let expected = Fixture.data.calorimeter.photonEfficiencyGap
        print("gap photon efficiency: mc \(Double(mc) / Double(n)), data \(Double(data) / Double(n))")
        #expect(abs(Double(data) / Double(n) - expected) < 4 * Fixture.binomialError(expected, n))
        #expect(data < mc)
    }

    @Test func eclRegionBoundariesMatchBasf2() {
        let acc = Acceptance(Fixture.mc.acceptance)
        func region(_ deg: Double) -> ECLRegion { acc.eclRegion(cosTheta: cos(deg * .pi / 180)) }
        // basf2 ECLCluster::getDetectorRegion boundaries: 12.4, 31.4, 32.2, 128.7, 130.7, 155.1 deg.
        #expect(region(12.3) == .outside)
        #expect(region(12.5) == .forwardEndcap)
        #expect(region(31.3) == .forwardEndcap)
        #expect(region(31.5) == .forwardGap)
        #expect(region(32.3) == .barrel)
        #expect(region(128.6) == .barrel)
        #expect(region(128.8) == .backwardGap)
        #expect(region(130.8) == .backwardEndcap)
        #expect(region(155.0) == .backwardEndcap)
        #expect(region(155.2) == .outside)
    }

    @Test func angularResolutionAtOneGeV() {
        let r = TestRandom(seed: 51)
        let n = 50_000
        var sum2 = 0.0, found = 0
        for i in 0..<n {
            let g = Particle(pdg: 22, momentum: FourVector(e: 1, p: ThreeVector(magnitude: 1, theta: .pi / 2, phi: 0.5)))
            let ev = sim.reconstruct(particles: [g], weight: 1, eventID: Int64(i), random: r)
            if let c = ev.clusters.first { sum2 += (c.theta - .pi / 2) * (c.theta - .pi / 2); found += 1 }
        }
        let c = Fixture.mc.calorimeter
        let expected = ((c.angleConstantMrad * c.angleConstantMrad
                         + c.angleStochasticMradSqrtGeV * c.angleStochasticMradSqrtGeV).squareRoot()) * 1e-3
        let measured = (sum2 / Double(found)).squareRoot()
        print("ECL theta resolution at 1 GeV: \(measured * 1e3) mrad (configured \(expected * 1e3))")
        // The energy is smeared before the angle resolution is evaluated: allow 2%.
        #expect(abs(measured - expected) < 0.02 * expected)
    }
}
