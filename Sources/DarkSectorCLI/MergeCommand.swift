import ArgumentParser
import Foundation
import Provenance
import SearchPipeline

/// `darksector merge SEARCH --run-id ID ...`: combines the work units of a fanned-out run
/// (issue #21) into the run's own stage files, and the jobs' provenance databases into the
/// run's database in one transaction.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge",
        abstract: "Combine the work units of a fanned-out run: selection parts, hypothesis slices and job databases.",
        discussion: """
            --selection: the parts of `select --shards` and `select --signal` (every simulation shard of
            --samples exactly once) into selection.json and candidates/, as `select` writes them.
            --optimisation / --limits: the slices of `optimise|limits --hypotheses` (tiling every
            hypothesis once) into optimisation.json / limits.json (the look-elsewhere toys are thrown here).
            --job-db FILE...: import the jobs' own databases into --db in one transaction (runs, shards,
            corrections, results; idempotent). Outputs are written atomically.
            """)
    @OptionGroup var options: SearchStageOptions
    @Flag(help: "Merge the selection parts.") var selection = false
    @Option(help: "Folder of the selection parts (default: <run>/parts).") var partsDir: String?
    @Flag(help: "Merge the optimisation slices.") var optimisation = false
    @Flag(help: "Merge the limits slices.") var limits = false
    @Option(parsing: .upToNextOption, help: "Job databases to import into --db (one transaction).") var jobDb: [String] = []

    func validate() throws {
        guard options.runID != nil else { throw ValidationError("merge combines the work units of one run: give --run-id") }
        guard selection || optimisation || limits || !jobDb.isEmpty else {
            throw ValidationError("nothing to merge: give --selection, --optimisation, --limits and/or --job-db FILE...")
        }
    }

    func run() throws {
        let (p, db, _) = try options.pipeline(command: "merge", newRun: false)
        if !jobDb.isEmpty {
            let summary = try db.importJobDatabases(paths: jobDb)
            print("imported \(summary.databases) job databases into \(db.path): \(summary.runs) runs, \(summary.samples) shards, \(summary.corrections) corrections, \(summary.results) results")
        }
        if selection {
            let merged = try p.mergeSelection(parts: partsDir.map { URL(fileURLWithPath: $0) })
            print("selection merged: \(merged.background.candidates.count) background and \(merged.signal.candidates.count) signal candidates in \(p.runDirectory.path)")
        }
        if optimisation {
            let out = try p.mergeOptimisation()
            print("optimisation.json merged from slices (\(out.results.count) hypotheses) in \(p.runDirectory.path)")
        }
        if limits {
            let out = try p.mergeLimits()
            print("limits.json merged from slices (\(out.rows.count) hypotheses) in \(p.runDirectory.path)")
        }
    }
}
