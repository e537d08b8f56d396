import Foundation
import Kinematics
import EventModel

/// Truth information of a reconstructed track that the vertex fit needs.
public struct TrackTruth: Sendable {
    /// True production vertex (cm).
    public var vertex: ThreeVector
    /// Unit vector of the true transverse direction (x, y).
    public var ux: Double
    public var uy: Double
    /// sigma(d0) and sigma(z0) of this track (cm).
    public var sigmaD0: Double
    public var sigmaZ0: Double
    public var charge: Int8

    public init(vertex: ThreeVector, ux: Double, uy: Double, sigmaD0: Double, sigmaZ0: Double, charge: Int8) {
        self.vertex = vertex; self.ux = ux; self.uy = uy
        self.sigmaD0 = sigmaD0; self.sigmaZ0 = sigmaZ0; self.charge = charge
    }
}

/// Approximate two-track vertex fit, for the displaced-vertex search.
///
/// A real fit intersects two helices; here the fitted position is the true common vertex
/// smeared with the resolution the two tracks' impact parameters imply:
///  - across the tracks (transverse, perpendicular to their mean direction): the two d0
///    measurements combined, sigma = (1/s1^2 + 1/s2^2)^(-1/2);
///  - along the mean transverse direction: the same divided by sin(opening angle), since
///    nearly parallel tracks pin the vertex down poorly along their direction;
///  - in z: the two z0 measurements combined.
/// chi2 (1 degree of freedom) is z^2 for a true common vertex; for tracks from different
/// vertices, the squared separation of their true vertices in units of the resolution is
/// added, so random pairs get large chi2 as in a real fit. Every opposite-charge pair of
/// the first `maxTracks` tracks is fitted.
public struct VertexResponse: Sendable {
    /// Cap on the tracks considered, to bound the pairing cost in busy events.
    public let maxTracks = 8
    /// Smallest sin(opening angle) used, so collinear pairs do not get infinite errors.
    public let minSinOpening = 0.02

    public init() {}

    @inlinable
    func fit<R: DetectorRandom>(_ truth: UnsafeMutableBufferPointer<TrackTruth>, count: Int,
                                random: R, into vertices: inout [Vertex]) {
        let n = min(count, maxTracks)
        guard n >= 2 else { return }
        for i in 0..<(n - 1) {
            let a = truth[i]
            for j in (i + 1)..<n {
                let b = truth[j]
                guard a.charge != 0, b.charge == -a.charge else { continue }
                let sT = 1 / (1 / (a.sigmaD0 * a.sigmaD0) + 1 / (b.sigmaD0 * b.sigmaD0)).squareRoot()
                let sZ = 1 / (1 / (a.sigmaZ0 * a.sigmaZ0) + 1 / (b.sigmaZ0 * b.sigmaZ0)).squareRoot()
                // Mean transverse direction and the perpendicular.
                var mx = a.ux + b.ux, my = a.uy + b.uy
                let mn = (mx * mx + my * my).squareRoot()
                if mn > 1e-12 { mx /= mn; my /= mn } else { mx = 1; my = 0 }
                let sinOpen = abs(a.ux * b.uy - a.uy * b.ux)
                let sAlong = sT / max(sinOpen, minSinOpening)
                let dAlong = sAlong * random.gaussian()
                let dAcross = sT * random.gaussian()
                let dz = sZ * random.gaussian()
                // Tracks from different vertices: fit lands between them.
                let mid = (a.vertex + b.vertex) * 0.5
                let sep = a.vertex - b.vertex
                let sepChi2 = (sep.x * sep.x + sep.y * sep.y) / (sT * sT) + sep.z * sep.z / (sZ * sZ)
                let g = random.gaussian()
                let position = ThreeVector(x: mid.x + dAlong * mx - dAcross * my,
                                           y: mid.y + dAlong * my + dAcross * mx,
                                           z: mid.z + dz)
                vertices.append(Vertex(position: position, chi2: Float(g * g + sepChi2),
                                       track1: Int32(i), track2: Int32(j)))
            }
        }
    }
}
