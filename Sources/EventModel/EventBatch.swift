import Kinematics

/// A chunk of events stored column-wise (struct of arrays).
///
/// Selections run over contiguous arrays; jagged tables (tracks, clusters, vertices,
/// generator particles) keep per-event offsets beside flat columns.
public struct EventBatch: Sendable, Equatable {
    public var events = EventColumns()
    public var tracks = TrackColumns()
    public var clusters = ClusterColumns()
    public var vertices = VertexColumns()
    /// Generator truth; empty (all offsets zero) for data.
    public var particles = ParticleColumns()

    public init() {}

    public var count: Int { events.count }
    public var isEmpty: Bool { events.count == 0 }

    /// Reserves room for `events` more events with about the given numbers of rows per
    /// table, so that filling a batch does not regrow (and copy) its ~35 arrays.
    public mutating func reserveCapacity(events n: Int, tracks: Int, clusters: Int, vertices: Int, particles: Int) {
        events.eventID.reserveCapacity(n)
        events.weight.reserveCapacity(n)
        events.triggerBits.reserveCapacity(n)
        events.extraEnergy.reserveCapacity(n)
        events.nPi0.reserveCapacity(n)
        events.nKLMNeutral.reserveCapacity(n)
        self.tracks.offsets.reserveCapacity(n)
        for k in [\TrackColumns.px, \.py, \.pz] { self.tracks[keyPath: k].reserveCapacity(tracks) }
        for k in [\TrackColumns.vx, \.vy, \.vz, \.muonID, \.electronID, \.pionID, \.kaonID, \.clusterEnergy] {
            self.tracks[keyPath: k].reserveCapacity(tracks)
        }
        self.tracks.charge.reserveCapacity(tracks)
        self.clusters.offsets.reserveCapacity(n)
        for k in [\ClusterColumns.energy, \.theta, \.phi] { self.clusters[keyPath: k].reserveCapacity(clusters) }
        self.clusters.time.reserveCapacity(clusters)
        self.clusters.trackMatched.reserveCapacity(clusters)
        self.vertices.offsets.reserveCapacity(n)
        for k in [\VertexColumns.x, \.y, \.z] { self.vertices[keyPath: k].reserveCapacity(vertices) }
        self.vertices.chi2.reserveCapacity(vertices)
        self.vertices.track1.reserveCapacity(vertices)
        self.vertices.track2.reserveCapacity(vertices)
        for k in [\VertexColumns.covXX, \.covXY, \.covXZ, \.covYY, \.covYZ, \.covZZ] { self.vertices[keyPath: k].reserveCapacity(vertices) }
        self.particles.offsets.reserveCapacity(n)
        for k in [\ParticleColumns.px, \.py, \.pz, \.e] { self.particles[keyPath: k].reserveCapacity(particles) }
        self.particles.pdg.reserveCapacity(particles)
        for k in [\ParticleColumns.vx, \.vy, \.vz] { self.particles[keyPath: k].reserveCapacity(particles) }
    }

    /// Empties the batch but keeps every array's storage, so that a producer refilling one
    /// batch does not allocate (and page-fault in) ~35 fresh arrays per batch.
    public mutating func removeAll(keepingCapacity: Bool = true) {
        let k = keepingCapacity
        events.eventID.removeAll(keepingCapacity: k)
        events.weight.removeAll(keepingCapacity: k)
        events.triggerBits.removeAll(keepingCapacity: k)
        events.extraEnergy.removeAll(keepingCapacity: k)
        events.nPi0.removeAll(keepingCapacity: k)
        events.nKLMNeutral.removeAll(keepingCapacity: k)
        tracks.offsets.removeAll(keepingCapacity: k)
        for c in [\TrackColumns.px, \.py, \.pz] { tracks[keyPath: c].removeAll(keepingCapacity: k) }
        for c in [\TrackColumns.vx, \.vy, \.vz, \.muonID, \.electronID, \.pionID, \.kaonID, \.clusterEnergy] {
            tracks[keyPath: c].removeAll(keepingCapacity: k)
        }
        tracks.charge.removeAll(keepingCapacity: k)
        clusters.offsets.removeAll(keepingCapacity: k)
        for c in [\ClusterColumns.energy, \.theta, \.phi] { clusters[keyPath: c].removeAll(keepingCapacity: k) }
        clusters.time.removeAll(keepingCapacity: k)
        clusters.trackMatched.removeAll(keepingCapacity: k)
        vertices.offsets.removeAll(keepingCapacity: k)
        for c in [\VertexColumns.x, \.y, \.z] { vertices[keyPath: c].removeAll(keepingCapacity: k) }
        vertices.chi2.removeAll(keepingCapacity: k)
        vertices.track1.removeAll(keepingCapacity: k)
        vertices.track2.removeAll(keepingCapacity: k)
        for c in [\VertexColumns.covXX, \.covXY, \.covXZ, \.covYY, \.covYZ, \.covZZ] { vertices[keyPath: c].removeAll(keepingCapacity: k) }
        particles.offsets.removeAll(keepingCapacity: k)
        for c in [\ParticleColumns.px, \.py, \.pz, \.e] { particles[keyPath: c].removeAll(keepingCapacity: k) }
        particles.pdg.removeAll(keepingCapacity: k)
        for c in [\ParticleColumns.vx, \.vy, \.vz] { particles[keyPath: c].removeAll(keepingCapacity: k) }
    }

    /// Appends one reconstructed event.
    public mutating func append(_ event: ReconstructedEvent) {
        events.eventID.append(event.eventID)
        events.weight.append(event.weight)
        events.triggerBits.append(event.trigger.rawValue)
        events.extraEnergy.append(event.extraEnergy)
        events.nPi0.append(event.nPi0)
        events.nKLMNeutral.append(event.nKLMNeutral)
        for t in event.tracks {
            tracks.charge.append(t.charge)
            tracks.px.append(t.momentum.x)
            tracks.py.append(t.momentum.y)
            tracks.pz.append(t.momentum.z)
            tracks.vx.append(Float(t.vertex.x))
            tracks.vy.append(Float(t.vertex.y))
            tracks.vz.append(Float(t.vertex.z))
            tracks.muonID.append(t.muonID)
            tracks.electronID.append(t.electronID)
            tracks.pionID.append(t.pionID)
            tracks.kaonID.append(t.kaonID)
            tracks.clusterEnergy.append(t.clusterEnergy)
        }
        tracks.offsets.closeEvent(rowsAdded: event.tracks.count)
        for c in event.clusters {
            clusters.energy.append(c.energy)
            clusters.theta.append(c.theta)
            clusters.phi.append(c.phi)
            clusters.time.append(c.time)
            clusters.trackMatched.append(c.trackMatched ? 1 : 0)
        }
        clusters.offsets.closeEvent(rowsAdded: event.clusters.count)
        for v in event.vertices {
            vertices.x.append(v.position.x)
            vertices.y.append(v.position.y)
            vertices.z.append(v.position.z)
            vertices.chi2.append(v.chi2)
            vertices.track1.append(v.track1)
            vertices.track2.append(v.track2)
            vertices.covXX.append(Float(v.covariance.xx))
            vertices.covXY.append(Float(v.covariance.xy))
            vertices.covXZ.append(Float(v.covariance.xz))
            vertices.covYY.append(Float(v.covariance.yy))
            vertices.covYZ.append(Float(v.covariance.yz))
            vertices.covZZ.append(Float(v.covariance.zz))
        }
        vertices.offsets.closeEvent(rowsAdded: event.vertices.count)
        for p in event.particles {
            particles.pdg.append(p.pdg)
            particles.px.append(p.momentum.px)
            particles.py.append(p.momentum.py)
            particles.pz.append(p.momentum.pz)
            particles.e.append(p.momentum.e)
            particles.vx.append(Float(p.vertex.x))
            particles.vy.append(Float(p.vertex.y))
            particles.vz.append(Float(p.vertex.z))
        }
        particles.offsets.closeEvent(rowsAdded: event.particles.count)
    }

    /// The event at `index` as an object (for tests, printing and slow paths).
    public func event(at i: Int) -> ReconstructedEvent {
        let trackRows = tracks.offsets.rows(ofEvent: i)
        let clusterRows = clusters.offsets.rows(ofEvent: i)
        let vertexRows = vertices.offsets.rows(ofEvent: i)
        let particleRows = particles.offsets.rows(ofEvent: i)
        return ReconstructedEvent(
            eventID: events.eventID[i], weight: events.weight[i],
            trigger: TriggerLine(rawValue: events.triggerBits[i]),
            extraEnergy: events.extraEnergy[i], nPi0: events.nPi0[i], nKLMNeutral: events.nKLMNeutral[i],
            tracks: trackRows.map { trackMomentumRow($0) },
            clusters: clusterRows.map {
                Cluster(energy: clusters.energy[$0], theta: clusters.theta[$0], phi: clusters.phi[$0],
                        time: clusters.time[$0], trackMatched: clusters.trackMatched[$0] != 0)
            },
            vertices: vertexRows.map {
                Vertex(position: ThreeVector(x: vertices.x[$0], y: vertices.y[$0], z: vertices.z[$0]),
                       chi2: vertices.chi2[$0], track1: vertices.track1[$0], track2: vertices.track2[$0],
                       covariance: VertexCovariance(
                           xx: Double(vertices.covXX[$0]), xy: Double(vertices.covXY[$0]), xz: Double(vertices.covXZ[$0]),
                           yy: Double(vertices.covYY[$0]), yz: Double(vertices.covYZ[$0]), zz: Double(vertices.covZZ[$0])))
            },
            particles: particleRows.map {
                Particle(pdg: particles.pdg[$0],
                         momentum: FourVector(e: particles.e[$0], px: particles.px[$0],
                                              py: particles.py[$0], pz: particles.pz[$0]),
                         vertex: ThreeVector(x: Double(particles.vx[$0]), y: Double(particles.vy[$0]),
                                             z: Double(particles.vz[$0])))
            })
    }

    private func trackMomentumRow(_ r: Int) -> Track {
        Track(charge: tracks.charge[r],
              momentum: ThreeVector(x: tracks.px[r], y: tracks.py[r], z: tracks.pz[r]),
              vertex: ThreeVector(x: Double(tracks.vx[r]), y: Double(tracks.vy[r]), z: Double(tracks.vz[r])),
              muonID: tracks.muonID[r], electronID: tracks.electronID[r], pionID: tracks.pionID[r],
              kaonID: tracks.kaonID[r], clusterEnergy: tracks.clusterEnergy[r])
    }

    /// Lab four-momentum of track row `r` under a mass hypothesis.
    @inlinable
    public func trackFourMomentum(row r: Int, mass: Double) -> FourVector {
        FourVector(mass: mass, momentum: ThreeVector(x: tracks.px[r], y: tracks.py[r], z: tracks.pz[r]))
    }

    /// Lab photon four-momentum of cluster row `r`.
    @inlinable
    public func clusterFourMomentum(row r: Int) -> FourVector {
        let e = clusters.energy[r]
        return FourVector(e: e, p: ThreeVector(magnitude: e, theta: clusters.theta[r], phi: clusters.phi[r]))
    }
}
