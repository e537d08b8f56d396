import Analysis
import ArgumentParser
import EventStore
import Foundation
import Provenance
import SearchPipeline

/// Options shared by `run` and the single-stage commands.
struct SearchStageOptions: ParsableArguments {
    @Argument(help: "Search id (see `darksector list`), e.g. zprime-invisible.") var search: String
    @Option(help: "Samples directory (both mc and data .h5 files).") var samples = "Samples/demo"
    @Option(help: "Search configuration (YAML). Default: the search's config/default.yaml.") var config: String?
    @Option(help: "Results root; outputs go to <out>/<search>/<run-id>/.") var out = "Results"
    @Option(help: "Run id of an existing run (single stages: default the newest run of the search).") var runID: String?
    @Flag(help: "Go on when the simulation lacks background processes the search needs (the report says so at the top).")
    var allowMissingBackground = false
    @Flag(help: "With --run-id: start the run under this id (a workflow names its run before its first job).")
    var createRun = false
    @OptionGroup var database: DatabaseOptions

    func configurationPath(_ entry: any SearchPackage) throws -> String {
        if let config { return config }
        guard let root = ResourceLocator.directory("Searches")?.deletingLastPathComponent() else {
            throw AnalysisError.invalidArgument("cannot find Searches/; pass --config or run from the repository root")
        }
        return root.appendingPathComponent(entry.defaultConfiguration).path
    }

    /// The pipeline for an existing run (single stages) or a new one (`newRun`, or `--run-id
    /// ID --create-run`). `sampleFiles`: only these files of the samples folder (a work unit).
    func pipeline(command: String, newRun: Bool, sampleFiles: [String]? = nil) throws -> (SearchPipeline, ProvenanceDatabase, RunRecord?) {
        let entry = try StandardPipelines.entry(id: search)
        let loaded = try SearchConfiguration.load(path: try configurationPath(entry), registry: .standard,
                                                controlSamples: ResourceLocator.directory("ControlSamples"))
        guard loaded.search.id == search else {
            throw AnalysisError.invalidArgument("configuration \(loaded.configuration.file) is for '\(loaded.search.id)', not '\(search)'")
        }
        let db = try database.open()
        let root = URL(fileURLWithPath: out)
        var record: RunRecord? = nil
        // A run started here but not handed to the caller (an error below) is marked failed.
        var handedOver = false
        defer { if let r = record, !handedOver { RunLifecycle.fail(runID: r.id, database: db) } }
        let id: String
        if let runID, createRun {
            try SearchPipeline.checkRunID(runID, search: search)
            record = try db.startRun(command: command, configHash: loaded.configuration.hash, id: runID)
            id = runID
            RunLifecycle.begin(runID: id, database: db)
        } else if let runID {
            try SearchPipeline.checkRunID(runID, search: search)
            id = runID
        } else if newRun {
            record = try db.startRun(command: command, configHash: loaded.configuration.hash)
            id = record!.id
            RunLifecycle.begin(runID: id, database: db)
        } else {
            id = try SearchPipeline.latestRunID(search: search, resultsRoot: root)
        }
        let p = try SearchPipeline(entry: entry, configuration: loaded.configuration,
                                   samples: try sampleFiles.map { try SampleSet(directory: samples, files: $0, catalog: db) }
                                       ?? SampleSet(directory: samples, catalog: db),
                                   resultsRoot: root, runID: id, database: db, newRun: record != nil,
                                   allowMissingBackground: allowMissingBackground,
                                   mcConditions: StandardPipelines.mcConditions,
                                   log: { FileHandle.standardError.write(Data("[\(entry.search.id)] \($0)\n".utf8)) })
        handedOver = true
        return (p, db, record)
    }
}

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calibrate",
        abstract: "Measure the data/MC corrections in control samples (starts a new run unless --run-id): corrections.json and corrections.csv|md|tex.")
    @OptionGroup var options: SearchStageOptions
    func run() throws {
        let (p, db, record) = try options.pipeline(command: "calibrate \(options.search)", newRun: true)
        do { _ = try p.calibrate() } catch { if let r = record { RunLifecycle.fail(runID: r.id, database: db) }; throw error }
        if let r = record { try db.finishRun(id: r.id, succeeded: true); RunLifecycle.end(runID: r.id) }
        print("corrections.json and corrections.csv|md|tex written to \(p.runDirectory.path)")
    }
}

struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "select",
        abstract: "Select the simulated backgrounds and signal MC of a search (starts a new run unless --run-id): candidates/ and selection.json.",
        discussion: """
            Work units of a fanned-out run (with --run-id; `darksector merge --selection` combines them):
            --shards A:B (or k/n) selects the simulation shards among positions A to B-1 of the samples'
            production-plan.json, each on its own, into <parts-dir>/shards-A-B.json and its candidate files;
            --signal selects the signal simulation into <parts-dir>/signal.json. Parts hold simulation only.
            """)
    @OptionGroup var options: SearchStageOptions
    @Option(help: "Work unit: the simulation shards at these positions of the production plan, A:B or k/n (needs --run-id).")
    var shards: String?
    @Flag(help: "Work unit: the signal simulation only (needs --run-id).") var signal = false
    @Option(help: "Folder of the work units' parts (default: <run>/parts).") var partsDir: String?

    func validate() throws {
        if let shards { _ = try WorkUnitRange(parsing: shards, option: "--shards") }
        if (shards != nil || signal) && options.runID == nil { throw ValidationError("--shards and --signal are work units of an existing run: give --run-id") }
        if shards != nil && signal { throw ValidationError("--shards and --signal are separate work units; give one") }
    }

    func run() throws {
        if let shards {
            let unit = try WorkUnitRange(parsing: shards, option: "--shards")
            let plan = try ProductionPlanFile.read(from: URL(fileURLWithPath: options.samples))
            let range = try unit.resolve(count: plan.shards.count, what: "shards of \(options.samples)/\(ProductionPlanFile.fileName)")
            let files = try plan.shards(in: range).filter { $0.conditions == "mc" }.map(\.file)
            let (p, db, _) = try options.pipeline(command: "select \(options.search) --shards \(shards)", newRun: false, sampleFiles: files)
            let part = try JobRecord.around(db, command: CommandLine.arguments.joined(separator: " "), configHash: p.configuration.hash) {
                try p.selectShards(unit: "shards-\(range.lowerBound)-\(range.upperBound)", parts: partsDir.map { URL(fileURLWithPath: $0) })
            }
            print("\(part.pieces.count) simulation shards selected into \((partsDir.map { URL(fileURLWithPath: $0) } ?? p.partsDirectory).path)")
            return
        }
        if signal {
            let (p, db, _) = try options.pipeline(command: "select \(options.search) --signal", newRun: false, sampleFiles: [])
            try JobRecord.around(db, command: CommandLine.arguments.joined(separator: " "), configHash: p.configuration.hash) {
                _ = try p.selectSignal(parts: partsDir.map { URL(fileURLWithPath: $0) })
            }
            print("signal simulation selected into \((partsDir.map { URL(fileURLWithPath: $0) } ?? p.partsDirectory).path)")
            return
        }
        let (p, db, record) = try options.pipeline(command: "select \(options.search)", newRun: true)
        do { _ = try p.select() } catch { if let r = record { RunLifecycle.fail(runID: r.id, database: db) }; throw error }
        if let r = record { try db.finishRun(id: r.id, succeeded: true); RunLifecycle.end(runID: r.id) }
        print("candidates/ and selection.json written to \(p.runDirectory.path)")
    }
}

struct OptimiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "optimise",
        abstract: "Punzi-optimise a search's cuts per mass point on the selected simulation (a new run selects first; --run-id reads its candidates/).")
    @OptionGroup var options: SearchStageOptions
    @Option(help: "Work unit: only these positions of the configured hypotheses, A:B or k/n (needs --run-id); writes <run>/slices/optimisation-A-B.json for `darksector merge --optimisation`.")
    var hypotheses: String?

    func validate() throws {
        if let hypotheses { _ = try WorkUnitRange(parsing: hypotheses, option: "--hypotheses") }
        if hypotheses != nil && options.runID == nil { throw ValidationError("--hypotheses is a work unit of an existing run: give --run-id") }
    }

    func run() throws {
        if let hypotheses {
            let (p, db, _) = try options.pipeline(command: "optimise \(options.search) --hypotheses \(hypotheses)", newRun: false)
            let range = try WorkUnitRange(parsing: hypotheses, option: "--hypotheses")
                .resolve(count: p.configuration.hypotheses.count, what: "hypotheses of \(p.configuration.file)")
            try JobRecord.around(db, command: CommandLine.arguments.joined(separator: " "), configHash: p.configuration.hash) {
                _ = try p.optimise(slice: range)
            }
            print("hypotheses \(range.lowerBound):\(range.upperBound) optimised into \(p.runDirectory.path)/\(HypothesisSlices.folder)")
            return
        }
        let (p, db, record) = try options.pipeline(command: "optimise \(options.search)", newRun: true)
        do {
            if record != nil { _ = try p.select() }
            try p.optimise()
        } catch { if let r = record { RunLifecycle.fail(runID: r.id, database: db) }; throw error }
        if let r = record { try db.finishRun(id: r.id, succeeded: true); RunLifecycle.end(runID: r.id) }
        print("optimisation.json written to \(p.runDirectory.path)")
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate",
        abstract: "Compare data and simulation in the search's control samples (blinded).")
    @OptionGroup var options: SearchStageOptions
    func run() throws {
        let (p, _, _) = try options.pipeline(command: "validate", newRun: false)
        let v = try p.validate()
        for r in v.outcome.results {
            print("\(r.name): data/MC = \(String(format: "%.3f +- %.3f", r.ratio, r.ratioUncertainty)) \(r.passed ? "PASS" : "FAIL")")
        }
        print("validation \(v.outcome.passed ? "passed" : "FAILED") for configuration \(v.outcome.configurationHash)")
    }
}

struct LimitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "limits",
        abstract: "Expected (and, with --unblind, observed) limits from the run's optimisation and validation.")
    @OptionGroup var options: SearchStageOptions
    @Flag(help: "Look at the signal regions in data (refused unless validation passed; recorded).") var unblind = false
    @Option(help: "Work unit: only these positions of the configured hypotheses, A:B or k/n (blinded); writes <run>/slices/limits-A-B.json for `darksector merge --limits`.")
    var hypotheses: String?

    func validate() throws {
        if let hypotheses { _ = try WorkUnitRange(parsing: hypotheses, option: "--hypotheses") }
        if hypotheses != nil && unblind { throw ValidationError("--hypotheses slices are blinded; unblind the whole run without --hypotheses") }
    }

    func run() throws {
        if let hypotheses {
            let (p, db, _) = try options.pipeline(command: "limits \(options.search) --hypotheses \(hypotheses)", newRun: false)
            let range = try WorkUnitRange(parsing: hypotheses, option: "--hypotheses")
                .resolve(count: p.configuration.hypotheses.count, what: "hypotheses of \(p.configuration.file)")
            try JobRecord.around(db, command: CommandLine.arguments.joined(separator: " "), configHash: p.configuration.hash) {
                _ = try p.limits(slice: range)
            }
            print("limits of hypotheses \(range.lowerBound):\(range.upperBound) written to \(p.runDirectory.path)/\(HypothesisSlices.folder)")
            return
        }
        let (p, _, _) = try options.pipeline(command: "limits", newRun: false)
        let l = try p.limits(unblind: unblind)
        print("limits.json written to \(p.runDirectory.path) (\(l.rows.count) mass points, \(l.unblinded ? "UNBLINDED" : "blinded"))")
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report",
        abstract: "Tables, plots, HEPData and report.md from the run's stage outputs.")
    @OptionGroup var options: SearchStageOptions
    @Flag(help: "For a scan of many windows, write the pyhf workspace of every window (default: the showcase windows).")
    var allWorkspaces = false
    func run() throws {
        let (p, _, _) = try options.pipeline(command: "report", newRun: false)
        try p.report(allWorkspaces: allWorkspaces)
        print("report written to \(p.runDirectory.appendingPathComponent("report.md").path)")
    }
}
