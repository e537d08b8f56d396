import Foundation

/// A Cartesian three-vector (GeV/c for momenta, cm for positions).
///
/// Kept separate from `FourVector` because boosts, vertex positions and beam
/// directions are three-vectors in their own right.
public struct ThreeVector: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var z: Double

    @inlinable
    public init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    public static let zero = ThreeVector(x: 0, y: 0, z: 0)

    /// Builds a vector from its length and spherical angles (theta from +z, phi from +x).
    @inlinable
    public init(magnitude: Double, theta: Double, phi: Double) {
        let sinTheta = sin(theta)
        self.init(x: magnitude * sinTheta * cos(phi), y: magnitude * sinTheta * sin(phi),
                  z: magnitude * cos(theta))
    }

    @inlinable
    public var magnitudeSquared: Double { x * x + y * y + z * z }
    @inlinable
    public var magnitude: Double { magnitudeSquared.squareRoot() }
    /// Length of the projection on the x-y plane (transverse to the solenoid axis).
    @inlinable
    public var perp: Double { (x * x + y * y).squareRoot() }
    /// Polar angle from +z in [0, pi]; 0 for the null vector.
    @inlinable
    public var theta: Double { atan2(perp, z) }
    @inlinable
    public var cosTheta: Double {
        let m = magnitude
        return m > 0 ? z / m : 1
    }
    /// Azimuth from +x in (-pi, pi].
    @inlinable
    public var phi: Double { (x == 0 && y == 0) ? 0 : atan2(y, x) }

    @inlinable
    public var unit: ThreeVector {
        let m = magnitude
        return m > 0 ? self / m : self
    }

    @inlinable
    public func dot(_ other: ThreeVector) -> Double { x * other.x + y * other.y + z * other.z }

    @inlinable
    public func cross(_ o: ThreeVector) -> ThreeVector {
        ThreeVector(x: y * o.z - z * o.y, y: z * o.x - x * o.z, z: x * o.y - y * o.x)
    }

    /// Angle between two vectors in [0, pi], computed with atan2 so that it stays
    /// accurate for nearly collinear vectors (acos loses digits there).
    @inlinable
    public func angle(to other: ThreeVector) -> Double {
        atan2(cross(other).magnitude, dot(other))
    }

    /// Rotation by `angle` about the y axis (the Belle II crossing plane is x-z).
    @inlinable
    public func rotatedAboutY(_ angle: Double) -> ThreeVector {
        let c = cos(angle), s = sin(angle)
        return ThreeVector(x: c * x + s * z, y: y, z: -s * x + c * z)
    }

    @inlinable
    public static func + (a: ThreeVector, b: ThreeVector) -> ThreeVector {
        ThreeVector(x: a.x + b.x, y: a.y + b.y, z: a.z + b.z)
    }
    @inlinable
    public static func - (a: ThreeVector, b: ThreeVector) -> ThreeVector {
        ThreeVector(x: a.x - b.x, y: a.y - b.y, z: a.z - b.z)
    }
    @inlinable
    public static prefix func - (a: ThreeVector) -> ThreeVector { ThreeVector(x: -a.x, y: -a.y, z: -a.z) }
    @inlinable
    public static func * (a: ThreeVector, k: Double) -> ThreeVector { ThreeVector(x: a.x * k, y: a.y * k, z: a.z * k) }
    @inlinable
    public static func * (k: Double, a: ThreeVector) -> ThreeVector { a * k }
    @inlinable
    public static func / (a: ThreeVector, k: Double) -> ThreeVector { ThreeVector(x: a.x / k, y: a.y / k, z: a.z / k) }
}
