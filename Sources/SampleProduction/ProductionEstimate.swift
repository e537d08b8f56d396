import Foundation
import Generators
#if canImport(Glibc)
import Glibc
#endif

/// Events, disk and time a production will need, estimated before any shard is made, so
/// that a mistyped luminosity (`--lumi 1e9`: 10^15 events) is refused in a second instead
/// of filling the disk or running for years (issue #14).
///
/// Events follow `SampleProducer.plan` exactly (pseudo-data: the Poisson mean sigma x L; MC:
/// `mc_events`, else sigma x L x `mc_luminosity_factor` capped by `max_mc_events`). Disk and
/// time count only shards not already on disk, so resuming a large production is not
/// refused for the part that is done.
public struct ProductionEstimate: Sendable, Equatable {
    /// Events of the whole production (all processes and conditions).
    public var events: Double
    /// Events still to be produced (shards not yet on disk).
    public var missingEvents: Double
    /// Bytes the missing shards will take.
    public var diskBytes: Double
    /// Wall-clock seconds for the missing shards with `jobs` workers.
    public var seconds: Double
    /// Free bytes on the output folder's filesystem (nil if it cannot be asked).
    public var freeBytes: Double?

    /// Beyond these a production is refused unless forced.
    public static let maxEvents = 2e8
    public static let maxSeconds = 24 * 3600.0
    /// Beyond this not even `--force` helps: planning alone would need one task per shard
    /// for 10^7 shards, and counts approach what an Int64 event id can hold.
    public static let absoluteMaxEvents = 1e12

    /// Bytes per stored event and events per second per core, by process, release build,
    /// from Benchmarks/README.md ("Sample generation (2026-11-24, two cores, release build)"):
    /// mu mu 347 MB for 2M events (174 B/event) at 5.06e5 events/s/core; tau tau 309 MB per
    /// 1M (309 B) at 1.57e5; e e 116 MB per 1M (116 B) at 3.48e5. Processes not measured
    /// there take the most expensive measured figures (309 B, 1.57e5/s), so the estimate
    /// errs towards refusing. Pseudo-data shards (no truth table) are smaller than MC;
    /// counting them at the MC size errs the same way.
    static func cost(of process: StandardModelProcess) -> (bytesPerEvent: Double, eventsPerSecondPerCore: Double) {
        switch process {
        case .mumu: return (174, 5.06e5)
        case .ee: return (116, 3.48e5)
        default: return (309, 1.57e5)
        }
    }

    /// The events of one sample (process x conditions) as `SampleProducer.plan` makes them,
    /// as a Double (huge luminosities must not trap converting to Int).
    static func sampleEvents(_ plan: ProductionConfiguration.ProcessPlan, crossSectionFb: Double,
                             luminosityInvFb: Double, conditions: String) -> Double {
        let expected = crossSectionFb * luminosityInvFb
        if conditions == "data" { return max(expected, 0) }
        if let exact = plan.mcEvents { return Double(exact) }
        var n = expected * plan.mcLuminosityFactor
        if let cap = plan.maxMCEvents { n = min(n, Double(cap)) }
        return max(n, 0)
    }

    public init(configuration: ProductionConfiguration, crossSections: [CrossSectionEstimate], jobs: Int,
                outputDirectory: URL) {
        var events = 0.0, missing = 0.0, bytes = 0.0, cpuSeconds = 0.0
        for (plan, sigma) in zip(configuration.processes, crossSections) {
            let cost = Self.cost(of: plan.process)
            for conditions in configuration.conditions {
                let n = Self.sampleEvents(plan, crossSectionFb: sigma.valueFb, luminosityInvFb: configuration.luminosityInvFb,
                                          conditions: conditions)
                events += n
                let present = Self.shardsOnDisk(outputDirectory, process: plan.process.rawValue, conditions: conditions)
                let todo = max(0, n - Double(present) * Double(configuration.shardEvents))
                missing += todo
                bytes += todo * cost.bytesPerEvent
                cpuSeconds += todo / cost.eventsPerSecondPerCore
            }
        }
        self.events = events
        self.missingEvents = missing
        self.diskBytes = bytes
        self.seconds = cpuSeconds / Double(max(1, jobs))
        self.freeBytes = Self.freeBytes(at: outputDirectory)
    }

    /// Throws `ProductionError.tooLarge` naming the three estimates and the first bound
    /// crossed; `force` lifts every bound but the absolute one. `margin` > 1 widens the
    /// bounds by that factor: a check on rough cross sections
    /// (`SampleProducer.checkSizeQuickly`) refuses only what is clearly beyond them.
    public func check(force: Bool, margin: Double = 1) throws {
        if !(events <= Self.absoluteMaxEvents) {
            throw ProductionError.tooLarge(estimate: summary,
                                           bound: "more than \(Self.format(Self.absoluteMaxEvents)) events is beyond what one production can plan",
                                           overridable: false)
        }
        guard !force else { return }
        if events > Self.maxEvents * margin {
            throw ProductionError.tooLarge(estimate: summary,
                                           bound: "more than \(Self.format(Self.maxEvents)) events", overridable: true)
        }
        if let free = freeBytes, diskBytes > free * margin {
            throw ProductionError.tooLarge(estimate: summary,
                                           bound: "more disk than the \(Self.bytes(free)) free on the output filesystem",
                                           overridable: true)
        }
        if seconds > Self.maxSeconds * margin {
            throw ProductionError.tooLarge(estimate: summary, bound: "more than 24 h", overridable: true)
        }
    }

    /// "estimated 1.2e15 events, 2.1e17 bytes (210 PB) of disk, 1.3e9 h with 2 jobs".
    public var summary: String {
        let hours = seconds / 3600
        let time = hours >= 1 ? "\(Self.format(hours)) h" : "\(Self.format(seconds)) s"
        var text = "estimated \(Self.format(events)) events"
        if missingEvents < events { text += " (\(Self.format(missingEvents)) still to make)" }
        text += ", \(Self.bytes(diskBytes)) of disk, \(time) of generation"
        return text
    }

    static func format(_ x: Double) -> String {
        x >= 1e5 || x < 10 ? String(format: "%.2g", x) : String(format: "%.0f", x)
    }

    static func bytes(_ b: Double) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        var v = b, u = 0
        while v >= 1000 && u < units.count - 1 { v /= 1000; u += 1 }
        return u == units.count - 1 && v >= 1000 ? String(format: "%.2g B", b) : String(format: "%.3g %@", v, units[u])
    }

    /// Shards of one sample already in the output folder (`<process>_<conditions>_NNNN.h5`).
    static func shardsOnDisk(_ out: URL, process: String, conditions: String) -> Int {
        let dir = out.appendingPathComponent(process).appendingPathComponent(conditions).path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return 0 }
        let prefix = "\(process)_\(conditions)_"
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".h5") }.count
    }

    /// Free bytes (for unprivileged users) on the filesystem that holds `url` or its nearest
    /// existing ancestor.
    static func freeBytes(at url: URL) -> Double? {
        var dir = url.standardizedFileURL
        while !FileManager.default.fileExists(atPath: dir.path) && dir.path != "/" { dir.deleteLastPathComponent() }
        var s = statvfs()
        guard statvfs(dir.path, &s) == 0 else { return nil }
        return Double(s.f_bavail) * Double(s.f_frsize)
    }
}
