/// Where dark-Higgsstrahlung signal is generated, and how a hypothesis between generated
/// points is interpolated from them.
///
/// The allowed region is a triangle: M_A' >= 1.65 GeV (the dimuon trigger threshold of
/// PRL 130 (2023) 071804), M_h' < M_A' (h' invisible) and M_A' + M_h' below threshold. We
/// map it to a rectangle with u = M_A' and v = M_h' / h_max(M_A'), h_max = min(M_A',
/// `maxMassSum` - M_A'), generate on a rectangular (u, v) grid and interpolate bilinearly
/// in (u, v): efficiencies and resolutions vary smoothly along both, and the triangle's
/// edges (M_h' -> M_A', M_A' + M_h' -> threshold) become grid lines, so nothing is
/// extrapolated across them. Outside the generated u range the nearest column is used.
public enum DarkHiggsSignalGrid {
    /// Largest M_A' + M_h' scanned (GeV): 70 MeV below sqrt(s) = 10.58 GeV, the upper end
    /// of the published M_A' range (10.51 GeV at M_h' ~ 0, seminar seeds/002).
    public static let maxMassSum = 10.51
    public static let minimumDarkPhotonMass = 1.65

    /// Generated M_A' values (GeV) and h' mass fractions v.
    public static let darkPhotonMasses: [Double] = [1.7, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.2]
    public static let higgsFractions: [Double] = [0.0, 0.25, 0.5, 0.75, 0.95]

    public static func maxHiggsMass(darkPhotonMass mA: Double) -> Double { max(0, min(mA, maxMassSum - mA)) }

    /// (M_A', M_h') of generated point (i, j).
    public static func point(_ i: Int, _ j: Int) -> (mA: Double, mh: Double) {
        let mA = darkPhotonMasses[i]
        return (mA, higgsFractions[j] * maxHiggsMass(darkPhotonMass: mA))
    }

    public static var allPoints: [(i: Int, j: Int)] {
        darkPhotonMasses.indices.flatMap { i in higgsFractions.indices.map { (i, $0) } }
    }

    /// Bilinear weights of the generated points around (M_A', M_h'); zero weights omitted.
    public static func interpolation(mA: Double, mh: Double) -> [(i: Int, j: Int, weight: Double)] {
        let hmax = maxHiggsMass(darkPhotonMass: mA)
        let v = hmax > 0 ? min(max(mh / hmax, 0), 1) : 0
        let (i0, tu) = bracket(darkPhotonMasses, mA)
        let (j0, tv) = bracket(higgsFractions, v)
        var out: [(Int, Int, Double)] = []
        for (di, wu) in [(0, 1 - tu), (1, tu)] where wu > 0 {
            for (dj, wv) in [(0, 1 - tv), (1, tv)] where wv > 0 {
                out.append((min(i0 + di, darkPhotonMasses.count - 1), min(j0 + dj, higgsFractions.count - 1), wu * wv))
            }
        }
        return out
    }

    /// Lower index and fraction of x between grid[i] and grid[i+1], clamped to the ends.
    static func bracket(_ grid: [Double], _ x: Double) -> (Int, Double) {
        if x <= grid[0] { return (0, 0) }
        if x >= grid[grid.count - 1] { return (grid.count - 1, 0) }
        var i = 0
        while x > grid[i + 1] { i += 1 }
        return (i, (x - grid[i]) / (grid[i + 1] - grid[i]))
    }
}
