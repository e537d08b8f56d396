import Foundation
import Testing
@testable import Kinematics

/// Event shapes (#20) against analytic values. Derivations (unit momenta unless stated):
/// - back-to-back pair: every p_i is +-n, so T = 1; cos theta_12 = -1 gives H_l = 2 p^2 (1 + (-1)^l),
///   R2 = 1, H1 = H3 = 0.
/// - regular octahedron (+-e_x, +-e_y, +-e_z): sum_i |p_i . n| = 2 (|n_x| + |n_y| + |n_z|), maximal
///   on the unit sphere at n = (+-1, +-1, +-1)/sqrt(3) with value 2 sqrt(3), so T = 2 sqrt(3)/6 =
///   1/sqrt(3) = 0.5774 (an axis through two vertices gives only 2/6 = 1/3, the minimum, not T).
///   Per particle: itself P_l(1) = 1, its antipode P_l(-1), four neighbours P_l(0): H2 = 6 (1 + 1 - 4/2)
///   = 0, H4 = 6 (2 + 4 * 3/8) = 21, H0 = 36, so R2 = 0, R4 = 7/12, H1 = H3 = 0.
/// - regular icosahedron: a spherical 5-design, so sum_{i,j} P_l(cos theta_ij) = 0 for l = 1...5:
///   R1 = R2 = R3 = R4 = R5 = 0 (and R6 != 0, as 12 points are not a 6-design). Thrust: seen from
///   a vertex the 12 unit vertices have cos = 1, five at +1/sqrt 5, five at -1/sqrt 5, one at -1,
///   so an axis through a vertex gives (2 + 10/sqrt 5)/12 = (1 + sqrt 5)/6 = 0.5393 = T (an exact
///   enumeration of the 2^11 partitions, done once in Python, finds no larger sum: it is the maximum).
/// - planar Mercedes (three momenta at 120 degrees): axis along one momentum gives 1 + 1/2 + 1/2 = 2,
///   T = 2/3; H2 = 3 (1 + 2 P2(-1/2)) = 3 (1 - 1/4), R2 = (9/4)/9 = 1/4.
/// - any momentum-balanced three-body event: T = 2 max|p_i| / sum|p_i| (the classic x_max result
///   for three massless partons, which depends only on the balance p1 + p2 + p3 = 0).
@Suite struct EventShapeTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomMomentum(_ g: inout SplitMix64) -> ThreeVector {
        ThreeVector(magnitude: Double.random(in: 0.05...3, using: &g),
                    theta: acos(Double.random(in: -1...1, using: &g)),
                    phi: Double.random(in: -Double.pi...Double.pi, using: &g))
    }

    /// Rotation by Euler angles (z, y, z).
    static func rotate(_ v: ThreeVector, _ a: Double, _ b: Double, _ c: Double) -> ThreeVector {
        func aboutZ(_ v: ThreeVector, _ t: Double) -> ThreeVector {
            ThreeVector(x: cos(t) * v.x - sin(t) * v.y, y: sin(t) * v.x + cos(t) * v.y, z: v.z)
        }
        return aboutZ(aboutZ(v, a).rotatedAboutY(b), c)
    }

    let octahedronVertices: [ThreeVector] = [
        ThreeVector(x: 1, y: 0, z: 0), ThreeVector(x: -1, y: 0, z: 0),
        ThreeVector(x: 0, y: 1, z: 0), ThreeVector(x: 0, y: -1, z: 0),
        ThreeVector(x: 0, y: 0, z: 1), ThreeVector(x: 0, y: 0, z: -1),
    ]

    var icosahedron: [ThreeVector] {
        let phi = (1 + 5.0.squareRoot()) / 2
        var v: [ThreeVector] = []
        for s1 in [-1.0, 1.0] {
            for s2 in [-1.0, 1.0] {
                v.append(ThreeVector(x: 0, y: s1, z: s2 * phi))
                v.append(ThreeVector(x: s1, y: s2 * phi, z: 0))
                v.append(ThreeVector(x: s2 * phi, y: 0, z: s1))
            }
        }
        return v
    }

    func mercedes(_ p: Double) -> [ThreeVector] {
        (0..<3).map { k in ThreeVector(magnitude: p, theta: .pi / 2, phi: 0.3 + 2 * Double.pi * Double(k) / 3) }
    }

    @Test func backToBackPair() throws {
        let p = ThreeVector(magnitude: 2.5, theta: 1.1, phi: -0.7)
        for method in [EventShape.Method.allPartitions, .pairPlanes] {
            let t = try EventShape.thrust([p, -p], method: method)
            #expect(abs(t.value - 1) < 1e-12)
            #expect(abs(abs(t.axis.dot(p.unit)) - 1) < 1e-12)
        }
        let h = try EventShape.foxWolframMoments([p, -p], maxOrder: 4)
        #expect(abs(h[0] - 25) < 1e-12)  // (2 * 2.5)^2
        #expect(abs(h[1]) < 1e-12 && abs(h[3]) < 1e-12)
        #expect(abs(h[2] / h[0] - 1) < 1e-12 && abs(h[4] / h[0] - 1) < 1e-12)
        #expect(abs(try EventShape.r2([p, -p]) - 1) < 1e-12)
    }

    @Test func octahedron() throws {
        for method in [EventShape.Method.allPartitions, .pairPlanes] {
            let t = try EventShape.thrust(octahedronVertices, method: method)
            #expect(abs(t.value - 1 / 3.0.squareRoot()) < 1e-12, "T = \(t.value), \(method)")
            for c in [t.axis.x, t.axis.y, t.axis.z] { #expect(abs(abs(c) - 1 / 3.0.squareRoot()) < 1e-12) }
        }
        let h = try EventShape.foxWolframMoments(octahedronVertices, maxOrder: 4)
        #expect(abs(h[0] - 36) < 1e-12)
        #expect(abs(h[1]) < 1e-12 && abs(h[2]) < 1e-12 && abs(h[3]) < 1e-12)
        #expect(abs(h[4] / h[0] - 7.0 / 12) < 1e-12)
    }

    @Test func icosahedronIsIsotropicToOrderFive() throws {
        let h = try EventShape.foxWolframMoments(icosahedron, maxOrder: 6)
        for l in 1...5 { #expect(abs(h[l] / h[0]) < 1e-12, "R\(l) = \(h[l] / h[0])") }
        #expect(abs(h[6] / h[0]) > 0.1)  // not a 6-design: the test can tell isotropy apart
        // T = (1 + sqrt 5)/6 along a vertex (see the header).
        let t = try EventShape.thrust(icosahedron)
        #expect(abs(t.value - (1 + 5.0.squareRoot()) / 6) < 1e-12, "T = \(t.value)")
        #expect(icosahedron.contains { abs(abs($0.unit.dot(t.axis)) - 1) < 1e-12 })
        #expect(abs(try EventShape.thrust(icosahedron, method: .pairPlanes).value - t.value) < 1e-12)
    }

    @Test func planarMercedes() throws {
        let m = mercedes(1.7)
        for method in [EventShape.Method.allPartitions, .pairPlanes] {
            let t = try EventShape.thrust(m, method: method)
            #expect(abs(t.value - 2.0 / 3) < 1e-12, "T = \(t.value), \(method)")
            #expect(abs(t.axis.z) < 1e-12)  // in the event plane
            #expect(m.contains { abs(abs($0.unit.dot(t.axis)) - 1) < 1e-12 })  // along one jet
        }
        #expect(abs(try EventShape.r2(m) - 0.25) < 1e-12)
    }

    @Test func threeBodyThrustIsTheLargestScaledMomentum() throws {
        var g = SplitMix64(state: 20)
        for _ in 0..<200 {
            let p1 = Self.randomMomentum(&g), p2 = Self.randomMomentum(&g)
            let ps = [p1, p2, -(p1 + p2)]
            let sum = ps.reduce(0) { $0 + $1.magnitude }
            let expected = 2 * ps.map(\.magnitude).max()! / sum
            #expect(abs(try EventShape.thrust(ps).value - expected) < 1e-12)
            #expect(abs(try EventShape.thrust(ps, method: .pairPlanes).value - expected) < 1e-12)
        }
    }

    @Test func pairPlanesAgreesWithAllPartitionsAndNoAxisDoesBetter() throws {
        var g = SplitMix64(state: 7)
        for n in [4, 7, 10, 13] {
            for _ in 0..<20 {
                let ps = (0..<n).map { _ in Self.randomMomentum(&g) }
                let exact = try EventShape.thrust(ps, method: .allPartitions)
                let pairs = try EventShape.thrust(ps, method: .pairPlanes)
                #expect(abs(exact.value - pairs.value) < 1e-12, "n = \(n)")
                #expect(abs(abs(exact.axis.dot(pairs.axis)) - 1) < 1e-9)
                // The definition: no direction gives a larger sum |p.n|.
                let sumAbs = ps.reduce(0) { $0 + $1.magnitude }
                for _ in 0..<200 {
                    let axis = Self.randomMomentum(&g).unit
                    #expect(ps.reduce(0) { $0 + abs($1.dot(axis)) } / sumAbs <= exact.value + 1e-12)
                }
            }
        }
    }

    @Test func invariantUnderRotations() throws {
        var g = SplitMix64(state: 3)
        let ps = (0..<9).map { _ in Self.randomMomentum(&g) }
        let roe = (0..<6).map { _ in Self.randomMomentum(&g) }
        let t0 = try EventShape.thrust(ps)
        let h0 = try EventShape.foxWolframMoments(ps, maxOrder: 4)
        let c0 = try EventShape.cosThrustAngle(candidate: ps, restOfEvent: roe)
        for (a, b, c) in [(0.3, 1.2, -2.0), (2.9, 0.1, 0.7), (-1.4, 2.6, 3.0)] {
            let r = ps.map { Self.rotate($0, a, b, c) }
            let t = try EventShape.thrust(r)
            #expect(abs(t.value - t0.value) < 1e-12)
            #expect(abs(abs(t.axis.dot(Self.rotate(t0.axis, a, b, c))) - 1) < 1e-10)
            let h = try EventShape.foxWolframMoments(r, maxOrder: 4)
            for l in 0...4 { #expect(abs(h[l] - h0[l]) < 1e-10 * h0[0]) }
            let cr = try EventShape.cosThrustAngle(candidate: r, restOfEvent: roe.map { Self.rotate($0, a, b, c) })
            #expect(abs(cr - c0) < 1e-10)
        }
    }

    @Test func thrustAngleBetweenCandidateAndRestOfEvent() throws {
        let candidate = [ThreeVector(x: 0.3, y: 0.1, z: 2.0), ThreeVector(x: -0.3, y: -0.1, z: -2.0)]
        let along = [ThreeVector(x: 0, y: 0, z: 1.5), ThreeVector(x: 0.05, y: 0, z: -1.4)]
        let across = [ThreeVector(x: -0.1, y: 0.3, z: 0), ThreeVector(x: 0.1, y: -0.3, z: 0)]
        // For two particles |p1 - p2| >= |p1 + p2| when p1 . p2 <= 0, so the thrust axis is along
        // p1 - p2: (0.3, 0.1, 2) for the candidate, (-0.05, 0, 2.9) for `along`, (-0.2, 0.6, 0) for
        // `across`, which is orthogonal to the candidate's (-0.06 + 0.06 + 0 = 0).
        let a = ThreeVector(x: 0.3, y: 0.1, z: 2.0).unit
        let b = ThreeVector(x: -0.05, y: 0, z: 2.9).unit
        #expect(abs(try EventShape.cosThrustAngle(candidate: candidate, restOfEvent: along) - abs(a.dot(b))) < 1e-12)
        #expect(try EventShape.cosThrustAngle(candidate: candidate, restOfEvent: along) > 0.98)
        #expect(abs(try EventShape.cosThrustAngle(candidate: candidate, restOfEvent: across)) < 1e-12)
    }

    @Test func badInputIsRefusedWithAClearError() {
        #expect(throws: EventShape.EventShapeError.noMomentum(count: 0)) { try EventShape.thrust([ThreeVector]()) }
        #expect(throws: EventShape.EventShapeError.noMomentum(count: 2)) { try EventShape.r2([ThreeVector.zero, .zero]) }
        #expect(throws: EventShape.EventShapeError.nonFinite(index: 1)) {
            try EventShape.thrust([ThreeVector(x: 1, y: 0, z: 0), ThreeVector(x: .nan, y: 0, z: 0)])
        }
    }
}
