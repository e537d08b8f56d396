import Kinematics

/// A complex four-component spinor (Dirac representation, like `DiracMatrix`), for helicity
/// amplitudes evaluated numerically: external u and v spinors, matrices acting on them, and
/// the currents psi-bar gamma^mu chi that one contracts across two fermion lines.
///
/// Why amplitudes rather than traces: a process with two fermion lines and s- and t-channel
/// exchange (radiative Bhabha) needs the interference of the two as one long trace per
/// Lorentz index pair; summing |sum of diagrams|^2 over 32 spin and polarisation states
/// is simpler to get right and needs no index bookkeeping.
public struct DiracSpinor: Sendable {
    public var re: SIMD4<Double>
    public var im: SIMD4<Double>

    @inlinable
    public init(re: SIMD4<Double>, im: SIMD4<Double> = .zero) {
        self.re = re
        self.im = im
    }

    /// sigma.p (a, b) for a two-component (a, b) given as complex pairs.
    @inlinable
    static func sigmaDotP(_ p: ThreeVector, _ a: (Double, Double), _ b: (Double, Double)) -> ((Double, Double), (Double, Double)) {
        // [[pz, px - i py], [px + i py, -pz]]
        let top = (p.z * a.0 + p.x * b.0 + p.y * b.1, p.z * a.1 + p.x * b.1 - p.y * b.0)
        let bottom = (p.x * a.0 - p.y * a.1 - p.z * b.0, p.x * a.1 + p.y * a.0 - p.z * b.1)
        return (top, bottom)
    }

    /// u(p, s) = (sqrt(E + m) chi_s, sigma.p chi_s / sqrt(E + m)), chi_0 = (1, 0), chi_1 = (0, 1):
    /// sum_s u u-bar = p-slash + m.
    @inlinable
    public static func u(_ p: FourVector, mass m: Double, spin s: Int) -> DiracSpinor {
        let n = (p.e + m).squareRoot()
        let chi: ((Double, Double), (Double, Double)) = s == 0 ? ((1, 0), (0, 0)) : ((0, 0), (1, 0))
        let (lo0, lo1) = sigmaDotP(p.p, chi.0, chi.1)
        return DiracSpinor(re: SIMD4(n * chi.0.0, n * chi.1.0, lo0.0 / n, lo1.0 / n),
                           im: SIMD4(n * chi.0.1, n * chi.1.1, lo0.1 / n, lo1.1 / n))
    }

    /// v(p, s) = (sigma.p eta_s / sqrt(E + m), sqrt(E + m) eta_s): sum_s v v-bar = p-slash - m.
    @inlinable
    public static func v(_ p: FourVector, mass m: Double, spin s: Int) -> DiracSpinor {
        let n = (p.e + m).squareRoot()
        let eta: ((Double, Double), (Double, Double)) = s == 0 ? ((1, 0), (0, 0)) : ((0, 0), (1, 0))
        let (up0, up1) = sigmaDotP(p.p, eta.0, eta.1)
        return DiracSpinor(re: SIMD4(up0.0 / n, up1.0 / n, n * eta.0.0, n * eta.1.0),
                           im: SIMD4(up0.1 / n, up1.1 / n, n * eta.0.1, n * eta.1.1))
    }

    /// The Dirac adjoint psi-bar = psi^dagger gamma^0, stored as the components of a row.
    @inlinable
    public var bar: DiracSpinor {
        let g0 = SIMD4<Double>(1, 1, -1, -1)
        return DiracSpinor(re: re * g0, im: -im * g0)
    }

    /// M psi.
    @inlinable
    public static func * (m: DiracMatrix, s: DiracSpinor) -> DiracSpinor {
        var r = SIMD4<Double>.zero, i = SIMD4<Double>.zero
        for row in 0..<4 {
            var sr = 0.0, si = 0.0
            for k in 0..<4 {
                let ar = m.re[4 * row + k], ai = m.im[4 * row + k]
                sr += ar * s.re[k] - ai * s.im[k]
                si += ar * s.im[k] + ai * s.re[k]
            }
            r[row] = sr; i[row] = si
        }
        return DiracSpinor(re: r, im: i)
    }

    /// Row times matrix: (psi-bar M), with `self` a row.
    @inlinable
    public static func * (s: DiracSpinor, m: DiracMatrix) -> DiracSpinor {
        var r = SIMD4<Double>.zero, i = SIMD4<Double>.zero
        for col in 0..<4 {
            var sr = 0.0, si = 0.0
            for k in 0..<4 {
                let br = m.re[4 * k + col], bi = m.im[4 * k + col]
                sr += s.re[k] * br - s.im[k] * bi
                si += s.re[k] * bi + s.im[k] * br
            }
            r[col] = sr; i[col] = si
        }
        return DiracSpinor(re: r, im: i)
    }

    /// gamma^mu (contravariant) in the Dirac representation, from `DiracMatrix.slash`
    /// (a-slash = a^0 gamma^0 - a.gamma).
    public static let gammaUpper: [DiracMatrix] = [
        DiracMatrix.slash(FourVector(e: 1, px: 0, py: 0, pz: 0)),
        DiracMatrix.slash(FourVector(e: 0, px: -1, py: 0, pz: 0)),
        DiracMatrix.slash(FourVector(e: 0, px: 0, py: -1, pz: 0)),
        DiracMatrix.slash(FourVector(e: 0, px: 0, py: 0, pz: -1)),
    ]

    /// row . chi (complex).
    @inlinable
    public func contract(_ chi: DiracSpinor) -> (re: Double, im: Double) {
        let r = re * chi.re - im * chi.im, i = re * chi.im + im * chi.re
        return (r.sum(), i.sum())
    }

    /// The current J^mu = row gamma^mu chi, mu = 0...3 (real and imaginary parts).
    @inlinable
    public func current(_ chi: DiracSpinor) -> (re: SIMD4<Double>, im: SIMD4<Double>) {
        var r = SIMD4<Double>.zero, i = SIMD4<Double>.zero
        for mu in 0..<4 {
            let c = (self * DiracSpinor.gammaUpper[mu]).contract(chi)
            r[mu] = c.re; i[mu] = c.im
        }
        return (r, i)
    }
}

/// Minkowski contraction a^mu b_mu of two complex four-vectors (real, imaginary parts).
@inlinable
func minkowskiContract(_ a: (re: SIMD4<Double>, im: SIMD4<Double>), _ b: (re: SIMD4<Double>, im: SIMD4<Double>)) -> (re: Double, im: Double) {
    let g = SIMD4<Double>(1, -1, -1, -1)
    return (((a.re * b.re - a.im * b.im) * g).sum(), ((a.re * b.im + a.im * b.re) * g).sum())
}
