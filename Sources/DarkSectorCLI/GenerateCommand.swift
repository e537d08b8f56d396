import ArgumentParser
import EventStore
import Foundation
import Generators
import Provenance
import SampleProduction

/// `darksector generate`: simulated MC and pseudo-data samples as HDF5 shards.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Standard Model samples with the parametrised detector (MC and pseudo-data).",
        discussion: """
            Without --config the embedded default production is used (the one `make demo` runs).
            The same seed gives bit-identical files whatever --jobs is; an interrupted run can be
            rerun with the same arguments and completes only the missing shards (each shard
            already there is verified first: a corrupt one is regenerated). One output folder
            takes one producer at a time. Before any shard is made, events, disk and time are
            estimated; beyond 2e8 events, the free disk or 24 h the run is refused unless --force.
            """)

    @Option(help: "Production configuration (YAML). Default: the embedded demo production.") var config: String?
    @Option(help: "Override the configuration's luminosity, in fb^-1.") var lumi: Double?
    @Option(help: "Only these processes (comma-separated), e.g. mumu,tautau.") var processes: String?
    @Option(help: "Only these conditions: mc or data.") var conditions: String?
    @Option(help: "Override the configuration's seed.") var seed: UInt64?
    @Option(help: "Output directory for the shards (the same default as `run --samples`).") var out = "Samples/demo"
    @Option(help: "Directory with mc.yaml and data.yaml (default: the repository's Conditions/).") var conditionsDir: String?
    @Option(help: "Parallel workers (default: all cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Only compute and print each process's cross section within its acceptance and filter.") var xsecOnly = false
    @Flag(help: "Start even if the estimated events, disk or time cross the sanity bounds.") var force = false
    @Option(help: "Only these shards of the production plan (one work unit of a fanned-out production): A:B (positions A to B-1) or k/n (part k of n). The plan is fixed by the configuration, so the units together are the full production, byte for byte.")
    var shards: String?
    @Flag(help: "Only compute the cross sections and write <out>/production-plan.json, the shard layout --shards counts in.")
    var plan = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let lumi, !(lumi > 0 && lumi.isFinite) { throw ValidationError("--lumi must be a positive number of fb^-1, got \(lumi)") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let shards { _ = try WorkUnitRange(parsing: shards, option: "--shards") }
        if let conditions, conditions != "mc" && conditions != "data" {
            throw ValidationError("--conditions must be 'mc' or 'data', got '\(conditions)'")
        }
    }

    /// The configuration after command-line overrides.
    func resolvedConfiguration() throws -> ProductionConfiguration {
        var c = try config.map { try ProductionConfiguration.load(file: $0) }
            ?? ProductionConfiguration.parse(yaml: ProductionConfiguration.demoYAML, file: "(embedded default)")
        if let lumi { c.luminosityInvFb = lumi }
        if let seed { c.seed = seed }
        if let conditions { c.conditions = [conditions] }
        if let processes {
            let wanted = processes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for w in wanted where StandardModelProcess(rawValue: w) == nil {
                throw ValidationError("--processes: unknown process '\(w)'; known: \(StandardModelProcess.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            for w in wanted where !c.processes.contains(where: { $0.process.rawValue == w }) {
                throw ValidationError("--processes: '\(w)' is not in the configuration \(config ?? "(embedded default)"); add it there")
            }
            c.processes = c.processes.filter { wanted.contains($0.process.rawValue) }
        }
        return c
    }

    func run() throws {
        let log = LoggingSetup.logger("generate", verbose: output.verbose)
        let configuration = try resolvedConfiguration()
        guard let conditionsURL = conditionsDir.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.directory("Conditions") else {
            throw ValidationError("cannot find the Conditions/ directory; pass --conditions-dir")
        }
        var producer = SampleProducer(configuration: configuration, outputDirectory: URL(fileURLWithPath: out),
                                      conditionsDirectory: conditionsURL, jobs: jobs)
        producer.force = force
        if xsecOnly {
            let sigmas = producer.crossSections()
            if output.json { return try JSONOutput.print(CrossSectionListing(configuration: configuration, estimates: sigmas)) }
            for s in sigmas {
                print(String(format: "%-11@ %12.5g +- %9.3g fb   %@", s.process, s.valueFb, s.uncertaintyFb, s.acceptance))
            }
            return
        }

        if plan {
            let written = try producer.writePlan()
            if output.json { return try JSONOutput.print(PlanListing(plan: written)) }
            print("\(written.shards.count) shards planned in \(out)/\(ProductionPlanFile.fileName)")
            return
        }
        // One producer per output folder, held until the shards are registered; work units
        // (--shards) share the folder, each holding its own shards.
        let unit = try shards.map { try WorkUnitRange(parsing: $0, option: "--shards") }
        if let unit { producer.shardRange = { try unit.resolve(count: $0, what: "shards of the production plan") } }
        let lock = try unit == nil ? ProductionLock(directory: URL(fileURLWithPath: out))
                                   : ProductionLock(sharedDirectory: URL(fileURLWithPath: out))
        defer { lock.release() }
        let db = try database.open()
        producer.catalog = SampleCatalog(database: db)
        let commandLine = CommandLine.arguments.joined(separator: " ")
        let run = try db.startRun(command: commandLine, configHash: configuration.fingerprint)
        // Ctrl-C or SIGTERM mark the run interrupted (its temporaries are cleaned by the next
        // producer of this folder, which sees their pid dead).
        RunLifecycle.begin(runID: run.id, database: db)
        defer { RunLifecycle.end(runID: run.id) }
        log.info("run \(run.id): \(configuration.processes.count) processes at \(configuration.luminosityInvFb) fb^-1, seed \(configuration.seed), \(jobs) jobs")
        let bar = ProgressBar(total: 1, label: "generate")
        do {
            let summary = try producer.run(lock: lock, progress: { n in bar.advance(by: n) }, willStart: { total, skipped in
                if skipped > 0 { log.info("\(skipped) shards already complete, skipped") }
                bar.reset(total: total)
            })
            bar.finish()
            let records = try SampleCatalog(database: db).register(paths: summary.shards.map(\.path), runID: run.id)
            try db.finishRun(id: run.id, succeeded: true)
            let rate = Double(summary.events) / max(summary.seconds, 1e-9)
            if output.json {
                try JSONOutput.print(GenerationReport(runID: run.id, shards: records, seconds: summary.seconds,
                                                      produced: summary.producedShards, skipped: summary.skippedShards))
            } else {
                for s in summary.crossSections {
                    print(String(format: "%-11@ sigma = %.5g +- %.2g fb  (%@)", s.process, s.valueFb, s.uncertaintyFb, s.acceptance))
                }
                print("\(records.count) shards in \(out) (\(summary.producedShards) new, \(summary.skippedShards) already there), "
                      + "\(summary.events) events in \(String(format: "%.1f", summary.seconds)) s (\(String(format: "%.3g", rate)) events/s); catalog: \(db.path)")
            }
        } catch {
            try? db.finishRun(id: run.id, succeeded: false)
            throw error
        }
    }
}

/// `generate --xsec-only --json`.
struct CrossSectionListing: Encodable {
    let sqrtSGeV = 10.5796
    let luminosityInvFb: Double
    let processes: [CrossSectionEstimate]

    init(configuration: ProductionConfiguration, estimates: [CrossSectionEstimate]) {
        luminosityInvFb = configuration.luminosityInvFb
        processes = estimates
    }

    enum CodingKeys: String, CodingKey {
        case processes
        case sqrtSGeV = "sqrt_s_gev", luminosityInvFb = "luminosity_inv_fb"
    }
}

struct GenerationReport: Encodable {
    let runID: String
    let shards: [SampleRecord]
    let seconds: Double
    let produced: Int
    let skipped: Int

    enum CodingKeys: String, CodingKey {
        case shards, seconds, produced, skipped
        case runID = "run_id"
    }
}

/// `generate --plan --json`: the shard layout (`production-plan.json`).
struct PlanListing: Encodable {
    struct Shard: Encodable {
        let index: Int
        let process: String
        let conditions: String
        let shard: Int
        let events: Int
        let file: String
    }
    let shards: [Shard]
    let configuration: String

    init(plan: ProductionPlanFile) {
        configuration = plan.configuration
        shards = plan.shards.map { Shard(index: $0.index, process: $0.process, conditions: $0.conditions, shard: $0.shard,
                                         events: $0.events, file: $0.file) }
    }
}
