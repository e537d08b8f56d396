import Detector
import EventModel
import EventStore
import Foundation
import Generators
import Kinematics
import Provenance

/// Runs a production: cross sections, then MC and pseudo-data shards in parallel, then the
/// catalog. Reruns skip shards that are already complete, so a killed production resumes.
public struct SampleProducer: Sendable {
    public let configuration: ProductionConfiguration
    public let outputDirectory: URL
    public let conditionsDirectory: URL
    public let jobs: Int
    /// Events per in-memory batch before it is appended to the shard file (2048-8192 are
    /// equally fast in `bench generate`; 32768 is 8% slower: the staged rows leave the cache).
    public var batchEvents = 4_096
    /// Deflate level of the shards (see `EventFileOptions`).
    public var compressionLevel = EventFileOptions().compressionLevel

    public init(configuration: ProductionConfiguration, outputDirectory: URL, conditionsDirectory: URL, jobs: Int) {
        self.configuration = configuration
        self.outputDirectory = outputDirectory
        self.conditionsDirectory = conditionsDirectory
        self.jobs = max(1, jobs)
    }

    /// The cross section of every configured process within its acceptance and filter.
    public func crossSections() -> [CrossSectionEstimate] {
        configuration.processes.map { plan in
            let generator = plan.process.makeGenerator(filter: plan.filter, mode: plan.mode)
            let rng = RandomStream(seed: configuration.seed, stream: StreamID.of("\(plan.process.rawValue)/cross-section"))
            return generator.crossSection(trials: configuration.crossSectionTrials, using: rng)
        }
    }

    /// Every shard of the production, given the cross sections.
    public func plan(crossSections: [CrossSectionEstimate]) -> [ShardTask] {
        var tasks: [ShardTask] = []
        let lumi = configuration.luminosityInvFb
        for (plan, sigma) in zip(configuration.processes, crossSections) {
            let expected = sigma.valueFb * lumi
            for conditions in configuration.conditions {
                let events: Int
                let weightScale: Double
                if conditions == "data" {
                    // Pseudo-data: a Poisson-fluctuated, unweighted count at the chosen luminosity.
                    let rng = RandomStream(seed: configuration.seed, stream: StreamID.of("\(plan.process.rawValue)/data-count"))
                    events = rng.poisson(expected)
                    weightScale = 1
                } else {
                    var n = plan.mcEvents ?? Int((expected * plan.mcLuminosityFactor).rounded())
                    if let cap = plan.maxMCEvents { n = min(n, cap) }
                    events = max(n, 0)
                    weightScale = events > 0 ? expected / Double(events) : 0
                }
                let shards = (events + configuration.shardEvents - 1) / configuration.shardEvents
                for k in 0..<shards {
                    let first = k * configuration.shardEvents
                    let n = min(configuration.shardEvents, events - first)
                    let name = String(format: "%@_%@_%04d.h5", plan.process.rawValue, conditions, k)
                    let url = outputDirectory.appendingPathComponent(plan.process.rawValue)
                        .appendingPathComponent(conditions).appendingPathComponent(name)
                    tasks.append(ShardTask(plan: plan, conditions: conditions, index: k, firstEventID: Int64(first),
                                           events: n, sampleEvents: events, weightScale: weightScale,
                                           crossSection: sigma, destination: url))
                }
            }
        }
        return tasks
    }

    public struct Summary: Sendable {
        public var crossSections: [CrossSectionEstimate]
        public var shards: [URL]
        public var producedShards: Int
        public var skippedShards: Int
        public var events: Int
        public var seconds: Double
    }

    /// Produces every missing shard with `jobs` workers and returns what exists afterwards.
    public func run(progress: (@Sendable (Int) -> Void)? = nil,
                    willStart: ((Int, Int) -> Void)? = nil) throws -> Summary {
        let start = Date()
        let mcConditions = try DetectorConditions.load(.mc, from: conditionsDirectory.appendingPathComponent("mc.yaml"))
        // Pseudo-data only: the one place the data conditions are read (analysis never does).
        let dataConditions = configuration.conditions.contains("data")
            ? try DetectorConditions.load(.data, from: conditionsDirectory.appendingPathComponent("data.yaml")) : nil

        let sigmas = crossSections()
        let tasks = plan(crossSections: sigmas)
        removeStaleTemporaries(tasks)
        var missing: [ShardTask] = []
        for t in tasks where try !isComplete(t) { missing.append(t) }
        let pending = missing
        willStart?(pending.reduce(0) { $0 + $1.events }, tasks.count - pending.count)

        let failures = FailureBox()
        let next = Counter()
        let workers = min(jobs, max(1, pending.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment()
                guard i < pending.count, failures.first == nil else { return }
                let task = pending[i]
                let conditions = task.conditions == "data" ? dataConditions! : mcConditions
                do {
                    try produce(task, conditions: conditions, progress: progress)
                } catch {
                    failures.record(error)
                }
            }
        }
        if let error = failures.first { throw error }
        return Summary(crossSections: sigmas, shards: tasks.map(\.destination), producedShards: pending.count,
                       skippedShards: tasks.count - pending.count, events: tasks.reduce(0) { $0 + $1.events },
                       seconds: Date().timeIntervalSince(start))
    }

    /// Generates, simulates and writes one shard.
    func produce(_ task: ShardTask, conditions: DetectorConditions, progress: (@Sendable (Int) -> Void)?) throws {
        let isData = task.conditions == "data"
        let mode: GenerationMode = isData ? .unweighted : task.plan.mode
        let generator = task.plan.process.makeGenerator(filter: task.plan.filter, mode: mode)
        // Truth goes from the generator to the builder directly (MC only), not through the event.
        let detector = DetectorSimulation(conditions: conditions, storeTruth: false)
        let rng = RandomStream(seed: configuration.seed, stream: StreamID.of(task.streamName))
        let writer = try EventFileWriter(destination: task.destination,
                                         options: EventFileOptions(compressionLevel: compressionLevel, includeTruth: !isData))
        var generated = GeneratedEvent()
        // Each event counts sigma_F L w_i / sum(w) (the generators' normalisation contract),
        // which is exact for unweighted samples and unbiased for weighted, filtered ones, whose
        // mean weight is not 1; so the weights can only be normalised when the shard is
        // complete. Only they wait (8 bytes per event): every other column is written batch by
        // batch from column arrays whose storage is reused (no fresh, page-faulting arrays).
        var weights: [Double] = []
        weights.reserveCapacity(task.events)
        // The builder gathers each batch straight into the stored columns, whose storage it
        // reuses from batch to batch.
        let builder = EventBatchBuilder()
        var event = ReconstructedEvent(eventID: 0)
        var sumOfWeights = 0.0
        func flush() throws {
            let (tables, batchWeights, events) = builder.flushStoredTables()
            weights.append(contentsOf: batchWeights)
            try writer.append(storedTables: tables, events: events, deferringWeights: true)
            progress?(events)
        }
        for i in 0..<task.events {
            generator.generate(into: &generated, using: rng)
            let vertices = generated.vertices.count == generated.particles.count ? generated.vertices : nil
            let weight = isData ? 1 : generated.weight
            sumOfWeights += weight
            detector.reconstruct(particles: generated.particles, weight: weight,
                                 eventID: task.firstEventID + Int64(i), vertices: vertices, random: rng, into: &event)
            builder.append(event, truth: isData ? [] : generated.particles)
            if builder.count >= batchEvents { try flush() }
        }
        try flush()
        let scale = isData || sumOfWeights <= 0 ? 1 : task.weightScale * Double(task.events) / sumOfWeights
        if scale != 1 {
            for i in weights.indices { weights[i] *= scale }
        }
        try writer.appendWeights(weights)
        try writer.finish(metadata: SampleMetadata(
            process: task.plan.process.rawValue, crossSectionFb: task.crossSection.valueFb,
            crossSectionUncertaintyFb: task.crossSection.uncertaintyFb,
            // The shard's share of the luminosity: shards of a sample add up to the configured
            // luminosity, and each shard's weights are expected events at its own share.
            luminosityInvFb: configuration.luminosityInvFb * Double(task.events) / Double(max(task.sampleEvents, 1)),
            generatedEvents: Int64(task.events), generatorSeed: Int64(bitPattern: configuration.seed),
            shardIndex: Int64(task.index), conditions: task.conditions,
            filter: task.plan.filter.map { "\(task.plan.filterName): \($0.description)" } ?? "none",
            codeVersion: CodeVersion.current))
    }

    /// A shard is complete when its file opens, validates, and says it is this shard.
    func isComplete(_ task: ShardTask) throws -> Bool {
        guard FileManager.default.fileExists(atPath: task.destination.path) else { return false }
        let reader: EventFileReader
        do {
            reader = try EventFileReader(path: task.destination.path)
        } catch {
            throw ProductionError.shardMismatch(path: task.destination.path, detail: "unreadable: \(error)")
        }
        let m = reader.metadata
        guard m.generatorSeed == Int64(bitPattern: configuration.seed), m.shardIndex == Int64(task.index),
              m.conditions == task.conditions, m.process == task.plan.process.rawValue,
              reader.eventCount == task.events else {
            throw ProductionError.shardMismatch(
                path: task.destination.path,
                detail: "it holds \(m.process)/\(m.conditions) shard \(m.shardIndex) seed \(m.generatorSeed) with \(reader.eventCount) events")
        }
        return true
    }

    /// Temporary files of a killed run (`.NAME.tmp-*`) in the shard directories.
    func removeStaleTemporaries(_ tasks: [ShardTask]) {
        let fm = FileManager.default
        let directories = Set(tasks.map { $0.destination.deletingLastPathComponent().path })
        for dir in directories {
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for n in names where n.hasPrefix(".") && n.contains(".h5.tmp-") {
                try? fm.removeItem(atPath: (dir as NSString).appendingPathComponent(n))
            }
        }
    }
}

/// The first error any worker hit; the others stop taking new shards.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?
    var first: Error? { lock.lock(); defer { lock.unlock() }; return error }
    func record(_ e: Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
}

/// A shared work index for the workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = -1
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
