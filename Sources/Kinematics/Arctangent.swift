/// atan2 to within 2e-9 rad and without branches, for angles that are stored as float32.
///
/// Why not the C library: the detector computes theta and phi of every ECL cluster (two
/// arctangents, five to six clusters per mu mu event), and glibc's `atan2` takes 29 ns on
/// random directions here (its octant branches mispredict), this 13 ns; that was 5% of
/// `darksector bench generate`. The stored angles are float32, whose spacing near pi is
/// 2.4e-7 rad, and the ECL measures angles to milliradians. `ArctangentTests` checks the
/// bound against Foundation's `atan2` on a dense grid of directions.
///
/// Method: reduce to the first octant, a = min(|x|, |y|) / max(|x|, |y|) in [0, 1], where
/// atan(a) = a P(a^2) with P of degree 9 (a near-minimax Chebyshev fit, largest deviation
/// 1.8e-9; `docs/numerics/fit_arctangent.py` makes the coefficients), then reflect with
/// selects rather than branches.
public enum Arctangent {
    /// atan(a) for a in [0, 1]. Estrin's scheme (pairs, then pairs of pairs, with z^2, z^4
    /// and z^8) rather than Horner's: five dependent multiply-adds instead of ten.
    @inlinable @inline(__always)
    static func firstOctant(_ a: Double) -> Double {
        let z = a * a
        let z2 = z * z
        let z4 = z2 * z2
        let z8 = z4 * z4
        let p01 = 0.9999999975460199 - 0.3333328229551213 * z
        let p23 = 0.19998230640385034 - 0.1426157368037249 * z
        let p45 = 0.1094019896558185 - 0.08372063949328068 * z
        let p67 = 0.05746355787056839 - 0.030717508926557717 * z
        let p89 = 0.010680719458120446 - 0.001743701146512384 * z
        let p0123 = p01 + z2 * p23
        let p4567 = p45 + z2 * p67
        let p = p0123 + z4 * p4567 + z8 * p89
        return a * p
    }

    /// The angle of (x, y) in [-pi, pi], like `atan2(y, x)`; 0 for the origin.
    @inlinable @inline(__always)
    public static func atan2(_ y: Double, _ x: Double) -> Double {
        let ax = abs(x), ay = abs(y)
        let big = max(ax, ay), small = min(ax, ay)
        var r = firstOctant(big > 0 ? small / big : 0)
        r = ay > ax ? .pi / 2 - r : r
        r = x < 0 ? .pi - r : r
        return y < 0 ? -r : r
    }

    /// arccos(c) for c in [-1, 1] (clamped), as atan2(sqrt(1 - c^2), c).
    @inlinable
    public static func acos(_ c: Double) -> Double {
        let cc = max(-1, min(1, c))
        return atan2((1 - cc * cc).squareRoot(), cc)
    }
}
