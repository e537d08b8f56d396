import ArgumentParser
import EventStore
import Foundation
import Generators
import SampleProduction
import Detector

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
        abstract: "Events per second per core for generation + detector + HDF5 write of one process.",
        discussion: """
            Per core means events / wall time / jobs. A shared machine is noisy (runs of the same \
            build differ by 20%), so --repeat runs it several times and reports the median and the \
            best; cpu_us_per_event is the process's CPU time (user + system) per event. --stages \
            adds a one-core breakdown: generator, detector, batch building (the rest is encoding \
            and writing).
            """)

    @Option(help: "Process to generate.") var process = "mumu"
    @Option(help: "Generator filter, as in a production configuration (none, mumu_cdc, two_charged_leptons, single_photon).")
    var filter = "none"
    @Option(help: "unweighted or weighted.") var mode = "unweighted"
    @Option(help: "Also report the unweighting maximum and how many of this many further proposals exceed it (0: skip).")
    var weightCheckTrials = 0
    @Option(help: "Events to generate.") var events = 2_000_000
    @Option(help: "Parallel workers (default: all cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Scratch directory (removed afterwards).") var scratch = "Results/bench/generate"
    @Option(help: "Deflate level of the shards (0 = none; production default 1).") var compression = 1
    @Option(help: "Directory with mc.yaml (default: the repository's Conditions/).") var conditionsDir: String?
    @Option(help: "Runs; the median and the best are reported.") var `repeat` = 1
    @Flag(help: "Also time the stages on one core (generator, detector, batch building).") var stages = false
    @OptionGroup var output: OutputOptions

    struct Result: Encodable {
        let process: String
        let filter: String
        let mode: String
        let events: Int
        let jobs: Int
        let compressionLevel: Int
        let seconds: Double
        let eventsPerSecond: Double
        let eventsPerSecondPerCore: Double
        let bestEventsPerSecondPerCore: Double
        let runsEventsPerSecondPerCore: [Double]
        let cpuMicrosecondsPerEvent: Double
        let megabytesWritten: Double
        let stages: StageProfile?
        let maximumWeightSearch: MaximumWeightSearch?
        let maximumWeightCheck: MaximumWeightCheck?

        enum CodingKeys: String, CodingKey {
            case process, filter, mode, events, jobs, seconds, stages
            case maximumWeightSearch = "maximum_weight_search", maximumWeightCheck = "maximum_weight_check"
            case compressionLevel = "compression_level"
            case eventsPerSecond = "events_per_second", eventsPerSecondPerCore = "events_per_second_per_core"
            case bestEventsPerSecondPerCore = "best_events_per_second_per_core"
            case runsEventsPerSecondPerCore = "runs_events_per_second_per_core"
            case cpuMicrosecondsPerEvent = "cpu_us_per_event"
            case megabytesWritten = "megabytes_written"
        }
    }

    func validate() throws {
        guard StandardModelProcess(rawValue: process) != nil else {
            throw ValidationError("--process: unknown process '\(process)'; known: \(StandardModelProcess.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ProductionConfiguration.filterNames.contains(filter) else {
            throw ValidationError("--filter: unknown filter '\(filter)'; known: \(ProductionConfiguration.filterNames.joined(separator: ", "))")
        }
        guard GenerationMode(rawValue: mode) != nil else { throw ValidationError("--mode must be unweighted or weighted, got '\(mode)'") }
        guard weightCheckTrials >= 0 else { throw ValidationError("--weight-check-trials must be >= 0, got \(weightCheckTrials)") }
        guard events > 0 else { throw ValidationError("--events must be positive, got \(events)") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive, got \(jobs)") }
        guard (0...9).contains(compression) else { throw ValidationError("--compression must be 0...9, got \(compression)") }
        guard `repeat` > 0 else { throw ValidationError("--repeat must be positive, got \(`repeat`)") }
    }

    /// User + system CPU time of this process so far, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    func run() throws {
        guard let conditions = conditionsDir.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.directory("Conditions") else {
            throw ValidationError("cannot find the Conditions/ directory; pass --conditions-dir")
        }
        let kind = StandardModelProcess(rawValue: process)!
        let plan = ProductionConfiguration.ProcessPlan(process: kind, filterName: filter,
                                                       mode: GenerationMode(rawValue: mode)!, mcLuminosityFactor: 1,
                                                       maxMCEvents: nil, mcEvents: events)
        // One shard per job so that every core works; cross-section trials kept minimal (not timed work).
        let config = ProductionConfiguration(luminosityInvFb: 1, seed: 1, shardEvents: (events + jobs - 1) / jobs,
                                             crossSectionTrials: 1000, processes: [plan], conditions: ["mc"])
        var perCore: [Double] = []
        var seconds: [Double] = []
        var cpu: [Double] = []
        var bytes = 0.0
        for _ in 0..<`repeat` {
            let dir = URL(fileURLWithPath: scratch).appendingPathComponent(UUID().uuidString)
            defer { try? FileManager.default.removeItem(at: dir) }
            var producer = SampleProducer(configuration: config, outputDirectory: dir, conditionsDirectory: conditions, jobs: jobs)
            producer.compressionLevel = compression
            let tasks = producer.plan(crossSections: producer.crossSections())
            let cpuStart = Self.cpuSeconds()
            let start = Date()
            _ = try producer.run()
            let wall = Date().timeIntervalSince(start)
            cpu.append(Self.cpuSeconds() - cpuStart)
            seconds.append(wall)
            perCore.append(Double(events) / wall / Double(jobs))
            bytes = tasks.reduce(0.0) { sum, t in
                sum + ((try? FileManager.default.attributesOfItem(atPath: t.destination.path)[.size] as? NSNumber)?.doubleValue ?? 0)
            }
        }
        func median(_ v: [Double]) -> Double {
            let s = v.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        let stageProfile = try stages
            ? StageProfile.measure(process: kind, events: 1_000_000,
                                   conditions: DetectorConditions.load(.mc, from: conditions.appendingPathComponent("mc.yaml")))
            : nil
        let unweighting = weightCheckTrials > 0
            ? kind.unweightingReport(filter: plan.filter, checkTrials: weightCheckTrials, using: RandomStream(seed: 2, stream: 0))
            : nil
        let wall = median(seconds)
        let result = Result(process: process, filter: filter, mode: mode, events: events, jobs: jobs, compressionLevel: compression, seconds: wall,
                            eventsPerSecond: Double(events) / wall, eventsPerSecondPerCore: median(perCore),
                            bestEventsPerSecondPerCore: perCore.max()!, runsEventsPerSecondPerCore: perCore,
                            cpuMicrosecondsPerEvent: median(cpu) / Double(events) * 1e6,
                            megabytesWritten: bytes / 1e6, stages: stageProfile,
                            maximumWeightSearch: unweighting?.search, maximumWeightCheck: unweighting?.check)
        if output.json { return try JSONOutput.print(result) }
        print(String(format: "%@ (filter %@, %@): %d events with %d jobs, %d run(s): median %.3g events/s/core (best %.3g), %.2f us CPU per event, %.0f MB written",
                     process, filter, mode, events, jobs, `repeat`, result.eventsPerSecondPerCore, result.bestEventsPerSecondPerCore,
                     result.cpuMicrosecondsPerEvent, result.megabytesWritten))
        if let u = unweighting {
            print(u.search?.description ?? String(format: "maximum weight %.4g fb from the unfiltered warm-up", u.check.maximumWeightFb))
            print(u.check.description)
        }
        if let p = stageProfile {
            print(String(format: "one core, %d events: generator %.2f us, detector %.2f us, batch building %.2f us per event",
                         p.events, p.generatorMicroseconds, p.detectorMicroseconds, p.batchMicroseconds))
        }
    }
}
