import Foundation

/// Result of a maximum-likelihood fit.
public struct FitResult: Sendable {
    /// Best-fit value of every parameter (model order).
    public let parameters: [Double]
    /// -2 log L at the best fit (pyhf's `twice_nll`).
    public let twiceNLL: Double
    /// Hessian-based (1 sigma) uncertainties, 0 for fixed parameters; nil if not requested.
    public let uncertainties: [Double]?
    /// Newton iterations used.
    public let iterations: Int
}

/// Bounded maximum-likelihood fits of a `HistFactoryModel`.
///
/// Method: projected Newton with an active set. The gradient is analytic; the Hessian is
/// the forward-difference Jacobian of that gradient (n + 1 gradient calls), which for these
/// models (tens of parameters, tens of bins) is cheaper than any quasi-Newton method's
/// extra iterations and converges quadratically to a precise minimum (|grad| < 1e-9),
/// which CLs root-finding needs. Parameters at a bound whose gradient pushes outwards are
/// held there; Levenberg damping keeps steps descending where the Hessian is not positive
/// definite; an Armijo backtracking line search projects trial points into the bounds.
public struct MaximumLikelihoodFit: Sendable {
    public let model: HistFactoryModel
    /// Convergence threshold on the largest projected gradient component (NLL units).
    public var gradientTolerance: Double = 1e-9
    public var maxIterations: Int = 200

    public init(model: HistFactoryModel) { self.model = model }

    /// Unconditional fit (all non-fixed parameters float).
    public func fit(data: HistFactoryModel.Data, start: [Double]? = nil,
                    uncertainties: Bool = false) throws -> FitResult {
        try model.validate(data)
        return try minimize(data: data, start: start ?? model.suggestedInit, fixed: model.suggestedFixed,
                            uncertainties: uncertainties, what: "unconditional fit")
    }

    /// Fit with the POI fixed at `poi` (the conditional fit of a profile likelihood).
    public func fixedPOIFit(poi: Double, data: HistFactoryModel.Data, start: [Double]? = nil,
                            uncertainties: Bool = false) throws -> FitResult {
        try model.validate(data)
        var x0 = start ?? model.suggestedInit
        x0[model.poiIndex] = poi
        var fixed = model.suggestedFixed
        fixed[model.poiIndex] = true
        return try minimize(data: data, start: x0, fixed: fixed, uncertainties: uncertainties,
                            what: "fit with \(model.poiName) fixed at \(poi)")
    }

    /// Core minimiser; `fixed` parameters stay at their start values (bounds are not
    /// enforced on them, like pyhf's fixed POI values above the POI bound).
    func minimize(data: HistFactoryModel.Data, start: [Double], fixed: [Bool], uncertainties: Bool,
                  what: String) throws -> FitResult {
        let evaluator = LikelihoodEvaluator(model: model)
        let n = model.parameterCount
        let bounds = model.bounds
        var x = start
        for k in 0..<n where !fixed[k] { x[k] = min(max(x[k], bounds[k].lowerBound), bounds[k].upperBound) }
        let free = (0..<n).filter { !fixed[$0] }
        var g = Array(repeating: 0.0, count: n)
        var f = evaluator.nllAndGradient(x, data: data, gradient: &g)
        guard f.isFinite else {
            throw StatisticsError.fitDidNotConverge(
                what: what, detail: "the likelihood is not finite at the starting point (a bin has zero or "
                    + "negative expected yield but observed events)")
        }
        if free.isEmpty {
            return FitResult(parameters: x, twiceNLL: 2 * f, uncertainties: uncertainties ? Array(repeating: 0, count: n) : nil,
                             iterations: 0)
        }
        var gTrial = Array(repeating: 0.0, count: n)
        var hessian = Array(repeating: 0.0, count: free.count * free.count)
        var iterations = 0
        var converged = false
        var smallSteps = 0
        while iterations < maxIterations {
            iterations += 1
            // Active set: free parameters pinned at a bound by the gradient.
            let active = free.filter { k in
                let lo = bounds[k].lowerBound, hi = bounds[k].upperBound
                let span = max(1.0, abs(hi - lo))
                return (x[k] <= lo + 1e-12 * span && g[k] > 0) || (x[k] >= hi - 1e-12 * span && g[k] < 0)
            }
            let activeSet = Set(active)
            let moving = free.filter { !activeSet.contains($0) }
            let projectedGradient = moving.reduce(0.0) { max($0, abs(g[$1])) }
            if projectedGradient < gradientTolerance { converged = true; break }

            // Forward-difference Hessian of the analytic gradient over the moving parameters.
            let m = moving.count
            if hessian.count < m * m { hessian = Array(repeating: 0, count: m * m) }
            for (j, k) in moving.enumerated() {
                var h = 1e-6 * max(1, abs(x[k]))
                if x[k] + h > bounds[k].upperBound { h = -h }
                var xp = x
                xp[k] += h
                _ = evaluator.nllAndGradient(xp, data: data, gradient: &gTrial)
                for (i, l) in moving.enumerated() { hessian[i * m + j] = (gTrial[l] - g[l]) / h }
            }
            for i in 0..<m { for j in (i + 1)..<max(m, i + 1) {
                let s = 0.5 * (hessian[i * m + j] + hessian[j * m + i])
                hessian[i * m + j] = s; hessian[j * m + i] = s
            } }
            // Newton step with Levenberg damping until the system is positive definite.
            var direction: [Double]? = nil
            var damping = 0.0
            let maxDiag = (0..<m).reduce(0.0) { max($0, abs(hessian[$1 * m + $1])) }
            for _ in 0..<30 {
                if let d = LinearAlgebra.choleskySolve(hessian, m, damping: damping, rhs: moving.map { -g[$0] }) {
                    direction = d; break
                }
                damping = damping == 0 ? 1e-8 * max(maxDiag, 1) : damping * 10
            }
            var step = Array(repeating: 0.0, count: n)
            if let direction {
                for (i, k) in moving.enumerated() { step[k] = direction[i] }
            } else {
                for k in moving { step[k] = -g[k] }
            }
            // Backtracking line search on the projected path.
            var t = 1.0
            var accepted = false
            var xNew = x, fNew = f
            for _ in 0..<50 {
                for k in moving {
                    xNew[k] = min(max(x[k] + t * step[k], bounds[k].lowerBound), bounds[k].upperBound)
                }
                fNew = evaluator.nll(xNew, data: data)
                var decrease = 0.0
                for k in moving { decrease += g[k] * (xNew[k] - x[k]) }
                if fNew.isFinite && fNew <= f + 1e-4 * decrease { accepted = true; break }
                t *= 0.5
            }
            if !accepted {
                // No descent possible at double precision: we are at the minimum.
                if projectedGradient < 1e-5 { converged = true; break }
                throw StatisticsError.fitDidNotConverge(
                    what: what, detail: "line search failed with gradient \(projectedGradient)")
            }
            let change = f - fNew
            x = xNew
            f = evaluator.nllAndGradient(x, data: data, gradient: &g)
            if change < 1e-13 * max(1, abs(f)) { smallSteps += 1 } else { smallSteps = 0 }
            if smallSteps >= 3 {
                converged = projectedGradientNorm(x, g, free, bounds) < 1e-5
                break
            }
        }
        guard converged, f.isFinite else {
            throw StatisticsError.fitDidNotConverge(
                what: what, detail: "no convergence after \(iterations) iterations (gradient "
                    + "\(projectedGradientNorm(x, g, free, bounds)))")
        }
        var errors: [Double]? = nil
        if uncertainties {
            errors = try hesseUncertainties(evaluator: evaluator, x: x, data: data, free: free, what: what)
        }
        return FitResult(parameters: x, twiceNLL: 2 * f, uncertainties: errors, iterations: iterations)
    }

    private func projectedGradientNorm(_ x: [Double], _ g: [Double], _ free: [Int],
                                       _ bounds: [ClosedRange<Double>]) -> Double {
        free.reduce(0.0) { acc, k in
            let lo = bounds[k].lowerBound, hi = bounds[k].upperBound
            if (x[k] <= lo && g[k] > 0) || (x[k] >= hi && g[k] < 0) { return acc }
            return max(acc, abs(g[k]))
        }
    }

    /// sqrt(diag(H^-1)) with H the central-difference Hessian of the NLL over the free
    /// parameters (errordef 0.5 on the NLL = 1 on twice_nll, as MINUIT's HESSE in pyhf).
    private func hesseUncertainties(evaluator: LikelihoodEvaluator, x: [Double], data: HistFactoryModel.Data,
                                    free: [Int], what: String) throws -> [Double] {
        let m = free.count
        guard let inverse = LinearAlgebra.inverse(hessian(evaluator: evaluator, at: x, data: data, free: free), m) else {
            throw StatisticsError.fitDidNotConverge(what: what, detail: "Hessian at the minimum is singular")
        }
        var out = Array(repeating: 0.0, count: model.parameterCount)
        for (i, k) in free.enumerated() { out[k] = max(inverse[i * m + i], 0).squareRoot() }
        return out
    }

    /// Covariance matrix (free parameters only, model order) from the Hessian at `x`.
    func covariance(at x: [Double], data: HistFactoryModel.Data, free: [Int]) -> [Double]? {
        let h = hessian(evaluator: LikelihoodEvaluator(model: model), at: x, data: data, free: free)
        return LinearAlgebra.inverse(h, free.count)
    }

    /// Symmetrised central differences of the analytic gradient over the free parameters.
    private func hessian(evaluator: LikelihoodEvaluator, at x: [Double], data: HistFactoryModel.Data,
                         free: [Int]) -> [Double] {
        let n = model.parameterCount
        let m = free.count
        var h = Array(repeating: 0.0, count: m * m)
        var gp = Array(repeating: 0.0, count: n), gm = Array(repeating: 0.0, count: n)
        for (j, k) in free.enumerated() {
            let step = 1e-5 * max(1, abs(x[k]))
            var xp = x, xm = x
            xp[k] += step; xm[k] -= step
            _ = evaluator.nllAndGradient(xp, data: data, gradient: &gp)
            _ = evaluator.nllAndGradient(xm, data: data, gradient: &gm)
            for (i, l) in free.enumerated() { h[i * m + j] = (gp[l] - gm[l]) / (2 * step) }
        }
        for i in 0..<m { for j in 0..<i { let s = 0.5 * (h[i * m + j] + h[j * m + i]); h[i * m + j] = s; h[j * m + i] = s } }
        return h
    }
}

/// Small dense linear algebra (row-major), enough for Newton steps on tens of parameters.
enum LinearAlgebra {
    /// Cholesky factorisation of a + damping * diag(a) (or damping * I where diag is 0);
    /// nil if not positive definite.
    static func cholesky(_ a: [Double], _ n: Int, damping: Double = 0) -> [Double]? {
        var l = Array(repeating: 0.0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                if i == j { sum += damping * max(abs(a[i * n + i]), 1e-12) + (damping > 0 ? damping : 0) }
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        return l
    }

    static func choleskySolve(_ a: [Double], _ n: Int, damping: Double, rhs: [Double]) -> [Double]? {
        guard let l = cholesky(a, n, damping: damping) else { return nil }
        var y = rhs
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= l[i * n + k] * y[k] }
            y[i] = s / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<max(n, i + 1) { s -= l[k * n + i] * y[k] }
            y[i] = s / l[i * n + i]
        }
        return y
    }

    /// Inverse of a symmetric positive-definite matrix, nil otherwise.
    static func inverse(_ a: [Double], _ n: Int) -> [Double]? {
        var out = Array(repeating: 0.0, count: n * n)
        for j in 0..<n {
            var e = Array(repeating: 0.0, count: n)
            e[j] = 1
            guard let col = choleskySolve(a, n, damping: 0, rhs: e) else { return nil }
            for i in 0..<n { out[i * n + j] = col[i] }
        }
        return out
    }
}
