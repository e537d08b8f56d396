import CGSL
import Foundation

/// Bayesian credible upper limit on the signal strength of one window, the background
/// parameters marginalised.
///
/// Priors: flat in mu on [0, infinity) and flat in each background parameter (the polynomial
/// coefficients c_k, or the exponent coefficients a_k, of `BackgroundShape`, in the window's t
/// coordinate), the likelihood being zero where the expectation turns negative. The limit depends
/// on that choice of parameterisation, as any flat prior's does; it is stated in docs/STATS.md.
///
/// Marginal likelihood m(mu) = Int L(mu, theta) d theta: at each mu the conditional fit gives
/// theta*(mu) and the Hessian H = L L^T of the NLL in theta; with theta = theta* + L^-T z,
///   m(mu) = |det L|^-1 Int L(mu, theta(z)) e^{|z|^2/2} e^{-|z|^2/2} dz,
/// a product Gauss-Hermite rule in z (`GaussHermiteRule`), exact for a Gaussian likelihood and
/// converging fast for the mildly skewed ones of low counts. The posterior m(mu) is integrated
/// by 10-point Gauss-Legendre panels of width sigma_mu until a panel adds < 1e-12 of the
/// total; the limit solves Int_0^mu_up m = CL Int_0^inf m inside its panel by Brent's method.
public enum WindowBayesianLimit {
    public struct Result: Sendable {
        public let upperLimit: Double
        public let cl: Double
        /// Where the mu integral stopped (the posterior beyond is below 1e-12 of its total).
        public let muIntegrationMax: Double
        /// Gauss-Hermite points per background parameter.
        public let nodesPerDimension: Int
    }

    /// Points per dimension for d background parameters: a few thousand nodes per mu at most.
    public static func defaultNodes(dimensions d: Int) -> Int {
        [1: 32, 2: 16, 3: 10, 4: 8, 5: 6, 6: 5][d] ?? 4
    }

    public static func upperLimit(model: WindowModel, cl: Double = 0.95,
                                  nodesPerDimension: Int? = nil) throws -> Result {
        try StatisticsError.requireConfidenceLevel(cl)
        let profile = try WindowProfileLikelihood(model: model)
        let d = model.parameterCount - 1
        let nodes = nodesPerDimension ?? defaultNodes(dimensions: d)
        let marginal = try MarginalLikelihood(profile: profile, rule: GaussHermiteRule(points: nodes))
        let table = gsl_integration_glfixed_table_alloc(10)!
        defer { gsl_integration_glfixed_table_free(table) }
        func integral(_ a: Double, _ b: Double) throws -> Double {
            var sum = 0.0
            for j in 0..<10 {
                var x = 0.0, w = 0.0
                gsl_integration_glfixed_point(a, b, j, &x, &w, table)
                sum += w * (try marginal.value(mu: x))
            }
            return sum
        }
        let sigma = max(profile.freeFit.muUncertainty, 1e-9)
        let width = sigma
        var cumulative: [Double] = [0]
        var edge = 0.0
        while true {
            let piece = try integral(edge, edge + width)
            edge += width
            cumulative.append(cumulative.last! + piece)
            let total = cumulative.last!
            if edge > max(profile.boundedFit.mu, 0) + 3 * sigma && piece <= 1e-12 * total { break }
            if cumulative.count > 2000 {
                throw StatisticsError.integrationFailed(what: "window posterior in mu",
                                                        detail: "not negligible after 2000 panels (mu = \(edge))")
            }
        }
        let target = cl * cumulative.last!
        guard let k = cumulative.firstIndex(where: { $0 >= target }), k > 0 else {
            throw StatisticsError.integrationFailed(what: "window posterior in mu", detail: "empty posterior")
        }
        let a = Double(k - 1) * width, before = cumulative[k - 1]
        let limit = try RootFinder.brent(a, a + width, absoluteTolerance: 1e-12, relativeTolerance: 1e-10,
                                         what: "Bayesian window limit", fa: before - target,
                                         fb: cumulative[k] - target) { x in
            try before + integral(a, x) - target
        }
        return Result(upperLimit: limit, cl: cl, muIntegrationMax: edge, nodesPerDimension: nodes)
    }
}

/// m(mu) of `WindowBayesianLimit`, scaled by exp(NLL_min) so that its peak is of order 1.
final class MarginalLikelihood {
    let profile: WindowProfileLikelihood
    let rule: GaussHermiteRule
    private let reference: Double
    /// All Gauss-Hermite points in z (d-dimensional), with log weight + |z|^2/2.
    private let points: [[Double]]
    private let logWeights: [Double]

    init(profile: WindowProfileLikelihood, rule: GaussHermiteRule) throws {
        self.profile = profile
        self.rule = rule
        reference = profile.boundedFit.twiceNLL / 2
        let d = profile.model.parameterCount - 1
        var pts: [[Double]] = [[]], logs: [Double] = [0]
        for _ in 0..<d {
            var nextPts: [[Double]] = [], nextLogs: [Double] = []
            for (p, l) in zip(pts, logs) {
                for (z, w) in zip(rule.nodes, rule.weights) where w > 0 {
                    nextPts.append(p + [z]); nextLogs.append(l + log(w) + z * z / 2)
                }
            }
            pts = nextPts; logs = nextLogs
        }
        points = pts
        logWeights = logs
    }

    func value(mu: Double) throws -> Double {
        let model = profile.model
        let fit = try profile.conditionalFit(mu: mu)
        let p = model.parameterCount, d = p - 1
        let (_, _, h) = model.nllGradientHessian(fit.parameters)
        var block = Array(repeating: 0.0, count: d * d)
        for i in 0..<d { for j in 0..<d { block[i * d + j] = h[(i + 1) * p + j + 1] } }
        guard let chol = LinearAlgebra.cholesky(block, d) else {
            throw StatisticsError.fitDidNotConverge(what: "marginal likelihood at mu = \(mu)",
                                                    detail: "the background Hessian is not positive definite")
        }
        var logDet = 0.0
        for i in 0..<d { logDet += log(chol[i * d + i]) }
        var sum = 0.0
        var x = fit.parameters
        for (z, lw) in zip(points, logWeights) {
            // theta = theta* + L^-T z: back substitution in L^T y = z.
            var y = z
            for i in stride(from: d - 1, through: 0, by: -1) {
                var s = y[i]
                for k in (i + 1)..<max(d, i + 1) { s -= chol[k * d + i] * y[k] }
                y[i] = s / chol[i * d + i]
            }
            for i in 0..<d { x[i + 1] = fit.parameters[i + 1] + y[i] }
            let nll = model.nll(model.expected(x))
            if nll.isFinite { sum += exp(lw - (nll - reference)) }
        }
        return sum * exp(-logDet)
    }
}
