import EventModel
import Foundation
import Kinematics
@testable import EventStore

/// Scratch directories and deterministic event batches for the store tests.
enum TestSupport {
    static func scratchDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ds-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/eventstore")
    }

    /// A value the float32 columns store exactly (IEEE round to nearest), so that batches
    /// survive a write and read unchanged.
    static func f32(_ v: Double) -> Double { Double(Float(v)) }

    /// `n` events with 0-3 tracks, 0-4 clusters and some vertices, values from a fixed formula
    /// (float32-exact where the schema stores float32).
    static func batch(events n: Int, firstID: Int64 = 0) -> EventBatch {
        var batch = EventBatch()
        for i in 0..<n {
            let id = firstID + Int64(i)
            let x = Double(id)
            let tracks = (0..<Int(id % 4)).map { (k: Int) -> Track in
                let dk = Double(k)
                let px: Double = f32(0.1 * x + dk)
                let pz: Double = f32(1.0 / (x + 1))
                let charge: Int8 = k % 2 == 0 ? 1 : -1
                return Track(charge: charge,
                      momentum: ThreeVector(x: px, y: f32(-0.05 * x), z: pz),
                      vertex: ThreeVector(x: 0.001 * dk, y: 0, z: -0.01),
                      muonID: Float(k) * 0.3 as Float, electronID: 0.1, pionID: 0.2, kaonID: 0.01, clusterEnergy: 0.25)
            }
            let clusters = (0..<Int(id % 5)).map { (k: Int) -> Cluster in
                let dk = Double(k)
                let energy: Double = f32(0.05 * (dk + 1) + x * 1e-3)
                let theta: Double = f32(0.5 + 0.1 * dk)
                let phi: Double = f32(-1 + 0.2 * dk)
                let time: Float = Float(k) - 1.5
                return Cluster(energy: energy, theta: theta, phi: phi, time: time, trackMatched: k == 0)
            }
            let vertices = id % 7 == 0 ? [Vertex(position: ThreeVector(x: f32(x * 1e-2), y: 1, z: 2), chi2: 0.5, track1: 0, track2: 1)] : []
            let particles = [Particle(pdg: 13, momentum: FourVector(e: 5 + x, px: x, py: 0, pz: 1))]
            batch.append(ReconstructedEvent(eventID: id, weight: 0.25 + 1e-3 * x, trigger: TriggerLine(rawValue: UInt32(id % 16)),
                                            extraEnergy: f32(0.01 * x), nPi0: Int32(id % 3), nKLMNeutral: Int32(id % 2), tracks: tracks, clusters: clusters,
                                            vertices: vertices, particles: particles))
        }
        return batch
    }

    static func metadata(events: Int, conditions: String = "mc") -> SampleMetadata {
        SampleMetadata(process: "test_process", crossSectionFb: 1234.5, crossSectionUncertaintyFb: 1.5,
                       luminosityInvFb: 0.276, generatedEvents: Int64(events), generatorSeed: 42, shardIndex: 3,
                       conditions: conditions, filter: "none", codeVersion: "test")
    }

    @discardableResult
    static func writeFile(_ url: URL, batches: [EventBatch], options: EventFileOptions = EventFileOptions(chunkRows: 16)) throws -> URL {
        let writer = try EventFileWriter(destination: url, options: options)
        for b in batches { try writer.append(b) }
        try writer.finish(metadata: metadata(events: batches.reduce(0) { $0 + $1.count }))
        return url
    }
}
