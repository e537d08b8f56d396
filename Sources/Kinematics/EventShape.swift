import Foundation

/// Event-shape variables for continuum suppression at the Upsilon(4S) (issue #20, design in
/// docs/physics/b-to-k-s.md sections 3.3 and 6.1): thrust (value and axis), the thrust-axis
/// angle between a B candidate and the rest of the event, and the Fox-Wolfram moments.
///
/// All inputs are momenta in the e+e- centre-of-mass frame (the caller boosts them).
///
/// Definitions (standard; S. Brandt et al., Phys. Lett. 12 (1964) 57; E. Farhi, PRL 39 (1977)
/// 1587; G. C. Fox and S. Wolfram, PRL 41 (1978) 1581):
///
/// - thrust T = max_{|n|=1} sum_i |p_i . n| / sum_i |p_i|. For any unit n,
///   sum_i |p_i . n| = |sum_i eps_i p_i| . n with eps_i = sign(p_i . n), so
///   T = max over sign assignments eps of |sum_i eps_i p_i| / sum_i |p_i|, the axis being the
///   maximising sum's direction (the sign of the axis is conventional).
/// - Fox-Wolfram H_l = sum_{i,j} |p_i| |p_j| P_l(cos theta_ij) (the i = j terms included), with
///   momentum weights as in the B-factory continuum-suppression usage (for massless particles
///   this is the original energy weighting times E_vis^2); R_l = H_l / H_0, R2 = H_2 / H_0.
///   R2 is 1 for two back-to-back particles and 0 for a configuration that is a spherical
///   2-design (octahedron, icosahedron).
public enum EventShape {
    public struct Thrust: Sendable, Hashable {
        /// T in [1/2 (isotropic limit), 1 (pencil-like)].
        public var value: Double
        /// Unit thrust axis; its sign is a convention (the direction of the maximising sum).
        public var axis: ThreeVector
    }

    public enum Method: Sendable, Hashable {
        /// Picks `.allPartitions` up to `exhaustiveLimit` particles, `.pairPlanes` above.
        case automatic
        /// Every one of the 2^(n-1) sign assignments (Gray code, one vector addition each): exact.
        case allPartitions
        /// The optimal separating plane can be rotated until it contains two momenta, so the
        /// candidates are, for every pair (j, k), the sums with all other particles signed by
        /// the side of the plane spanned by p_j and p_k and p_j, p_k taken with all four sign
        /// combinations (O(n^3)). Exact for momenta in general position; each candidate is then
        /// refined by the monotone iteration n -> sum_i sign(p_i . n) p_i, so degenerate
        /// (coplanar) configurations still return an attained, locally maximal value. Checked
        /// against `.allPartitions` on random events in EventShapeTests.
        case pairPlanes
    }

    /// Largest multiplicity for which `.automatic` enumerates all partitions (2^17 = 131072 sums).
    public static let exhaustiveLimit = 18

    public enum EventShapeError: Error, CustomStringConvertible, Equatable {
        case noMomentum(count: Int)
        case nonFinite(index: Int)

        public var description: String {
            switch self {
            case .noMomentum(let count):
                return "EventShape: the \(count) input momenta sum to zero length; thrust and Fox-Wolfram moments are undefined"
            case .nonFinite(let index):
                return "EventShape: momentum #\(index) has a non-finite component"
            }
        }
    }

    private static func validated(_ momenta: [ThreeVector]) throws -> [ThreeVector] {
        for (i, p) in momenta.enumerated() where !(p.x.isFinite && p.y.isFinite && p.z.isFinite) {
            throw EventShapeError.nonFinite(index: i)
        }
        let used = momenta.filter { $0.magnitudeSquared > 0 }
        if used.isEmpty { throw EventShapeError.noMomentum(count: momenta.count) }
        return used
    }

    /// Thrust value and axis of a set of centre-of-mass momenta.
    public static func thrust(_ momenta: [ThreeVector], method: Method = .automatic) throws -> Thrust {
        let p = try validated(momenta)
        let sumAbs = p.reduce(0) { $0 + $1.magnitude }
        let best: ThreeVector
        switch method {
        case .allPartitions: best = allPartitionsMaximum(p)
        case .pairPlanes: best = pairPlanesMaximum(p)
        case .automatic: best = p.count <= exhaustiveLimit ? allPartitionsMaximum(p) : pairPlanesMaximum(p)
        }
        let axis = best.unit
        // sum |p.n| at the chosen axis (>= |best| . n, equal at the maximum).
        let value = p.reduce(0) { $0 + abs($1.dot(axis)) } / sumAbs
        return Thrust(value: min(value, 1), axis: axis)
    }

    public static func thrust(_ momenta: [FourVector], method: Method = .automatic) throws -> Thrust {
        try thrust(momenta.map(\.p), method: method)
    }

    /// |cos theta_T|: the cosine of the angle between the thrust axis of the B candidate's
    /// daughters and that of the rest of the event (both in the CMS), in [0, 1]. Near 1 for
    /// jet-like continuum, flat for B Bbar.
    public static func cosThrustAngle(candidate: [ThreeVector], restOfEvent: [ThreeVector]) throws -> Double {
        let a = try thrust(candidate).axis, b = try thrust(restOfEvent).axis
        return min(abs(a.dot(b)), 1)
    }

    public static func cosThrustAngle(candidate: [FourVector], restOfEvent: [FourVector]) throws -> Double {
        try cosThrustAngle(candidate: candidate.map(\.p), restOfEvent: restOfEvent.map(\.p))
    }

    /// Fox-Wolfram moments H_0 ... H_maxOrder (momentum weights, i = j terms included).
    public static func foxWolframMoments(_ momenta: [ThreeVector], maxOrder: Int = 4) throws -> [Double] {
        precondition(maxOrder >= 0, "EventShape.foxWolframMoments: maxOrder must be >= 0, got \(maxOrder)")
        let p = try validated(momenta)
        let mags = p.map(\.magnitude)
        let units = p.map(\.unit)
        var h = [Double](repeating: 0, count: maxOrder + 1)
        var legendre = [Double](repeating: 0, count: maxOrder + 1)
        for i in 0..<p.count {
            for j in i..<p.count {
                let x = max(-1, min(1, units[i].dot(units[j])))
                legendrePolynomials(x, into: &legendre)
                let w = mags[i] * mags[j] * (i == j ? 1 : 2)
                for l in 0...maxOrder { h[l] += w * legendre[l] }
            }
        }
        return h
    }

    public static func foxWolframMoments(_ momenta: [FourVector], maxOrder: Int = 4) throws -> [Double] {
        try foxWolframMoments(momenta.map(\.p), maxOrder: maxOrder)
    }

    /// R2 = H2 / H0.
    public static func r2(_ momenta: [ThreeVector]) throws -> Double {
        let h = try foxWolframMoments(momenta, maxOrder: 2)
        return h[2] / h[0]
    }

    public static func r2(_ momenta: [FourVector]) throws -> Double { try r2(momenta.map(\.p)) }

    /// P_0 ... P_L at x by the Bonnet recursion (l+1) P_{l+1} = (2l+1) x P_l - l P_{l-1}.
    static func legendrePolynomials(_ x: Double, into out: inout [Double]) {
        guard !out.isEmpty else { return }
        out[0] = 1
        if out.count > 1 { out[1] = x }
        if out.count > 2 {
            for l in 1..<(out.count - 1) {
                out[l + 1] = (Double(2 * l + 1) * x * out[l] - Double(l) * out[l - 1]) / Double(l + 1)
            }
        }
    }

    // MARK: - maximisation of |sum eps_i p_i|

    static func allPartitionsMaximum(_ p: [ThreeVector]) -> ThreeVector {
        precondition(p.count <= 40, "EventShape: all-partitions thrust with \(p.count) particles is infeasible")
        var sum = p.reduce(ThreeVector.zero, +)
        var best = sum
        var bestNorm = sum.magnitudeSquared
        guard p.count > 1 else { return best }
        var signs = [Bool](repeating: true, count: p.count)  // particle 0 stays +: T(-eps) = T(eps)
        let steps = 1 << (p.count - 1)
        for k in 1..<steps {
            let i = k.trailingZeroBitCount + 1
            if signs[i] { sum = sum - 2 * p[i] } else { sum = sum + 2 * p[i] }
            signs[i].toggle()
            let norm = sum.magnitudeSquared
            if norm > bestNorm { bestNorm = norm; best = sum }
        }
        return best
    }

    static func pairPlanesMaximum(_ p: [ThreeVector]) -> ThreeVector {
        var candidates: [ThreeVector] = p  // single-particle axes (covers n <= 2 and collinear events)
        if p.count >= 2 {
            for j in 0..<(p.count - 1) {
                for k in (j + 1)..<p.count {
                    let normal = p[j].cross(p[k])
                    guard normal.magnitudeSquared > 0 else { continue }
                    var base = ThreeVector.zero
                    for i in p.indices where i != j && i != k {
                        base = p[i].dot(normal) >= 0 ? base + p[i] : base - p[i]
                    }
                    candidates.append(base + p[j] + p[k])
                    candidates.append(base + p[j] - p[k])
                    candidates.append(base - p[j] + p[k])
                    candidates.append(base - p[j] - p[k])
                }
            }
        }
        var best = candidates[0]
        for c in candidates where c.magnitudeSquared > best.magnitudeSquared { best = c }
        // Monotone refinement: |sum_i sign(p_i . n) p_i| >= sum_i |p_i . n_old| >= |best|.
        for _ in 0..<50 {
            let axis = best.unit
            let next = p.reduce(ThreeVector.zero) { $0 + ($1.dot(axis) >= 0 ? $1 : -$1) }
            if next.magnitudeSquared <= best.magnitudeSquared * (1 + 1e-15) { break }
            best = next
        }
        return best
    }
}
