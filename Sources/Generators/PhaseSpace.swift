import Foundation
import Kinematics

/// Small kinematic tools the generators share: boosts by a velocity given as three
/// numbers, rotations from a local axis to a direction, isotropic and two-body decays.
/// They work on values (no heap), because they run several times per event.
public enum PhaseSpace {
    /// Boost `v` from the rest frame of a system with four-momentum `system` into the frame
    /// where the system has that momentum. Works for any time-like `system`.
    @inlinable
    public static func boost(_ v: FourVector, from system: FourVector) -> FourVector {
        let m = system.mass
        let bx = system.p.x / system.e, by = system.p.y / system.e, bz = system.p.z / system.e
        let b2 = bx * bx + by * by + bz * bz
        if b2 <= 0 { return v }
        let gamma = system.e / m
        let bp = bx * v.p.x + by * v.p.y + bz * v.p.z
        let k = (gamma - 1) / b2 * bp + gamma * v.e
        return FourVector(e: gamma * (v.e + bp), px: v.p.x + bx * k, py: v.p.y + by * k, pz: v.p.z + bz * k)
    }

    /// Boost `v` into the rest frame of `system` (the inverse of `boost(_:from:)`).
    @inlinable
    public static func boostToRest(_ v: FourVector, of system: FourVector) -> FourVector {
        boost(v, from: FourVector(e: system.e, p: -system.p))
    }

    /// Unit vector with polar cosine `cosTheta` and azimuth `phi` about the +z axis.
    @inlinable
    public static func direction(cosTheta c: Double, phi: Double) -> ThreeVector {
        let s = max(0, (1 - c) * (1 + c)).squareRoot()
        return ThreeVector(x: s * cos(phi), y: s * sin(phi), z: c)
    }

    /// Unit vector with polar cosine `cosTheta` and azimuth given by its cosine and sine.
    @inlinable
    public static func direction(cosTheta c: Double, cosPhi cp: Double, sinPhi sp: Double) -> ThreeVector {
        let s = max(0, (1 - c) * (1 + c)).squareRoot()
        return ThreeVector(x: s * cp, y: s * sp, z: c)
    }

    /// The same about `axis` (see below), with the azimuth given by its cosine and sine.
    @inlinable
    public static func direction(cosTheta c: Double, sinTheta s: Double, cosPhi cp: Double, sinPhi sp: Double,
                                 around axis: ThreeVector) -> ThreeVector {
        let (e1, e2) = orthonormalBasis(axis)
        return axis * c + e1 * (s * cp) + e2 * (s * sp)
    }

    /// Unit vector with polar angle given by (cos, sin) with respect to the unit `axis`,
    /// azimuth `phi` around it. Uses an orthonormal frame built from `axis`.
    @inlinable
    public static func direction(cosTheta c: Double, sinTheta s: Double, phi: Double,
                                 around axis: ThreeVector) -> ThreeVector {
        // Orthonormal e1, e2 perpendicular to axis (Frisvad-style, stable for all axes).
        let (e1, e2) = orthonormalBasis(axis)
        let cp = cos(phi), sp = sin(phi)
        return axis * c + e1 * (s * cp) + e2 * (s * sp)
    }

    /// Two unit vectors perpendicular to the unit vector `n` and to each other
    /// (Duff et al., J. Computer Graphics Techniques 6 (2017) 1, branchless ONB).
    @inlinable
    public static func orthonormalBasis(_ n: ThreeVector) -> (ThreeVector, ThreeVector) {
        let sign: Double = n.z >= 0 ? 1 : -1
        let a = -1 / (sign + n.z)
        let b = n.x * n.y * a
        let e1 = ThreeVector(x: 1 + sign * n.x * n.x * a, y: sign * b, z: -sign * n.x)
        let e2 = ThreeVector(x: b, y: sign + n.y * n.y * a, z: -n.y)
        return (e1, e2)
    }

    /// Isotropic unit vector.
    @inlinable
    public static func isotropic(_ rng: RandomStream) -> ThreeVector {
        direction(cosTheta: 2 * rng.uniform() - 1, phi: rng.azimuth())
    }

    /// Isotropic two-body decay of a parent at rest: the two daughters' four-momenta.
    @inlinable
    public static func twoBody(mass M: Double, m1: Double, m2: Double, _ rng: RandomStream) -> (FourVector, FourVector) {
        let p = TwoBodyDecay.momentum(parentMass: M, m1: m1, m2: m2)
        let n = isotropic(rng) * p
        return (FourVector(mass: m1, momentum: n), FourVector(mass: m2, momentum: -n))
    }

    /// Flat n-body phase space for a parent of mass M at rest (Raubold-Lynch / GENBOD
    /// recursion, F. James, CERN 68-15). Fills `out` with the daughters and returns the
    /// phase-space weight, proportional to the product of the intermediate two-body
    /// momenta; divide by `maximumWeight` for accept-reject. Daughters are at most 6.
    public static func nBody(mass M: Double, masses: [Double], into out: inout [FourVector],
                             _ rng: RandomStream) -> Double {
        let n = masses.count
        precondition(n >= 2 && n <= 6, "nBody supports 2...6 daughters")
        out.removeAll(keepingCapacity: true)
        var sumMasses = 0.0
        for m in masses { sumMasses += m }
        let tEnd = M - sumMasses
        precondition(tEnd > 0, "below threshold")
        // Ordered uniforms for the intermediate invariant masses.
        var r = [Double](repeating: 0, count: n)
        r[0] = 0; r[n - 1] = 1
        for i in 1..<(n - 1) { r[i] = rng.uniform() }
        r[1..<(n - 1)].sort()
        var invMass = [Double](repeating: 0, count: n)
        var partial = 0.0
        for i in 0..<n {
            partial += masses[i]
            invMass[i] = r[i] * tEnd + partial
        }
        var weight = 1.0
        var pd = [Double](repeating: 0, count: n)
        for i in 0..<(n - 1) {
            pd[i] = TwoBodyDecay.momentum(parentMass: invMass[i + 1], m1: invMass[i], m2: masses[i + 1])
            weight *= pd[i]
        }
        // Build from the first pair upward, boosting the accumulated system each step.
        let dir0 = isotropic(rng) * pd[0]
        out.append(FourVector(mass: masses[0], momentum: dir0))
        out.append(FourVector(mass: masses[1], momentum: -dir0))
        for i in 1..<(n - 1) {
            let dir = isotropic(rng) * pd[i]
            // The system of the first i+1 particles moves with -dir, mass invMass[i].
            let system = FourVector(mass: invMass[i], momentum: -dir)
            for j in 0..<out.count { out[j] = boost(out[j], from: system) }
            out.append(FourVector(mass: masses[i + 1], momentum: dir))
        }
        return weight
    }

    /// Upper bound of the `nBody` weight (F. James, CERN 68-15): the product of the two-body
    /// momenta evaluated at the largest and smallest possible masses.
    public static func nBodyMaximumWeight(mass M: Double, masses: [Double]) -> Double {
        let n = masses.count
        var sumMasses = 0.0
        for m in masses { sumMasses += m }
        var emmax = M - sumMasses + masses[0]
        var emmin = 0.0
        var wtmax = 1.0
        for i in 1..<n {
            emmin += masses[i - 1]
            emmax += masses[i]
            wtmax *= TwoBodyDecay.momentum(parentMass: emmax, m1: emmin, m2: masses[i])
        }
        return wtmax
    }
}
