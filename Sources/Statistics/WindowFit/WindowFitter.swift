import Foundation

/// Result of a window fit.
public struct WindowFitResult: Sendable {
    /// (mu, background parameters) at the minimum.
    public let parameters: [Double]
    /// -2 ln L at the minimum.
    public let twiceNLL: Double
    /// Hessian (1 sigma) uncertainty of mu; 0 when mu was fixed or sits at its bound.
    public let muUncertainty: Double
    public let iterations: Int
    public var mu: Double { parameters[0] }
}

/// Maximum-likelihood fits of a `WindowModel`: Newton's method with the exact Hessian.
///
/// Why not GSL's multimin: the fits need a bound on mu (q~_mu fits mu >= 0) and a minimum
/// precise to ~1e-10 in -2 ln L, because CLs limits are roots of differences of fitted
/// likelihoods; the model's analytic second derivatives give quadratic convergence in a few
/// steps, which quasi-Newton methods without bounds do not. Steps are damped (Levenberg) where
/// the Hessian is not positive definite and backtracked (Armijo) into the physical region;
/// mu at its lower bound with the gradient pushing outward is held there (active set).
struct WindowFitter {
    let model: WindowModel
    var maxIterations = 200

    /// Fit with mu free above `muLowerBound` (-infinity: only lambda > 0 limits it), or fixed at
    /// `fixedMu`.
    func fit(start: [Double]? = nil, fixedMu: Double? = nil, muLowerBound: Double = -.infinity,
             what: String) throws -> WindowFitResult {
        let p = model.parameterCount
        var x = start ?? model.suggestedStart
        if let mu = fixedMu { x[0] = mu } else { x[0] = max(x[0], muLowerBound) }
        var (f, g, h) = model.nllGradientHessian(x)
        if !f.isFinite, fixedMu != nil || x[0] != 0 {
            // A start outside the physical region (e.g. a warm start at another mu): restart flat.
            var flat = model.suggestedStart
            flat[0] = fixedMu ?? max(0, muLowerBound)
            x = flat
            (f, g, h) = model.nllGradientHessian(x)
        }
        guard f.isFinite else {
            throw StatisticsError.fitDidNotConverge(what: what, detail: "the start has zero likelihood")
        }
        var iterations = 0
        var converged = false
        // Steps that no longer change -2 ln L beyond rounding (large counts: the gradient's
        // cancellation keeps the decrement above the relative threshold).
        var smallSteps = 0
        while iterations < maxIterations {
            iterations += 1
            var free = fixedMu == nil ? Array(0..<p) : Array(1..<p)
            if fixedMu == nil && x[0] <= muLowerBound && g[0] > 0 { free.removeFirst() }
            let m = free.count
            var hf = Array(repeating: 0.0, count: m * m)
            for (a, k) in free.enumerated() { for (b, l) in free.enumerated() { hf[a * m + b] = h[k * p + l] } }
            let rhs = free.map { -g[$0] }
            var direction: [Double]? = nil
            var damping = 0.0
            for _ in 0..<40 {
                if let d = LinearAlgebra.choleskySolve(hf, m, damping: damping, rhs: rhs) { direction = d; break }
                damping = damping == 0 ? 1e-10 : damping * 10
            }
            guard let d = direction else {
                throw StatisticsError.fitDidNotConverge(what: what, detail: "no descent direction (singular Hessian)")
            }
            // Newton decrement: the predicted decrease of the NLL.
            let decrement = zip(d, rhs).reduce(0.0) { $0 + $1.0 * $1.1 }
            if decrement < 1e-14 * max(1, abs(f)) && damping == 0 { converged = true; break }
            var t = 1.0
            var accepted = false
            var xNew = x
            var fNew = f
            for _ in 0..<60 {
                xNew = x
                for (a, k) in free.enumerated() { xNew[k] = x[k] + t * d[a] }
                if fixedMu == nil { xNew[0] = max(xNew[0], muLowerBound) }
                fNew = model.nll(model.expected(xNew))
                let predicted = free.indices.reduce(0.0) { $0 + g[free[$1]] * (xNew[free[$1]] - x[free[$1]]) }
                if fNew.isFinite && fNew <= f + 1e-4 * predicted { accepted = true; break }
                t *= 0.5
            }
            if !accepted {
                if decrement < 1e-9 * max(1, abs(f)) { converged = true; break }
                throw StatisticsError.fitDidNotConverge(what: what, detail: "line search failed (decrement \(decrement))")
            }
            smallSteps = f - fNew < 1e-13 * max(1, abs(f)) ? smallSteps + 1 : 0
            x = xNew
            (f, g, h) = model.nllGradientHessian(x)
            if smallSteps >= 3 { converged = true; break }
        }
        guard converged else {
            throw StatisticsError.fitDidNotConverge(what: what, detail: "no convergence in \(maxIterations) Newton steps")
        }
        var sigmaMu = 0.0
        if fixedMu == nil && x[0] > muLowerBound, let inv = LinearAlgebra.inverse(h, p) {
            sigmaMu = max(inv[0], 0).squareRoot()
        }
        return WindowFitResult(parameters: x, twiceNLL: 2 * f, muUncertainty: sigmaMu, iterations: iterations)
    }
}
