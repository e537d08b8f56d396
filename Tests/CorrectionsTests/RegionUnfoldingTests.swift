import Corrections
import Testing

/// `RegionUnfolding.fit` on migrations and fractions written here: with exact fractions
/// f = M eps it returns eps, whatever the weights; its uncertainty for a pure bin is the
/// binomial one; and a region no bin sees makes it refuse.
@Suite struct RegionUnfoldingTests {
    /// Three regions (efficiencies 0.97, 0.70, 0.98), five predicted bins: two pure, three
    /// mixing the middle region with its neighbours.
    static let eps = [0.97, 0.70, 0.98]
    static let migration: [[Double]] = [
        [1, 0, 0], [0.5, 0.3, 0.2], [0.1, 0.8, 0.1], [0.2, 0.3, 0.45], [0, 0, 1],
    ]

    @Test func exactFractionsGiveTheEfficiencies() throws {
        let bins = Self.migration.enumerated().map { j, m in
            RegionUnfolding.Bin(migration: m, fraction: zip(m, Self.eps).map { $0 * $1 }.reduce(0, +), entries: Double(100 * (j + 1)))
        }
        let fit = try #require(RegionUnfolding.fit(bins, regions: 3))
        for (e, t) in zip(fit.efficiency, Self.eps) { #expect(abs(e - t) < 1e-9, "\(fit.efficiency)") }
        // The middle region is seen through mixtures only: less precise than the pure ones.
        #expect(fit.uncertainty[1] > fit.uncertainty[0] && fit.uncertainty[1] > fit.uncertainty[2])
    }

    /// One region, one pure bin of 400 events at f = 0.9: sigma = sqrt(0.9 0.1 / 400) = 0.015.
    @Test func pureBinHasTheBinomialUncertainty() throws {
        let fit = try #require(RegionUnfolding.fit([RegionUnfolding.Bin(migration: [1], fraction: 0.9, entries: 400)], regions: 1))
        #expect(abs(fit.efficiency[0] - 0.9) < 1e-12)
        #expect(abs(fit.uncertainty[0] - 0.015) < 1e-12)
    }

    @Test func aRegionNoBinSeesIsRefused() {
        let bins = [RegionUnfolding.Bin(migration: [1, 0], fraction: 0.9, entries: 100),
                    RegionUnfolding.Bin(migration: [1, 0], fraction: 0.8, entries: 100)]
        #expect(RegionUnfolding.fit(bins, regions: 2) == nil)
    }
}
