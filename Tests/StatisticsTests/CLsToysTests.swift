import XCTest
@testable import Statistics

/// Toy-based CLs against exact results and the asymptotic formulae.
final class CLsToysTests: XCTestCase {
    /// n = 0 without uncertainties: the exact CLs is e^-s for any background, so the exact
    /// 95% limit is ln 20 = 2.9957. Toys reproduce it; the asymptotic formula under-covers
    /// at such small counts and gives a LOWER limit (the documented direction): at the
    /// asymptotic limit the toy CLs is e^-s (~0.097), well above 0.05.
    func testSmallCountsToysExactAsymptoticLower() throws {
        let experiment = try CountingExperiment(observed: 0, background: 1)
        let asymptotic = try CountingCLs.asymptoticUpperLimit(experiment, cl: 0.95)
        XCTAssertLessThan(asymptotic.observed, 0.85 * log(20))
        let model = try CountingCLs.model(experiment)
        let atAsymptotic = try ToyCLs.hypotest(model: model, mu: asymptotic.observed, toys: 2000, seed: 7)
        XCTAssertEqual(atAsymptotic.clsObserved, exp(-asymptotic.observed), accuracy: 0.02)
        XCTAssertGreaterThan(atAsymptotic.clsObserved, 0.07)
        let toys = try CountingCLs.toyUpperLimit(experiment, cl: 0.95, toys: 1500, seed: 7, scan: [2, 2.5, 3, 3.5, 4],
                                                 includeExpected: false)
        XCTAssertEqual(toys.observed, log(20), accuracy: 0.15)
    }

    /// At large counts the asymptotic regime holds: the toy CLs at the asymptotic limit is
    /// 0.05 within its statistical error (plus ~+0.005 because toys count ties q = q_obs as
    /// "at least as extreme"), for the observed and the median expected curve.
    func testLargeCountsToysAgreeWithAsymptotic() throws {
        let experiment = try CountingExperiment(observed: 100, background: 100)
        let asymptotic = try CountingCLs.asymptoticUpperLimit(experiment, cl: 0.95)
        let model = try CountingCLs.model(experiment)
        let observed = try ToyCLs.hypotest(model: model, mu: asymptotic.observed, toys: 2000, seed: 11)
        XCTAssertEqual(observed.clsObserved, 0.05, accuracy: 0.015)
        let median = try ToyCLs.hypotest(model: model, mu: asymptotic.expected[2], toys: 2000, seed: 13)
        XCTAssertEqual(median.clsExpected[2], 0.05, accuracy: 0.015)
    }

    /// Same seed, same answer (bit for bit).
    func testToysAreReproducible() throws {
        let model = try CountingCLs.model(CountingExperiment(observed: 3, background: 2, backgroundRelativeUncertainty: 0.2))
        let a = try ToyCLs.hypotest(model: model, mu: 4, toys: 100, seed: 99)
        let b = try ToyCLs.hypotest(model: model, mu: 4, toys: 100, seed: 99)
        XCTAssertEqual(a.clsObserved, b.clsObserved)
        XCTAssertEqual(a.clsExpected, b.clsExpected)
    }

    /// Counting CLs via the one-bin workspace equals the pyhf value for the STATS.md example
    /// (n = 5, b = 3, r_b = 0.3 as histosys): 7.24599641 at 95% CL (pyhf 0.7.6).
    func testCountingCLsMatchesPyhf() throws {
        let limits = try CountingCLs.asymptoticUpperLimit(
            CountingExperiment(observed: 5, background: 3, backgroundRelativeUncertainty: 0.3), cl: 0.95)
        assertRelative(limits.observed, 7.24599641, 1e-4, "observed")
        assertRelative(limits.expected[2], 5.22468572, 1e-4, "median expected")
    }

    func testBadInputsThrow() throws {
        XCTAssertThrowsError(try CountingCLs.asymptoticUpperLimit(CountingExperiment(observed: -3, background: 1)))
        let model = try CountingCLs.model(CountingExperiment(observed: 3, background: 2))
        XCTAssertThrowsError(try ToyCLs.hypotest(model: model, mu: 1, toys: 2))
        XCTAssertThrowsError(try AsymptoticCLs.upperLimit(model: model, cl: 1.0))
    }
}
