import Analysis
import Testing
import SearchPipeline

@Suite struct BayesianCountingCalculatorTests {
    @Test func poissonQuantilesFollowTheCDF() {
        #expect(BayesianCountingCalculator.poissonQuantile(0.5, mean: 0) == 0)
        // Poisson(3): CDF(2) = 0.4232, CDF(3) = 0.6472 -> median 3.
        #expect(BayesianCountingCalculator.poissonQuantile(0.5, mean: 3) == 3)
        // CDF(0) = 0.0498 > Phi(-2) = 0.0228 -> the -2 sigma quantile is 0.
        #expect(BayesianCountingCalculator.poissonQuantile(0.0228, mean: 3) == 0)
    }

    @Test func zeroBackgroundGivesTheTextbookLimit() throws {
        // n = 0, b = 0, flat prior, 90%: s_up = -ln(0.1) = 2.3026.
        let e = try BayesianCountingCalculator().expectedUpperLimit(background: 0, relativeSignalUncertainty: 0,
                                                                    relativeBackgroundUncertainty: 0, confidenceLevel: 0.9)
        #expect(abs(e.median - 2.302585) < 1e-3)
        #expect(e.minus2 == e.median && e.plus2 == e.median)
    }

    @Test func bandsAreOrderedAndUncertaintiesWeaken() throws {
        let c = BayesianCountingCalculator()
        let e = try c.expectedUpperLimit(background: 10, relativeSignalUncertainty: 0, relativeBackgroundUncertainty: 0,
                                         confidenceLevel: 0.9)
        #expect(e.minus2 <= e.minus1 && e.minus1 <= e.median && e.median <= e.plus1 && e.plus1 <= e.plus2)
        #expect(e.minus2 < e.plus2)
        let w = try c.expectedUpperLimit(background: 10, relativeSignalUncertainty: 0.1, relativeBackgroundUncertainty: 0.3,
                                         confidenceLevel: 0.9)
        #expect(w.median > e.median)
    }
}
