import Foundation

/// The binned Poisson likelihood of one fit window: lambda_i = mu s_i + b_i(theta), with s_i the
/// signal expectation at mu = 1 (`WindowSignalShape`) and b_i the parametric background
/// (`BackgroundShape`). Parameters are ordered (mu, theta_0, ..., theta_order).
///
/// -2 ln L = 2 sum_i [lambda_i - n_i ln lambda_i + ln Gamma(n_i + 1)], the full Poisson term (as
/// pyhf's twice_nll), so values compare with any other tool. A parameter point where some
/// lambda_i < 0, or lambda_i = 0 with n_i > 0, has zero likelihood (+infinity here): the fit
/// and the marginalisation never step there, which is how a polynomial background stays
/// physical without bounds on its coefficients.
public struct WindowModel: Sendable {
    /// Window edges in the observable and the fitted bins' edges (a sideband fit leaves some out).
    public let windowLow: Double
    public let windowHigh: Double
    public let lower: [Double]
    public let upper: [Double]
    /// Observed counts of the fitted bins.
    public let observed: [Double]
    /// Signal expectation per fitted bin at mu = 1.
    public let signal: [Double]
    public let backgroundShape: BackgroundShape
    let background: CompiledBackground
    private let logGammaObserved: [Double]

    public var parameterCount: Int { backgroundShape.parameterCount + 1 }
    public var binCount: Int { observed.count }

    /// - Parameters:
    ///   - window: the fit range; only bins wholly inside it are fitted.
    ///   - signal: nil for a background-only model (fit it with mu fixed at 0).
    ///   - excluding: bins whose centre lies inside this range are left out (a sideband fit,
    ///     e.g. for choosing the background order while the signal region stays blind).
    public init(spectrum: BinnedSpectrum, window: ClosedRange<Double>, signal: WindowSignalShape?,
                background: BackgroundShape, excluding: ClosedRange<Double>? = nil) throws {
        let bins = spectrum.bins(inside: window.lowerBound, window.upperBound)
        guard bins.count >= background.parameterCount + 2 else {
            throw StatisticsError.invalidArgument(
                name: "fit window", value: "[\(window.lowerBound), \(window.upperBound)] (\(bins.count) bins)",
                reason: "needs at least \(background.parameterCount + 2) whole bins for a \(background)")
        }
        let low = spectrum.edges[bins.lowerBound], high = spectrum.edges[bins.upperBound]
        let allLower = bins.map { spectrum.edges[$0] }, allUpper = bins.map { spectrum.edges[$0 + 1] }
        let allSignal = try signal?.expected(lower: allLower, upper: allUpper)
            ?? Array(repeating: 0, count: allLower.count)
        var kept = Array(0..<bins.count)
        if let excluded = excluding {
            kept = kept.filter { !excluded.contains(0.5 * (allLower[$0] + allUpper[$0])) }
            guard kept.count >= background.parameterCount + 1 else {
                throw StatisticsError.invalidArgument(
                    name: "sideband exclusion", value: "[\(excluded.lowerBound), \(excluded.upperBound)]",
                    reason: "leaves \(kept.count) bins, fewer than the \(background.parameterCount + 1) a \(background) fit needs")
            }
        }
        windowLow = low
        windowHigh = high
        lower = kept.map { allLower[$0] }
        upper = kept.map { allUpper[$0] }
        observed = kept.map { spectrum.counts[bins.lowerBound + $0] }
        self.signal = kept.map { allSignal[$0] }
        backgroundShape = background
        self.background = CompiledBackground(shape: background, lower: lower, upper: upper, windowLow: low,
                                             windowHigh: high, meanBinWidth: (high - low) / Double(bins.count))
        logGammaObserved = observed.map { lgamma($0 + 1) }
    }

    /// The same window with other counts in its fitted bins (Asimov data, toys).
    public func with(observed counts: [Double]) throws -> WindowModel {
        guard counts.count == binCount else {
            throw StatisticsError.invalidArgument(name: "window data", value: "\(counts.count) bins",
                                                  reason: "the window fits \(binCount) bins")
        }
        return WindowModel(copying: self, observed: counts)
    }

    private init(copying m: WindowModel, observed counts: [Double]) {
        windowLow = m.windowLow; windowHigh = m.windowHigh; lower = m.lower; upper = m.upper
        signal = m.signal; backgroundShape = m.backgroundShape; background = m.background
        observed = counts
        logGammaObserved = counts.map { lgamma($0 + 1) }
    }

    /// A flat background at the observed mean count with mu = 0.
    public var suggestedStart: [Double] {
        [0] + background.flatStart(meanCount: observed.reduce(0, +) / Double(max(binCount, 1)))
    }

    /// Expected counts per fitted bin at `x`.
    public func expected(_ x: [Double]) -> [Double] {
        var b = Array(repeating: 0.0, count: binCount)
        var g: [[Double]] = [], h: [[Double]] = []
        background.evaluate(x[1...], values: &b, gradient: &g, hessian: &h, derivatives: false)
        return (0..<binCount).map { x[0] * signal[$0] + b[$0] }
    }

    /// Expected background per fitted bin at `x` (signal left out).
    public func expectedBackground(_ x: [Double]) -> [Double] {
        var b = Array(repeating: 0.0, count: binCount)
        var g: [[Double]] = [], h: [[Double]] = []
        background.evaluate(x[1...], values: &b, gradient: &g, hessian: &h, derivatives: false)
        return b
    }

    /// -2 ln L at `x` (+infinity outside the physical region).
    public func twiceNLL(_ x: [Double]) -> Double {
        2 * nll(expected(x))
    }

    func nll(_ lambda: [Double]) -> Double {
        var f = 0.0
        for i in 0..<binCount {
            let l = lambda[i], n = observed[i]
            if l < 0 || (l == 0 && n > 0) || !l.isFinite { return .infinity }
            f += l - (n > 0 ? n * log(l) : 0) + logGammaObserved[i]
        }
        return f
    }

    /// NLL (= -ln L), its gradient and Hessian (row-major, parameterCount^2) at `x`.
    func nllGradientHessian(_ x: [Double]) -> (f: Double, gradient: [Double], hessian: [Double]) {
        let p = parameterCount, q = p - 1
        var b = Array(repeating: 0.0, count: binCount)
        var db = Array(repeating: [Double](), count: binCount)
        var d2b = Array(repeating: [Double](), count: binCount)
        background.evaluate(x[1...], values: &b, gradient: &db, hessian: &d2b, derivatives: true)
        var lambda = b
        for i in 0..<binCount { lambda[i] += x[0] * signal[i] }
        let f = nll(lambda)
        var g = Array(repeating: 0.0, count: p)
        var h = Array(repeating: 0.0, count: p * p)
        guard f.isFinite else { return (f, g, h) }
        var dl = Array(repeating: 0.0, count: p)
        for i in 0..<binCount {
            let l = lambda[i], n = observed[i]
            guard l > 0 else { continue }   // lambda = n = 0: the term is lambda, linear
            let a = 1 - n / l, c = n / (l * l)
            dl[0] = signal[i]
            for k in 0..<q { dl[k + 1] = db[i][k] }
            for k in 0..<p {
                g[k] += a * dl[k]
                for j in 0...k { h[k * p + j] += c * dl[k] * dl[j] }
            }
            if !d2b[i].isEmpty {
                for k in 0..<q { for j in 0...k { h[(k + 1) * p + j + 1] += a * d2b[i][k * q + j] } }
            }
        }
        for k in 0..<p { for j in 0..<k { h[j * p + k] = h[k * p + j] } }
        return (f, g, h)
    }
}
