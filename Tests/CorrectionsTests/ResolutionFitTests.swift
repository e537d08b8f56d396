@testable import Corrections
import Foundation
import Generators
import Testing

/// The resolution calibration's fit of its chi2 scan (`MomentumResolutionCalibration.parabola`):
/// on a known parabola chi2 = ((k - k0)/sigma)^2 + c it must return k0 and sigma, and it must
/// still do so when each scan point carries independent jitter of +-1, the size seen between
/// 0.005 steps of the real scan (where a three-point curvature was 5-8 times too steep).
@Suite struct ResolutionFitTests {
    static let scan = stride(from: 1.0, through: 1.4, by: 0.005).map { $0 }

    @Test func exactParabolaIsRecovered() throws {
        let chi = Self.scan.map { ($0 - 1.087) * ($0 - 1.087) / (0.03 * 0.03) + 14 }
        let fit = try #require(MomentumResolutionCalibration.parabola(Self.scan, chi, around: 1.085))
        #expect(abs(fit.k - 1.087) < 1e-9 && abs(fit.sigma - 0.03) < 1e-9)
    }

    /// 200 scans with uniform jitter in [-1, 1]: the fitted k scatters around k0 by about
    /// the jitter's share (well below sigma), and sigma comes back within 15% on average.
    @Test func jitteredParabolaGivesTheWellNotTheJitter() throws {
        let rng = RandomStream(seed: 16, stream: 1)
        var ks: [Double] = [], sigmas: [Double] = []
        for _ in 0..<200 {
            let chi = Self.scan.map { ($0 - 1.087) * ($0 - 1.087) / (0.03 * 0.03) + 14 + (2 * rng.uniform() - 1) }
            let start = Self.scan[chi.indices.min { chi[$0] < chi[$1] }!]
            let fit = try #require(MomentumResolutionCalibration.parabola(Self.scan, chi, around: start))
            ks.append(fit.k); sigmas.append(fit.sigma)
        }
        let meanK = ks.reduce(0, +) / 200, meanSigma = sigmas.reduce(0, +) / 200
        let sdK = (ks.map { ($0 - meanK) * ($0 - meanK) }.reduce(0, +) / 199).squareRoot()
        #expect(abs(meanK - 1.087) < 0.002, "mean k \(meanK)")
        #expect(sdK < 0.3 * 0.03, "k scatters by \(sdK)")
        #expect(abs(meanSigma / 0.03 - 1) < 0.15, "mean sigma \(meanSigma)")
    }
}
