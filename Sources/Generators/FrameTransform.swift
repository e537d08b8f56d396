import Foundation
import Kinematics

/// The CMS -> lab transformation of `BelleIIBeams.toLab`, with the rotation's sine and
/// cosine and the boost's parameters computed once.
///
/// Why not call `beams.toLab` directly: it evaluates cos and sin of the rotation angle for
/// every vector, which is a large part of the cost of a two-body event. The arithmetic is
/// identical (rotation about y, then boost); a test checks it against `BelleIIBeams`.
public struct FrameTransform: Sendable {
    public let beams: BelleIIBeams
    @usableFromInline let cosR: Double
    @usableFromInline let sinR: Double
    @usableFromInline let bx: Double, by: Double, bz: Double
    @usableFromInline let gamma: Double
    @usableFromInline let gammaFactor: Double   // (gamma - 1) / beta^2

    public init(beams: BelleIIBeams = .y4S) {
        self.beams = beams
        cosR = cos(beams.cmsRotationAngle)
        sinR = sin(beams.cmsRotationAngle)
        let b = beams.cmsToLabBoost.beta
        bx = b.x; by = b.y; bz = b.z
        gamma = beams.cmsToLabBoost.gamma
        let b2 = b.magnitudeSquared
        gammaFactor = b2 > 0 ? (gamma - 1) / b2 : 0
        sqrtS = beams.sqrtS
        s = beams.s
    }

    /// The beams' invariants, stored: the samplers read them for every event (as computed
    /// properties of `BelleIIBeams` they cost a square root each time).
    public let sqrtS: Double
    public let s: Double

    /// CMS (e- along +z*) -> lab; same as `BelleIIBeams.toLab`.
    @inlinable
    public func toLab(_ v: FourVector) -> FourVector {
        let x = cosR * v.p.x + sinR * v.p.z
        let z = -sinR * v.p.x + cosR * v.p.z
        let y = v.p.y
        let bp = bx * x + by * y + bz * z
        let k = gammaFactor * bp + gamma * v.e
        return FourVector(e: gamma * (v.e + bp), px: x + bx * k, py: y + by * k, pz: z + bz * k)
    }

    /// Lab -> CMS; same as `BelleIIBeams.toCMS`.
    @inlinable
    public func toCMS(_ v: FourVector) -> FourVector {
        let bp = -(bx * v.p.x + by * v.p.y + bz * v.p.z)
        let k = gammaFactor * bp + gamma * v.e
        let x = v.p.x - bx * k, y = v.p.y - by * k, z = v.p.z - bz * k
        return FourVector(e: gamma * (v.e + bp), px: cosR * x - sinR * z, py: y, pz: sinR * x + cosR * z)
    }

    /// A position (cm) in the CMS orientation, expressed in the lab axes. Decay lengths are
    /// computed from lab-frame momenta, so this is only used to rotate directions.
    @inlinable
    public func rotateToLab(_ p: ThreeVector) -> ThreeVector {
        ThreeVector(x: cosR * p.x + sinR * p.z, y: p.y, z: -sinR * p.x + cosR * p.z)
    }
}
