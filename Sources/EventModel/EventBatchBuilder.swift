import Kinematics

/// Fills an `EventBatch` one reconstructed event at a time, cheaply.
///
/// Why not `EventBatch.append` in a production loop: it appends to ~35 Swift arrays per
/// event, one element at a time, and every `Array.append` checks uniqueness (a runtime call)
/// and capacity; that was 10% of the mu mu `bench generate` profile. The builder stages the
/// rows in plain growable buffers it owns (no copy-on-write, no uniqueness checks) and moves
/// them into a batch with one bulk copy per column (`flush(into:)`). The batch it gives is
/// identical to the one `EventBatch.append` would have built from the same events.
public final class EventBatchBuilder {
    /// All columns in one struct, so that staging an event is one exclusive access to the
    /// class's storage rather than one per column.
    private var columns = StagedColumns()

    public init() {}

    deinit { columns.free() }

    /// Events staged so far.
    public var count: Int { columns.count }

    /// Stages one event (the same rows `EventBatch.append` would add).
    public func append(_ event: ReconstructedEvent) { columns.append(event) }

    /// Replaces `batch`'s content (keeping its arrays' storage) with the staged events, and
    /// empties the builder (keeping its storage).
    public func flush(into batch: inout EventBatch) { columns.flush(into: &batch) }
}

/// The staged columns of `EventBatchBuilder`.
struct StagedColumns {
    var eventID = StagedColumn<Int64>()
    var weight = StagedColumn<Double>()
    var triggerBits = StagedColumn<UInt32>()
    var extraEnergy = StagedColumn<Double>()
    var nPi0 = StagedColumn<Int32>()

    var trackEnds = StagedColumn<Int64>()
    var trackCharge = StagedColumn<Int8>()
    var trackPx = StagedColumn<Double>(), trackPy = StagedColumn<Double>(), trackPz = StagedColumn<Double>()
    var trackVx = StagedColumn<Float>(), trackVy = StagedColumn<Float>(), trackVz = StagedColumn<Float>()
    var muonID = StagedColumn<Float>(), electronID = StagedColumn<Float>()
    var pionID = StagedColumn<Float>(), kaonID = StagedColumn<Float>()
    var clusterEnergy = StagedColumn<Float>()

    var clusterEnds = StagedColumn<Int64>()
    var clusterE = StagedColumn<Double>(), clusterTheta = StagedColumn<Double>(), clusterPhi = StagedColumn<Double>()
    var clusterTime = StagedColumn<Float>()
    var clusterMatched = StagedColumn<UInt8>()

    var vertexEnds = StagedColumn<Int64>()
    var vertexX = StagedColumn<Double>(), vertexY = StagedColumn<Double>(), vertexZ = StagedColumn<Double>()
    var vertexChi2 = StagedColumn<Float>()
    var vertexTrack1 = StagedColumn<Int32>(), vertexTrack2 = StagedColumn<Int32>()

    var particleEnds = StagedColumn<Int64>()
    var particlePDG = StagedColumn<Int32>()
    var particlePx = StagedColumn<Double>(), particlePy = StagedColumn<Double>()
    var particlePz = StagedColumn<Double>(), particleE = StagedColumn<Double>()

    func free() {
        eventID.free(); weight.free(); triggerBits.free(); extraEnergy.free(); nPi0.free()
        trackEnds.free(); trackCharge.free(); trackPx.free(); trackPy.free(); trackPz.free()
        trackVx.free(); trackVy.free(); trackVz.free(); muonID.free(); electronID.free()
        pionID.free(); kaonID.free(); clusterEnergy.free()
        clusterEnds.free(); clusterE.free(); clusterTheta.free(); clusterPhi.free(); clusterTime.free()
        clusterMatched.free()
        vertexEnds.free(); vertexX.free(); vertexY.free(); vertexZ.free(); vertexChi2.free()
        vertexTrack1.free(); vertexTrack2.free()
        particleEnds.free(); particlePDG.free(); particlePx.free(); particlePy.free(); particlePz.free()
        particleE.free()
    }

    var count: Int { eventID.count }

    mutating func append(_ event: ReconstructedEvent) {
        eventID.append(event.eventID)
        weight.append(event.weight)
        triggerBits.append(event.trigger.rawValue)
        extraEnergy.append(event.extraEnergy)
        nPi0.append(event.nPi0)
        for t in event.tracks {
            trackCharge.append(t.charge)
            trackPx.append(t.momentum.x)
            trackPy.append(t.momentum.y)
            trackPz.append(t.momentum.z)
            trackVx.append(Float(t.vertex.x))
            trackVy.append(Float(t.vertex.y))
            trackVz.append(Float(t.vertex.z))
            muonID.append(t.muonID)
            electronID.append(t.electronID)
            pionID.append(t.pionID)
            kaonID.append(t.kaonID)
            clusterEnergy.append(t.clusterEnergy)
        }
        trackEnds.append(Int64(trackCharge.count))
        for c in event.clusters {
            clusterE.append(c.energy)
            clusterTheta.append(c.theta)
            clusterPhi.append(c.phi)
            clusterTime.append(c.time)
            clusterMatched.append(c.trackMatched ? 1 : 0)
        }
        clusterEnds.append(Int64(clusterE.count))
        for v in event.vertices {
            vertexX.append(v.position.x)
            vertexY.append(v.position.y)
            vertexZ.append(v.position.z)
            vertexChi2.append(v.chi2)
            vertexTrack1.append(v.track1)
            vertexTrack2.append(v.track2)
        }
        vertexEnds.append(Int64(vertexX.count))
        for p in event.particles {
            particlePDG.append(p.pdg)
            particlePx.append(p.momentum.px)
            particlePy.append(p.momentum.py)
            particlePz.append(p.momentum.pz)
            particleE.append(p.momentum.e)
        }
        particleEnds.append(Int64(particlePDG.count))
    }

    mutating func flush(into batch: inout EventBatch) {
        batch.removeAll(keepingCapacity: true)
        eventID.move(into: &batch.events.eventID)
        weight.move(into: &batch.events.weight)
        triggerBits.move(into: &batch.events.triggerBits)
        extraEnergy.move(into: &batch.events.extraEnergy)
        nPi0.move(into: &batch.events.nPi0)

        trackEnds.moveEnds(into: &batch.tracks.offsets)
        trackCharge.move(into: &batch.tracks.charge)
        trackPx.move(into: &batch.tracks.px)
        trackPy.move(into: &batch.tracks.py)
        trackPz.move(into: &batch.tracks.pz)
        trackVx.move(into: &batch.tracks.vx)
        trackVy.move(into: &batch.tracks.vy)
        trackVz.move(into: &batch.tracks.vz)
        muonID.move(into: &batch.tracks.muonID)
        electronID.move(into: &batch.tracks.electronID)
        pionID.move(into: &batch.tracks.pionID)
        kaonID.move(into: &batch.tracks.kaonID)
        clusterEnergy.move(into: &batch.tracks.clusterEnergy)

        clusterEnds.moveEnds(into: &batch.clusters.offsets)
        clusterE.move(into: &batch.clusters.energy)
        clusterTheta.move(into: &batch.clusters.theta)
        clusterPhi.move(into: &batch.clusters.phi)
        clusterTime.move(into: &batch.clusters.time)
        clusterMatched.move(into: &batch.clusters.trackMatched)

        vertexEnds.moveEnds(into: &batch.vertices.offsets)
        vertexX.move(into: &batch.vertices.x)
        vertexY.move(into: &batch.vertices.y)
        vertexZ.move(into: &batch.vertices.z)
        vertexChi2.move(into: &batch.vertices.chi2)
        vertexTrack1.move(into: &batch.vertices.track1)
        vertexTrack2.move(into: &batch.vertices.track2)

        particleEnds.moveEnds(into: &batch.particles.offsets)
        particlePDG.move(into: &batch.particles.pdg)
        particlePx.move(into: &batch.particles.px)
        particlePy.move(into: &batch.particles.py)
        particlePz.move(into: &batch.particles.pz)
        particleE.move(into: &batch.particles.e)
    }
}

/// A growable buffer of a trivial type with an unchecked append (the owner frees it).
struct StagedColumn<T: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ x: T) {
        if count == capacity { grow() }
        (base + count).initialize(to: x)
        count += 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: 2 * capacity)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// Appends the staged values to `array` and empties the buffer.
    mutating func move(into array: inout [T]) {
        array.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    /// The staged values are cumulative row ends of a jagged table: appended as offsets.
    mutating func moveEnds(into offsets: inout JaggedOffsets) where T == Int64 {
        offsets.appendEnds(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    func free() { base.deallocate() }
}
