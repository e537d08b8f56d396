import Kinematics

/// A complex 4x4 matrix in spinor space, for evaluating Dirac traces numerically.
///
/// Why numerically: the signal matrix elements with a massive vector radiated off a
/// massive muon line have long analytic traces that are easy to get wrong; a numerical
/// trace over explicit gamma matrices (Dirac representation) is exact to rounding and is
/// checked against the analytic massless-photon limit (`MuonPairZPrimeTests`).
/// Storage is two SIMD16 vectors (real, imaginary parts) in row-major order (`re`, `im`), so values stay on
/// the stack.
public struct DiracMatrix: Sendable {
    public var re: SIMD16<Double>
    public var im: SIMD16<Double>

    @inlinable
    public init(re: SIMD16<Double> = .zero, im: SIMD16<Double> = .zero) {
        self.re = re
        self.im = im
    }

    public static let zero = DiracMatrix()
    public static let identity: DiracMatrix = {
        var m = DiracMatrix()
        for i in 0..<4 { m.re[5 * i] = 1 }
        return m
    }()

    /// a-slash = a_mu gamma^mu = a^0 gamma^0 - a.gamma in the Dirac representation
    /// (Bjorken-Drell): gamma^0 = diag(1, 1, -1, -1), gamma^i = [[0, sigma^i], [-sigma^i, 0]],
    /// so a-slash = [[a0 1, -a.sigma], [a.sigma, -a0 1]].
    @inlinable
    public static func slash(_ a: FourVector) -> DiracMatrix {
        var m = DiracMatrix()
        let a0 = a.e, ax = a.p.x, ay = a.p.y, az = a.p.z
        // a.sigma = [[az, ax - i ay], [ax + i ay, -az]]
        // upper-left a0 1
        m.re[0] = a0; m.re[5] = a0
        // lower-right -a0 1
        m.re[10] = -a0; m.re[15] = -a0
        // upper-right -a.sigma: rows 0-1, cols 2-3
        m.re[2] = -az; m.re[3] = -ax; m.im[3] = ay
        m.re[6] = -ax; m.im[6] = -ay; m.re[7] = az
        // lower-left +a.sigma: rows 2-3, cols 0-1
        m.re[8] = az; m.re[9] = ax; m.im[9] = -ay
        m.re[12] = ax; m.im[12] = ay; m.re[13] = -az
        return m
    }

    @inlinable
    public static func + (a: DiracMatrix, b: DiracMatrix) -> DiracMatrix {
        DiracMatrix(re: a.re + b.re, im: a.im + b.im)
    }

    @inlinable
    public static func * (a: DiracMatrix, k: Double) -> DiracMatrix {
        DiracMatrix(re: a.re * k, im: a.im * k)
    }

    /// a-slash + c 1.
    @inlinable
    public static func slash(_ a: FourVector, plus c: Double) -> DiracMatrix {
        var m = slash(a)
        for i in 0..<4 { m.re[5 * i] += c }
        return m
    }

    /// Matrix product.
    @inlinable
    public static func * (a: DiracMatrix, b: DiracMatrix) -> DiracMatrix {
        // Rows of b as SIMD4 (real and imaginary parts).
        let b0r = b.re.lowHalf.lowHalf, b1r = b.re.lowHalf.highHalf
        let b2r = b.re.highHalf.lowHalf, b3r = b.re.highHalf.highHalf
        let b0i = b.im.lowHalf.lowHalf, b1i = b.im.lowHalf.highHalf
        let b2i = b.im.highHalf.lowHalf, b3i = b.im.highHalf.highHalf
        // Row `row` of the product = sum_k a[row][k] * (row k of b).
        @inline(__always)
        func row(_ r: Int) -> (SIMD4<Double>, SIMD4<Double>) {
            let a0r = a.re[4 * r], a1r = a.re[4 * r + 1], a2r = a.re[4 * r + 2], a3r = a.re[4 * r + 3]
            let a0i = a.im[4 * r], a1i = a.im[4 * r + 1], a2i = a.im[4 * r + 2], a3i = a.im[4 * r + 3]
            var sr = a0r * b0r - a0i * b0i
            sr += a1r * b1r - a1i * b1i
            sr += a2r * b2r - a2i * b2i
            sr += a3r * b3r - a3i * b3i
            var si = a0r * b0i + a0i * b0r
            si += a1r * b1i + a1i * b1r
            si += a2r * b2i + a2i * b2r
            si += a3r * b3i + a3i * b3r
            return (sr, si)
        }
        let (r0r, r0i) = row(0), (r1r, r1i) = row(1), (r2r, r2i) = row(2), (r3r, r3i) = row(3)
        return DiracMatrix(re: SIMD16(lowHalf: SIMD8(lowHalf: r0r, highHalf: r1r), highHalf: SIMD8(lowHalf: r2r, highHalf: r3r)),
                           im: SIMD16(lowHalf: SIMD8(lowHalf: r0i, highHalf: r1i), highHalf: SIMD8(lowHalf: r2i, highHalf: r3i)))
    }

    /// Re Tr(a b) = sum_ij Re(a_ij b_ji), without forming the product.
    @inlinable
    public static func realTraceOfProduct(_ a: DiracMatrix, _ b: DiracMatrix) -> Double {
        var t = 0.0
        for i in 0..<4 {
            for j in 0..<4 {
                t += a.re[4 * i + j] * b.re[4 * j + i] - a.im[4 * i + j] * b.im[4 * j + i]
            }
        }
        return t
    }

    /// Tr(m) (complex).
    @inlinable
    public var trace: (re: Double, im: Double) {
        (re[0] + re[5] + re[10] + re[15], im[0] + im[5] + im[10] + im[15])
    }
}
