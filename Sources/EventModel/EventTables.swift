/// Event-level columns, one row per event.
public struct EventColumns: Sendable, Equatable {
    public var eventID: [Int64] = []
    public var weight: [Double] = []
    public var triggerBits: [UInt32] = []
    public var extraEnergy: [Double] = []
    public var nPi0: [Int32] = []
    /// KLM clusters with neither a track nor an ECL cluster in front (schema v3; 0 for
    /// events read from older files, which did not simulate them).
    public var nKLMNeutral: [Int32] = []
    public init() {}
    public var count: Int { eventID.count }
}

/// Reconstructed charged tracks (jagged). Momenta in the lab frame.
public struct TrackColumns: Sendable, Equatable {
    public var offsets = JaggedOffsets()
    public var charge: [Int8] = []
    public var px: [Double] = []
    public var py: [Double] = []
    public var pz: [Double] = []
    public var vx: [Float] = []
    public var vy: [Float] = []
    public var vz: [Float] = []
    public var muonID: [Float] = []
    public var electronID: [Float] = []
    public var pionID: [Float] = []
    public var kaonID: [Float] = []
    public var clusterEnergy: [Float] = []
    public init() {}
    public var rowCount: Int { charge.count }
}

/// ECL clusters (jagged), lab frame.
public struct ClusterColumns: Sendable, Equatable {
    public var offsets = JaggedOffsets()
    public var energy: [Double] = []
    public var theta: [Double] = []
    public var phi: [Double] = []
    public var time: [Float] = []
    public var trackMatched: [UInt8] = []
    public init() {}
    public var rowCount: Int { energy.count }
}

/// Two-track vertices (jagged), for displaced-vertex searches.
public struct VertexColumns: Sendable, Equatable {
    public var offsets = JaggedOffsets()
    public var x: [Double] = []
    public var y: [Double] = []
    public var z: [Double] = []
    public var chi2: [Float] = []
    public var track1: [Int32] = []
    public var track2: [Int32] = []
    /// Position covariance (cm^2), schema v4; zeros when read from older files.
    public var covXX: [Float] = []
    public var covXY: [Float] = []
    public var covXZ: [Float] = []
    public var covYY: [Float] = []
    public var covYZ: [Float] = []
    public var covZZ: [Float] = []
    public init() {}
    public var rowCount: Int { x.count }
}

/// Generator-level final-state particles (jagged), simulation only.
public struct ParticleColumns: Sendable, Equatable {
    public var offsets = JaggedOffsets()
    public var pdg: [Int32] = []
    public var px: [Double] = []
    public var py: [Double] = []
    public var pz: [Double] = []
    public var e: [Double] = []
    /// True production vertex (cm), schema v4; zeros when read from older files.
    public var vx: [Float] = []
    public var vy: [Float] = []
    public var vz: [Float] = []
    public init() {}
    public var rowCount: Int { pdg.count }
}
