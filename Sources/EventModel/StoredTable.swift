/// A table as the event store sees it: named, typed columns plus offsets if jagged.
/// The bridge between the typed `EventBatch` and any file format.
public struct StoredTable: Sendable, Equatable {
    public var spec: EventSchema.TableSpec
    public var columns: [String: ColumnData]
    /// nil for the flat `events` table.
    public var offsets: [Int64]?

    public init(spec: EventSchema.TableSpec, columns: [String: ColumnData], offsets: [Int64]?) {
        self.spec = spec
        self.columns = columns
        self.offsets = offsets
    }

    /// Number of rows in every column.
    public var rowCount: Int { columns.values.first?.count ?? 0 }
}

extension EventBatch {
    /// The batch as stored tables, in schema order, with the current schema's stored types
    /// (the Double quantities that version 2 stores as float32 are rounded to nearest).
    public func storedTables() -> [StoredTable] {
        [
            StoredTable(spec: EventSchema.events, columns: [
                "event_id": .int64(events.eventID), "weight": .float64(events.weight),
                "trigger_bits": .uint32(events.triggerBits), "extra_energy": .narrowed(events.extraEnergy),
                "n_pi0": .int32(events.nPi0), "n_klm_neutral": .int32(events.nKLMNeutral),
            ], offsets: nil),
            StoredTable(spec: EventSchema.tracks, columns: [
                "charge": .int8(tracks.charge), "px": .narrowed(tracks.px), "py": .narrowed(tracks.py),
                "pz": .narrowed(tracks.pz), "vx": .float32(tracks.vx), "vy": .float32(tracks.vy),
                "vz": .float32(tracks.vz), "muon_id": .float32(tracks.muonID),
                "electron_id": .float32(tracks.electronID), "pion_id": .float32(tracks.pionID),
                "kaon_id": .float32(tracks.kaonID), "cluster_energy": .float32(tracks.clusterEnergy),
            ], offsets: tracks.offsets.values),
            StoredTable(spec: EventSchema.clusters, columns: [
                "energy": .narrowed(clusters.energy), "theta": .narrowed(clusters.theta),
                "phi": .narrowed(clusters.phi), "time": .float32(clusters.time),
                "track_matched": .uint8(clusters.trackMatched),
            ], offsets: clusters.offsets.values),
            StoredTable(spec: EventSchema.vertices, columns: [
                "x": .narrowed(vertices.x), "y": .narrowed(vertices.y), "z": .narrowed(vertices.z),
                "chi2": .float32(vertices.chi2), "track1": .int32(vertices.track1),
                "track2": .int32(vertices.track2),
                "cov_xx": .float32(vertices.covXX), "cov_xy": .float32(vertices.covXY), "cov_xz": .float32(vertices.covXZ),
                "cov_yy": .float32(vertices.covYY), "cov_yz": .float32(vertices.covYZ), "cov_zz": .float32(vertices.covZZ),
            ], offsets: vertices.offsets.values),
            StoredTable(spec: EventSchema.particles, columns: [
                "pdg": .int32(particles.pdg), "px": .narrowed(particles.px), "py": .narrowed(particles.py),
                "pz": .narrowed(particles.pz), "e": .narrowed(particles.e),
                "vx": .float32(particles.vx), "vy": .float32(particles.vy), "vz": .float32(particles.vz),
            ], offsets: particles.offsets.values),
        ]
    }

    /// Rebuilds a batch from stored tables, checking names, types and lengths against the schema.
    /// A missing `mc_particles` table (data files) gives an empty truth record.
    public init(storedTables: [String: StoredTable]) throws {
        self.init()
        guard let ev = storedTables["events"] else {
            throw EventModelError.missingColumn(table: "events", column: "*")
        }
        let n = ev.rowCount
        var reader = ColumnReader(tables: storedTables, eventCount: n)
        events.eventID = try reader.int64("events", "event_id")
        events.weight = try reader.float64("events", "weight")
        events.triggerBits = try reader.uint32("events", "trigger_bits")
        events.extraEnergy = try reader.float64("events", "extra_energy")
        events.nPi0 = try reader.int32("events", "n_pi0")
        // Schema v3 column: files of versions 1-2 did not simulate the KLM photon veto.
        events.nKLMNeutral = ev.columns["n_klm_neutral"] == nil
            ? [Int32](repeating: 0, count: n) : try reader.int32("events", "n_klm_neutral")

        tracks.offsets = try reader.offsets("tracks")
        tracks.charge = try reader.int8("tracks", "charge")
        tracks.px = try reader.float64("tracks", "px")
        tracks.py = try reader.float64("tracks", "py")
        tracks.pz = try reader.float64("tracks", "pz")
        tracks.vx = try reader.float32("tracks", "vx")
        tracks.vy = try reader.float32("tracks", "vy")
        tracks.vz = try reader.float32("tracks", "vz")
        tracks.muonID = try reader.float32("tracks", "muon_id")
        tracks.electronID = try reader.float32("tracks", "electron_id")
        tracks.pionID = try reader.float32("tracks", "pion_id")
        tracks.kaonID = try reader.float32("tracks", "kaon_id")
        tracks.clusterEnergy = try reader.float32("tracks", "cluster_energy")

        clusters.offsets = try reader.offsets("clusters")
        clusters.energy = try reader.float64("clusters", "energy")
        clusters.theta = try reader.float64("clusters", "theta")
        clusters.phi = try reader.float64("clusters", "phi")
        clusters.time = try reader.float32("clusters", "time")
        clusters.trackMatched = try reader.uint8("clusters", "track_matched")

        vertices.offsets = try reader.offsets("vertices")
        vertices.x = try reader.float64("vertices", "x")
        vertices.y = try reader.float64("vertices", "y")
        vertices.z = try reader.float64("vertices", "z")
        vertices.chi2 = try reader.float32("vertices", "chi2")
        vertices.track1 = try reader.int32("vertices", "track1")
        vertices.track2 = try reader.int32("vertices", "track2")
        // Schema v4 columns: zero covariance in older files (no fit covariance was stored).
        let vertexRows = vertices.x.count
        vertices.covXX = try reader.optionalFloat32("vertices", "cov_xx", rows: vertexRows)
        vertices.covXY = try reader.optionalFloat32("vertices", "cov_xy", rows: vertexRows)
        vertices.covXZ = try reader.optionalFloat32("vertices", "cov_xz", rows: vertexRows)
        vertices.covYY = try reader.optionalFloat32("vertices", "cov_yy", rows: vertexRows)
        vertices.covYZ = try reader.optionalFloat32("vertices", "cov_yz", rows: vertexRows)
        vertices.covZZ = try reader.optionalFloat32("vertices", "cov_zz", rows: vertexRows)

        if storedTables["mc_particles"] != nil {
            particles.offsets = try reader.offsets("mc_particles")
            particles.pdg = try reader.int32("mc_particles", "pdg")
            particles.px = try reader.float64("mc_particles", "px")
            particles.py = try reader.float64("mc_particles", "py")
            particles.pz = try reader.float64("mc_particles", "pz")
            particles.e = try reader.float64("mc_particles", "e")
            // Schema v4: before it every generated particle came from the interaction point.
            let rows = particles.pdg.count
            particles.vx = try reader.optionalFloat32("mc_particles", "vx", rows: rows)
            particles.vy = try reader.optionalFloat32("mc_particles", "vy", rows: rows)
            particles.vz = try reader.optionalFloat32("mc_particles", "vz", rows: rows)
        } else {
            particles.offsets = try JaggedOffsets(validating: [Int64](repeating: 0, count: n + 1))
        }
    }
}

/// Pulls typed columns out of stored tables with schema errors that name the column.
private struct ColumnReader {
    let tables: [String: StoredTable]
    let eventCount: Int
    var expectedRows: [String: Int] = [:]

    init(tables: [String: StoredTable], eventCount: Int) {
        self.tables = tables
        self.eventCount = eventCount
        expectedRows["events"] = eventCount
    }

    mutating func offsets(_ table: String) throws -> JaggedOffsets {
        guard let t = tables[table], let raw = t.offsets else {
            throw EventModelError.missingColumn(table: table, column: "offsets")
        }
        guard raw.count == eventCount + 1 else {
            throw EventModelError.lengthMismatch(table: table, column: "offsets", expected: eventCount + 1, found: raw.count)
        }
        let o = try JaggedOffsets(validating: raw)
        expectedRows[table] = o.rowCount
        return o
    }

    private func column(_ table: String, _ name: String, _ type: ColumnType) throws -> ColumnData {
        guard let c = tables[table]?.columns[name] else {
            throw EventModelError.missingColumn(table: table, column: name)
        }
        guard c.type == type else {
            throw EventModelError.wrongType(table: table, column: name, expected: type, found: c.type)
        }
        if let n = expectedRows[table], c.count != n {
            throw EventModelError.lengthMismatch(table: table, column: name, expected: n, found: c.count)
        }
        return c
    }

    /// Double values: float64 columns as they are, float32 ones (schema version 2's stored
    /// type for momenta, energies, angles and positions) widened exactly.
    func float64(_ t: String, _ n: String) throws -> [Double] {
        if case .float32(let v)? = tables[t]?.columns[n] {
            _ = try column(t, n, .float32)
            return [Double](unsafeUninitializedCapacity: v.count) { buffer, count in
                for i in v.indices { buffer[i] = Double(v[i]) }
                count = v.count
            }
        }
        if case .float64(let v) = try column(t, n, .float64) { return v }
        fatalError("unreachable: type checked")
    }
    /// A column introduced in a later schema version: zeros when the file predates it.
    func optionalFloat32(_ t: String, _ n: String, rows: Int) throws -> [Float] {
        tables[t]?.columns[n] == nil ? [Float](repeating: 0, count: rows) : try float32(t, n)
    }
    func float32(_ t: String, _ n: String) throws -> [Float] {
        if case .float32(let v) = try column(t, n, .float32) { return v }
        fatalError("unreachable: type checked")
    }
    func int64(_ t: String, _ n: String) throws -> [Int64] {
        if case .int64(let v) = try column(t, n, .int64) { return v }
        fatalError("unreachable: type checked")
    }
    func int32(_ t: String, _ n: String) throws -> [Int32] {
        if case .int32(let v) = try column(t, n, .int32) { return v }
        fatalError("unreachable: type checked")
    }
    func int8(_ t: String, _ n: String) throws -> [Int8] {
        if case .int8(let v) = try column(t, n, .int8) { return v }
        fatalError("unreachable: type checked")
    }
    func uint8(_ t: String, _ n: String) throws -> [UInt8] {
        if case .uint8(let v) = try column(t, n, .uint8) { return v }
        fatalError("unreachable: type checked")
    }
    func uint32(_ t: String, _ n: String) throws -> [UInt32] {
        if case .uint32(let v) = try column(t, n, .uint32) { return v }
        fatalError("unreachable: type checked")
    }
}
