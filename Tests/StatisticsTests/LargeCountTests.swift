import CGSL
import XCTest
@testable import Statistics

/// Counting limits for huge n (issue #14: n = 10^6 aborted inside GSL) and the GSL error
/// handler that turns GSL's complaints into Swift errors. Reference values are computed with
/// scipy / mpmath (independent implementations); each comes with the one-line command.
final class LargeCountTests: XCTestCase {
    /// n = 10^6, b = 2, flat prior: the prior range ends ~10^7 where Q underflows to 0 and
    /// Q(n+1, b) = 1, so the limit is the CL quantile of Gamma(n+1) minus b:
    ///   python3 -c "from scipy.special import gammaincinv; print(repr(gammaincinv(1e6+1, 0.9)-2), repr(gammaincinv(1e6+1, 0.95)-2))"
    ///   -> 1001280.7661403967 1001644.4227676168
    /// (the analytic large-n estimate n - b + z sqrt(n) gives 1001279.6 and 1001642.9).
    func testBayesLimitForAMillionEvents() throws {
        let l90 = try BayesianUpperLimit.compute(observed: 1_000_000, background: 2, cl: 0.9)
        let l95 = try BayesianUpperLimit.compute(observed: 1_000_000, background: 2, cl: 0.95)
        XCTAssertEqual(l90, 1001280.7661403967, accuracy: 1e-4)
        XCTAssertEqual(l95, 1001644.4227676168, accuracy: 1e-4)
        // Gaussian estimate within a few events (skewness of the Gamma posterior).
        XCTAssertEqual(l90, 1_000_000 - 2 + 1.2815515655446004 * 1000, accuracy: 3)
    }

    /// With nuisances the marginalised posterior must still give a finite limit near the
    /// no-uncertainty one (uncertainties only widen it, and a 1% background uncertainty on
    /// b = 2 changes nothing visible at n = 10^6).
    func testBayesLimitForAMillionEventsWithUncertainties() throws {
        let plain = try BayesianUpperLimit.compute(observed: 1_000_000, background: 2, cl: 0.9)
        let marginalised = try BayesianUpperLimit.compute(
            observed: 1_000_000, background: 2, backgroundRelativeUncertainty: 0.01, cl: 0.9)
        XCTAssertTrue(marginalised.isFinite)
        XCTAssertEqual(marginalised, plain, accuracy: 0.01)
    }

    /// Q(n+1, x) around and above the switch to the uniform asymptotic expansion, against mpmath
    /// at 40 digits:
    ///   python3 -c "import mpmath as mp; mp.mp.dps=40; print(mp.gammainc(100001, 100500, mp.inf, regularized=True))"
    /// (same for each (n, x) below). The last row is the n = 10^6 point where GSL's own
    /// dispatch stops with GSL_EMAXITER ("error in large x asymptotic", gamma_inc.c:181).
    func testPoissonCDFAgainstMpmath() {
        let cases: [(Int, Double, Double)] = [
            (100_000, 99_000, 0.9992507996916701216),
            (100_000, 100_000, 0.50084104309934012387),
            (100_000, 100_500, 0.057466217972229999423),
            (100_000, 101_000, 0.00081720781367723884234),
            (100_000, 102_000, 1.6844221245946115139e-10),
            (100_000, 104_000, 4.6688876147681046253e-36),
            (99_999, 100_632, 0.022998645122982341674),
            (1_000_000, 995_000, 0.99999972646778594129),
            (1_000_000, 1_003_000, 0.0013662124705835541957),
            (2_000_000_000, 2_000_060_000, 0.089860841488245770571),
            (1_000_000, 1_002_000, 0.022858230812626924363),
        ]
        for (n, x, expected) in cases {
            let q = SpecialFunctions.poissonCDF(n, x)
            XCTAssertEqual(q, expected, accuracy: 1e-12 * expected + 1e-14, "n=\(n) x=\(x)")
        }
    }

    /// At the switch point (n = 10^5, a = n + 1) the expansion against mpmath at 40 digits
    /// over the range of x a limit can need (the bulk and +-8 sigma):
    ///   python3 -c "import mpmath as mp; mp.mp.dps=40; a=100001.0; print([(k, float(a+k*mp.sqrt(a)), mp.gammainc(a, float(a+k*mp.sqrt(a)), mp.inf, regularized=True)) for k in [-8,-3,-1,-0.75,-0.5,0.5,3,8]])"
    /// The expansion is the more accurate method here: GSL's continued fraction just below
    /// x = a is off by 5e-10 at -0.75 sigma (0.7732339342653914), the expansion by < 1e-15.
    func testUniformExpansionAtTheSwitchPoint() {
        let a = Double(SpecialFunctions.uniformAsymptoticThreshold) + 1
        let reference: [(Double, Double)] = [
            (97471.16522278628, 0.999999999999999641),
            (99052.31195854486, 0.99868722993598730099),
            (99684.77065284828, 0.84134515025805197054),
            (99763.82798963621, 0.77323393474845674252),
            (99842.88532642415, 0.69118411226672115737),
            (100159.11467357585, 0.30825922639153136479),
            (100949.68804145514, 0.0013875134915448020535),
            (102530.83477721372, 1.0561406893302277713e-15),
        ]
        for (x, expected) in reference {
            let q = SpecialFunctions.gammaQUniformAsymptotic(a: a, x: x)
            XCTAssertEqual(q, expected, accuracy: 1e-11 * expected + 1e-15, "x = \(x)")
        }
        // The switch is seamless: just below the threshold GSL is used, at it the expansion;
        // over +-8 sigma they differ by less than GSL's own error (5e-10, above).
        let sigma = a.squareRoot()
        for k in stride(from: -8.0, through: 8.0, by: 0.25) {
            var gsl = gsl_sf_result()
            XCTAssertEqual(gsl_sf_gamma_inc_Q_e(a, a + k * sigma, &gsl), Int32(GSL_SUCCESS))
            XCTAssertEqual(SpecialFunctions.gammaQUniformAsymptotic(a: a, x: a + k * sigma), gsl.val, accuracy: 1e-9,
                           "x = a + \(k) sigma")
        }
        let n = SpecialFunctions.uniformAsymptoticThreshold
        let below = SpecialFunctions.poissonCDF(n - 1, a + sigma)   // GSL
        let at = SpecialFunctions.poissonCDF(n, a + sigma)          // expansion
        XCTAssertLessThan(below, at)                  // Q(n+1, x) grows with n at fixed x ...
        XCTAssertEqual(at - below, 7.6e-4, accuracy: 1e-4)   // ... by the Poisson density at x: e^{-1/2}/sqrt(2 pi a)
    }

    /// A GSL error (here: gamma_inc_Q_e at the point where its large-x series gives up) is
    /// recorded by our handler instead of aborting, and `checked` turns it into a
    /// `StatisticsError.numericalFailure` that names the function, its arguments and GSL's reason.
    func testGSLErrorBecomesSwiftError() throws {
        GSLSetup.install()
        XCTAssertThrowsError(try GSLErrorHandler.checked("gsl_sf_gamma_inc_Q", "a = 1000001, x = 1002000") {
            var result = gsl_sf_result()
            return gsl_sf_gamma_inc_Q_e(1_000_001, 1_002_000, &result)
        }) { error in
            guard case let StatisticsError.numericalFailure(function, arguments, reason) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(function, "gsl_sf_gamma_inc_Q")
            XCTAssertEqual(arguments, "a = 1000001, x = 1002000")
            XCTAssertTrue(reason.contains("large x asymptotic"), reason)
            XCTAssertTrue(reason.contains("gamma_inc.c"), reason)
            XCTAssertFalse("\(error)".contains("\n"))
        }
        // A clean call afterwards does not inherit the old failure.
        let value = try GSLErrorHandler.checked("gsl_sf_gamma_inc_Q", "a = 3, x = 1") { gsl_sf_gamma_inc_Q(3, 1) }
        XCTAssertEqual(value, 0.9196986029286058, accuracy: 1e-15)   // e^-1 (1 + 1 + 1/2)
    }

    /// Failures are per thread: an error on one thread is not reported by another's check.
    func testGSLFailureIsThreadLocal() throws {
        GSLSetup.install()
        let done = expectation(description: "other thread")
        Thread.detachNewThread {
            var result = gsl_sf_result()
            _ = gsl_sf_gamma_inc_Q_e(1_000_001, 1_002_000, &result)   // recorded on that thread only
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
        XCTAssertNil(GSLErrorHandler.takeFailure())
    }
}
