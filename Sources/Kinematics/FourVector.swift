import Foundation

/// An energy-momentum four-vector (E, px, py, pz) in GeV, metric (+, -, -, -).
public struct FourVector: Sendable, Hashable, Codable {
    public var e: Double
    public var p: ThreeVector

    @inlinable
    public init(e: Double, p: ThreeVector) {
        self.e = e
        self.p = p
    }

    @inlinable
    public init(e: Double, px: Double, py: Double, pz: Double) {
        self.init(e: e, p: ThreeVector(x: px, y: py, z: pz))
    }

    /// An on-shell particle of mass `mass` with momentum `momentum`.
    @inlinable
    public init(mass: Double, momentum: ThreeVector) {
        self.init(e: (momentum.magnitudeSquared + mass * mass).squareRoot(), p: momentum)
    }

    public static let zero = FourVector(e: 0, p: .zero)

    @inlinable
    public var px: Double { p.x }
    @inlinable
    public var py: Double { p.y }
    @inlinable
    public var pz: Double { p.z }

    /// Minkowski square E^2 - |p|^2; negative for space-like vectors (a recoil against
    /// a mismeasured system can be space-like, which is why `signedMass` exists).
    @inlinable
    public var massSquared: Double { e * e - p.magnitudeSquared }

    /// sqrt(m^2) for time-like vectors, 0 for space-like ones.
    @inlinable
    public var mass: Double { max(massSquared, 0).squareRoot() }

    /// The signed mass convention of the Belle II recoil analyses:
    /// sqrt(m^2) if m^2 >= 0, else -sqrt(-m^2).
    @inlinable
    public var signedMass: Double { signedSquareRoot(massSquared) }

    @inlinable
    public var momentum: Double { p.magnitude }
    @inlinable
    public var pt: Double { p.perp }
    @inlinable
    public var theta: Double { p.theta }
    @inlinable
    public var cosTheta: Double { p.cosTheta }
    @inlinable
    public var phi: Double { p.phi }

    /// Velocity vector p/E (c = 1).
    @inlinable
    public var beta: ThreeVector { p / e }

    @inlinable
    public func dot(_ o: FourVector) -> Double { e * o.e - p.dot(o.p) }

    /// Opening angle between the three-momenta.
    @inlinable
    public func openingAngle(to other: FourVector) -> Double { p.angle(to: other.p) }

    @inlinable
    public static func + (a: FourVector, b: FourVector) -> FourVector { FourVector(e: a.e + b.e, p: a.p + b.p) }
    @inlinable
    public static func - (a: FourVector, b: FourVector) -> FourVector { FourVector(e: a.e - b.e, p: a.p - b.p) }
    @inlinable
    public static func += (a: inout FourVector, b: FourVector) { a = a + b }
    @inlinable
    public static func * (a: FourVector, k: Double) -> FourVector { FourVector(e: a.e * k, p: a.p * k) }
}

/// sqrt(x) for x >= 0, -sqrt(-x) otherwise: the convention used for the recoil mass.
@inlinable
public func signedSquareRoot(_ x: Double) -> Double {
    x >= 0 ? x.squareRoot() : -(-x).squareRoot()
}
