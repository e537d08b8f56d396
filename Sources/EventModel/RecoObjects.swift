import Kinematics

/// One reconstructed track, as the detector simulation produces it before it is stored
/// column-wise. Analysis code reads `TrackColumns` instead.
public struct Track: Sendable, Equatable {
    public var charge: Int8
    public var momentum: ThreeVector
    public var vertex: ThreeVector
    public var muonID: Float
    public var electronID: Float
    public var pionID: Float
    public var kaonID: Float
    public var clusterEnergy: Float

    public init(charge: Int8, momentum: ThreeVector, vertex: ThreeVector = .zero,
                muonID: Float = 0, electronID: Float = 0, pionID: Float = 0, kaonID: Float = 0,
                clusterEnergy: Float = 0) {
        self.charge = charge
        self.momentum = momentum
        self.vertex = vertex
        self.muonID = muonID
        self.electronID = electronID
        self.pionID = pionID
        self.kaonID = kaonID
        self.clusterEnergy = clusterEnergy
    }
}

/// One ECL cluster (lab frame).
public struct Cluster: Sendable, Equatable {
    public var energy: Double
    public var theta: Double
    public var phi: Double
    public var time: Float
    public var trackMatched: Bool

    public init(energy: Double, theta: Double, phi: Double, time: Float = 0, trackMatched: Bool = false) {
        self.energy = energy
        self.theta = theta
        self.phi = phi
        self.time = time
        self.trackMatched = trackMatched
    }

    /// Photon hypothesis four-momentum from the cluster (massless, from the origin).
    public var photonFourMomentum: FourVector {
        FourVector(e: energy, p: ThreeVector(magnitude: energy, theta: theta, phi: phi))
    }
}

/// The symmetric covariance matrix of a vertex position, cm^2.
public struct VertexCovariance: Sendable, Equatable {
    public var xx: Double, xy: Double, xz: Double, yy: Double, yz: Double, zz: Double

    public init(xx: Double, xy: Double, xz: Double, yy: Double, yz: Double, zz: Double) {
        self.xx = xx; self.xy = xy; self.xz = xz; self.yy = yy; self.yz = yz; self.zz = zz
    }

    public static let zero = VertexCovariance(xx: 0, xy: 0, xz: 0, yy: 0, yz: 0, zz: 0)
}

/// A two-track vertex fit result.
public struct Vertex: Sendable, Equatable {
    public var position: ThreeVector
    public var chi2: Float
    public var track1: Int32
    public var track2: Int32
    /// Covariance of `position` (zero in files of schema versions before 4).
    public var covariance: VertexCovariance

    public init(position: ThreeVector, chi2: Float, track1: Int32, track2: Int32,
                covariance: VertexCovariance = .zero) {
        self.position = position
        self.chi2 = chi2
        self.track1 = track1
        self.track2 = track2
        self.covariance = covariance
    }
}

/// A generator-level particle (truth record).
public struct Particle: Sendable, Equatable {
    public var pdg: Int32
    public var momentum: FourVector
    /// True production vertex, lab frame, cm (the interaction point for prompt particles;
    /// the detector simulation fills it from the generator's vertices when it stores truth).
    public var vertex: ThreeVector

    public init(pdg: Int32, momentum: FourVector, vertex: ThreeVector = .zero) {
        self.pdg = pdg
        self.momentum = momentum
        self.vertex = vertex
    }
}

/// The low-multiplicity trigger lines, one bit each in `events/trigger_bits`.
public struct TriggerLine: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// CDC two-track trigger (two tracks with a minimum opening angle).
    public static let twoTrack = TriggerLine(rawValue: 1 << 0)
    /// Single-muon trigger (one track matched to KLM hits).
    public static let singleMuon = TriggerLine(rawValue: 1 << 1)
    /// Single-photon trigger (one ECL cluster above threshold in the barrel, Bhabha veto).
    public static let singlePhoton = TriggerLine(rawValue: 1 << 2)
    /// Total ECL energy trigger.
    public static let eclEnergy = TriggerLine(rawValue: 1 << 3)
    /// Three-track trigger (generic hadronic and B events).
    public static let threeTrack = TriggerLine(rawValue: 1 << 4)

    public static let names: [(TriggerLine, String)] = [
        (.twoTrack, "two_track"), (.singleMuon, "single_muon"), (.singlePhoton, "single_photon"),
        (.eclEnergy, "ecl_energy"), (.threeTrack, "three_track"),
    ]
}

/// Everything reconstructed in one event, as the detector simulation emits it.
public struct ReconstructedEvent: Sendable, Equatable {
    public var eventID: Int64
    public var weight: Double
    public var trigger: TriggerLine
    public var extraEnergy: Double
    public var nPi0: Int32
    /// KLM clusters with neither a track nor an ECL cluster in front: photons that crossed
    /// an ECL gap (or punched through the crystals) and showered in the KLM iron.
    public var nKLMNeutral: Int32
    public var tracks: [Track]
    public var clusters: [Cluster]
    public var vertices: [Vertex]
    public var particles: [Particle]

    public init(eventID: Int64, weight: Double = 1, trigger: TriggerLine = [], extraEnergy: Double = 0,
                nPi0: Int32 = 0, nKLMNeutral: Int32 = 0, tracks: [Track] = [], clusters: [Cluster] = [],
                vertices: [Vertex] = [], particles: [Particle] = []) {
        self.eventID = eventID
        self.weight = weight
        self.trigger = trigger
        self.extraEnergy = extraEnergy
        self.nPi0 = nPi0
        self.nKLMNeutral = nKLMNeutral
        self.tracks = tracks
        self.clusters = clusters
        self.vertices = vertices
        self.particles = particles
    }
}
