import Foundation

/// Bayesian marginal posterior of the POI of a binned model by Markov chain Monte Carlo.
///
/// Posterior: flat prior on every free parameter within its bounds (in particular on mu),
/// times the likelihood including its constraint terms, which act as the priors of the
/// nuisance parameters (the usual HistFactory Bayesian reading). Sampling: random-walk
/// Metropolis-Hastings with a multivariate Gaussian proposal. The proposal covariance
/// starts from the inverse Hessian at the maximum-likelihood point and is adapted during
/// burn-in (Haario et al.: 2.38^2 / d times the chain's covariance); it is frozen after
/// burn-in, so the kept samples come from a valid (non-adaptive) Markov chain. Several
/// chains start from over-dispersed points; the Gelman-Rubin R-hat of mu checks that they
/// agree, and a result whose R-hat exceeds the threshold is an error, not a number.
public enum MarkovChainMonteCarlo {
    public struct Settings: Sendable {
        public var chains: Int = 4
        public var burnIn: Int = 2_000
        public var steps: Int = 10_000
        public var seed: UInt = 2024
        public var rHatThreshold: Double = 1.05
        public init(chains: Int = 4, burnIn: Int = 2_000, steps: Int = 10_000, seed: UInt = 2024,
                    rHatThreshold: Double = 1.05) {
            self.chains = chains; self.burnIn = burnIn; self.steps = steps; self.seed = seed
            self.rHatThreshold = rHatThreshold
        }
    }

    public struct Result: Sendable {
        /// Credible upper limit on the POI.
        public let upperLimit: Double
        public let cl: Double
        /// Gelman-Rubin potential scale reduction of the POI.
        public let rHat: Double
        public let acceptanceRates: [Double]
        public let posteriorMean: Double
        /// POI samples after burn-in, all chains concatenated.
        public let poiSamples: [Double]
    }

    /// Marginal posterior of the POI and its credible upper limit at `cl`.
    public static func upperLimit(model: HistFactoryModel, data: HistFactoryModel.Data? = nil, cl: Double = 0.95,
                                  settings: Settings = Settings()) throws -> Result {
        try StatisticsError.requireConfidenceLevel(cl)
        guard settings.chains >= 2, settings.steps >= 100, settings.burnIn >= 100 else {
            throw StatisticsError.invalidArgument(
                name: "MCMC settings", value: "chains \(settings.chains), steps \(settings.steps), burn-in \(settings.burnIn)",
                reason: "need at least 2 chains, 100 burn-in steps and 100 steps")
        }
        let data = data ?? model.observed
        try model.validate(data)
        let fitter = MaximumLikelihoodFit(model: model)
        let best = try fitter.fit(data: data)
        let free = (0..<model.parameterCount).filter { !model.parameters[$0].fixed }
        let d = free.count
        let bounds = model.bounds
        // Initial proposal covariance: inverse Hessian, or bound-based widths as a fallback.
        var covariance = fitter.covariance(at: best.parameters, data: data, free: free)
            ?? diagonal(free.map { k in pow(min(1, 0.1 * (bounds[k].upperBound - bounds[k].lowerBound)), 2) }, d)
        let evaluator = LikelihoodEvaluator(model: model)
        func logPosterior(_ x: [Double]) -> Double {
            for k in free where !bounds[k].contains(x[k]) { return -.infinity }
            return -evaluator.nll(x, data: data)
        }
        let master = MersenneTwister(seed: settings.seed)
        var poiChains: [[Double]] = []
        var acceptance: [Double] = []
        for _ in 0..<settings.chains {
            let rng = MersenneTwister(seed: master.childSeed())
            var scaled = covariance.map { $0 * 2.38 * 2.38 / Double(d) }
            guard var factor = LinearAlgebra.cholesky(scaled, d) ?? LinearAlgebra.cholesky(scaled, d, damping: 1e-6) else {
                throw StatisticsError.fitDidNotConverge(what: "MCMC proposal", detail: "covariance is not positive definite")
            }
            // Over-dispersed start: MLE + 2x the proposal spread, redrawn until inside the support.
            var x = best.parameters
            var logP = logPosterior(x)
            for _ in 0..<100 {
                let z = (0..<d).map { _ in rng.gaussian() }
                var trial = best.parameters
                for (i, k) in free.enumerated() {
                    var s = 0.0
                    for j in 0...i { s += factor[i * d + j] * z[j] }
                    trial[k] += 2 * s
                }
                let lp = logPosterior(trial)
                if lp.isFinite { x = trial; logP = lp; break }
            }
            var history: [[Double]] = []
            var poi: [Double] = []
            poi.reserveCapacity(settings.steps)
            var accepted = 0
            let total = settings.burnIn + settings.steps
            for step in 0..<total {
                let z = (0..<d).map { _ in rng.gaussian() }
                var trial = x
                for (i, k) in free.enumerated() {
                    var s = 0.0
                    for j in 0...i { s += factor[i * d + j] * z[j] }
                    trial[k] += s
                }
                let lp = logPosterior(trial)
                if lp.isFinite && log(rng.uniform()) < lp - logP {
                    x = trial; logP = lp
                    if step >= settings.burnIn { accepted += 1 }
                }
                if step < settings.burnIn {
                    history.append(free.map { x[$0] })
                    // Adapt every 250 steps from the second half of the burn-in history.
                    if (step + 1) % 250 == 0 && history.count >= 200 {
                        let recent = Array(history.suffix(history.count / 2))
                        let sample = sampleCovariance(recent, d)
                        scaled = sample.enumerated().map { i, v in
                            v * 2.38 * 2.38 / Double(d) + (i % (d + 1) == 0 ? 1e-12 : 0)
                        }
                        if let f = LinearAlgebra.cholesky(scaled, d) { factor = f; covariance = sample }
                    }
                } else {
                    poi.append(x[model.poiIndex])
                }
            }
            poiChains.append(poi)
            acceptance.append(Double(accepted) / Double(settings.steps))
        }
        let rHat = gelmanRubin(poiChains)
        guard rHat.isFinite, rHat <= settings.rHatThreshold else {
            throw StatisticsError.chainsNotConverged(rHat: rHat, threshold: settings.rHatThreshold)
        }
        let all = poiChains.flatMap { $0 }.sorted()
        let limit = ToyCLs.percentile(all, 100 * cl)
        return Result(upperLimit: limit, cl: cl, rHat: rHat, acceptanceRates: acceptance,
                      posteriorMean: all.reduce(0, +) / Double(all.count), poiSamples: all)
    }

    /// Gelman-Rubin potential scale reduction factor for equally long chains.
    public static func gelmanRubin(_ chains: [[Double]]) -> Double {
        let m = Double(chains.count)
        guard let n0 = chains.first?.count, n0 > 1, chains.count > 1 else { return .nan }
        let n = Double(n0)
        let means = chains.map { $0.reduce(0, +) / n }
        let grand = means.reduce(0, +) / m
        let b = n / (m - 1) * means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let w = zip(chains, means).reduce(0.0) { acc, pair in
            acc + pair.0.reduce(0) { $0 + ($1 - pair.1) * ($1 - pair.1) } / (n - 1)
        } / m
        guard w > 0 else { return b == 0 ? 1 : .infinity }
        let v = (n - 1) / n * w + b / n
        return (v / w).squareRoot()
    }

    private static func diagonal(_ values: [Double], _ d: Int) -> [Double] {
        var out = Array(repeating: 0.0, count: d * d)
        for i in 0..<d { out[i * d + i] = values[i] }
        return out
    }

    private static func sampleCovariance(_ rows: [[Double]], _ d: Int) -> [Double] {
        let n = Double(rows.count)
        var mean = Array(repeating: 0.0, count: d)
        for r in rows { for i in 0..<d { mean[i] += r[i] / n } }
        var cov = Array(repeating: 0.0, count: d * d)
        for r in rows {
            for i in 0..<d { for j in 0...i { cov[i * d + j] += (r[i] - mean[i]) * (r[j] - mean[j]) } }
        }
        for i in 0..<d { for j in 0...i { cov[i * d + j] /= (n - 1); cov[j * d + i] = cov[i * d + j] } }
        return cov
    }
}
