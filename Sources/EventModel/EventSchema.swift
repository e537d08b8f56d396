/// The stored layout of an event: which tables exist, which are jagged (a variable number
/// of rows per event), and each column's name, type and unit.
///
/// This is the single description that the in-memory `EventBatch`, the HDF5 event store,
/// `darksector store check` and `Sources/EventStore/README.md` agree on. Changing it means
/// bumping `version`.
public enum EventSchema {
    /// Schema version written into every file.
    ///
    /// Version 2 stores the reconstructed and generated floating-point quantities (momenta,
    /// energies, angles, vertex positions) as float32, as Belle II's mdst and MCParticle
    /// do: a relative precision of 6e-8 is four orders of magnitude below the best
    /// resolution in the detector (0.1% on track momenta), files are 40% smaller and
    /// generation is 1.5x faster (the shuffle+deflate stage was a third of the CPU time).
    /// In memory they stay Double. Only the event weight stays float64: sums of millions
    /// of weights need it.
    public static let version = 2
    /// Versions the readers accept: version 1 files (all of those columns float64) are
    /// read with their own types and widened like version 2 ones.
    public static let readableVersions: ClosedRange<Int> = 1...2

    public struct ColumnSpec: Sendable, Hashable {
        public let name: String
        /// The stored (file) type in the current schema version.
        public let type: ColumnType
        public let unit: String
        public let doc: String
        /// The stored type in schema version 1, where it differed (float64 for the
        /// columns that version 2 narrows to float32).
        public let version1Type: ColumnType?
        /// Whether NaN or infinity is a legitimate value of this (floating-point) column.
        /// No column of the current schema allows them: the detector and generators never
        /// write them (a NaN in a shard is corruption or a bug, and an analysis would only
        /// notice it as a fit that does not converge), so the shard verifier refuses them.
        /// A future column whose "undefined" value is NaN says so here.
        public let allowsNonFinite: Bool

        public init(name: String, type: ColumnType, unit: String, doc: String, version1Type: ColumnType? = nil,
                    allowsNonFinite: Bool = false) {
            self.name = name
            self.type = type
            self.unit = unit
            self.doc = doc
            self.version1Type = version1Type
            self.allowsNonFinite = allowsNonFinite
        }

        /// The stored type in files of schema `version`.
        public func storedType(inVersion version: Int) -> ColumnType {
            version == 1 ? (version1Type ?? type) : type
        }
    }

    public struct TableSpec: Sendable, Hashable {
        public let name: String
        /// Jagged tables store `offsets` (events + 1 entries, first 0) beside the columns.
        public let jagged: Bool
        /// Tables that only simulation has (generator truth).
        public let monteCarloOnly: Bool
        public let columns: [ColumnSpec]

        public func column(_ name: String) -> ColumnSpec? { columns.first { $0.name == name } }
    }

    public static let events = TableSpec(name: "events", jagged: false, monteCarloOnly: false, columns: [
        .init(name: "event_id", type: .int64, unit: "", doc: "event number within the sample (unique per seed and shard)"),
        .init(name: "weight", type: .float64, unit: "events", doc: "expected events at the file's luminosity; 1 for data"),
        .init(name: "trigger_bits", type: .uint32, unit: "", doc: "fired trigger lines, bits as in TriggerLine"),
        .init(name: "extra_energy", type: .float32, unit: "GeV", doc: "ECL energy in the lab not used by the candidate (rest of event)",
                  version1Type: .float64),
        .init(name: "n_pi0", type: .int32, unit: "", doc: "number of pi0 candidates (two photons, 125 < M_gg < 145 MeV)"),
    ])

    public static let tracks = TableSpec(name: "tracks", jagged: true, monteCarloOnly: false, columns: [
        .init(name: "charge", type: .int8, unit: "e", doc: "reconstructed charge"),
        .init(name: "px", type: .float32, unit: "GeV/c", doc: "lab momentum x",
                  version1Type: .float64),
        .init(name: "py", type: .float32, unit: "GeV/c", doc: "lab momentum y",
                  version1Type: .float64),
        .init(name: "pz", type: .float32, unit: "GeV/c", doc: "lab momentum z",
                  version1Type: .float64),
        .init(name: "vx", type: .float32, unit: "cm", doc: "production vertex x (point of closest approach for prompt tracks)"),
        .init(name: "vy", type: .float32, unit: "cm", doc: "production vertex y"),
        .init(name: "vz", type: .float32, unit: "cm", doc: "production vertex z"),
        .init(name: "muon_id", type: .float32, unit: "", doc: "muon identification probability"),
        .init(name: "electron_id", type: .float32, unit: "", doc: "electron identification probability"),
        .init(name: "pion_id", type: .float32, unit: "", doc: "pion identification probability"),
        .init(name: "kaon_id", type: .float32, unit: "", doc: "kaon identification probability"),
        .init(name: "cluster_energy", type: .float32, unit: "GeV", doc: "energy of the matched ECL cluster, 0 if none"),
    ])

    public static let clusters = TableSpec(name: "clusters", jagged: true, monteCarloOnly: false, columns: [
        .init(name: "energy", type: .float32, unit: "GeV", doc: "lab energy",
                  version1Type: .float64),
        .init(name: "theta", type: .float32, unit: "rad", doc: "lab polar angle",
                  version1Type: .float64),
        .init(name: "phi", type: .float32, unit: "rad", doc: "lab azimuth",
                  version1Type: .float64),
        .init(name: "time", type: .float32, unit: "ns", doc: "cluster time relative to the event time"),
        .init(name: "track_matched", type: .uint8, unit: "", doc: "1 if a track points to this cluster"),
    ])

    public static let vertices = TableSpec(name: "vertices", jagged: true, monteCarloOnly: false, columns: [
        .init(name: "x", type: .float32, unit: "cm", doc: "vertex position x",
                  version1Type: .float64),
        .init(name: "y", type: .float32, unit: "cm", doc: "vertex position y",
                  version1Type: .float64),
        .init(name: "z", type: .float32, unit: "cm", doc: "vertex position z",
                  version1Type: .float64),
        .init(name: "chi2", type: .float32, unit: "", doc: "vertex fit chi2 (1 dof for two tracks)"),
        .init(name: "track1", type: .int32, unit: "", doc: "index of the first track within the event"),
        .init(name: "track2", type: .int32, unit: "", doc: "index of the second track within the event"),
    ])

    public static let particles = TableSpec(name: "mc_particles", jagged: true, monteCarloOnly: true, columns: [
        .init(name: "pdg", type: .int32, unit: "", doc: "PDG code (9000001: invisible new particle)"),
        .init(name: "px", type: .float32, unit: "GeV/c", doc: "generated lab momentum x",
                  version1Type: .float64),
        .init(name: "py", type: .float32, unit: "GeV/c", doc: "generated lab momentum y",
                  version1Type: .float64),
        .init(name: "pz", type: .float32, unit: "GeV/c", doc: "generated lab momentum z",
                  version1Type: .float64),
        .init(name: "e", type: .float32, unit: "GeV", doc: "generated lab energy",
                  version1Type: .float64),
    ])

    public static let tables: [TableSpec] = [events, tracks, clusters, vertices, particles]

    public static func table(_ name: String) -> TableSpec? { tables.first { $0.name == name } }
}
