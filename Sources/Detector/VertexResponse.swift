import Foundation
import Kinematics
import EventModel

/// What the vertex fit needs to know about a reconstructed track besides the track itself.
public struct TrackTruth: Sendable {
    /// True production vertex (cm).
    public var vertex: ThreeVector
    /// Unit vector of the true transverse direction (x, y).
    public var ux: Double
    public var uy: Double
    /// sigma(d0), sigma(z0) (cm) and sigma of the helix angles (rad) of this track, from
    /// the tracking parametrisation (`TrackingResponse`).
    public var sigmaD0: Double
    public var sigmaZ0: Double
    public var sigmaAngle: Double
    public var charge: Int8

    public init(vertex: ThreeVector, ux: Double, uy: Double, sigmaD0: Double, sigmaZ0: Double,
                sigmaAngle: Double, charge: Int8) {
        self.vertex = vertex; self.ux = ux; self.uy = uy
        self.sigmaD0 = sigmaD0; self.sigmaZ0 = sigmaZ0; self.sigmaAngle = sigmaAngle; self.charge = charge
    }
}

/// Two-track vertices of an event: `TwoTrackVertexFit` on the measured tracks (issue #19).
///
/// Which pairs: every opposite-charge pair of the first `maxTracks` (8) tracks, as the
/// vertex table always held, and in addition every opposite-charge pair of two displaced
/// tracks anywhere in the event, a track being displaced when its transverse impact
/// parameter from the beam axis, |d0| = |x uy - y ux| at its reference point along its
/// measured direction (the straight-line limit, enough to select), exceeds
/// `displacedSignificance` (3) times its sigma(d0): the pairs a displaced-vertex search
/// (K_S, Lambda, conversions, the B -> K S signal) needs in events with more than 8 tracks.
///
/// Each fit gives the position, its covariance and the chi2 (1 degree of freedom); pairs
/// whose normal matrix is singular (two straight parallel tracks) get no row. Tracks from
/// different vertices get a large chi2, as in a real fit, since the fit uses the measured
/// helices only.
///
/// Random numbers: the fit draws none. The smeared-truth model this replaced drew four
/// Gaussian numbers per opposite-charge pair of the first 8 tracks; those draws are kept
/// (and discarded) so that every sample keeps the random sequence it had, and prompt
/// events their tracks and clusters, bit for bit (`PromptReproducibilityTests`).
public struct VertexResponse: Sendable {
    /// Every opposite-charge pair of this many leading tracks is fitted.
    public let maxTracks = 8
    /// |d0|/sigma(d0) above which a track is displaced (pairs of displaced tracks are fitted
    /// wherever they are in the event).
    public let displacedSignificance = 3.0
    /// Solenoid field (T) for the helices' curvature.
    public let fieldTesla: Double

    public init(fieldTesla: Double = InnerDetectorGeometry.belleII.fieldTesla) {
        self.fieldTesla = fieldTesla
    }

    /// The reproducibility draws of the replaced model (see the type's documentation).
    @inlinable
    func legacyDraws<R: DetectorRandom>(_ truth: UnsafeMutableBufferPointer<TrackTruth>, count: Int, random: R) {
        let n = min(count, maxTracks)
        guard n >= 2 else { return }
        for i in 0..<(n - 1) {
            let a = truth[i]
            for j in (i + 1)..<n where a.charge != 0 && truth[j].charge == -a.charge {
                for _ in 0..<4 { _ = random.gaussian() }
            }
        }
    }

    /// The helix of track `k` as the fit sees it.
    @usableFromInline
    func helix(_ track: Track, _ t: TrackTruth) -> HelixTrack {
        HelixTrack(track: track, fieldTesla: fieldTesla, sigmaD0: t.sigmaD0, sigmaZ0: t.sigmaZ0, sigmaAngle: t.sigmaAngle)
    }

    /// Whether a track's impact parameter from the beam axis is significant.
    @usableFromInline
    func isDisplaced(_ track: Track, _ t: TrackTruth) -> Bool {
        let pt = track.momentum.perp
        guard pt > 0 else { return false }
        let d0 = (track.vertex.x * track.momentum.y - track.vertex.y * track.momentum.x) / pt
        return abs(d0) > displacedSignificance * t.sigmaD0
    }

    /// Fits the pairs of `tracks` (whose first `count` entries have `truth`) into `vertices`.
    @usableFromInline
    func fit(tracks: [Track], truth: UnsafeMutableBufferPointer<TrackTruth>, count: Int,
             into vertices: inout [Vertex]) {
        guard count >= 2 else { return }
        var displaced: [Bool] = []
        if count > maxTracks {
            displaced = (0..<count).map { isDisplaced(tracks[$0], truth[$0]) }
        }
        for i in 0..<(count - 1) {
            let a = truth[i]
            guard a.charge != 0 else { continue }
            for j in (i + 1)..<count where truth[j].charge == -a.charge {
                guard j < maxTracks || (displaced[i] && displaced[j]) else { continue }
                guard let r = TwoTrackVertexFit.fit(helix(tracks[i], a), helix(tracks[j], truth[j])) else { continue }
                let c = r.covariance
                vertices.append(Vertex(position: r.position, chi2: Float(r.chi2), track1: Int32(i), track2: Int32(j),
                                       covariance: VertexCovariance(xx: c.xx, xy: c.xy, xz: c.xz, yy: c.yy,
                                                                    yz: c.yz, zz: c.zz)))
            }
        }
    }
}
