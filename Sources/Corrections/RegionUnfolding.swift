/// Efficiencies per true region from fractions measured per *predicted* region, when the
/// prediction has a resolution comparable to the regions' size.
///
/// Why: a photon whose direction is predicted from the recoil of a muon pair (1-2 deg at
/// 1 GeV) can be predicted in a barrel-endcap gap (0.8 and 2 deg wide) and hit a
/// neighbour, so the fraction found among photons predicted in a gap mixes the gap's
/// efficiency with its neighbours'. With the simulation's migration M[j][r] (fraction of
/// the events predicted in bin j whose photon truly is in region r, from generator truth)
/// the measured fractions are f = M eps, solved for eps by least squares over finer
/// predicted bins (in angle and photon energy) than there are regions: the bins where the
/// prediction is sharp (high energy, centre of a gap) weigh most. The same M unfolds data and
/// simulation; it is only a kinematic map (resolution and geometry), which data share with
/// simulation up to the momentum-resolution difference (its effect is the calibration's
/// systematic). True regions not listed (outside the ECL) have efficiency 0 and need no
/// column: their share of each row simply does not add to the measured fraction.
///
/// The uncertainty is the least-squares covariance (M^T W M)^-1 with binomial weights.
/// M's own statistical uncertainty is left out;
/// it moves data and simulation alike and mostly cancels in their ratio.
public enum RegionUnfolding {
    /// One predicted bin: the simulation's migration row (fractions of its events per true
    /// region), the measured fraction passing and the (effective) number of events.
    public struct Bin: Sendable {
        public var migration: [Double]
        public var fraction: Double
        public var entries: Double
        public init(migration: [Double], fraction: Double, entries: Double) {
            self.migration = migration; self.fraction = fraction; self.entries = entries
        }
    }

    /// eps and its standard deviations from more predicted bins than regions, by weighted
    /// least squares of f_j = sum_r M[j][r] eps_r with binomial variances taken from the
    /// model, f(1 - f)/N_j at the current eps (iterated five times, starting from 0.9):
    /// variances from each bin's own fraction would weigh up the bins that fluctuated
    /// towards 0 or 1, which is a bias with the few events of the finest bins. Nil when a
    /// region is seen by no bin (singular normal matrix).
    public static func fit(_ bins: [Bin], regions n: Int) -> (efficiency: [Double], uncertainty: [Double])? {
        let used = bins.filter { $0.entries > 0 && $0.fraction.isFinite && $0.migration.count == n }
        var eps = [Double](repeating: 0.9, count: n)
        var covariance: [[Double]] = []
        for _ in 0..<5 {
            var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            var r = [Double](repeating: 0, count: n)
            for b in used {
                let model = zip(b.migration, eps).map { $0 * $1 }.reduce(0, +)
                let f = min(max(model, 0.02), 0.98)   // keeps a weight finite next to 0 or 1
                let w = b.entries / (f * (1 - f))
                for i in 0..<n {
                    r[i] += w * b.migration[i] * b.fraction
                    for j in 0..<n { a[i][j] += w * b.migration[i] * b.migration[j] }
                }
            }
            guard let inverse = invert(a) else { return nil }
            covariance = inverse
            eps = (0..<n).map { i in (0..<n).map { inverse[i][$0] * r[$0] }.reduce(0, +) }
        }
        return (eps, (0..<n).map { max(0, covariance[$0][$0]).squareRoot() })
    }

    /// Gauss-Jordan inverse with partial pivoting; nil for a (numerically) singular matrix.
    static func invert(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        let scale = a.flatMap { $0 }.map { abs($0) }.max() ?? 0
        guard scale > 0 else { return nil }
        var m = a.enumerated().map { k, row in row + (0..<n).map { $0 == k ? 1.0 : 0.0 } }
        for c in 0..<n {
            guard let p = (c..<n).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[p][c]) > 1e-12 * scale else { return nil }
            m.swapAt(c, p)
            let d = m[c][c]
            for q in 0..<(2 * n) { m[c][q] /= d }
            for row in 0..<n where row != c {
                let factor = m[row][c]
                guard factor != 0 else { continue }
                for q in 0..<(2 * n) { m[row][q] -= factor * m[c][q] }
            }
        }
        return m.map { Array($0[n...]) }
    }
}
