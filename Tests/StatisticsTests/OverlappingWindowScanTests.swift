import Foundation
import Testing
@testable import Statistics

/// The look-elsewhere correction of `OverlappingWindowScan` is calibrated: on independent
/// background-only pseudo-experiments the global p-value is uniform, so the fraction below
/// 0.05 is 5% within its binomial uncertainty. The scan mimics the dark-Higgsstrahlung one:
/// 400 background events along a line, 300 windows each counting ~20 of them, neighbours
/// sharing most of their events.
@Suite struct OverlappingWindowScanTests {
    static func scan() throws -> OverlappingWindowScan {
        let events = 400
        let weights = (0..<events).map { 0.2 + 0.6 * Double($0 % 7) / 6 }   // weighted "MC", b_j ~ 5-15
        let members = (0..<300).map { j in Array(j..<min(events, j + 20)) }
        return try OverlappingWindowScan(eventWeights: weights, members: members)
    }

    @Test func globalPValuesAreUniformUnderTheBackgroundOnlyHypothesis() throws {
        let scan = try Self.scan()
        let minima = try scan.toyMinima(toys: 4000, seed: 11)
        let rng = MersenneTwister(seed: 977)
        let trials = 2000
        var below = 0
        for _ in 0..<trials {
            let p = scan.smallestLocalPValue(counts: scan.pseudoExperiment(rng)).pValue
            if OverlappingWindowScan.globalPValue(observedMinimum: p, sortedToyMinima: minima) < 0.05 { below += 1 }
        }
        let fraction = Double(below) / Double(trials)
        // Binomial sigma of the trials (0.0049) and of the 4000-toy calibration (0.0034) in quadrature.
        let sigma = (0.05 * 0.95 / Double(trials) + 0.05 * 0.95 / 4000).squareRoot()
        #expect(abs(fraction - 0.05) < 3 * sigma, "fraction of global p < 0.05: \(fraction) (expected 0.05 +- \(sigma))")
        // The trials factor is real: a local p of 0.05 is common anywhere in the scan.
        #expect(OverlappingWindowScan.globalPValue(observedMinimum: 0.05, sortedToyMinima: minima) > 0.5)
    }

    /// Local p-values against the Poisson tail summed by hand.
    @Test func localPValueIsThePoissonTail() {
        let b = 3.2, n = 7
        var cdf = 0.0, term = exp(-b)
        for k in 0..<n { if k > 0 { term *= b / Double(k) }; cdf += term }
        #expect(abs(OverlappingWindowScan.localPValue(observed: n, background: b) - (1 - cdf)) < 1e-14)
        #expect(OverlappingWindowScan.localPValue(observed: 0, background: b) == 1)
    }

    /// Each window count is Poisson(b_j): mean and variance over pseudo-experiments.
    @Test func windowCountsArePoissonWithTheWindowBackground() throws {
        let scan = try Self.scan()
        let rng = MersenneTwister(seed: 5)
        var sum = 0.0, sum2 = 0.0
        let n = 20_000
        for _ in 0..<n { let c = Double(scan.pseudoExperiment(rng)[150]); sum += c; sum2 += c * c }
        let mean = sum / Double(n), variance = sum2 / Double(n) - mean * mean
        let b = scan.backgrounds[150]
        #expect(abs(mean - b) < 4 * (b / Double(n)).squareRoot())
        #expect(abs(variance / b - 1) < 0.05)
    }
}

/// Poisson quantiles against scipy.stats.poisson.ppf (values typed from scipy 1.x:
/// ppf(0.5, 3.2) = 3, ppf(0.8413, 3.2) = 5, ppf(0.5, 12850) = 12850, ppf(0.97725, 12850) = 13077).
@Suite struct PoissonDistributionTests {
    @Test func quantilesMatchScipy() {
        #expect(PoissonDistribution.quantile(0.5, mean: 3.2) == 3)
        #expect(PoissonDistribution.quantile(0.841344746068543, mean: 3.2) == 5)
        #expect(PoissonDistribution.quantile(0.5, mean: 12850) == 12850)
        #expect(PoissonDistribution.quantile(0.977249868051821, mean: 12850) == 13077)
        #expect(PoissonDistribution.quantile(0.5, mean: 0) == 0)
    }
}
