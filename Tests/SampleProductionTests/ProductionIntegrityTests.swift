import EventStore
import Foundation
import Generators
import Provenance
import Testing
@testable import SampleProduction

/// What issue #14 found a production accepting: a corrupt shard skipped on resume (and its
/// hash written into the catalog), two producers in one folder, absurd sizes started,
/// and a crash when the disk fills.
@Suite(.serialized) struct ProductionIntegrityTests {
    static let yaml = """
        luminosity_inv_fb: 0.0004
        seed: 23
        shard_events: 200
        cross_section_trials: 5000
        processes:
          mumu: {filter: mumu_cdc, mc_luminosity_factor: 2}
          gammagamma: {filter: single_photon, mode: weighted, mc_events: 500}
        """

    func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("prod-int-\(UUID().uuidString)")
    }

    func producer(_ out: URL, yaml: String = Self.yaml) throws -> SampleProducer {
        SampleProducer(configuration: try ProductionConfiguration.parse(yaml: yaml, file: "test"),
                       outputDirectory: out, conditionsDirectory: SampleProducerTests.conditions, jobs: 2)
    }

    /// Collects the producer's one-line notices.
    final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    @Test func aResumedProductionRegeneratesACorruptedShardAndKeepsTheGoodHash() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let database = try ProvenanceDatabase(path: out.appendingPathExtension("sqlite").path)
        defer { try? FileManager.default.removeItem(at: out.appendingPathExtension("sqlite")) }
        let catalog = SampleCatalog(database: database)
        var first = try producer(out)
        first.catalog = catalog
        let made = try first.run()
        try catalog.register(paths: made.shards.map(\.path))
        let target = try #require(made.shards.first { $0.lastPathComponent == "mumu_mc_0001.h5" })
        let good = try FileChecksum.sha256(path: target.path)
        let original = try Data(contentsOf: target)

        // Flip 32 bytes in the middle of the file (deflated chunk data of some column).
        var bytes = original
        for i in (bytes.count / 2)..<(bytes.count / 2 + 32) { bytes[i] ^= 0xA5 }
        try bytes.write(to: target)

        let notices = Notices()
        var second = try producer(out)
        second.catalog = catalog
        second.notice = { notices.add($0) }
        let again = try second.run()
        #expect(again.producedShards == 1)
        #expect(again.skippedShards == made.shards.count - 1)
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.contains(target.path) == true)
        #expect(notices.all.first.map { !$0.contains("\n") } == true)
        // Shards are deterministic: the regenerated file is the original, byte for byte.
        #expect(try Data(contentsOf: target) == original)
        // Registering again (as `generate` does) keeps the good hash.
        try catalog.register(paths: again.shards.map(\.path))
        let absolute = target.standardizedFileURL.path
        #expect(try database.sample(path: absolute)?.sha256 == good)
    }

    @Test func aShardThatDiffersFromTheCatalogIsRegenerated() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let database = try ProvenanceDatabase(path: out.appendingPathExtension("sqlite").path)
        defer { try? FileManager.default.removeItem(at: out.appendingPathExtension("sqlite")) }
        let catalog = SampleCatalog(database: database)
        var p = try producer(out)
        p.catalog = catalog
        let made = try p.run()
        try catalog.register(paths: made.shards.map(\.path))
        // A byte of trailing garbage keeps the file valid HDF5, its chunks intact and its
        // values allowed, but it is no longer the file the catalog registered.
        let a = try #require(made.shards.first { $0.lastPathComponent == "mumu_data_0000.h5" })
        let dataA = try Data(contentsOf: a)
        try (dataA + Data([0])).write(to: a)
        _ = try ShardVerifier.verify(path: a.path)
        let notices = Notices()
        p.notice = { notices.add($0) }
        let again = try p.run()
        #expect(again.producedShards == 1)
        #expect(notices.all.count == 1 && notices.all[0].contains("SHA-256"))
        #expect(try Data(contentsOf: a) == dataA)
    }

    @Test func aSecondProducerIntoTheSameFolderIsRefusedAtOnce() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        // Another producer holds the folder (flock is per open file, so this conflicts
        // even inside one process).
        let other = try ProductionLock(directory: out)
        let start = Date()
        do {
            _ = try producer(out).run()
            Issue.record("a second producer ran in a folder that is in use")
        } catch {
            #expect("\(error)" == "output folder \(out.path) is in use by another darksector generate (pid \(getpid())); wait for it or choose another --out")
        }
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [ProductionLock.fileName])
        other.release()
        let summary = try producer(out).run()
        #expect(summary.producedShards > 0)
    }

    @Test func staleTemporariesOfDeadProducersGoLiveOnesStay() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let p = try producer(out)
        let made = try p.run()
        let dir = made.shards[0].deletingLastPathComponent()
        // A pid that certainly exited: a child we waited for.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = dir.appendingPathComponent(".x.h5.tmp-\(child.processIdentifier)-dead")
        let live = dir.appendingPathComponent(".y.h5.tmp-\(getpid())-live")
        try Data("partial".utf8).write(to: dead)
        try Data("partial".utf8).write(to: live)
        _ = try p.run()
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    @Test func anAbsurdLuminosityIsRefusedWithinASecond() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        var config = try ProductionConfiguration.parse(yaml: Self.yaml, file: "test")
        config.luminosityInvFb = 1e9
        var p = SampleProducer(configuration: config, outputDirectory: out,
                               conditionsDirectory: SampleProducerTests.conditions, jobs: 2)
        let start = Date()
        do {
            _ = try p.run()
            Issue.record("a production of 1e9 fb^-1 started")
        } catch {
            let message = "\(error)"
            // sigma(mu mu in the CDC) is about 0.83 nb (docs/physics/generators.md), so 1e9
            // fb^-1 is about 8e14 pseudo-data events: beyond every bound.
            #expect(message.contains("refusing to start: estimated"))
            #expect(message.contains("events") && message.contains("of disk") && message.contains("h of generation"))
            #expect(message.contains("beyond what one production can plan"))
        }
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("mumu").path))

        // 3e8 events is refused unless forced (not run with --force here: it would start).
        config.luminosityInvFb = 300
        p = SampleProducer(configuration: config, outputDirectory: out, conditionsDirectory: SampleProducerTests.conditions, jobs: 2)
        #expect(throws: ProductionError.self) { _ = try p.run() }
    }

    @Test func theEstimateFollowsThePlan() throws {
        // Hand-made cross sections: mu mu 1e6 fb, gamma gamma 2e6 fb, at 0.5 fb^-1.
        var config = try ProductionConfiguration.parse(yaml: Self.yaml, file: "test")
        config.luminosityInvFb = 0.5
        // The configuration lists processes by name: gamma gamma, then mu mu.
        #expect(config.processes.map(\.process) == [.gammagamma, .mumu])
        let sigmas = [
            CrossSectionEstimate(process: "gammagamma", valueFb: 2e6, uncertaintyFb: 0, acceptance: "", trials: 1, efficiency: 1),
            CrossSectionEstimate(process: "mumu", valueFb: 1e6, uncertaintyFb: 0, acceptance: "", trials: 1, efficiency: 1),
        ]
        let e = ProductionEstimate(configuration: config, crossSections: sigmas, jobs: 2, outputDirectory: scratch())
        // mu mu: data 5e5 + MC 2 x 5e5; gamma gamma: data 1e6 + MC exactly 500.
        #expect(e.events == 5e5 + 1e6 + 1e6 + 500)
        // 174 B/event for mu mu, 309 B for the rest (Benchmarks/README.md).
        #expect(e.diskBytes == 1.5e6 * 174 + 1_000_500 * 309)
        #expect(abs(e.seconds - (1.5e6 / 5.06e5 + 1_000_500 / 1.57e5) / 2) < 1e-9)
        #expect(throws: Never.self) { try e.check(force: false) }

        // 3e8 events: refused, unless forced; 2e12: refused even when forced.
        var big = e
        big.events = 3e8
        #expect(throws: ProductionError.self) { try big.check(force: false) }
        #expect(throws: Never.self) { try big.check(force: true) }
        big.events = 2e12
        #expect(throws: ProductionError.self) { try big.check(force: true) }
        // More disk than the filesystem has free.
        var disk = e
        disk.freeBytes = e.diskBytes / 2
        #expect(throws: ProductionError.self) { try disk.check(force: false) }
        #expect(throws: Never.self) { try disk.check(force: true) }
    }
}
