import EventStore
import Foundation
import Testing
@testable import SampleProduction

/// Reproducibility, resuming and normalisation of a real (small) production.
@Suite(.serialized) struct SampleProducerTests {
    static let yaml = """
        luminosity_inv_fb: 0.0004
        seed: 11
        shard_events: 150
        cross_section_trials: 5000
        processes:
          mumu: {filter: mumu_cdc, mc_luminosity_factor: 2}
          tautau: {filter: none}
          gammagamma: {filter: single_photon, mode: weighted, mc_events: 300}
        """

    static var conditions: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Conditions")
    }

    func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("prod-\(UUID().uuidString)")
    }

    func producer(_ out: URL, jobs: Int) throws -> SampleProducer {
        SampleProducer(configuration: try ProductionConfiguration.parse(yaml: Self.yaml, file: "test"),
                       outputDirectory: out, conditionsDirectory: Self.conditions, jobs: jobs)
    }

    func checksums(_ urls: [URL]) throws -> [String] {
        try urls.map { try FileChecksum.sha256(path: $0.path) }
    }

    @Test func sameSeedSameBytesWhateverTheJobs() throws {
        let a = scratch(), b = scratch()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let one = try producer(a, jobs: 1).run()
        let two = try producer(b, jobs: 2).run()
        #expect(one.shards.count == two.shards.count && one.shards.count > 2)
        #expect(try checksums(one.shards) == checksums(two.shards))
    }

    @Test func rerunCompletesOnlyWhatIsMissing() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try producer(out, jobs: 2).run()
        let reference = try checksums(first.shards)
        // Simulate a killed run: one shard missing, a stale temporary of a producer that
        // died (a child process we waited for) left behind.
        try FileManager.default.removeItem(at: first.shards[1])
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let stale = first.shards[0].deletingLastPathComponent().appendingPathComponent(".x.h5.tmp-\(dead.processIdentifier)-abc")
        try Data("partial".utf8).write(to: stale)
        let second = try producer(out, jobs: 2).run()
        #expect(second.producedShards == 1)
        #expect(second.skippedShards == first.shards.count - 1)
        #expect(try checksums(second.shards) == reference)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func weightsAndPseudoData() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let summary = try producer(out, jobs: 2).run()
        var mcWeight: [String: Double] = [:], dataEvents: [String: Int] = [:], sigmaL: [String: Double] = [:]
        var mcLumi: [String: Double] = [:], dataLumi: [String: Double] = [:]
        for url in summary.shards {
            let reader = try EventFileReader(path: url.path)
            let m = reader.metadata
            sigmaL[m.process] = m.crossSectionFb * 0.0004
            if m.conditions == "data" { dataLumi[m.process, default: 0] += m.luminosityInvFb }
            else { mcLumi[m.process, default: 0] += m.luminosityInvFb }
            // Each shard's weights are expected events at its own luminosity share.
            let batch = try reader.read(events: 0..<reader.eventCount)
            if m.conditions == "data" {
                // Pseudo-data: unweighted, no generator truth.
                #expect(batch.events.weight.allSatisfy { $0 == 1 })
                #expect(batch.particles.rowCount == 0)
                dataEvents[m.process, default: 0] += reader.eventCount
            } else {
                mcWeight[m.process, default: 0] += batch.events.weight.reduce(0, +)
                #expect(batch.particles.rowCount > 0)
            }
        }
        for (process, expected) in sigmaL {
            // Shards' luminosity shares add up to the configured luminosity.
            #expect(abs(mcLumi[process]! - 0.0004) < 1e-15 && abs(dataLumi[process]! - 0.0004) < 1e-15, "\(process)")
            // MC weights add up to sigma x L, for unweighted and for weighted filtered samples.
            #expect(abs(mcWeight[process]! - expected) / expected < 1e-9, "\(process)")
            // Pseudo-data count is Poisson(sigma x L): within 4 standard deviations.
            #expect(abs(Double(dataEvents[process]!) - expected) < 4 * expected.squareRoot() + 1, "\(process)")
        }
    }
}
