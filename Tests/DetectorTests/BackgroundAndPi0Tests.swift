import Foundation
import Testing
import Kinematics
import EventModel
@testable import Detector

/// Beam-background overlay, extra energy and pi0 candidates.
@Suite struct BackgroundAndPi0Tests {
    func emptyEvents(_ c: DetectorConditions, n: Int, seed: UInt64) -> (clusters: Double, energy: Double,
                                                                        extra: Double, pi0: Double, endcapFraction: Double) {
        let sim = DetectorSimulation(conditions: c)
        let r = TestRandom(seed: seed)
        var nc = 0, e = 0.0, extra = 0.0, pi0 = 0, endcap = 0
        for i in 0..<n {
            let ev = sim.reconstruct(particles: [], weight: 1, eventID: Int64(i), random: r)
            nc += ev.clusters.count
            for cl in ev.clusters {
                e += cl.energy
                if cl.theta < 31.4 * .pi / 180 || cl.theta > 130.7 * .pi / 180 { endcap += 1 }
            }
            extra += ev.extraEnergy
            pi0 += Int(ev.nPi0)
        }
        return (Double(nc) / Double(n), e / Double(nc), extra / Double(n), Double(pi0) / Double(n),
                Double(endcap) / Double(nc))
    }

    @Test func backgroundCountSpectrumAndAngles() {
        let b = Fixture.mc.beamBackground
        let n = 50_000
        let s = emptyEvents(Fixture.mc, n: n, seed: 101)
        print("beam background: \(s.clusters) clusters/event (configured \(b.meanClusters)), <E> \(s.energy) GeV (expected \(b.minEnergyGeV + b.energySlopeGeV)), endcap fraction \(s.endcapFraction)")
        #expect(abs(s.clusters - b.meanClusters) < 4 * (b.meanClusters / Double(n)).squareRoot())
        #expect(abs(s.energy - (b.minEnergyGeV + b.energySlopeGeV)) < 4 * b.energySlopeGeV / (s.clusters * Double(n)).squareRoot())
        #expect(abs(s.endcapFraction - (b.fractionForwardEndcap + b.fractionBackwardEndcap)) < 0.01)
        // Extra energy of an empty event: background clusters above the region thresholds.
        #expect(s.extra > 0)
    }

    /// The number of background clusters per event is Poisson: the frequencies of 0-9
    /// against the Poisson probabilities (chi-square over 11 classes, the last one 10 and
    /// more; 10 dof, 99.99% quantile 35.6), for the mc and data means.
    @Test func backgroundCountIsPoisson() {
        for conditions in [Fixture.mc, Fixture.data] {
            let bg = BeamBackground(conditions.beamBackground, acceptance: Acceptance(conditions.acceptance))
            let r = TestRandom(seed: 77)
            let n = 200_000
            var counts = [Int](repeating: 0, count: 11)
            for _ in 0..<n { counts[min(bg.count(random: r), 10)] += 1 }
            let mu = bg.meanClusters
            var chi2 = 0.0, cumulative = 0.0
            for k in 0...10 {
                let p = k < 10 ? exp(-mu + Double(k) * log(mu) - lgamma(Double(k) + 1)) : 1 - cumulative
                cumulative += p
                let expected = p * Double(n)
                chi2 += (Double(counts[k]) - expected) * (Double(counts[k]) - expected) / expected
            }
            #expect(chi2 < 35.6, "chi2 = \(chi2) for mean \(mu)")
        }
    }

    @Test func dataHasMoreBackgroundAndMorePi0Combinatorics() {
        let n = 50_000
        let mc = emptyEvents(Fixture.mc, n: n, seed: 102)
        let data = emptyEvents(Fixture.data, n: n, seed: 103)
        print("background mc vs data: clusters \(mc.clusters) / \(data.clusters), <E_extra> \(mc.extra) / \(data.extra), pi0 candidates \(mc.pi0) / \(data.pi0)")
        #expect(abs(data.clusters / mc.clusters - 1.3) < 0.03)
        #expect(data.extra > mc.extra * 1.2)
        // Random pairs grow like N^2: about 1.3^2 = 1.69 times more.
        #expect(mc.pi0 > 0)
        #expect(data.pi0 / mc.pi0 > 1.4)
    }

    @Test func truePi0IsReconstructed() {
        let sim = DetectorSimulation(conditions: Fixture.quiet(Fixture.mc))
        let r = TestRandom(seed: 111)
        let n = 20_000
        var withPi0 = 0, twoPhotons = 0
        var masses: [Double] = []
        for i in 0..<n {
            let pi0 = Fixture.particle(pdg: 111, mass: ParticleMass.neutralPion, p: 1.0, thetaDeg: 80,
                                       phi: 2 * .pi * r.uniform())
            let ev = sim.reconstruct(particles: [pi0], weight: 1, eventID: Int64(i), random: r)
            let minE = Fixture.mc.pi0.minPhotonEnergyGeV
            if ev.clusters.count == 2, ev.clusters.allSatisfy({ $0.energy > minE }) {
                twoPhotons += 1
                let m = (ev.clusters[0].photonFourMomentum + ev.clusters[1].photonFourMomentum).mass
                masses.append(m)
                if ev.nPi0 > 0 { withPi0 += 1 }
            }
        }
        let mean = masses.reduce(0, +) / Double(masses.count)
        let window = Fixture.mc.pi0.massWindowGeV
        let inWindow = Double(masses.filter { window.contains($0) }.count) / Double(masses.count)
        print("pi0 (1 GeV): two photons in \(Double(twoPhotons) / Double(n)), <M> \(mean), in window \(inWindow), nPi0 > 0 in \(Double(withPi0) / Double(twoPhotons))")
        #expect(abs(mean - ParticleMass.neutralPion) < 0.003)
        #expect(inWindow > 0.6)
        #expect(abs(Double(withPi0) / Double(twoPhotons) - inWindow) < 1e-9)
    }

    @Test func extraEnergyExcludesTrackMatchedClusters() {
        let sim = DetectorSimulation(conditions: Fixture.quiet(Fixture.mc))
        let r = TestRandom(seed: 121)
        var matchedExtra = 0.0, photonExtra = 0.0
        for i in 0..<2000 {
            let mu = Fixture.particle(pdg: 13, mass: ParticleMass.muon, p: 3, thetaDeg: 80, phi: 1)
            let g = Particle(pdg: 22, momentum: FourVector(e: 0.5, p: ThreeVector(magnitude: 0.5, theta: 1.5, phi: -1)))
            let ev = sim.reconstruct(particles: [mu, g], weight: 1, eventID: Int64(i), random: r)
            let unmatchedPhoton = ev.clusters.filter { !$0.trackMatched && $0.energy > 0.3 }.map(\.energy).reduce(0, +)
            photonExtra += unmatchedPhoton
            matchedExtra += ev.extraEnergy - unmatchedPhoton
        }
        // Only the 0.5 GeV photon (and the rare unmatched muon cluster) contribute.
        #expect(matchedExtra / 2000 < 0.01)
        #expect(abs(photonExtra / 2000 - 0.5 * Fixture.mc.calorimeter.photonPlateauEfficiency(.barrel)) < 0.02)
    }
}
