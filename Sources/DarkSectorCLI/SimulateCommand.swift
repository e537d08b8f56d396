import ArgumentParser
import EventStore
import Foundation
import Provenance
import SampleProduction

/// `darksector simulate --hepmc3 FILE`: any generator's events (Pythia, EvtGen, KKMC,
/// MadGraph, written as HepMC3 ASCII) through the parametrised detector into the event store.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the parametrised detector on a generator's HepMC3 ASCII events and write an event-store shard.",
        discussion: """
            Reads FILE event by event (HepMC::Asciiv3, as HepMC3's WriterAscii and pyhepmc write it): \
            the final-state particles (status 1), momenta in GeV and production vertices in cm \
            whatever the file's units, the first weight of each event, and the cross section of the \
            last GenCrossSection attribute (pb, stored in fb). Writes \
            <out>/<process>/<conditions>/<process>_<conditions>_hepmc3_<file stem>.h5 with that cross \
            section and registers it in the sample catalog. Weights are expected events at the \
            luminosity: --luminosity, or by default events / cross section (weights 1 for an \
            unweighted file). --conditions data needs an unweighted file.

            Frame: a generator run for e+e- at 10.58 GeV usually writes the centre-of-mass frame; \
            with --frame cms (the default) momenta and vertices are boosted to the Belle II lab \
            (7.004 GeV e- on 4.002 GeV e+, the beams of Kinematics' BelleIIBeams); --frame lab \
            takes them as they are.
            """)

    @Option(name: .customLong("hepmc3"), help: "HepMC3 ASCII file (HepMC::Asciiv3).") var file: String
    @Option(help: "Process name stored with the shard, e.g. bbar or continuum_uds.") var process: String
    @Option(help: "Detector conditions: mc or data.") var conditions: String
    @Option(help: "Output directory (the folder `run --samples` reads).") var out: String
    @Option(help: "Seed of the detector's random stream.") var seed: UInt64 = 20260101
    @Option(help: "Luminosity the weights are normalised to, fb^-1 (default: events / cross section).") var luminosity: Double?
    @Option(help: "Cross section in fb when the file has no GenCrossSection attribute.") var crossSectionFb: Double?
    @Option(help: "Frame of the file's events: cms (boosted to the Belle II lab) or lab.") var frame: String = "cms"
    @Option(help: "Directory with mc.yaml and data.yaml (default: the repository's Conditions/).") var conditionsDir: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if conditions != "mc" && conditions != "data" {
            throw ValidationError("--conditions must be 'mc' or 'data', got '\(conditions)'")
        }
        if GeneratorFrame(rawValue: frame) == nil {
            throw ValidationError("--frame must be 'cms' or 'lab', got '\(frame)'")
        }
        if let luminosity, !(luminosity > 0 && luminosity.isFinite) {
            throw ValidationError("--luminosity must be a positive number of fb^-1, got \(luminosity)")
        }
        if luminosity != nil && conditions == "data" {
            throw ValidationError("--luminosity is for mc: pseudo-data events are unweighted, their luminosity is events / cross section")
        }
        if let crossSectionFb, !(crossSectionFb > 0 && crossSectionFb.isFinite) {
            throw ValidationError("--cross-section-fb must be a positive number, got \(crossSectionFb)")
        }
        if process.isEmpty || process.contains("/") || process.hasPrefix(".") {
            throw ValidationError("--process must be a plain name (no '/'), got '\(process)'")
        }
    }

    func run() throws {
        let log = LoggingSetup.logger("simulate", verbose: output.verbose)
        guard let conditionsURL = conditionsDir.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.directory("Conditions") else {
            throw ValidationError("cannot find the Conditions/ directory; pass --conditions-dir")
        }
        let simulation = HepMC3Simulation(
            input: URL(fileURLWithPath: file), process: process, conditions: conditions,
            frame: GeneratorFrame(rawValue: frame)!, seed: seed, luminosityInvFb: luminosity,
            crossSectionFb: crossSectionFb, outputDirectory: URL(fileURLWithPath: out), conditionsDirectory: conditionsURL)
        let db = try database.open()
        let run = try db.startRun(command: CommandLine.arguments.joined(separator: " "), configHash: "hepmc3:\(file)")
        RunLifecycle.begin(runID: run.id, database: db)
        defer { RunLifecycle.end(runID: run.id) }
        log.info("run \(run.id): \(file) as \(process)/\(conditions), frame \(frame), seed \(seed)")
        do {
            let summary = try simulation.run()
            let records = try SampleCatalog(database: db).register(paths: [summary.shard.path], runID: run.id)
            try db.finishRun(id: run.id, succeeded: true)
            let m = summary.metadata
            if output.json {
                try JSONOutput.print(SimulationReport(runID: run.id, shards: records, seconds: summary.seconds,
                                                      events: m.generatedEvents, crossSectionFb: m.crossSectionFb,
                                                      luminosityInvFb: m.luminosityInvFb))
            } else {
                print(String(format: "%@: %lld events, sigma = %.6g +- %.2g fb, L = %.6g fb^-1, %.2f s; catalog: %@",
                             summary.shard.path, m.generatedEvents, m.crossSectionFb, m.crossSectionUncertaintyFb,
                             m.luminosityInvFb, summary.seconds, db.path))
            }
        } catch {
            try? db.finishRun(id: run.id, succeeded: false)
            throw error
        }
    }
}

/// `simulate --json`.
struct SimulationReport: Encodable {
    let runID: String
    let shards: [SampleRecord]
    let seconds: Double
    let events: Int64
    let crossSectionFb: Double
    let luminosityInvFb: Double

    enum CodingKeys: String, CodingKey {
        case shards, seconds, events
        case runID = "run_id", crossSectionFb = "cross_section_fb", luminosityInvFb = "luminosity_inv_fb"
    }
}
