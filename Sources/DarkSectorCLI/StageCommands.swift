import Analysis
import ArgumentParser
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
    @OptionGroup var database: DatabaseOptions

    func configurationPath(_ entry: any SearchPackage) throws -> String {
        if let config { return config }
        guard let root = ResourceLocator.directory("Searches")?.deletingLastPathComponent() else {
            throw AnalysisError.invalidArgument("cannot find Searches/; pass --config or run from the repository root")
        }
        return root.appendingPathComponent(entry.defaultConfiguration).path
    }

    /// The pipeline for an existing run (single stages) or a new one (`newRun`).
    func pipeline(command: String, newRun: Bool) throws -> (SearchPipeline, ProvenanceDatabase, RunRecord?) {
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
        if let runID {
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
                                   samples: try SampleSet(directory: samples, catalog: db),
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
        abstract: "Select the simulated backgrounds and signal MC of a search (starts a new run unless --run-id): candidates/ and selection.json.")
    @OptionGroup var options: SearchStageOptions
    func run() throws {
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
    func run() throws {
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
    func run() throws {
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
