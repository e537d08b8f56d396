import Detector
import EventModel
import Foundation
import Generators
import SampleProduction

/// Small in-memory samples made as `darksector generate` makes its shards: a Standard Model
/// generator with a generator-level filter (the same for data and simulation), then the
/// parametrised detector with `Conditions/mc.yaml` (simulation, truth kept) or
/// `Conditions/data.yaml` (pseudo-data, unit weights, no truth). Tests may read both files;
/// the analysis never reads data.yaml.
enum PseudoSamples {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let mcURL = repositoryRoot.appendingPathComponent("Conditions/mc.yaml")
    static let dataURL = repositoryRoot.appendingPathComponent("Conditions/data.yaml")

    static func conditions(_ purpose: ConditionsPurpose) throws -> DetectorConditions {
        try DetectorConditions.load(purpose, from: purpose == .mc ? mcURL : dataURL)
    }

    /// A filtered process: the filters put the generated events where the calibration
    /// samples are (README.md gives the rates that chose them).
    struct Process: Sendable {
        var name: String
        var process: StandardModelProcess
        var filter: GeneratorFilter

        /// mu mu (gamma) with both muons above 0.5 GeV in the CDC: the default production's
        /// `mumu_cdc`. Holds the momentum-resolution pairs (one muon identified, 16% of it).
        static let mumu = Process(name: "mumu", process: .mumu, filter: .physicsBookMuonPairInCDC)
        /// mu mu gamma with a photon above 1 GeV in the ECL: 90% of it is in the muon-ID tag
        /// and probe sample (ten times the rate of `mumu`).
        static let mumuGamma = Process(name: "mumu_gamma", process: .mumu, filter: GeneratorFilter(name: "mumu-gamma", requirements: [
            .atLeast(2, .init(.absPDG(13), minMomentum: 0.5, thetaDeg: GeneratorFilter.cdcThetaDeg)),
            .atLeast(1, .init(.photon, minMomentum: 0.5, thetaDeg: GeneratorFilter.eclThetaDeg)),
        ]))
        /// mu mu gamma with a photon above 1 GeV at 26-137 deg: the photon-efficiency sample
        /// (a muon outside the ECL barrel, the recoil a photon above 1 GeV) needs photons
        /// across both barrel-endcap gaps; 7% of these events are in it, 4% of them with the
        /// photon truly in a gap. Requiring the muon outside the barrel, or narrowing the
        /// photon's angle to the gaps, in the filter gave fewer gap photons per second of
        /// generation (the filter's rejected trials cost more than the detector).
        static let mumuHardPhoton = Process(name: "mumu_hard_photon", process: .mumu, filter: GeneratorFilter(name: "mumu-hard-photon", requirements: [
            .atLeast(2, .init(.absPDG(13), minMomentum: 0.5, thetaDeg: GeneratorFilter.cdcThetaDeg)),
            .atLeast(1, .init(.photon, minMomentum: 1.0, thetaDeg: 26...137)),
        ]))
        /// tau tau with at least four charged particles above 0.1 GeV in the CDC: the 3-1
        /// topologies of the pion fake-rate sample (1.7 probes per event of this sample).
        static let tauFourProng = Process(name: "tautau_four_prong", process: .tautau, filter: GeneratorFilter(name: "tautau-four-prong", requirements: [
            .atLeast(4, .init(.charged, minMomentum: 0.1, thetaDeg: GeneratorFilter.cdcThetaDeg)),
        ]))
        /// Radiative Bhabha with both electrons at 44-130 deg and a photon above 0.2 GeV: the
        /// photon lets the pair escape the ECL line's Bhabha veto (the trigger calibration's
        /// reference), and with both tracks inside the two-track line's 30-130 deg the line
        /// can fire in every event (85-93% efficient instead of ~50%), so the theta_min bins
        /// from 46 deg fill at 1/6 of the events. Also the beam-background sample.
        static let eeGammaCentral = Process(name: "ee_gamma_central", process: .ee, filter: GeneratorFilter(name: "ee-gamma-central", requirements: [
            .atLeast(2, .init(.absPDG(11), minMomentum: 0.5, thetaDeg: 44...130)),
            .atLeast(1, .init(.photon, minMomentum: 0.2)),
        ]))
    }

    /// `events` unweighted events of `p` under `conditions` (simulation keeps the rare
    /// weight above 1 of an event over the unweighting maximum, as production does). Event ids are even (0, 2, ...):
    /// three calibrations use only even ids, leaving the odd ones to the validation, which
    /// this test does not run. Every sample stands for 1 fb^-1 (cross section = events), so
    /// `DetectorCalibration` weights each simulated event 1 against data of the same size:
    /// data and simulation then have the same mixture of the filtered samples, which is all a
    /// data/MC ratio needs (the filtered samples overlap, so true cross sections would not
    /// make the mixture more physical).
    static func make(_ p: Process, events: Int, conditions: DetectorConditions, seed: UInt64, stream: UInt64) -> InMemoryEventSource {
        let isData = conditions.purpose == .data
        let generator = p.process.makeGenerator(filter: p.filter, mode: .unweighted)
        let detector = DetectorSimulation(conditions: conditions, storeTruth: !isData)
        let rng = RandomStream(seed: seed, stream: stream)
        var batch = EventBatch()
        var generated = GeneratedEvent()
        for i in 0..<events {
            generator.generate(into: &generated, using: rng)
            let vertices = generated.vertices.count == generated.particles.count ? generated.vertices : nil
            batch.append(detector.reconstruct(particles: generated.particles, weight: isData ? 1 : generated.weight,
                                              eventID: Int64(2 * i), vertices: vertices, random: rng))
        }
        let label = isData ? "data" : "mc"
        let metadata = SampleMetadata(process: p.name, crossSectionFb: Double(events), luminosityInvFb: 1,
                                      generatedEvents: Int64(events), generatorSeed: Int64(bitPattern: seed),
                                      conditions: label, filter: p.filter.name, codeVersion: "test")
        return InMemoryEventSource(metadata: metadata, batch: batch, path: "<\(p.name) \(label) seed \(seed)>")
    }
}
