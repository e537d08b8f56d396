/// The stored layout of an event: which tables exist, which are jagged (a variable number
/// of rows per event), and each column's name, type and unit.
///
/// This is the single description that the in-memory `EventBatch`, the HDF5 event store,
/// `darksector store check` and `Sources/EventStore/README.md` agree on. Changing a table,
/// a column's name or its type means bumping `version`. Units and descriptions are written
/// as dataset attributes (`units`, `description`) for other readers; no reader requires them
/// (files written before them have none), so rewording them needs no bump.
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
    ///
    /// Version 3 adds `events/n_klm_neutral` (the KLM photon veto, issue #17); files of
    /// versions 1-2 lack it and read as 0 there (they were simulated without it).
    ///
    /// Version 4 adds the true production vertex of every generated particle
    /// (`mc_particles/vx,vy,vz`, issue #19: decays in flight) and the position covariance of
    /// every fitted vertex (`vertices/cov_*`); files of versions 1-3 lack them and read as 0.
    public static let version = 4
    /// Versions the readers accept: version 1 files (all of those columns float64) are
    /// read with their own types and widened like version 2 ones; columns a version did
    /// not have (`ColumnSpec.introducedInVersion`) are not looked for.
    public static let readableVersions: ClosedRange<Int> = 1...4

    public struct ColumnSpec: Sendable, Hashable {
        public let name: String
        /// The stored (file) type in the current schema version.
        public let type: ColumnType
        /// Unit of the stored values ("" for dimensionless quantities, counts, indices, scores
        /// and flags); written as the dataset's `units` attribute.
        public let unit: String
        /// One line: what the column holds and in which frame; written as the dataset's
        /// `description` attribute.
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
        /// The first schema version that stores this column (older files lack it).
        public let introducedInVersion: Int

        public init(name: String, type: ColumnType, unit: String, doc: String, version1Type: ColumnType? = nil,
                    allowsNonFinite: Bool = false, introducedInVersion: Int = 1) {
            self.name = name
            self.type = type
            self.unit = unit
            self.doc = doc
            self.version1Type = version1Type
            self.allowsNonFinite = allowsNonFinite
            self.introducedInVersion = introducedInVersion
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

        /// The columns a file of schema `version` stores.
        public func columns(inVersion version: Int) -> [ColumnSpec] {
            columns.filter { $0.introducedInVersion <= version }
        }

        /// The `offsets` dataset of a jagged table (int64, events + 1 entries, first 0), nil
        /// for a flat one.
        public var offsets: ColumnSpec? {
            guard jagged else { return nil }
            return ColumnSpec(name: "offsets", type: .int64, unit: "",
                              doc: "row index into /\(name)/*: event i owns rows offsets[i] to offsets[i+1] - 1; events + 1 entries, first 0")
        }
    }

    // Units: GeV, GeV/c, rad, cm, ns, e (charge); "" for dimensionless quantities, counts,
    // indices, scores and flags. Each description says what the code that fills the column
    // (Sources/Detector, EventBatchBuilder) puts in it. Coordinates are the lab frame: z
    // along the solenoid axis, origin at the nominal interaction point.

    public static let events = TableSpec(name: "events", jagged: false, monteCarloOnly: false, columns: [
        .init(name: "event_id", type: .int64, unit: "",
              doc: "event number within the sample, from 0, consecutive across its shards"),
        .init(name: "weight", type: .float64, unit: "",
              doc: "expected events at the shard's luminosity: cross_section_fb * luminosity_inv_fb * w / (sum of w in the shard); 1 for data"),
        .init(name: "trigger_bits", type: .uint32, unit: "",
              doc: "fired L1 trigger lines: bit 0 two-track, 1 single muon, 2 single photon, 3 ECL energy, 4 three-track"),
        .init(name: "extra_energy", type: .float32, unit: "GeV",
              doc: "lab-frame sum of ECL cluster energies not matched to a track, above a per-region threshold; includes photon candidates",
              version1Type: .float64),
        .init(name: "n_pi0", type: .int32, unit: "",
              doc: "pi0 candidates: pairs of unmatched photon clusters with M_gg in the pi0 window (125-145 MeV as shipped)"),
        .init(name: "n_klm_neutral", type: .int32, unit: "",
              doc: "KLM clusters with neither a track nor an ECL cluster in front: photons that crossed an ECL gap or punched through the crystals and showered in the KLM (the photon veto); absent before schema v3",
              introducedInVersion: 3),
    ])

    public static let tracks = TableSpec(name: "tracks", jagged: true, monteCarloOnly: false, columns: [
        .init(name: "charge", type: .int8, unit: "e",
              doc: "track charge, that of the generated particle (no charge mis-assignment simulated)"),
        .init(name: "px", type: .float32, unit: "GeV/c", doc: "measured (smeared) lab-frame momentum, x component",
              version1Type: .float64),
        .init(name: "py", type: .float32, unit: "GeV/c", doc: "measured (smeared) lab-frame momentum, y component",
              version1Type: .float64),
        .init(name: "pz", type: .float32, unit: "GeV/c", doc: "measured (smeared) lab-frame momentum, z component (solenoid axis)",
              version1Type: .float64),
        .init(name: "vx", type: .float32, unit: "cm",
              doc: "lab-frame point of closest approach, x: true production vertex shifted by the measured d0"),
        .init(name: "vy", type: .float32, unit: "cm",
              doc: "lab-frame point of closest approach, y: true production vertex shifted by the measured d0"),
        .init(name: "vz", type: .float32, unit: "cm",
              doc: "lab-frame point of closest approach, z: true production vertex shifted by the measured z0"),
        .init(name: "muon_id", type: .float32, unit: "",
              doc: "muon ID score in [0, 1] (KLM); calibrated only at the working point (0.9 as shipped), uniform below it"),
        .init(name: "electron_id", type: .float32, unit: "",
              doc: "electron ID score in [0, 1] (E/p and shower shape); calibrated only at the working point (0.9 as shipped)"),
        .init(name: "pion_id", type: .float32, unit: "", doc: "1 - max(muon_id, electron_id); no separate pion ID is simulated"),
        .init(name: "kaon_id", type: .float32, unit: "", doc: "kaon ID score; no kaon ID is simulated, always 0"),
        .init(name: "cluster_energy", type: .float32, unit: "GeV",
              doc: "lab-frame energy of the ECL cluster matched to this track, 0 if none"),
    ])

    public static let clusters = TableSpec(name: "clusters", jagged: true, monteCarloOnly: false, columns: [
        .init(name: "energy", type: .float32, unit: "GeV",
              doc: "measured lab-frame cluster energy; an event's clusters are in decreasing energy",
              version1Type: .float64),
        .init(name: "theta", type: .float32, unit: "rad", doc: "lab-frame polar angle of the cluster seen from the origin, from +z",
              version1Type: .float64),
        .init(name: "phi", type: .float32, unit: "rad", doc: "lab-frame azimuth of the cluster seen from the origin, in [-pi, pi]",
              version1Type: .float64),
        .init(name: "time", type: .float32, unit: "ns",
              doc: "cluster time relative to the collision (0 smeared by the resolution; out-of-time beam background within +-150 ns as shipped)"),
        .init(name: "track_matched", type: .uint8, unit: "",
              doc: "1 if matched to a reconstructed track (its energy is then that track's cluster_energy), else 0"),
    ])

    public static let vertices = TableSpec(name: "vertices", jagged: true, monteCarloOnly: false, columns: [
        .init(name: "x", type: .float32, unit: "cm", doc: "lab-frame fitted two-track vertex position, x",
              version1Type: .float64),
        .init(name: "y", type: .float32, unit: "cm", doc: "lab-frame fitted two-track vertex position, y",
              version1Type: .float64),
        .init(name: "z", type: .float32, unit: "cm", doc: "lab-frame fitted two-track vertex position, z",
              version1Type: .float64),
        .init(name: "chi2", type: .float32, unit: "", doc: "vertex fit chi2 (1 degree of freedom)"),
        .init(name: "track1", type: .int32, unit: "",
              doc: "index (from 0, within the event's tracks) of the first track; every opposite-charge pair of the first 8 tracks, and of tracks with |d0|/sigma(d0) > 3 anywhere"),
        .init(name: "track2", type: .int32, unit: "", doc: "index (from 0, within the event's tracks) of the second track"),
        .init(name: "cov_xx", type: .float32, unit: "cm^2", doc: "fitted vertex position covariance, xx; absent before schema v4", introducedInVersion: 4),
        .init(name: "cov_xy", type: .float32, unit: "cm^2", doc: "fitted vertex position covariance, xy; absent before schema v4", introducedInVersion: 4),
        .init(name: "cov_xz", type: .float32, unit: "cm^2", doc: "fitted vertex position covariance, xz; absent before schema v4", introducedInVersion: 4),
        .init(name: "cov_yy", type: .float32, unit: "cm^2", doc: "fitted vertex position covariance, yy; absent before schema v4", introducedInVersion: 4),
        .init(name: "cov_yz", type: .float32, unit: "cm^2", doc: "fitted vertex position covariance, yz; absent before schema v4", introducedInVersion: 4),
        .init(name: "cov_zz", type: .float32, unit: "cm^2", doc: "fitted vertex position covariance, zz; absent before schema v4", introducedInVersion: 4),
    ])

    public static let particles = TableSpec(name: "mc_particles", jagged: true, monteCarloOnly: true, columns: [
        .init(name: "pdg", type: .int32, unit: "",
              doc: "PDG code of a generated final-state particle, invisible ones included (9000001: invisible new particle)"),
        .init(name: "px", type: .float32, unit: "GeV/c", doc: "generated lab-frame momentum, x component",
              version1Type: .float64),
        .init(name: "py", type: .float32, unit: "GeV/c", doc: "generated lab-frame momentum, y component",
              version1Type: .float64),
        .init(name: "pz", type: .float32, unit: "GeV/c", doc: "generated lab-frame momentum, z component",
              version1Type: .float64),
        .init(name: "e", type: .float32, unit: "GeV", doc: "generated lab-frame energy",
              version1Type: .float64),
        .init(name: "vx", type: .float32, unit: "cm",
              doc: "true lab-frame production vertex, x (0 for particles from the interaction point); absent before schema v4",
              introducedInVersion: 4),
        .init(name: "vy", type: .float32, unit: "cm",
              doc: "true lab-frame production vertex, y; absent before schema v4", introducedInVersion: 4),
        .init(name: "vz", type: .float32, unit: "cm",
              doc: "true lab-frame production vertex, z; absent before schema v4", introducedInVersion: 4),
    ])

    public static let tables: [TableSpec] = [events, tracks, clusters, vertices, particles]

    public static func table(_ name: String) -> TableSpec? { tables.first { $0.name == name } }
}
