import EventModel
import Kinematics

/// The particles and vertices of one event as its `P` and `V` lines give them, before the
/// graph is resolved; `finish` turns it into the final state with production vertices.
///
/// HepMC3 omits a vertex line when the vertex has one incoming particle and no position of
/// its own: the outgoing particle's parent field is then that particle's id (positive)
/// instead of a vertex id (negative). A vertex without a position sits where its incoming
/// particles were produced (HepMC3 GenVertex::position), and a particle without a production
/// vertex (parent 0) at the event's position, so positions are looked up along the ancestry.
struct HepMC3EventRecord {
    struct RawParticle {
        var parent: Int
        var pdg: Int32
        var momentum: FourVector
        var status: Int
        var line: Int
    }
    struct RawVertex {
        var incoming: [Int]
        /// (x, y, z, c t) in cm, nil when the vertex line has no position.
        var position: (ThreeVector, Double)?
        var line: Int
    }

    var eventNumber: Int64
    var line: Int
    var declaredVertices: Int
    var declaredParticles: Int
    /// The `E` line's position (x, y, z, c t) in the file's length unit (the `U` line comes
    /// after the `E` line); zero when it has none.
    var rawEventPosition: (ThreeVector, Double) = (.zero, 0)
    /// The event's position in cm.
    var eventPosition: (ThreeVector, Double) {
        let k = units.toCm
        let (x, t) = rawEventPosition
        return (ThreeVector(x: x.x * k, y: x.y * k, z: x.z * k), t * k)
    }
    var units = HepMC3Units.hepMC3Default
    var weights: [Double] = []
    var crossSection: HepMC3CrossSection?
    /// Particle id k is `particles[k - 1]`; vertex id -k is `vertices[k - 1]`.
    var particles: [RawParticle] = []
    var vertices: [RawVertex] = []

    /// The final state (status 1) with momenta in GeV and production vertices in cm.
    func finish(file: String, lastLine: Int) throws -> HepMC3Event {
        func fail(_ line: Int, _ problem: String) -> HepMC3Error {
            HepMC3Error(file: file, line: line, problem: problem,
                        remedy: "the file is truncated or not written by a HepMC3 Asciiv3 writer; rewrite it with the generator")
        }
        guard particles.count == declaredParticles, vertices.count == declaredVertices else {
            throw fail(lastLine, "event \(eventNumber) (line \(line)) declares \(declaredParticles) particles and \(declaredVertices) vertices but has \(particles.count) and \(vertices.count)")
        }
        for p in particles where p.parent < 0 && -p.parent > vertices.count {
            throw fail(p.line, "production vertex \(p.parent) does not exist in event \(eventNumber)")
        }
        for p in particles where p.parent > 0 && p.parent > particles.count {
            throw fail(p.line, "parent particle \(p.parent) does not exist in event \(eventNumber)")
        }
        for v in vertices {
            for id in v.incoming where id < 1 || id > particles.count {
                throw fail(v.line, "incoming particle \(id) does not exist in event \(eventNumber)")
            }
        }
        var event = HepMC3Event(eventNumber: eventNumber, line: line, weights: weights, crossSection: crossSection)
        for (index, p) in particles.enumerated() where p.status == 1 {
            let (position, ct) = try productionPosition(ofParticle: index + 1, file: file)
            event.particles.append(Particle(pdg: p.pdg, momentum: p.momentum))
            event.vertices.append(position)
            event.vertexTimes.append(ct)
        }
        return event
    }

    /// Where particle `id` was produced: its vertex's position, else the ancestors', else the
    /// event's. Walks up at most one step per particle, so a cyclic file cannot loop forever.
    private func productionPosition(ofParticle id: Int, file: String) throws -> (ThreeVector, Double) {
        var current = id
        for _ in 0...particles.count {
            let parent = particles[current - 1].parent
            if parent == 0 { return eventPosition }
            if parent > 0 { current = parent; continue }
            let vertex = vertices[-parent - 1]
            if let position = vertex.position { return position }
            guard let first = vertex.incoming.first else { return eventPosition }
            current = first
        }
        throw HepMC3Error(file: file, line: particles[id - 1].line,
                          problem: "the ancestry of particle \(id) in event \(eventNumber) is a cycle",
                          remedy: "the file is corrupt; rewrite it with the generator")
    }
}
