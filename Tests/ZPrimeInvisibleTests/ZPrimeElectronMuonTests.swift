import ZPrimeInvisiblePackage
import Analysis
import Detector
import DimuonRecoil
import DimuonTestSupport
import EventModel
import Foundation
import Generators
import Kinematics
import Testing
import ZPrimeInvisible

@Suite struct ZPrimeElectronMuonTests {
    static let beams = BelleIIBeams.y4S

    /// The event is built analytically with an electron and a muon of their own masses, so
    /// the recoil mass is exactly 3 GeV only under the right assignment, whichever track comes
    /// first; the mu mu assignment (both muon masses) misses M2_rec by ~0.02 GeV^2 here
    /// (-2 E_rec delta E to first order), which is why the roles follow the identification.
    @Test func electronCandidateGetsTheElectronMass() throws {
        for first in [true, false] {
            let ev = ElectronMuonEvents.event(id: 0, recoilMass: 3.0, recoilMomentum: 3.5, recoilTheta: 1.2, electronFirst: first)
            let batch = DimuonEvents.batch([ev])
            let cols = ElectronMuonObservables.compute(batch)
            #expect(abs(cols["m_recoil"]![0] - 3.0) < 1e-6, "electron first: \(first)")
            #expect(abs(cols["m2_recoil"]![0] - 9.0) < 1e-5)
            #expect(cols["electron_id_e"]![0] > 0.9 && cols["muon_id_mu"]![0] > 0.9 && cols["electron_id_mu"]![0] < 0.9)
            #expect(cols["charge_product"]![0] == -1)
            let wrong = DimuonRecoilObservables.compute(batch)["m2_recoil"]![0]
            #expect(abs(wrong - 9.0) > 0.01, "mu mu assignment gives \(wrong) GeV^2")
        }
    }

    @Test func selectionKeepsElectronMuonAndRejectsSameFlavourPairs() throws {
        let search = ZPrimeElectronMuon()
        let emu = ElectronMuonEvents.event(id: 0, recoilMass: 3.0, recoilMomentum: 2.0, recoilTheta: 1.5)
        let mumu = DimuonEvents.event(id: 1, recoilMass: 3.0, recoilMomentum: 2.0, recoilTheta: 1.5)
        let ee = DimuonEvents.event(id: 2, recoilMass: 3.0, recoilMomentum: 2.0, recoilTheta: 1.5, muonID: 0.01, electronID: 0.99)
        let cols = search.observables(of: DimuonEvents.batch([emu, mumu, ee]))
        let pre = search.selection.preselection
        func passes(_ i: Int) -> Bool { pre.allSatisfy { $0.passes(cols[$0.observable]![i]) } }
        #expect(passes(0))
        #expect(!passes(1))
        #expect(!passes(2))
    }

    /// The proxy relabels exactly the radiating muon: one electron and one muon of opposite
    /// charge, energy conserved, and (without ISR, where the truth recoil mass is M_Z'
    /// exactly before relabelling) the recoil mass moves by much less than the resolution
    /// the windows are built from: the size of the muon-mass approximation, measured.
    /// Measured (2000 events each): median |Delta M_rec| 4.3, 1.8, 1.1 MeV at 1, 3, 6 GeV
    /// (~0.01-0.02 sigma); 99% quantile 97, 39, 22 MeV (0.27, 0.26, 0.38 sigma), from soft
    /// electrons where m_mu^2 / 2p is largest.
    @Test func proxyRelabelsTheRadiatingMuonWithinTheResolution() throws {
        for mass in [1.0, 3.0, 6.0] {
            let proxy = ElectronMuonZPrimeProxy(base: MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 1, mass: mass), withISR: false))
            let rng = RandomStream(seed: 7, stream: UInt64(mass * 10))
            var shifts: [Double] = []
            var e = GeneratedEvent()
            while shifts.count < 2000 {
                e.reset()
                guard proxy.sample(into: &e, using: rng) > 0 else { continue }
                let electrons = e.particles.filter { abs($0.pdg) == PDGID.electron }
                let muons = e.particles.filter { abs($0.pdg) == PDGID.muon }
                try #require(electrons.count == 1 && muons.count == 1)
                #expect(electrons[0].pdg.signum() == -muons[0].pdg.signum(), "opposite charges")
                let total = e.particles.reduce(FourVector.zero) { $0 + $1.momentum }
                #expect(abs(total.e - Self.beams.total.e) < 1e-6)
                let pair = Self.beams.toCMS(electrons[0].momentum + muons[0].momentum)
                shifts.append(abs(RecoilMass.signed(visibleCMS: pair, sqrtS: Self.beams.sqrtS) - mass))
            }
            shifts.sort()
            let q99 = shifts[Int(0.99 * Double(shifts.count - 1))]
            let sigma = ZPrimeResolution.standard.sigma(atMass: mass)
            print(String(format: "proxy M_rec shift at %.1f GeV: median %.2g, 99%% %.2g GeV (sigma %.3f)", mass, shifts[shifts.count / 2], q99, sigma))
            #expect(shifts[shifts.count / 2] < 0.03 * sigma, "median |Delta M_rec| at M = \(mass)")
            #expect(q99 < 0.5 * sigma, "99% quantile of |Delta M_rec| \(q99) GeV at M = \(mass) vs sigma \(sigma)")
        }
    }

    /// Detector randomness from its own stream, so that the generated events of two samples
    /// can be identical while their detector responses are drawn independently.
    struct DetectorStream: DetectorRandom {
        let stream: RandomStream
        func uniform() -> Double { stream.uniform() }
        func gaussian() -> Double { stream.gaussian() }
        func poisson(_ mean: Double) -> Int { stream.poisson(mean) }
    }

    /// `events` weighted events of `sampler` (generator stream `(seed, 1)`, detector stream
    /// `(seed, 2)`, MC conditions), as `InMemorySignalSample` makes them but with the
    /// generator's and the detector's random numbers apart: the proxy draws no random numbers
    /// of its own, so the proxy and its base sampler give the same generated events.
    static func pairedSample<S: ProcessSampler>(_ sampler: S, mass: Double, events: Int, seed: UInt64,
                                                conditions: DetectorConditions) -> InMemoryEventSource {
        let generator = SampledGenerator(sampler: sampler, mode: .weighted, warmUpTrials: 5000)
        let rng = RandomStream(seed: seed, stream: 1)
        let random = DetectorStream(stream: RandomStream(seed: seed, stream: 2))
        let detector = DetectorSimulation(conditions: conditions, storeTruth: false)
        var batch = EventBatch()
        var e = GeneratedEvent()
        for i in 0..<events {
            generator.generate(into: &e, using: rng)
            batch.append(detector.reconstruct(particles: e.particles, weight: e.weight, eventID: Int64(i), random: random))
        }
        let metadata = SampleMetadata(process: sampler.processName, crossSectionFb: generator.meanWeightFb,
                                      luminosityInvFb: Double(events) / generator.meanWeightFb,
                                      generatedEvents: Int64(events), generatorSeed: Int64(seed), conditions: "mc",
                                      codeVersion: "test", signalParameters: [ZPrimeInvisible.massParameter: mass])
        return InMemoryEventSource(metadata: metadata, batch: batch, path: "<paired \(sampler.processName)>")
    }

    /// Widths of M_rec - M_Z' after each channel's preselection (the weighted events of
    /// `MonteCarloSelection`, as `ZPrimeResolutionMeasurement` takes them): `core` half the
    /// central 68% (what the table holds), `narrow` the narrower side of it (the side the
    /// ISR tail does not reach, `CoreResolution.narrowSideSigma`).
    struct Widths { let core: Double, narrow: Double }

    static func widths(of source: any EventSource, mass: Double, search: any Search) throws -> Widths {
        let t = try MonteCarloSelection(search: search, targetLuminosityInvFb: 1).run([source]).candidates
        let m = try t.column("m_recoil")
        return Widths(core: try #require(CoreResolution.sigma(values: m, weights: t.weight, truth: mass)),
                      narrow: try #require(CoreResolution.narrowSideSigma(values: m, weights: t.weight, truth: mass)))
    }

    /// The e mu proxy's and the mu mu signal's widths on the same generated events.
    static func pairedWidths(mass: Double, events: Int, seed: UInt64,
                             conditions: DetectorConditions) throws -> (emu: Widths, mumu: Widths) {
        let base = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: 1, mass: mass), withISR: true)
        let emu = pairedSample(ElectronMuonZPrimeProxy(base: base), mass: mass, events: events, seed: seed, conditions: conditions)
        let mumu = pairedSample(base, mass: mass, events: events, seed: seed, conditions: conditions)
        return (try widths(of: emu, mass: mass, search: ZPrimeElectronMuon()),
                try widths(of: mumu, mass: mass, search: ZPrimeInvisible.lMuMinusLTau))
    }

    /// The e mu windows reuse the mu mu resolution table; the proxy's core width after the
    /// e mu preselection must agree with the mu mu width on the same generated events.
    ///
    /// Why paired, and not the proxy against the table (as until 2026-12): the core width is
    /// half the central 68% of M_rec - M_Z', and at these masses its upper end lies in the ISR
    /// tail (19% of the selected events more than 0.3 GeV above M_Z' at 2 GeV), where the
    /// density is low, so the width of ~400 effective weighted events scatters by 28% (2 GeV)
    /// and 23% (5 GeV) between seeds: nine e mu samples of 1500 events at 2 GeV gave 0.153 to
    /// 0.367 GeV, mean 0.226, against the table's 0.212 (5 GeV: mean 0.080 against 0.082), and
    /// seed 3 with 4000 events gives 0.248 +- 0.035 (bootstrap). A 50% tolerance was thus ~2
    /// standard deviations. The detector commits 6be2d81/350f8d7 changed which random numbers
    /// the events draw (an explicit ISR photon in the crystals is now always seen, where 2%
    /// were lost before without drawing an energy; a photon crossing a gap draws the KLM
    /// veto), from the stream the generator shares with the detector, so seed 3 became
    /// another sample, 2.2 standard deviations above the mean (0.367 GeV). Generated once and
    /// passed through the detector twice, both channels share the generated tail and the ratio
    /// keeps mostly what differs: identification and selection of an electron instead of a
    /// muon, and the proxy's muon-mass approximation.
    /// Tolerance, from 12 paired measurements (seeds 1-6 at 2 and 5 GeV, 1500 events,
    /// `pairedRatioOverSeeds`, 2026-12-05): the core-width ratio e mu / mu mu had mean 1.155
    /// (standard error 0.035: the proxy's selection keeps a somewhat wider distribution) and
    /// standard deviation 0.12 (0.94-1.41), half the ~25% spread of an unpaired 1500-event
    /// width against the table; |ratio - 1| < 0.5 is that mean offset plus 3 standard
    /// deviations: the check catches an e mu width 1.5x off the mu mu one (what reusing the
    /// table could not absorb), not 15%. The narrower-side widths are printed but not asserted:
    /// their paired ratio scatters as much (mean 1.07, standard deviation 0.13).
    @Test func proxyResolutionAgreesWithTheMuMuChannelOnTheSameEvents() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let conditions = try DetectorConditions.load(.mc, from: root.appendingPathComponent("Conditions/mc.yaml"))
        for mass in [2.0, 5.0] {
            let (emu, mumu) = try Self.pairedWidths(mass: mass, events: 1500, seed: 3, conditions: conditions)
            print(String(format: "paired widths at %.1f GeV: core e mu %.4f, mu mu %.4f (ratio %.3f; table %.4f); narrow side %.4f, %.4f (ratio %.3f)",
                         mass, emu.core, mumu.core, emu.core / mumu.core, ZPrimeResolution.standard.sigma(atMass: mass),
                         emu.narrow, mumu.narrow, emu.narrow / mumu.narrow))
            #expect(abs(emu.core / mumu.core - 1) < 0.5, "core: e mu \(emu.core) GeV vs mu mu \(mumu.core) GeV at \(mass) GeV")
        }
    }

    /// Not a check: the paired ratio over seeds (how the tolerance above was chosen), when
    /// DARKSECTOR_PAIRED_SEEDS is set (comma-separated seeds).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DARKSECTOR_PAIRED_SEEDS"] != nil))
    func pairedRatioOverSeeds() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let conditions = try DetectorConditions.load(.mc, from: root.appendingPathComponent("Conditions/mc.yaml"))
        let seeds = ProcessInfo.processInfo.environment["DARKSECTOR_PAIRED_SEEDS"]!.split(separator: ",").compactMap { UInt64($0) }
        for seed in seeds {
            for mass in [2.0, 5.0] {
                let (emu, mumu) = try Self.pairedWidths(mass: mass, events: 1500, seed: seed, conditions: conditions)
                print(String(format: "PAIRED seed %d M %.1f: core e mu %.4f mu mu %.4f ratio %.3f; narrow %.4f %.4f ratio %.3f",
                             seed, mass, emu.core, mumu.core, emu.core / mumu.core, emu.narrow, mumu.narrow, emu.narrow / mumu.narrow))
            }
        }
    }
}
