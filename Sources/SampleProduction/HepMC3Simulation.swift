import Detector
import EventModel
import EventStore
import Foundation
import Generators
import HepMC3
import Kinematics
import Provenance

/// `darksector simulate --hepmc3 FILE`: another generator's events through the parametrised
/// detector into one event-store shard, with the generator's cross section and weights.
///
/// The file is read event by event (bounded memory, apart from 8 bytes of weight per event,
/// which can only be normalised once the file is read, as in `SampleProducer.produce`).
/// Each event stands for sigma L w_i / sum(w) events: with no luminosity given, L is the
/// generated events over the cross section, so an unweighted file gets weights 1.
public struct HepMC3Simulation: Sendable {
    public var input: URL
    public var process: String
    /// `mc` or `data`.
    public var conditions: String
    public var frame: GeneratorFrame
    public var seed: UInt64
    /// The luminosity the weights are normalised to, fb^-1; nil: events / cross section.
    public var luminosityInvFb: Double?
    /// Used when the file has no `GenCrossSection` attribute, fb.
    public var crossSectionFb: Double?
    public var outputDirectory: URL
    public var conditionsDirectory: URL
    public var compressionLevel = 1

    public init(input: URL, process: String, conditions: String, frame: GeneratorFrame = .cms, seed: UInt64,
                luminosityInvFb: Double? = nil, crossSectionFb: Double? = nil,
                outputDirectory: URL, conditionsDirectory: URL) {
        self.input = input
        self.process = process
        self.conditions = conditions
        self.frame = frame
        self.seed = seed
        self.luminosityInvFb = luminosityInvFb
        self.crossSectionFb = crossSectionFb
        self.outputDirectory = outputDirectory
        self.conditionsDirectory = conditionsDirectory
    }

    /// `<out>/<process>/<conditions>/<process>_<conditions>_hepmc3_<file stem>.h5`, beside
    /// what `generate` writes, so `run --samples` finds it.
    public var destination: URL {
        let stem = input.deletingPathExtension().lastPathComponent
        return outputDirectory.appendingPathComponent(process).appendingPathComponent(conditions)
            .appendingPathComponent("\(process)_\(conditions)_hepmc3_\(stem).h5")
    }

    public struct Summary: Sendable {
        public var shard: URL
        public var metadata: SampleMetadata
        public var seconds: Double
    }

    private func fail(_ line: Int, _ problem: String, _ remedy: String) -> HepMC3Error {
        HepMC3Error(file: input.path, line: line, problem: problem, remedy: remedy)
    }

    /// Temporaries of this shard left by a killed earlier `simulate` (their writer's pid is
    /// gone); a live writer's is left alone, as `SampleProducer.removeStaleTemporaries` does.
    func removeStaleTemporaries() {
        let dir = destination.deletingLastPathComponent().path
        let prefix = ".\(destination.lastPathComponent).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for n in names where n.hasPrefix(prefix) {
            if let pid = SampleProducer.writerPID(ofTemporary: n), ProductionLock.isAlive(pid) { continue }
            try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(n))
        }
    }

    public func run(progress: (@Sendable (Int) -> Void)? = nil) throws -> Summary {
        let start = Date()
        let isData = conditions == "data"
        // Pseudo-data conditions are read here and in SampleProducer.run only (never by analysis).
        let detectorConditions = isData
            ? try DetectorConditions.load(.data, from: conditionsDirectory.appendingPathComponent("data.yaml"))
            : try DetectorConditions.load(.mc, from: conditionsDirectory.appendingPathComponent("mc.yaml"))
        let beams = BelleIIBeams.y4S
        // Any generator's events: photons convert in the inner detector (issue #19).
        let detector = DetectorSimulation(conditions: detectorConditions, beams: beams, storeTruth: false,
                                          photonConversions: true)
        let rng = RandomStream(seed: seed, stream: StreamID.of("hepmc3/\(process)/\(conditions)/\(input.lastPathComponent)"))
        let reader = try HepMC3Reader(path: input.path)
        removeStaleTemporaries()
        let writer = try EventFileWriter(destination: destination,
                                         options: EventFileOptions(compressionLevel: compressionLevel, includeTruth: !isData))
        do {
            let builder = EventBatchBuilder()
            var event = ReconstructedEvent(eventID: 0)
            var weights: [Double] = []
            var particles: [Particle] = []
            var vertices: [ThreeVector] = []
            var firstWeight: (value: Double, line: Int)?
            func flush() throws {
                let (tables, batchWeights, events) = builder.flushStoredTables()
                weights.append(contentsOf: batchWeights)
                try writer.append(storedTables: tables, events: events, deferringWeights: true)
                progress?(events)
            }
            while let generated = try reader.next() {
                let w = generated.nominalWeight
                if isData {
                    // Pseudo-data are unweighted: every event is one event.
                    if let first = firstWeight, w != first.value {
                        throw fail(generated.line, "event \(generated.eventNumber) has weight \(w), event at line \(first.line) \(first.value)",
                                   "pseudo-data need an unweighted file (all weights equal); simulate it with --conditions mc")
                    }
                    if firstWeight == nil { firstWeight = (w, generated.line) }
                }
                particles.removeAll(keepingCapacity: true)
                vertices.removeAll(keepingCapacity: true)
                for k in generated.particles.indices {
                    let p = generated.particles[k]
                    let vertex = frame.toLab(vertex: generated.vertices[k], ctCm: generated.vertexTimes[k], beams: beams)
                    particles.append(Particle(pdg: p.pdg, momentum: frame.toLab(p.momentum, beams: beams), vertex: vertex))
                    vertices.append(vertex)
                }
                detector.reconstruct(particles: particles, weight: isData ? 1 : w, eventID: Int64(weights.count + builder.count),
                                     vertices: vertices, random: rng, into: &event)
                builder.append(event, truth: isData ? [] : particles)
                if builder.count >= 8192 { try flush() }
            }
            try flush()
            let events = weights.count
            guard events > 0 else {
                throw fail(0, "no events", "give a file with at least one event")
            }
            guard let sigma = reader.lastCrossSection
                    ?? crossSectionFb.map({ HepMC3CrossSection(valueFb: $0, uncertaintyFb: 0) }) else {
                throw fail(0, "no GenCrossSection attribute in any event",
                           "write the cross section with the generator or pass --cross-section-fb")
            }
            guard sigma.valueFb > 0 else {
                throw fail(0, "cross section \(sigma.valueFb) fb is not positive", "check the generator's GenCrossSection")
            }
            let lumi = luminosityInvFb ?? Double(events) / sigma.valueFb
            let sum = weights.reduce(0, +)
            if !isData {
                guard sum > 0 else {
                    throw fail(0, "the weights add up to \(sum)", "the nominal (first) weights must add up to a positive number")
                }
                let scale = sigma.valueFb * lumi / sum
                for i in weights.indices { weights[i] *= scale }
            }
            try writer.appendWeights(weights)
            let metadata = SampleMetadata(
                process: process, crossSectionFb: sigma.valueFb, crossSectionUncertaintyFb: sigma.uncertaintyFb,
                luminosityInvFb: lumi, generatedEvents: Int64(events),
                generatorSeed: Int64(bitPattern: seed), shardIndex: 0, conditions: conditions,
                filter: "none", codeVersion: CodeVersion.current,
                generator: "HepMC3:\(input.lastPathComponent)")
            try writer.finish(metadata: metadata)
            return Summary(shard: destination, metadata: metadata, seconds: Date().timeIntervalSince(start))
        } catch {
            writer.abandon()
            throw error
        }
    }
}
