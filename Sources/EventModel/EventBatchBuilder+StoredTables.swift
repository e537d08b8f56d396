/// The staged events straight as stored tables, for a production that only writes them.
///
/// Why: `flush(into:)` followed by `EventBatch.storedTables()` copied every value twice
/// (rows into Double columns, then Double columns into the float32 ones the schema stores)
/// into arrays allocated afresh at every flush; for batches of 8192 events those arrays
/// come from mmap, so each flush also paid page faults. Here each column is gathered once,
/// in its stored type, into arrays that keep their storage from flush to flush (the writer
/// keeps no reference to them once `append` returns, so they are unique again and refill in
/// place). `EventBatchBuilderTests` checks the tables equal `EventBatch.storedTables()` of
/// the same events, the single description of the stored types.
extension EventBatchBuilder {
    /// The staged events as stored tables in schema order (offsets from 0), and their
    /// weights; empties the builder. The tables share storage with the builder: drop them
    /// (write them) before the next flush, or the next flush copies.
    public func flushStoredTables() -> (tables: [StoredTable], weights: [Double], events: Int) {
        let events = count
        let tables = reusable.fill(from: staged)
        let weights = Array(staged.weight.buffer)
        staged.clear()
        return (tables, weights, events)
    }
}

/// Column arrays in their stored types, refilled at every flush.
struct ReusableStoredColumns {
    var eventID: [Int64] = [], weight: [Double] = [], triggerBits: [UInt32] = [], extraEnergy: [Float] = []
    var nPi0: [Int32] = [], nKLMNeutral: [Int32] = []
    var trackOffsets: [Int64] = [], charge: [Int8] = [], trackPx: [Float] = [], trackPy: [Float] = []
    var trackPz: [Float] = [], vx: [Float] = [], vy: [Float] = [], vz: [Float] = [], muonID: [Float] = []
    var electronID: [Float] = [], pionID: [Float] = [], kaonID: [Float] = [], clusterEnergy: [Float] = []
    var clusterOffsets: [Int64] = [], energy: [Float] = [], theta: [Float] = [], phi: [Float] = []
    var time: [Float] = [], trackMatched: [UInt8] = []
    var vertexOffsets: [Int64] = [], x: [Float] = [], y: [Float] = [], z: [Float] = [], chi2: [Float] = []
    var track1: [Int32] = [], track2: [Int32] = []
    var covXX: [Float] = [], covXY: [Float] = [], covXZ: [Float] = [], covYY: [Float] = [], covYZ: [Float] = []
    var covZZ: [Float] = []
    var particleOffsets: [Int64] = [], pdg: [Int32] = [], px: [Float] = [], py: [Float] = [], pz: [Float] = []
    var e: [Float] = [], particleVx: [Float] = [], particleVy: [Float] = [], particleVz: [Float] = []

    mutating func fill(from s: StagedRows) -> [StoredTable] {
        refill(&eventID, s.eventID.buffer) { $0 }
        refill(&weight, s.weight.buffer) { $0 }
        refill(&triggerBits, s.triggerBits.buffer) { $0 }
        refill(&extraEnergy, s.extraEnergy.buffer) { Float($0) }
        refill(&nPi0, s.nPi0.buffer) { $0 }
        refill(&nKLMNeutral, s.nKLMNeutral.buffer) { $0 }

        let t = s.tracks.buffer
        offsets(&trackOffsets, s.trackEnds.buffer)
        refill(&charge, t) { $0.charge }
        refill(&trackPx, t) { Float($0.momentum.x) }
        refill(&trackPy, t) { Float($0.momentum.y) }
        refill(&trackPz, t) { Float($0.momentum.z) }
        refill(&vx, t) { Float($0.vertex.x) }
        refill(&vy, t) { Float($0.vertex.y) }
        refill(&vz, t) { Float($0.vertex.z) }
        refill(&muonID, t) { $0.muonID }
        refill(&electronID, t) { $0.electronID }
        refill(&pionID, t) { $0.pionID }
        refill(&kaonID, t) { $0.kaonID }
        refill(&clusterEnergy, t) { $0.clusterEnergy }

        let c = s.clusters.buffer
        offsets(&clusterOffsets, s.clusterEnds.buffer)
        refill(&energy, c) { Float($0.energy) }
        refill(&theta, c) { Float($0.theta) }
        refill(&phi, c) { Float($0.phi) }
        refill(&time, c) { $0.time }
        refill(&trackMatched, c) { $0.trackMatched ? 1 : 0 }

        let v = s.vertices.buffer
        offsets(&vertexOffsets, s.vertexEnds.buffer)
        refill(&x, v) { Float($0.position.x) }
        refill(&y, v) { Float($0.position.y) }
        refill(&z, v) { Float($0.position.z) }
        refill(&chi2, v) { $0.chi2 }
        refill(&track1, v) { $0.track1 }
        refill(&track2, v) { $0.track2 }
        refill(&covXX, v) { Float($0.covariance.xx) }
        refill(&covXY, v) { Float($0.covariance.xy) }
        refill(&covXZ, v) { Float($0.covariance.xz) }
        refill(&covYY, v) { Float($0.covariance.yy) }
        refill(&covYZ, v) { Float($0.covariance.yz) }
        refill(&covZZ, v) { Float($0.covariance.zz) }

        let p = s.particles.buffer
        offsets(&particleOffsets, s.particleEnds.buffer)
        refill(&pdg, p) { $0.pdg }
        refill(&px, p) { Float($0.momentum.px) }
        refill(&py, p) { Float($0.momentum.py) }
        refill(&pz, p) { Float($0.momentum.pz) }
        refill(&e, p) { Float($0.momentum.e) }
        refill(&particleVx, p) { Float($0.vertex.x) }
        refill(&particleVy, p) { Float($0.vertex.y) }
        refill(&particleVz, p) { Float($0.vertex.z) }

        return [
            StoredTable(spec: EventSchema.events, columns: [
                "event_id": .int64(eventID), "weight": .float64(weight), "trigger_bits": .uint32(triggerBits),
                "extra_energy": .float32(extraEnergy), "n_pi0": .int32(nPi0),
                "n_klm_neutral": .int32(nKLMNeutral),
            ], offsets: nil),
            StoredTable(spec: EventSchema.tracks, columns: [
                "charge": .int8(charge), "px": .float32(trackPx), "py": .float32(trackPy), "pz": .float32(trackPz),
                "vx": .float32(vx), "vy": .float32(vy), "vz": .float32(vz), "muon_id": .float32(muonID),
                "electron_id": .float32(electronID), "pion_id": .float32(pionID), "kaon_id": .float32(kaonID),
                "cluster_energy": .float32(clusterEnergy),
            ], offsets: trackOffsets),
            StoredTable(spec: EventSchema.clusters, columns: [
                "energy": .float32(energy), "theta": .float32(theta), "phi": .float32(phi), "time": .float32(time),
                "track_matched": .uint8(trackMatched),
            ], offsets: clusterOffsets),
            StoredTable(spec: EventSchema.vertices, columns: [
                "x": .float32(x), "y": .float32(y), "z": .float32(z), "chi2": .float32(chi2),
                "track1": .int32(track1), "track2": .int32(track2),
                "cov_xx": .float32(covXX), "cov_xy": .float32(covXY), "cov_xz": .float32(covXZ),
                "cov_yy": .float32(covYY), "cov_yz": .float32(covYZ), "cov_zz": .float32(covZZ),
            ], offsets: vertexOffsets),
            StoredTable(spec: EventSchema.particles, columns: [
                "pdg": .int32(pdg), "px": .float32(px), "py": .float32(py), "pz": .float32(pz), "e": .float32(e),
                "vx": .float32(particleVx), "vy": .float32(particleVy), "vz": .float32(particleVz),
            ], offsets: particleOffsets),
        ]
    }

    /// Offsets 0, ends...: the cumulative row ends the builder staged.
    private func offsets(_ out: inout [Int64], _ ends: UnsafeBufferPointer<Int64>) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(ends.count + 1)
        out.append(0)
        out.append(contentsOf: ends)
    }
}

/// Replaces `out`'s elements with `value` of each row, in its existing storage: resized
/// (which costs nothing once batches are of steady size), then written through a pointer,
/// not appended element by element (a uniqueness and capacity check each).
@inline(__always)
private func refill<Row, T: Numeric>(_ out: inout [T], _ rows: UnsafeBufferPointer<Row>, _ value: (Row) -> T) {
    let n = rows.count
    if out.count > n {
        out.removeLast(out.count - n)
    } else if out.count < n {
        out.append(contentsOf: repeatElement(.zero, count: n - out.count))
    }
    out.withUnsafeMutableBufferPointer { b in
        for i in 0..<n { b[i] = value(rows[i]) }
    }
}
