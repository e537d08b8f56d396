import ArgumentParser
import EventStore
import Foundation
import Provenance

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

        print("\n== 3. searches, blinded")
        for search in RegisteredSearches.all where search.status == "working" {
            print("-- \(search.id)")
            let run = try RunCommand.parse([search.id, "--samples", samples, "--out", out] + dbArgs)
            try run.run()
        }
        print("\nSamples: \(samples)   catalog: \(database.path)   results: \(out)")
    }
}
