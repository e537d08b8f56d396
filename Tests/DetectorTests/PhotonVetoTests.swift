import Foundation
import Testing
import Kinematics
import EventModel
@testable import Detector

/// The photon model of issue #17 against its sources: crystal depth and punch-through
/// (PDG CsI), the ECL gaps (basf2 region boundaries), the edge leakage (PDG Moliere radius)
/// and the KLM as a photon veto (PDG iron X0, KLM plate thickness). Expected values are
/// computed here from the published numbers, not read back from the conditions.
@Suite struct PhotonVetoTests {
    let sim = DetectorSimulation(conditions: Fixture.quiet(Fixture.mc))

    /// PDG: X0(CsI) = 1.86 cm, R_M(CsI) = 3.531 cm, X0(Fe) = 1.757 cm. TDR: 30 cm crystals,
    /// 4.7 cm KLM iron plates.
    static let csiX0Cm = 1.86, csiMoliereCm = 3.531, ironX0Cm = 1.757
    static let crystalLengthCm = 30.0, klmPlateCm = 4.7

    func shoot(energy: Double, thetaDeg: Double, n: Int, seed: UInt64, sim: DetectorSimulation)
        -> (clusters: Int, klm: Int, energies: [Double]) {
        let r = TestRandom(seed: seed)
        var clusters = 0, klm = 0
        var energies: [Double] = []
        for i in 0..<n {
            let g = Particle(pdg: 22, momentum: FourVector(e: energy, p: ThreeVector(
                magnitude: energy, theta: thetaDeg * .pi / 180, phi: 2 * .pi * r.uniform())))
            let ev = sim.reconstruct(particles: [g], weight: 1, eventID: Int64(i), random: r)
            if let c = ev.clusters.first { clusters += 1; energies.append(c.energy) }
            klm += Int(ev.nKLMNeutral)
            #expect(ev.nKLMNeutral == 0 || ev.clusters.isEmpty, "a KLM veto cluster has no ECL cluster in front")
        }
        return (clusters, klm, energies)
    }

    @Test func crystalDepthAndPunchThroughFromPDG() {
        let c = Fixture.mc.calorimeter
        #expect(abs(c.crystalDepthRadiationLengths - Self.crystalLengthCm / Self.csiX0Cm) < 0.05)
        let punch = exp(-7.0 / 9.0 * Self.crystalLengthCm / Self.csiX0Cm)
        #expect(abs((1 - c.photonPlateauEfficiency(.barrel)) - punch) < 0.05 * punch)
        #expect(punch < 1e-5 && punch > 1e-6)
        // Data and simulation agree inside the crystals; they differ only in the gaps.
        #expect(Fixture.data.calorimeter.photonPlateauEfficiency(.barrel) == c.photonPlateauEfficiency(.barrel))
    }

    /// The old flat 0.98 lost 2% of 4 GeV photons in the barrel: 4000 of 200 000 here. Now
    /// the expectation is 0.7 (punch-through), and none of them may vanish without a trace.
    @Test func multiGeVPhotonsInTheCrystalsAlwaysShower() {
        let r = TestRandom(seed: 7)
        var lost = 0
        let n = 200_000
        for i in 0..<n {
            // Uniform in cos(theta) over the three crystal regions, 1 deg from every edge.
            let region = i % 3
            let range: (Double, Double) = region == 0 ? (13.4, 30.4) : region == 1 ? (33.2, 127.7) : (131.7, 154.1)
            let theta = Fixture.randomTheta(r, range.0, range.1)
            let g = Particle(pdg: 22, momentum: FourVector(e: 4, p: ThreeVector(magnitude: 4, theta: theta * .pi / 180,
                                                                               phi: 2 * .pi * r.uniform())))
            let ev = sim.reconstruct(particles: [g], weight: 1, eventID: Int64(i), random: r)
            if ev.clusters.isEmpty && ev.nKLMNeutral == 0 { lost += 1 }
        }
        print("4 GeV photons in the crystals lost without a trace: \(lost) of \(n)")
        #expect(lost <= 4)
    }

    @Test func lowEnergyTurnOn() {
        let c = sim.calorimeter
        #expect(abs(c.photonTurnOn(Fixture.mc.calorimeter.photonTurnOnEnergyGeV) - 0.5) < 1e-12)
        #expect(c.photonTurnOn(0.3) > 0.999_999)
        #expect(c.photonTurnOn(0.01) < 0.1)
        let (found, _, _) = shoot(energy: 0.03, thetaDeg: 80, n: 40_000, seed: 3, sim: sim)
        // At half efficiency, with the 20 MeV cluster threshold and the resolution cutting a
        // little more: between 0.40 and 0.50.
        let eff = Double(found) / 40_000
        print("cluster efficiency of 30 MeV photons in the barrel: \(eff)")
        #expect(eff > 0.40 && eff < 0.55)
    }

    /// Gap geometry: basf2 ECLCluster::getDetectorRegion theta cuts (rad) 0.2164208,
    /// 0.5480334, 0.561996, 2.2462387, 2.2811453, 2.7070057; the gaps are 0.80 and 2.00 deg
    /// wide, i.e. 3.2 and 3.5 cm at the endcap fronts (z = +196 / -102 cm).
    @Test func gapGeometryMatchesBasf2() {
        let a = Fixture.mc.acceptance
        let deg = 180 / Double.pi
        let basf2 = [0.2164208, 0.5480334, 0.561996, 2.2462387, 2.2811453, 2.7070057].map { $0 * deg }
        let ours = [a.eclForwardEndcapThetaDeg.lowerBound, a.eclForwardEndcapThetaDeg.upperBound,
                    a.eclBarrelThetaDeg.lowerBound, a.eclBarrelThetaDeg.upperBound,
                    a.eclBackwardEndcapThetaDeg.lowerBound, a.eclBackwardEndcapThetaDeg.upperBound]
        for (o, b) in zip(ours, basf2) { #expect(abs(o - b) < 0.01, "edge \(o) vs basf2 \(b)") }
        let forwardGap = a.eclBarrelThetaDeg.lowerBound - a.eclForwardEndcapThetaDeg.upperBound
        let backwardGap = a.eclBackwardEndcapThetaDeg.lowerBound - a.eclBarrelThetaDeg.upperBound
        #expect(abs(forwardGap - 0.80) < 0.01 && abs(backwardGap - 2.00) < 0.01)
        let acc = Acceptance(a)
        for theta in stride(from: 31.45, to: 32.2, by: 0.1) {
            #expect(acc.eclRegion(cosTheta: cos(theta / deg)) == .forwardGap)
        }
        for theta in stride(from: 128.75, to: 130.7, by: 0.1) {
            #expect(acc.eclRegion(cosTheta: cos(theta / deg)) == .backwardGap)
        }
        // Both gaps lie inside the KLM's coverage, so the veto can see what crosses them.
        #expect(acc.klm.contains(cosTheta: cos(31.8 / deg)) && acc.klm.contains(cosTheta: cos(129.7 / deg)))
    }

    /// A photon crossing a gap reaches the first KLM iron plate: it converts there with
    /// 1 - exp(-(7/9) 4.7/1.757) = 0.876 and the layer behind fires with the configured
    /// efficiency; in the gap only 1 - 0.85 of photons cross without a shower.
    @Test func klmVetoesPhotonsThatCrossAGap() {
        let conversion = 1 - exp(-7.0 / 9.0 * Self.klmPlateCm / Self.ironX0Cm)
        #expect(abs(conversion - 0.8754) < 0.001)
        let v = Fixture.mc.klmPhotonVeto
        #expect(abs(v.hitProbability - conversion * v.showerDetectionEfficiency) < 0.002)
        let n = 50_000
        for (theta, name) in [(31.8, "forward gap"), (129.7, "backward gap")] {
            let (clusters, klm, _) = shoot(energy: 4, thetaDeg: theta, n: n, seed: 11, sim: sim)
            let crossing = 1 - Fixture.mc.calorimeter.photonEfficiencyGap
            let expected = crossing * conversion * v.showerDetectionEfficiency
            let f = Double(klm) / Double(n)
            print("\(name): clusters \(Double(clusters) / Double(n)), KLM veto \(f) (expected \(expected))")
            #expect(abs(f - expected) < 4 * Fixture.binomialError(expected, n), "\(name)")
            // Lost without a trace: crossing x (1 - hit probability), about 2.5%.
            let silent = Double(n - clusters - klm) / Double(n)
            #expect(abs(silent - crossing * (1 - v.hitProbability)) < 4 * Fixture.binomialError(0.025, n))
        }
        // Beyond the ECL acceptance (and the KLM's) nothing; soft photons leave no KLM cluster.
        #expect(shoot(energy: 4, thetaDeg: 10, n: 2000, seed: 12, sim: sim).klm == 0)
        #expect(shoot(energy: 0.05, thetaDeg: 31.8, n: 20_000, seed: 13, sim: sim).klm == 0)
    }

    /// At one leakage length lambda = (R_M/ln 10) cos(theta_edge)/z inside the outer edge of
    /// the forward endcap a photon keeps 1 - 1/(2e) = 0.816 of its energy; 10 lengths in, all.
    @Test func edgeLeakageFromTheMoliereRadius() {
        let a = Fixture.mc.acceptance
        let edge = a.eclForwardEndcapThetaDeg.lowerBound * .pi / 180
        let lambda = Self.csiMoliereCm / log(10.0) * cos(edge) / 196.0
        let atOneLength = (edge + lambda) * 180 / .pi
        let (_, _, e1) = shoot(energy: 2, thetaDeg: atOneLength, n: 20_000, seed: 5, sim: sim)
        let mean1: Double = e1.reduce(0, +) / Double(e1.count) / 2
        print("forward edge: lambda = \(lambda * 180 / .pi) deg, mean response at lambda \(mean1)")
        #expect(abs(mean1 - (1 - 0.5 / M_E)) < 0.003)
        let (_, _, e10) = shoot(energy: 2, thetaDeg: (edge + 12 * lambda) * 180 / .pi, n: 20_000, seed: 6, sim: sim)
        let mean10: Double = e10.reduce(0, +) / Double(e10.count) / 2
        #expect(abs(mean10 - 1) < 0.002)
        // Backward endcap: lambda with z = 102 cm at 155.1 deg.
        let bEdge = a.eclBackwardEndcapThetaDeg.upperBound * .pi / 180
        let bLambda = Self.csiMoliereCm / log(10.0) * abs(cos(bEdge)) / 102.0
        let (_, _, eb) = shoot(energy: 2, thetaDeg: (bEdge - bLambda) * 180 / .pi, n: 20_000, seed: 8, sim: sim)
        let meanB: Double = eb.reduce(0, +) / Double(eb.count) / 2
        #expect(abs(meanB - (1 - 0.5 / M_E)) < 0.003)
    }

    @Test func dataDiffersOnlyInTheGapCrossing() {
        let m = Fixture.mc, d = Fixture.data
        #expect(m.klmPhotonVeto == d.klmPhotonVeto)
        #expect(m.calorimeter.crystalDepthRadiationLengths == d.calorimeter.crystalDepthRadiationLengths)
        #expect(d.calorimeter.photonEfficiencyGap < m.calorimeter.photonEfficiencyGap)
    }
}
