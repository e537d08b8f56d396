import Foundation

/// CLs with pseudo-experiments, as pyhf 0.7.6's `ToyCalculator` (test statistic q~_mu):
/// toys are generated from the model at the parameters of a fit to the observed data with
/// the POI fixed at the tested mu (signal+background) or at 0 (background only); each toy
/// fluctuates the main data (Poisson) and the auxiliary data (Gaussian constraints:
/// Normal(theta_hat, sigma); shapesys: Poisson(gamma_hat tau)). p-values are the fractions
/// of toys with q >= q_obs; CLs = CLs+b / CLb. The expected band takes percentiles
/// (2.275, 15.87, 50, 84.13, 97.725) of the CLs values of the background-only toys.
///
/// Every random number comes from a `MersenneTwister` seeded with `seed`, so a result is
/// reproducible. The same seed is used at every tested mu (common random numbers), which
/// keeps the CLs curve smooth enough to interpolate.
public enum ToyCLs {
    /// CLs from toys at one tested mu.
    public struct HypoTest: Sendable {
        public let mu: Double
        public let clsObserved: Double
        public let clsb: Double
        public let clb: Double
        public let clsExpected: [Double]
        public let toys: Int
        public let failedToys: Int
    }

    public struct Limits: Sendable {
        public let observed: Double
        public let expected: [Double]
        public let cl: Double
        public let scan: [HypoTest]
    }

    /// Toy CLs at `mu` with `toys` pseudo-experiments per hypothesis.
    public static func hypotest(model: HistFactoryModel, data: HistFactoryModel.Data? = nil, mu: Double,
                                toys: Int = 1000, seed: UInt = 12345) throws -> HypoTest {
        guard toys >= 10 else {
            throw StatisticsError.invalidArgument(name: "toys", value: "\(toys)", reason: "use at least 10 toys (1000+ for results)")
        }
        let data = data ?? model.observed
        let profile = ProfileLikelihood(model: model)
        let free = try profile.fitter.fit(data: data)
        let observedQ = try profile.qmuTilde(mu: mu, data: data, unconditional: free).value
        let signalPars = try profile.fitter.fixedPOIFit(poi: mu, data: data, start: free.parameters).parameters
        let backgroundPars = try profile.fitter.fixedPOIFit(poi: 0, data: data, start: free.parameters).parameters

        let rng = MersenneTwister(seed: seed)
        var failed = 0
        func distribution(_ pars: [Double]) throws -> [Double] {
            let lambda = model.expectedMain(pars)
            var values: [Double] = []
            values.reserveCapacity(toys)
            for _ in 0..<toys {
                let toy = sample(model: model, lambda: lambda, parameters: pars, rng: rng)
                do {
                    values.append(try profile.qmuTilde(mu: mu, data: toy, start: pars).value)
                } catch {
                    failed += 1
                }
            }
            return values.sorted()
        }
        let sb = try distribution(signalPars)
        let b = try distribution(backgroundPars)
        guard failed <= max(1, toys / 50) else {
            throw StatisticsError.fitDidNotConverge(
                what: "toy fits at \(model.poiName) = \(mu)", detail: "\(failed) of \(2 * toys) toys failed to fit")
        }
        func tail(_ sorted: [Double], _ value: Double) -> Double {
            // Fraction of entries >= value (binary search on the sorted sample).
            var lo = 0, hi = sorted.count
            while lo < hi { let m = (lo + hi) / 2; if sorted[m] < value { lo = m + 1 } else { hi = m } }
            return Double(sorted.count - lo) / Double(sorted.count)
        }
        func cls(_ q: Double) -> (Double, Double, Double) {
            let clsb = tail(sb, q), clb = tail(b, q)
            return (clsb, clb, clb > 0 ? clsb / clb : (clsb > 0 ? 1 : 0))
        }
        let (clsb, clb, clsObs) = cls(observedQ)
        let bValues = b.map { cls($0).2 }.sorted()
        let expected = [2.27501319, 15.86552539, 50.0, 84.13447461, 97.72498681].map { percentile(bValues, $0) }
        return HypoTest(mu: mu, clsObserved: clsObs, clsb: clsb, clb: clb, clsExpected: expected, toys: toys,
                        failedToys: failed)
    }

    /// One pseudo-experiment at `parameters` (main and auxiliary data).
    static func sample(model: HistFactoryModel, lambda: [Double], parameters: [Double],
                       rng: MersenneTwister) -> HistFactoryModel.Data {
        let main = lambda.map { rng.poisson($0) }
        var aux = model.nominalAuxiliary
        for (k, p) in model.parameters.enumerated() {
            switch p.constraint {
            case .none: break
            case let .gaussian(sigma): aux[k] = parameters[k] + sigma * rng.gaussian()
            case let .poisson(tau): aux[k] = rng.poisson(parameters[k] * tau)
            }
        }
        return HistFactoryModel.Data(main: main, auxiliary: aux)
    }

    /// Scan points `upperLimit` uses when no scan is given.
    public static let defaultScanPoints = 12

    /// Estimated wall time of `upperLimit(model:cl:toys:scan:)` on this machine, from a pilot:
    /// one hypothesis test with 10 toys per hypothesis at the asymptotic observed limit is
    /// timed, and the time per toy multiplied by `toys` x `scanPoints` (toy fits dominate; the
    /// pilot's fixed cost of three fits is counted per toy too, so this errs high for few toys).
    /// Measured rather than modelled because a toy costs one to two fits whose price depends
    /// on the model (bins, nuisance parameters), the build and the machine.
    public static func estimatedSeconds(model: HistFactoryModel, cl: Double = 0.95, toys: Int,
                                        scanPoints: Int = defaultScanPoints) throws -> Double {
        let pilotToys = 10
        let mu = (try? AsymptoticCLs.upperLimit(model: model, cl: cl).observed) ?? 1
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try? hypotest(model: model, mu: mu.isFinite && mu > 0 ? mu : 1, toys: pilotToys, seed: 1)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        return seconds / Double(pilotToys) * Double(toys) * Double(scanPoints)
    }

    /// numpy's linear-interpolation percentile of a sorted sample.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q / 100 * Double(sorted.count - 1)
        let i = Int(position.rounded(.down))
        let frac = position - Double(i)
        return i + 1 < sorted.count ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i]
    }

    /// Upper limits from a scan of toy CLs over `scan` (default: 12 points spanning the
    /// asymptotic band), interpolating log CLs linearly where each curve crosses 1 - CL.
    /// A curve that does not cross inside the scan is an error (widen the scan); with
    /// `includeExpected: false` only the observed curve is needed and `expected` is empty.
    ///
    /// At small counts the toy limits are higher than the asymptotic ones (the asymptotic
    /// formulae under-cover there: n = 0, b = 1 gives 2.34 asymptotically but the exact
    /// ln(20) = 3.00 at 95% CL); at large counts the two agree to about 1%.
    public static func upperLimit(model: HistFactoryModel, data: HistFactoryModel.Data? = nil, cl: Double = 0.95,
                                  toys: Int = 1000, seed: UInt = 12345, scan: [Double]? = nil,
                                  includeExpected: Bool = true) throws -> Limits {
        try StatisticsError.requireConfidenceLevel(cl)
        let alpha = 1 - cl
        let grid: [Double]
        if let scan {
            grid = scan.sorted()
        } else {
            let asymptotic = try AsymptoticCLs.upperLimit(model: model, data: data, cl: cl)
            let lo = 0.5 * min(asymptotic.observed, asymptotic.expected[0])
            let hi = 1.6 * max(asymptotic.observed, asymptotic.expected[4])
            grid = (0..<defaultScanPoints).map { lo + (hi - lo) * Double($0) / Double(defaultScanPoints - 1) }
        }
        guard grid.count >= 2 else {
            throw StatisticsError.invalidArgument(name: "scan", value: "\(grid)", reason: "give at least two POI values")
        }
        let results = try grid.map { try hypotest(model: model, data: data, mu: $0, toys: toys, seed: seed) }
        func crossing(_ values: [Double], what: String) throws -> Double {
            // CLs falls roughly exponentially in mu (exactly e^-mu for n = 0), so interpolate
            // log CLs linearly between the bracketing scan points.
            for i in 1..<grid.count where values[i - 1] >= alpha && values[i] < alpha {
                let a = log(values[i - 1]), b = values[i] > 0 ? log(values[i]) : a - 50
                let t = (a - log(alpha)) / (a - b)
                return grid[i - 1] + t * (grid[i] - grid[i - 1])
            }
            throw StatisticsError.rootNotBracketed(what: what, lower: grid.first!, upper: grid.last!)
        }
        let observed = try crossing(results.map(\.clsObserved), what: "observed toy CLs limit")
        let expected = includeExpected
            ? try (0..<5).map { k in try crossing(results.map { $0.clsExpected[k] }, what: "expected toy CLs limit") }
            : []
        return Limits(observed: observed, expected: expected, cl: cl, scan: results)
    }
}
