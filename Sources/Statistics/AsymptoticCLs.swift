import Foundation

/// Asymptotic CLs (Read 2002; Cowan et al. EPJC 71 (2011) 1554) with q~_mu, in pyhf 0.7.6's
/// conventions (`AsymptoticCalculator`, `calc_base_dist="normal"`):
/// - Asimov dataset: expected data at a fit to the observed data with mu = 0;
/// - observed: in -mu_hat/sigma space, t = sqrt(q) - sqrt(qA) if sqrt(q) <= sqrt(qA), else
///   (q - qA) / (2 sqrt(qA)); CLs+b = Phi(-(t + sqrt(qA))), CLb = Phi(-t), CLs = CLs+b / CLb;
/// - expected at n sigma: t = n for n in (2, 1, 0, -1, -2), giving the band whose limits are
///   ordered (-2, -1, 0, +1, +2) sigma, ascending in mu.
///
/// The free fits to data and to the Asimov data and the Asimov data itself do not depend on
/// the tested mu; they are computed once per `Calculator`, and each tested mu costs one
/// conditional fit to data and one to Asimov data, warm-started from the previous mu.
public enum AsymptoticCLs {
    /// CLs values at one tested mu.
    public struct HypoTest: Sendable {
        public let mu: Double
        public let clsObserved: Double
        public let clsb: Double
        public let clb: Double
        /// Expected CLs for the (-2, -1, 0, +1, +2) sigma band (in ascending-limit order).
        public let clsExpected: [Double]
        public let qmu: Double
        public let qmuAsimov: Double
    }

    /// Observed limit and expected band (-2, -1, 0, +1, +2 sigma) on the POI.
    public struct Limits: Sendable {
        public let observed: Double
        public let expected: [Double]
        public let cl: Double
    }

    /// Reusable calculator for one model and dataset.
    public final class Calculator {
        public let model: HistFactoryModel
        public let data: HistFactoryModel.Data
        let profile: ProfileLikelihood
        public let freeFitData: FitResult
        public let asimov: HistFactoryModel.Data
        public let freeFitAsimov: FitResult
        private var lastStartData: [Double]
        private var lastStartAsimov: [Double]

        public init(model: HistFactoryModel, data: HistFactoryModel.Data? = nil) throws {
            self.model = model
            self.data = data ?? model.observed
            profile = ProfileLikelihood(model: model)
            guard model.parameters[model.poiIndex].bounds.lowerBound == 0 else {
                throw StatisticsError.invalidArgument(
                    name: "POI lower bound", value: "\(model.parameters[model.poiIndex].bounds.lowerBound)",
                    reason: "q~_mu CLs needs the POI bounded below at 0")
            }
            freeFitData = try profile.fitter.fit(data: self.data)
            let asimovFit = try profile.fitter.fixedPOIFit(poi: 0, data: self.data, start: freeFitData.parameters)
            asimov = model.expectedData(asimovFit.parameters)
            freeFitAsimov = try profile.fitter.fit(data: asimov, start: asimovFit.parameters)
            lastStartData = freeFitData.parameters
            lastStartAsimov = freeFitAsimov.parameters
        }

        /// sqrt(q~_mu) on the Asimov data (monotone in mu, what the expected band depends on).
        public func sqrtQmuAsimov(_ mu: Double) throws -> Double {
            let q = try profile.qmuTilde(mu: mu, data: asimov, unconditional: freeFitAsimov, start: lastStartAsimov)
            lastStartAsimov = q.conditional.parameters
            return q.value.squareRoot()
        }

        public func qmuObserved(_ mu: Double) throws -> Double {
            let q = try profile.qmuTilde(mu: mu, data: data, unconditional: freeFitData, start: lastStartData)
            lastStartData = q.conditional.parameters
            return q.value
        }

        /// pyhf's `hypotest(mu, ..., test_stat="qtilde", return_expected_set=True)`.
        public func hypotest(mu: Double) throws -> HypoTest {
            let sqrtqA = try sqrtQmuAsimov(mu)
            let q = try qmuObserved(mu)
            let (clsb, clb, cls) = AsymptoticCLs.pValues(sqrtQ: q.squareRoot(), sqrtQA: sqrtqA)
            let expected = [2.0, 1, 0, -1, -2].map { n in AsymptoticCLs.expectedCLs(nSigma: n, sqrtQA: sqrtqA) }
            return HypoTest(mu: mu, clsObserved: cls, clsb: clsb, clb: clb, clsExpected: expected, qmu: q,
                            qmuAsimov: sqrtqA * sqrtqA)
        }

        /// Upper limits at confidence `cl` by root-finding on each CLs curve.
        public func upperLimits(cl: Double) throws -> Limits {
            try StatisticsError.requireConfidenceLevel(cl)
            let alpha = 1 - cl
            let poiBounds = model.parameters[model.poiIndex].bounds
            // Expected band: CLs_exp(n) = alpha  <=>  sqrt(qA(mu)) = t_n, solved in mu.
            // sqrt(qA) is close to linear in mu (= mu / sigma_A), so one probe gives a good
            // guess for every band and each root needs only a few conditional fits.
            let probeMu = max(poiBounds.upperBound, 1e-3) / 10
            let probe = try sqrtQmuAsimov(probeMu)
            var slope = probe > 0 ? probe / probeMu : 1
            var expected: [Double] = []
            for n in [2.0, 1, 0, -1, -2] {
                // Phi(-(n + s)) / Phi(-n) = alpha  =>  s = Phi^-1(1 - alpha Phi(-n)) - n.
                let target = SpecialFunctions.normalQuantile(1 - alpha * SpecialFunctions.normalSurvival(n)) - n
                let f: (Double) throws -> Double = { mu in try self.sqrtQmuAsimov(mu) - target }
                let guess = target / slope
                let (lo, hi, flo, fhi) = try bracket(f, start: guess, what: "expected CLs limit (\(-n) sigma)")
                let root = try RootFinder.brent(lo, hi, absoluteTolerance: 1e-10, relativeTolerance: 1e-9,
                                                what: "expected CLs limit", fa: flo, fb: fhi, f)
                expected.append(root)
                slope = target / root
            }
            let g: (Double) throws -> Double = { mu in
                let sqrtqA = try self.sqrtQmuAsimov(mu)
                let q = try self.qmuObserved(mu)
                return AsymptoticCLs.pValues(sqrtQ: q.squareRoot(), sqrtQA: sqrtqA).cls - alpha
            }
            let (lo, hi, glo, ghi) = try bracket({ try -g($0) }, start: expected[2], what: "observed CLs limit")
            let observed = try RootFinder.brent(lo, hi, absoluteTolerance: 1e-10, relativeTolerance: 1e-9,
                                                what: "observed CLs limit", fa: -glo, fb: -ghi, g)
            return Limits(observed: observed, expected: expected, cl: cl)
        }

        /// Finds [lo, hi] with f(lo) < 0 < f(hi) for an increasing f, starting at `start` and
        /// widening geometrically (2%, then doubling the step) until the sign changes.
        private func bracket(_ f: (Double) throws -> Double, start: Double,
                             what: String) throws -> (Double, Double, Double, Double) {
            let x0 = max(start, 1e-9)
            let f0 = try f(x0)
            var factor = 1.02
            var previous = x0, fPrevious = f0
            for _ in 0..<80 {
                let x = f0 < 0 ? x0 * factor : x0 / factor
                let fx = try f(x)
                if f0 < 0 && fx > 0 { return (previous, x, fPrevious, fx) }
                if f0 >= 0 && fx < 0 { return (x, previous, fx, fPrevious) }
                previous = x; fPrevious = fx
                factor = 1 + 2 * (factor - 1)
            }
            throw StatisticsError.rootNotBracketed(what: what, lower: x0 / factor, upper: x0 * factor)
        }
    }
    /// (CLs+b, CLb, CLs) for observed sqrt(q~_mu) and Asimov sqrt(q~_mu,A).
    static func pValues(sqrtQ: Double, sqrtQA: Double) -> (clsb: Double, clb: Double, cls: Double) {
        let t: Double
        if sqrtQ <= sqrtQA { t = sqrtQ - sqrtQA } else { t = (sqrtQ * sqrtQ - sqrtQA * sqrtQA) / (2 * sqrtQA) }
        let clsb = SpecialFunctions.normalCDF(-(t + sqrtQA))
        let clb = SpecialFunctions.normalCDF(-t)
        return (clsb, clb, clsb / clb)
    }

    static func expectedCLs(nSigma n: Double, sqrtQA: Double) -> Double {
        SpecialFunctions.normalCDF(-(n + sqrtQA)) / SpecialFunctions.normalCDF(-n)
    }

    /// Observed and expected (-2..+2 sigma) CLs upper limits on the POI of `model`.
    public static func upperLimit(model: HistFactoryModel, data: HistFactoryModel.Data? = nil,
                                  cl: Double = 0.95) throws -> Limits {
        try Calculator(model: model, data: data).upperLimits(cl: cl)
    }

    /// CLs at one tested POI value.
    public static func hypotest(model: HistFactoryModel, data: HistFactoryModel.Data? = nil,
                                mu: Double) throws -> HypoTest {
        try Calculator(model: model, data: data).hypotest(mu: mu)
    }
}
