import ArgumentParser
import EventStore
import Foundation
import Generators
import SampleProduction

/// `darksector bench ...`: throughput benchmarks (run them on a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (build with -c release for meaningful numbers).",
        subcommands: [BenchStoreCommand.self, BenchGenerateCommand.self, BenchStatsCommand.self])
}

struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Write N rows of 8 float64 columns with the event-store layout and read them back.")

    @Option(help: "Rows per column.") var rows = 20_000_000
    @Option(help: "Number of float64 columns.") var columns = 8
    @Option(help: "File to write (kept for Benchmarks/store_vs_h5py.py).") var path = "Results/bench/store_bench.h5"
    @Option(help: "Rows per HDF5 chunk.") var chunkRows = 262_144
    @Option(help: "Deflate level (0 = none).") var compression = 1
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be positive, got \(rows)") }
        guard columns > 0 else { throw ValidationError("--columns must be positive, got \(columns)") }
        guard (0...9).contains(compression) else { throw ValidationError("--compression must be 0...9, got \(compression)") }
    }

    func run() throws {
        let result = try StoreBenchmark.run(rows: rows, columns: columns, path: path, chunkRows: chunkRows,
                                            compressionLevel: compression)
        if output.json { return try JSONOutput.print(result) }
        print(String(format: "wrote %.0f MB in %.2f s (%.0f MB/s), read in %.2f s (%.0f MB/s); file %@ (%.0f MB on disk)",
                     result.megabytes, result.writeSeconds, result.writeMBPerSecond, result.readSeconds,
                     result.readMBPerSecond, result.path, Double(result.fileBytes) / 1e6))
    }
}

struct BenchGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Events per second per core for generation + detector + HDF5 write of one process.")

    @Option(help: "Process to generate.") var process = "mumu"
    @Option(help: "Events to generate.") var events = 2_000_000
    @Option(help: "Parallel workers (default: all cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Scratch directory (removed afterwards).") var scratch = "Results/bench/generate"
    @Option(help: "Deflate level of the shards (0 = none; production default 1).") var compression = 1
    @Option(help: "Directory with mc.yaml (default: the repository's Conditions/).") var conditionsDir: String?
    @OptionGroup var output: OutputOptions

    struct Result: Encodable {
        let process: String
        let events: Int
        let jobs: Int
        let seconds: Double
        let eventsPerSecond: Double
        let eventsPerSecondPerCore: Double
        let megabytesWritten: Double

        enum CodingKeys: String, CodingKey {
            case process, events, jobs, seconds
            case eventsPerSecond = "events_per_second", eventsPerSecondPerCore = "events_per_second_per_core"
            case megabytesWritten = "megabytes_written"
        }
    }

    func validate() throws {
        guard StandardModelProcess(rawValue: process) != nil else {
            throw ValidationError("--process: unknown process '\(process)'; known: \(StandardModelProcess.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard events > 0 else { throw ValidationError("--events must be positive, got \(events)") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive, got \(jobs)") }
    }

    func run() throws {
        guard let conditions = conditionsDir.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.directory("Conditions") else {
            throw ValidationError("cannot find the Conditions/ directory; pass --conditions-dir")
        }
        let plan = ProductionConfiguration.ProcessPlan(process: StandardModelProcess(rawValue: process)!, filterName: "none",
                                                       mode: .unweighted, mcLuminosityFactor: 1, maxMCEvents: nil, mcEvents: events)
        // One shard per job so that every core works; cross-section trials kept minimal (not timed work).
        let config = ProductionConfiguration(luminosityInvFb: 1, seed: 1, shardEvents: (events + jobs - 1) / jobs,
                                             crossSectionTrials: 1000, processes: [plan], conditions: ["mc"])
        let dir = URL(fileURLWithPath: scratch).appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: dir) }
        var producer = SampleProducer(configuration: config, outputDirectory: dir, conditionsDirectory: conditions, jobs: jobs)
        producer.compressionLevel = compression
        let sigma = producer.crossSections()
        let tasks = producer.plan(crossSections: sigma)
        let start = Date()
        _ = try producer.run()
        let seconds = Date().timeIntervalSince(start)
        let bytes = tasks.reduce(0.0) { sum, t in
            sum + ((try? FileManager.default.attributesOfItem(atPath: t.destination.path)[.size] as? NSNumber)?.doubleValue ?? 0)
        }
        let result = Result(process: process, events: events, jobs: jobs, seconds: seconds,
                            eventsPerSecond: Double(events) / seconds,
                            eventsPerSecondPerCore: Double(events) / seconds / Double(jobs), megabytesWritten: bytes / 1e6)
        if output.json { return try JSONOutput.print(result) }
        print(String(format: "%@: %d events in %.2f s with %d jobs: %.3g events/s, %.3g events/s/core, %.0f MB written",
                     process, events, seconds, jobs, result.eventsPerSecond, result.eventsPerSecondPerCore, result.megabytesWritten))
    }
}
