import Foundation
import Kinematics
import EventModel

/// A track as the vertex fit sees it: a helix given at a reference point (pivot) on it.
///
/// The detector measures each track at its production point (`Track.vertex` is the true
/// production point shifted by the measured d0 and z0), so the pivot is where the track
/// was born; d0 = z0 = 0 with respect to it by construction, with errors sigma(d0) and
/// sigma(z0) from the tracking parametrisation, and the direction (phi, cot theta) with the
/// helix-angle errors. The curvature omega = dphi/ds (1/cm, s the transverse arc length)
/// is taken as exact: sigma(pT)/pT is a few per mille, and over the centimetres between a
/// pivot and a fitted vertex its effect on the position (s^2/2 delta omega) is far below
/// sigma(d0).
public struct HelixTrack: Sendable, Equatable {
    public var pivot: ThreeVector
    public var phi: Double
    public var cotTheta: Double
    /// Signed curvature dphi/ds in 1/cm: -q 0.003 B / pT (positive charges turn clockwise
    /// seen from +z, B along +z).
    public var omega: Double
    public var sigmaD0: Double
    public var sigmaZ0: Double
    public var sigmaPhi: Double
    public var sigmaCotTheta: Double

    public init(pivot: ThreeVector, phi: Double, cotTheta: Double, omega: Double, sigmaD0: Double,
                sigmaZ0: Double, sigmaPhi: Double, sigmaCotTheta: Double) {
        self.pivot = pivot; self.phi = phi; self.cotTheta = cotTheta; self.omega = omega
        self.sigmaD0 = sigmaD0; self.sigmaZ0 = sigmaZ0; self.sigmaPhi = sigmaPhi; self.sigmaCotTheta = sigmaCotTheta
    }

    /// From a reconstructed track (momentum and reference point), its charge and the
    /// resolutions the tracking parametrisation gave it.
    public init(track: Track, fieldTesla: Double, sigmaD0: Double, sigmaZ0: Double, sigmaAngle: Double) {
        let p = track.momentum
        let pt = p.perp
        let sin2 = pt * pt / p.magnitudeSquared
        self.init(pivot: track.vertex, phi: atan2(p.y, p.x), cotTheta: p.z / pt,
                  omega: -Double(track.charge) * 0.299_792_458e-2 * fieldTesla / pt,
                  sigmaD0: sigmaD0, sigmaZ0: sigmaZ0, sigmaPhi: sigmaAngle, sigmaCotTheta: sigmaAngle / sin2)
    }

    /// Point and direction at transverse arc length s from the pivot.
    public func point(at s: Double) -> ThreeVector {
        let phi1 = phi + omega * s
        if abs(omega * s) < 1e-9 {
            return ThreeVector(x: pivot.x + s * cos(phi), y: pivot.y + s * sin(phi), z: pivot.z + cotTheta * s)
        }
        return ThreeVector(x: pivot.x + (sin(phi1) - sin(phi)) / omega,
                           y: pivot.y - (cos(phi1) - cos(phi)) / omega,
                           z: pivot.z + cotTheta * s)
    }
}

/// Result of a two-track vertex fit.
public struct VertexFitResult: Sendable, Equatable {
    public var position: ThreeVector
    /// Covariance of the position, cm^2: xx, xy, xz, yy, yz, zz.
    public var covariance: (xx: Double, xy: Double, xz: Double, yy: Double, yz: Double, zz: Double)
    /// chi2 of the fit, 1 degree of freedom.
    public var chi2: Double
    public var iterations: Int

    public static func == (a: VertexFitResult, b: VertexFitResult) -> Bool {
        a.position == b.position && a.chi2 == b.chi2 && a.iterations == b.iterations
            && a.covariance.xx == b.covariance.xx && a.covariance.xy == b.covariance.xy
            && a.covariance.xz == b.covariance.xz && a.covariance.yy == b.covariance.yy
            && a.covariance.yz == b.covariance.yz && a.covariance.zz == b.covariance.zz
    }
}

/// Least-squares fit of a common vertex to two helices.
///
/// Unknowns (7): the vertex v and each track's direction at it (phi_i, cot theta_i).
/// Measurements (8): each track's d0, phi, z0 and cot theta at its pivot. The prediction
/// of a measurement is that of the helix through v with the hypothesised direction (and
/// the track's curvature), taken at its point of closest approach to the pivot in the
/// transverse plane: d0 = signed distance of the pivot from it, phi its direction there,
/// z0 = pivot z minus its z there. chi2 = sum of the squared residuals in units of the
/// errors, 8 - 7 = 1 degree of freedom; the vertex covariance is the position block of
/// (J^T W J)^-1 at the minimum. Gauss-Newton with a numerical Jacobian, starting from the
/// mid-point of the two pivots, steps halved while chi2 rises.
///
/// `helix` is the exact helix fit: for the track pairs of a conversion, whose directions
/// coincide at the vertex, only the opposite curvatures fix the position along the tracks
/// (see docs/physics/detector.md). `straightLine` is its small-curvature limit in closed
/// form, about a hundred times cheaper; `fit` uses it where its error is below a tenth of
/// the vertex resolution.
public enum TwoTrackVertexFit {
    public static let maximumIterations = 30

    /// The vertex: the straight-line fit where the helices' curvature is negligible over
    /// the distance between the pivots and the vertex, the helix fit otherwise.
    ///
    /// The straight-line result is kept when, for both tracks, the sagitta omega s^2 / 2 over
    /// the lever arm s from the pivot to the vertex (|s| plus three times the position error)
    /// is below `sagittaTolerance` (0.1) times the track's sigma(d0): the positions of the
    /// two fits then differ by less than a tenth of the vertex error (tested in
    /// DisplacedVertexTests). Nearly parallel pairs (conversions) and vertices far from the
    /// pivots go to the helix fit, unless the straight-line chi2 is above
    /// `refitChi2Limit` (100): such pairs are not a common vertex and keep the quick answer.
    public static func fit(_ a: HelixTrack, _ b: HelixTrack) -> VertexFitResult? {
        let line = straightLine(a, b)
        if let l = line {
            if l.result.chi2 > refitChi2Limit { return l.result }
            let c = l.result.covariance
            let sigma = max(0, c.xx + c.yy + c.zz).squareRoot()
            let sagA = abs(a.omega) * pow(abs(l.sA) + 3 * sigma, 2) / 2
            let sagB = abs(b.omega) * pow(abs(l.sB) + 3 * sigma, 2) / 2
            if sagA < sagittaTolerance * a.sigmaD0 && sagB < sagittaTolerance * b.sigmaD0 { return l.result }
        }
        return helix(a, b) ?? line?.result
    }

    public static let sagittaTolerance = 0.1
    public static let refitChi2Limit = 100.0

    /// Straight-line fit: each track is the line through its pivot along its direction.
    /// Measurements (4): per track the transverse distance of the vertex from the line,
    /// d = n . (v - Q) with n = (-sin phi, cos phi), variance sigma(d0)^2 + s^2 sigma(phi)^2,
    /// and the z residual (v_z - Q_z) - cot theta s, variance sigma(z0)^2 + s^2 sigma(cot)^2,
    /// s = u . (v - Q) the transverse lever arm (the angle errors propagated to the vertex).
    /// Linear in v for fixed variances: solved, variances updated with the new s, solved
    /// again (twice). chi2 has 4 - 3 = 1 degree of freedom, as the helix fit's. Returns the
    /// lever arms too; nil if the 3 x 3 normal matrix is singular (parallel tracks).
    public static func straightLine(_ a: HelixTrack, _ b: HelixTrack)
        -> (result: VertexFitResult, sA: Double, sB: Double)? {
        var v = (a.pivot + b.pivot) * 0.5
        var result: VertexFitResult? = nil
        var sA = 0.0, sB = 0.0
        for iteration in 1...3 {
            // Rows of the linear model r = g . v - h with weight w, four of them.
            var m00 = 0.0, m01 = 0.0, m02 = 0.0, m11 = 0.0, m12 = 0.0, m22 = 0.0
            var r0 = 0.0, r1 = 0.0, r2 = 0.0
            var rows: [(g: (Double, Double, Double), h: Double, w: Double)] = []
            rows.reserveCapacity(4)
            for t in [a, b] {
                let cp = cos(t.phi), sp = sin(t.phi)
                let s = (v.x - t.pivot.x) * cp + (v.y - t.pivot.y) * sp
                let gd = (-sp, cp, 0.0)
                let hd = -sp * t.pivot.x + cp * t.pivot.y
                let wd = 1 / (t.sigmaD0 * t.sigmaD0 + s * s * t.sigmaPhi * t.sigmaPhi)
                // z residual: v_z - Q_z - cot (cp (v_x - Q_x) + sp (v_y - Q_y)).
                let gz = (-t.cotTheta * cp, -t.cotTheta * sp, 1.0)
                let hz = t.pivot.z - t.cotTheta * (cp * t.pivot.x + sp * t.pivot.y)
                let wz = 1 / (t.sigmaZ0 * t.sigmaZ0 + s * s * t.sigmaCotTheta * t.sigmaCotTheta)
                rows.append((gd, hd, wd))
                rows.append((gz, hz, wz))
            }
            for row in rows {
                let (g0, g1, g2) = row.g
                m00 += row.w * g0 * g0; m01 += row.w * g0 * g1; m02 += row.w * g0 * g2
                m11 += row.w * g1 * g1; m12 += row.w * g1 * g2; m22 += row.w * g2 * g2
                r0 += row.w * g0 * row.h; r1 += row.w * g1 * row.h; r2 += row.w * g2 * row.h
            }
            // Inverse of the symmetric 3 x 3 normal matrix by cofactors.
            let c00 = m11 * m22 - m12 * m12, c01 = m02 * m12 - m01 * m22, c02 = m01 * m12 - m02 * m11
            let c11 = m00 * m22 - m02 * m02, c12 = m01 * m02 - m00 * m12, c22 = m00 * m11 - m01 * m01
            let det = m00 * c00 + m01 * c01 + m02 * c02
            let scale = max(m00, m11, m22)
            guard det > 1e-12 * scale * scale * scale else { return nil }
            let k = 1 / det
            v = ThreeVector(x: k * (c00 * r0 + c01 * r1 + c02 * r2),
                            y: k * (c01 * r0 + c11 * r1 + c12 * r2),
                            z: k * (c02 * r0 + c12 * r1 + c22 * r2))
            var chi2 = 0.0
            for row in rows {
                let r = row.g.0 * v.x + row.g.1 * v.y + row.g.2 * v.z - row.h
                chi2 += row.w * r * r
            }
            sA = (v.x - a.pivot.x) * cos(a.phi) + (v.y - a.pivot.y) * sin(a.phi)
            sB = (v.x - b.pivot.x) * cos(b.phi) + (v.y - b.pivot.y) * sin(b.phi)
            result = VertexFitResult(position: v, covariance: (k * c00, k * c01, k * c02, k * c11, k * c12, k * c22),
                                     chi2: chi2, iterations: iteration)
        }
        return result.map { ($0, sA, sB) }
    }

    /// The exact helix fit, or nil when the normal matrix is singular (two straight
    /// parallel tracks).
    public static func helix(_ a: HelixTrack, _ b: HelixTrack) -> VertexFitResult? {
        let start = (a.pivot + b.pivot) * 0.5
        var params = [start.x, start.y, start.z, a.phi, a.cotTheta, b.phi, b.cotTheta]
        var r = residuals(params, a, b)
        var chi2 = r.reduce(0) { $0 + $1 * $1 }
        var iterations = 0
        var inverse: [Double]? = nil
        while iterations < maximumIterations {
            iterations += 1
            let jac = jacobian(params, a, b, r)
            // Normal equations (J^T J) delta = -J^T r.
            var ntn = [Double](repeating: 0, count: 49)
            var ntr = [Double](repeating: 0, count: 7)
            for i in 0..<7 {
                for j in i..<7 {
                    var s = 0.0
                    for m in 0..<8 { s += jac[m * 7 + i] * jac[m * 7 + j] }
                    ntn[i * 7 + j] = s; ntn[j * 7 + i] = s
                }
                var s = 0.0
                for m in 0..<8 { s += jac[m * 7 + i] * r[m] }
                ntr[i] = -s
            }
            guard let inv = invert(ntn, n: 7) else { return nil }
            inverse = inv
            var delta = [Double](repeating: 0, count: 7)
            for i in 0..<7 { for j in 0..<7 { delta[i] += inv[i * 7 + j] * ntr[j] } }
            // Keep a step within 10 cm and 1 rad, then halve it while chi2 rises.
            let size = max(abs(delta[0]), abs(delta[1]), abs(delta[2])) / 10
            let angle = max(abs(delta[3]), abs(delta[5])) / 1
            let scale = max(1, size, angle)
            var step = 1 / scale
            var improved = false
            var trial = params, trialR = r, trialChi2 = chi2
            for _ in 0..<20 {
                trial = (0..<7).map { params[$0] + step * delta[$0] }
                trialR = residuals(trial, a, b)
                trialChi2 = trialR.reduce(0) { $0 + $1 * $1 }
                if trialChi2.isFinite && trialChi2 <= chi2 { improved = true; break }
                step /= 2
            }
            if !improved { break }
            let change = chi2 - trialChi2
            params = trial; r = trialR; chi2 = trialChi2
            if change < 1e-9 * max(1, chi2) { break }
        }
        // Covariance at the final point.
        let jac = jacobian(params, a, b, r)
        var ntn = [Double](repeating: 0, count: 49)
        for i in 0..<7 { for j in 0..<7 {
            var s = 0.0
            for m in 0..<8 { s += jac[m * 7 + i] * jac[m * 7 + j] }
            ntn[i * 7 + j] = s
        } }
        guard let cov = invert(ntn, n: 7) ?? inverse else { return nil }
        return VertexFitResult(position: ThreeVector(x: params[0], y: params[1], z: params[2]),
                               covariance: (cov[0], cov[1], cov[2], cov[8], cov[9], cov[16]),
                               chi2: chi2, iterations: iterations)
    }

    /// The 8 residuals in units of their errors.
    static func residuals(_ q: [Double], _ a: HelixTrack, _ b: HelixTrack) -> [Double] {
        let v = ThreeVector(x: q[0], y: q[1], z: q[2])
        let ra = residuals(vertex: v, phi: q[3], cotTheta: q[4], track: a)
        let rb = residuals(vertex: v, phi: q[5], cotTheta: q[6], track: b)
        return [ra.0, ra.1, ra.2, ra.3, rb.0, rb.1, rb.2, rb.3]
    }

    /// Residuals (d0, phi, z0, cot theta) of `track` for the helix through `v` with
    /// direction (phi, cotTheta) there and the track's curvature.
    static func residuals(vertex v: ThreeVector, phi: Double, cotTheta: Double,
                          track t: HelixTrack) -> (Double, Double, Double, Double) {
        let w = t.omega
        let q = t.pivot
        var px: Double, py: Double, phiP: Double, s: Double
        if abs(w) < 1e-12 {
            // Straight line: closest approach along the direction.
            let c = cos(phi), sn = sin(phi)
            s = (q.x - v.x) * c + (q.y - v.y) * sn
            px = v.x + s * c; py = v.y + s * sn; phiP = phi
        } else {
            let cx = v.x - sin(phi) / w, cy = v.y + cos(phi) / w
            let dx = q.x - cx, dy = q.y - cy
            let d = (dx * dx + dy * dy).squareRoot()
            let radius = 1 / abs(w)
            px = cx + dx / d * radius; py = cy + dy / d * radius
            phiP = atan2(w * (px - cx), -w * (py - cy))
            s = wrap(phiP - phi) / w
        }
        let dRes = (q.x - px) * -sin(phiP) + (q.y - py) * cos(phiP)
        let zRes = q.z - (v.z + cotTheta * s)
        return (dRes / t.sigmaD0, wrap(t.phi - phiP) / t.sigmaPhi, zRes / t.sigmaZ0,
                (t.cotTheta - cotTheta) / t.sigmaCotTheta)
    }

    static func jacobian(_ q: [Double], _ a: HelixTrack, _ b: HelixTrack, _ r0: [Double]) -> [Double] {
        var jac = [Double](repeating: 0, count: 56)
        for j in 0..<7 {
            let h = j < 3 ? 1e-6 * max(1, abs(q[j])) : 1e-8
            var qp = q, qm = q
            qp[j] += h; qm[j] -= h
            let rp = residuals(qp, a, b), rm = residuals(qm, a, b)
            for m in 0..<8 { jac[m * 7 + j] = (rp[m] - rm[m]) / (2 * h) }
        }
        return jac
    }

    static func wrap(_ x: Double) -> Double {
        var y = x.truncatingRemainder(dividingBy: 2 * Double.pi)
        if y > Double.pi { y -= 2 * Double.pi } else if y <= -Double.pi { y += 2 * Double.pi }
        return y
    }

    /// Inverse of an n x n matrix (row-major) by Gauss-Jordan elimination with partial
    /// pivoting; nil if a pivot falls below 1e-14 of the largest diagonal element.
    static func invert(_ m: [Double], n: Int) -> [Double]? {
        var a = m
        var inv = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inv[i * n + i] = 1 }
        var scale = 0.0
        for i in 0..<n { scale = max(scale, abs(m[i * n + i])) }
        guard scale > 0 else { return nil }
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<n where abs(a[row * n + col]) > abs(a[pivot * n + col]) { pivot = row }
            guard abs(a[pivot * n + col]) > 1e-14 * scale else { return nil }
            if pivot != col {
                for k in 0..<n {
                    a.swapAt(pivot * n + k, col * n + k)
                    inv.swapAt(pivot * n + k, col * n + k)
                }
            }
            let d = 1 / a[col * n + col]
            for k in 0..<n { a[col * n + k] *= d; inv[col * n + k] *= d }
            for row in 0..<n where row != col {
                let f = a[row * n + col]
                if f == 0 { continue }
                for k in 0..<n {
                    a[row * n + k] -= f * a[col * n + k]
                    inv[row * n + k] -= f * inv[col * n + k]
                }
            }
        }
        return inv
    }
}
