import ArgumentParser
import EventStore
import Foundation
import Provenance
import SearchPipeline

/// `darksector demo`: the main job on the embedded default, what `make demo` runs.
///
/// Generates the default samples (MC and pseudo-data) and then runs every working search
/// blinded. Each step is an ordinary command, so a user can run them one by one.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Generate the default samples and run every working search blinded.")

    @Option(help: "Where results go.") var out = "Results/demo"
    @Option(help: "Where samples go.") var samples = "Samples/demo"
    @Option(help: "Parallel workers (default: all cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var database: DatabaseOptions

    /// Whether the newest run of a search passed its validation (false when unreadable).
    static func validationPassed(search: String, resultsRoot: String) -> Bool {
        let root = URL(fileURLWithPath: resultsRoot)
        guard let id = try? SearchPipeline.latestRunID(search: search, resultsRoot: root),
              let v = try? StageFile.read(ValidationStageOutput.self,
                                          from: root.appendingPathComponent(search).appendingPathComponent(id).appendingPathComponent(StageFile.validation),
                                          stage: "validate") else { return false }
        return v.outcome.passed
    }

    func run() throws {
        let dbArgs = database.db.map { ["--db", $0] } ?? []
        print("== 1. generate the embedded default production into \(samples)")
        let generate = try GenerateCommand.parse(["--out", samples, "--jobs", "\(jobs)"] + dbArgs)
        try generate.run()

        print("\n== 2. one shard of each process, as the event store sees it")
        let catalog = try database.open().samples()
        let firstShards = catalog.filter { $0.shardIndex == 0 && $0.path.contains("/\(URL(fileURLWithPath: samples).lastPathComponent)/") }
        for s in firstShards {
            let info = try StoreInfo(reader: EventFileReader(path: s.path))
            print(String(format: "%-11@ %-4@ %8d events  sum of weights %10.1f  (sigma x L = %.1f)  %@",
                         s.process, s.conditions, info.events, info.sumOfWeights,
                         s.crossSectionFb * s.luminosityInvFb, s.path))
        }

        print("\n== 3. searches, blinded (corrections measured in control samples, then validated)")
        var unblindCommands: [String] = []
        for search in RegisteredSearches.all where search.status == "working" {
            print("-- \(search.id)")
            let run = try RunCommand.parse([search.id, "--samples", samples, "--out", out] + dbArgs)
            try run.run()
            let passed = Self.validationPassed(search: search.id, resultsRoot: out)
            let dbPart = database.db.map { " --db \($0)" } ?? ""
            unblindCommands.append(passed
                ? "darksector run \(search.id) --samples \(samples) --out \(out)\(dbPart) --unblind"
                : "# \(search.id): validation failed, unblinding would be refused (see its report.md)")
        }
        print("\nSamples: \(samples)   catalog: \(database.path)   results: \(out)")
        print("\n== 4. to unblind (validated on the control samples; each unblinding is recorded in the audit trail):")
        for c in unblindCommands { print("  \(c)") }
    }
}
