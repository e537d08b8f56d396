import Analysis
import Foundation
import SearchPipeline
import Testing

/// Systematic uncertainties configured in a search's table reach its limits, by the amount
/// an independent calculation gives: the Bayesian limits for n = 10, b = 5 at 90% CL with
/// and without a 10% background uncertainty are the public reference values of
/// shared/STATS.md (scipy quadrature): 10.43920651 and 10.48852650 events.
@Suite struct SystematicsReachLimitsTests {
    func limit(_ table: SystematicsTable) throws -> Double {
        let (rs, rb) = try table.limitInputs(at: ["m": 1])
        return try BayesianCountingCalculator().upperLimit(observed: 10, background: 5, relativeSignalUncertainty: rs,
                                                            relativeBackgroundUncertainty: rb, confidenceLevel: 0.90)
    }

    @Test func backgroundUncertaintyWeakensTheLimitAsTheReferenceSays() throws {
        let none = SystematicsTable(sources: [])
        // Two sources on the background combined in quadrature: sqrt(0.06^2 + 0.08^2) = 0.10.
        let tenPercent = SystematicsTable(sources: [
            SystematicSource(name: "background before suppression", affects: .background, value: .constant(0.06)),
            SystematicSource(name: "tau suppression", affects: .background, value: .constant(0.08)),
        ])
        let a = try limit(none), b = try limit(tenPercent)
        #expect(abs(a / 10.43920651 - 1) < 1e-5)
        #expect(abs(b / 10.48852650 - 1) < 1e-5)
        #expect(b > a)
    }
}
