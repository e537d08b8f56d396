/// Event subsets of a batch, column by column (no per-event objects): the corrections
/// split events into a calibration and a validation half by event id, and the blinding
/// removes hidden events before calibration code sees a batch.
extension EventBatch {
    /// The events whose id satisfies `keep`, in their order.
    public func subset(where keep: (Int64) -> Bool) -> EventBatch {
        subset(events: events.eventID.indices.filter { keep(events.eventID[$0]) })
    }

    /// The events at `indices` (ascending), every table kept consistent.
    public func subset(events indices: [Int]) -> EventBatch {
        if indices.count == count { return self }
        var out = EventBatch()
        out.events.eventID = indices.map { events.eventID[$0] }
        out.events.weight = indices.map { events.weight[$0] }
        out.events.triggerBits = indices.map { events.triggerBits[$0] }
        out.events.extraEnergy = indices.map { events.extraEnergy[$0] }
        out.events.nPi0 = indices.map { events.nPi0[$0] }
        out.events.nKLMNeutral = indices.map { events.nKLMNeutral[$0] }

        let trackRows = Self.rows(of: indices, in: tracks.offsets, into: &out.tracks.offsets)
        out.tracks.charge = trackRows.map { tracks.charge[$0] }
        out.tracks.px = trackRows.map { tracks.px[$0] }
        out.tracks.py = trackRows.map { tracks.py[$0] }
        out.tracks.pz = trackRows.map { tracks.pz[$0] }
        out.tracks.vx = trackRows.map { tracks.vx[$0] }
        out.tracks.vy = trackRows.map { tracks.vy[$0] }
        out.tracks.vz = trackRows.map { tracks.vz[$0] }
        out.tracks.muonID = trackRows.map { tracks.muonID[$0] }
        out.tracks.electronID = trackRows.map { tracks.electronID[$0] }
        out.tracks.pionID = trackRows.map { tracks.pionID[$0] }
        out.tracks.kaonID = trackRows.map { tracks.kaonID[$0] }
        out.tracks.clusterEnergy = trackRows.map { tracks.clusterEnergy[$0] }

        let clusterRows = Self.rows(of: indices, in: clusters.offsets, into: &out.clusters.offsets)
        out.clusters.energy = clusterRows.map { clusters.energy[$0] }
        out.clusters.theta = clusterRows.map { clusters.theta[$0] }
        out.clusters.phi = clusterRows.map { clusters.phi[$0] }
        out.clusters.time = clusterRows.map { clusters.time[$0] }
        out.clusters.trackMatched = clusterRows.map { clusters.trackMatched[$0] }

        // Vertex track indices are per event, so they stay valid.
        let vertexRows = Self.rows(of: indices, in: vertices.offsets, into: &out.vertices.offsets)
        out.vertices.x = vertexRows.map { vertices.x[$0] }
        out.vertices.y = vertexRows.map { vertices.y[$0] }
        out.vertices.z = vertexRows.map { vertices.z[$0] }
        out.vertices.chi2 = vertexRows.map { vertices.chi2[$0] }
        out.vertices.track1 = vertexRows.map { vertices.track1[$0] }
        out.vertices.track2 = vertexRows.map { vertices.track2[$0] }
        for c in [\VertexColumns.covXX, \.covXY, \.covXZ, \.covYY, \.covYZ, \.covZZ] {
            out.vertices[keyPath: c] = vertexRows.map { vertices[keyPath: c][$0] }
        }

        // Data batches may carry no truth at all (offsets of zero events).
        if particles.offsets.eventCount == count {
            let particleRows = Self.rows(of: indices, in: particles.offsets, into: &out.particles.offsets)
            out.particles.pdg = particleRows.map { particles.pdg[$0] }
            out.particles.px = particleRows.map { particles.px[$0] }
            out.particles.py = particleRows.map { particles.py[$0] }
            out.particles.pz = particleRows.map { particles.pz[$0] }
            out.particles.e = particleRows.map { particles.e[$0] }
            out.particles.vx = particleRows.map { particles.vx[$0] }
            out.particles.vy = particleRows.map { particles.vy[$0] }
            out.particles.vz = particleRows.map { particles.vz[$0] }
        } else {
            for _ in indices { out.particles.offsets.closeEvent(rowsAdded: 0) }
        }
        return out
    }

    /// The table rows owned by `indices`, with their offsets appended to `offsets`.
    private static func rows(of indices: [Int], in source: JaggedOffsets, into offsets: inout JaggedOffsets) -> [Int] {
        var rows: [Int] = []
        rows.reserveCapacity(indices.count * 2)
        for i in indices {
            let r = source.rows(ofEvent: i)
            rows.append(contentsOf: r)
            offsets.closeEvent(rowsAdded: r.count)
        }
        return rows
    }
}
