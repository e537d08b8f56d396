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
    /// Start even if the size estimate crosses a sanity bound (`--force`).
    public var force = false
    /// The sample catalog: an existing shard is skipped only if its SHA-256 also matches
    /// the catalog's (when the catalog has its path).
    public var catalog: SampleCatalog? = nil
    /// Where one-line notices go (a corrupt shard being regenerated); stderr when nil.
    public var notice: (@Sendable (String) -> Void)? = nil
    /// Only these positions of the production plan (`generate --shards A:B`, one work unit
    /// of a fanned-out production), given the plan's number of shards; every shard when nil.
    /// The plan does not depend on it.
    public var shardRange: (@Sendable (Int) throws -> Range<Int>)? = nil

    public init(configuration: ProductionConfiguration, outputDirectory: URL, conditionsDirectory: URL, jobs: Int) {
        self.configuration = configuration
        self.outputDirectory = outputDirectory
        self.conditionsDirectory = conditionsDirectory
        self.jobs = max(1, jobs)
    }

    /// The cross section of every configured process within its acceptance and filter.
    public func crossSections() -> [CrossSectionEstimate] {
        crossSections(trials: configuration.crossSectionTrials)
    }

    /// The same with another number of trials (a quick, rougher estimate for the size check).
    public func crossSections(trials: Int) -> [CrossSectionEstimate] {
        configuration.processes.map { plan in
            let generator = plan.process.makeGenerator(filter: plan.filter, mode: plan.mode)
            let rng = RandomStream(seed: configuration.seed, stream: StreamID.of("\(plan.process.rawValue)/cross-section"))
            return generator.crossSection(trials: trials, using: rng)
        }
    }

    /// Events, disk and time of this production given the cross sections.
    public func estimate(crossSections: [CrossSectionEstimate]) -> ProductionEstimate {
        ProductionEstimate(configuration: configuration, crossSections: crossSections, jobs: jobs,
                           outputDirectory: outputDirectory)
    }

    /// Refuses absurd sizes before the full cross sections are computed: a 1%-trial estimate
    /// (a few percent precise) refuses what is beyond twice a bound at once; the exact
    /// check on the final cross sections follows in `run`.
    public func checkSizeQuickly() throws {
        let trials = max(1_000, configuration.crossSectionTrials / 100)
        try estimate(crossSections: crossSections(trials: trials)).check(force: force, margin: 2)
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
        /// The size estimate the production was checked against.
        public var estimate: ProductionEstimate
        /// Existing shards that failed verification and were made again, one line each.
        public var regenerated: [String] = []
    }

    /// Produces every missing shard with `jobs` workers and returns what exists afterwards.
    ///
    /// Holds the output folder's `ProductionLock` throughout (`lock`, or one taken here), so
    /// a second producer is refused at once. Refuses a production whose estimated size
    /// crosses a bound (`ProductionEstimate`) unless `force`. An existing shard is skipped
    /// only after `ShardVerifier` and the catalog's SHA-256 prove it intact; a corrupt one
    /// is reported through `notice`, deleted and made again.
    public func run(lock: ProductionLock? = nil, progress: (@Sendable (Int) -> Void)? = nil,
                    willStart: ((Int, Int) -> Void)? = nil) throws -> Summary {
        let start = Date()
        let held = try lock ?? (shardRange == nil ? ProductionLock(directory: outputDirectory)
                                                  : ProductionLock(sharedDirectory: outputDirectory))
        defer { withExtendedLifetime(held) {} }
        try checkSizeQuickly()
        let mcConditions = try DetectorConditions.load(.mc, from: conditionsDirectory.appendingPathComponent("mc.yaml"))
        // Pseudo-data only: the one place the data conditions are read (analysis never does).
        let dataConditions = configuration.conditions.contains("data")
            ? try DetectorConditions.load(.data, from: conditionsDirectory.appendingPathComponent("data.yaml")) : nil

        let sigmas = crossSections()
        let sizes = estimate(crossSections: sigmas)
        try sizes.check(force: force)
        let allTasks = plan(crossSections: sigmas)
        try planFile(allTasks).write(to: outputDirectory)
        let tasks = try selectedTasks(allTasks, lock: held)
        removeStaleTemporaries(tasks)
        var missing: [ShardTask] = []
        var regenerated: [String] = []
        for t in tasks {
            switch try existingState(t) {
            case .complete:
                continue
            case .missing:
                missing.append(t)
            case .corrupt(let reason):
                let line = "\(t.destination.path): existing shard failed verification, regenerating it (\(reason))"
                if let notice { notice(line) } else { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                regenerated.append(line)
                do {
                    try FileManager.default.removeItem(at: t.destination)
                } catch {
                    throw ProductionError.shardMismatch(path: t.destination.path,
                                                        detail: "it is corrupt and cannot be removed: \(error.localizedDescription)")
                }
                missing.append(t)
            }
        }
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
                       seconds: Date().timeIntervalSince(start), estimate: sizes, regenerated: regenerated)
    }

    /// The plan as written beside the shards (`production-plan.json`), paths relative to
    /// the output folder.
    public func planFile(_ tasks: [ShardTask]) -> ProductionPlanFile {
        ProductionPlanFile(configuration: configuration.fingerprint, shards: tasks.enumerated().map { i, t in
            ProductionPlanFile.Shard(index: i, process: t.plan.process.rawValue, conditions: t.conditions, shard: t.index,
                                     events: t.events,
                                     file: "\(t.plan.process.rawValue)/\(t.conditions)/\(t.destination.lastPathComponent)")
        })
    }

    /// Computes the cross sections and writes the plan only (`generate --plan`).
    @discardableResult
    public func writePlan() throws -> ProductionPlanFile {
        let file = planFile(plan(crossSections: crossSections()))
        try file.write(to: outputDirectory)
        return file
    }

    /// The tasks of `shardRange` (all when nil), their shards locked in `lock`; a range beyond
    /// the plan is an error.
    func selectedTasks(_ tasks: [ShardTask], lock: ProductionLock? = nil) throws -> [ShardTask] {
        guard let resolve = shardRange else { return tasks }
        let r = try resolve(tasks.count)
        guard r.lowerBound >= 0, r.upperBound <= tasks.count else {
            throw ProductionError.invalidShardRange(range: "\(r.lowerBound):\(r.upperBound)", shards: tasks.count)
        }
        try lock?.lockShards(r)
        return Array(tasks[r])
    }

    /// Generates, simulates and writes one shard.
    func produce(_ task: ShardTask, conditions: DetectorConditions, progress: (@Sendable (Int) -> Void)?) throws {
        let isData = task.conditions == "data"
        let mode: GenerationMode = isData ? .unweighted : task.plan.mode
        let generator = task.plan.process.makeGenerator(filter: task.plan.filter, mode: mode)
        // Truth goes from the generator to the builder directly (MC only), not through the event.
        // Photon conversions in the hadronic samples only (DetectorSimulation.photonConversions):
        // the other samples keep the photons and random sequences they had before issue #19.
        let detector = DetectorSimulation(conditions: conditions, storeTruth: false,
                                          photonConversions: task.plan.process.usesPythia)
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

    /// What is at a shard's destination before the production starts.
    enum ExistingShard: Equatable {
        case missing
        /// Verified, this shard of this configuration, and matching the catalog.
        case complete
        /// Failed verification (or differs from the catalog's SHA-256): to be made again.
        case corrupt(String)
    }

    /// A shard is complete when `ShardVerifier` proves the file intact (checksum filters,
    /// every chunk's checksum, no forbidden values), it says it is this shard, and its
    /// SHA-256 matches the catalog's when the catalog has its path. A verified file of
    /// another configuration is the user's, not ours to delete: that is an error.
    func existingState(_ task: ShardTask) throws -> ExistingShard {
        let path = task.destination.path
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        let report: ShardVerificationReport
        do {
            report = try ShardVerifier.verify(path: path)
        } catch let error as EventStoreError {
            return .corrupt("\(error)")
        }
        let m = report.metadata
        guard m.generatorSeed == Int64(bitPattern: configuration.seed), m.shardIndex == Int64(task.index),
              m.conditions == task.conditions, m.process == task.plan.process.rawValue,
              report.events == task.events else {
            throw ProductionError.shardMismatch(
                path: path,
                detail: "it holds \(m.process)/\(m.conditions) shard \(m.shardIndex) seed \(m.generatorSeed) with \(report.events) events")
        }
        if let catalog {
            do {
                _ = try catalog.verifyChecksum(path: path)
            } catch let error as EventStoreError {
                return .corrupt("\(error)")
            }
        }
        return .complete
    }

    /// Temporary files (`.NAME.tmp-PID-RANDOM`) of producers that died, in the shard
    /// directories. Called while holding the folder's `ProductionLock`; a temporary whose
    /// writer is still alive (some process that did not take the lock) is left alone, so no
    /// producer ever deletes another's live file.
    func removeStaleTemporaries(_ tasks: [ShardTask]) {
        let fm = FileManager.default
        let directories = Set(tasks.map { $0.destination.deletingLastPathComponent().path })
        for dir in directories {
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for n in names where n.hasPrefix(".") && n.contains(".h5.tmp-") {
                if let pid = Self.writerPID(ofTemporary: n), ProductionLock.isAlive(pid) { continue }
                try? fm.removeItem(atPath: (dir as NSString).appendingPathComponent(n))
            }
        }
    }

    /// The pid in a temporary's name (`EventFileWriter` writes `.NAME.tmp-PID-RANDOM`).
    static func writerPID(ofTemporary name: String) -> Int32? {
        guard let r = name.range(of: ".h5.tmp-") else { return nil }
        return name[r.upperBound...].split(separator: "-").first.flatMap { Int32($0) }
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
