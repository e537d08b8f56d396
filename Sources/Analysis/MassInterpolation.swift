/// Interpolation of a quantity known at generated masses (signal efficiency, resolution).
///
/// Monotone cubic (Fritsch-Carlson) by default: smooth like a spline but never overshoots
/// between points, so an efficiency cannot leave [min, max] of its neighbours. Linear is
/// offered for cross-checks. Extrapolation is refused: a limit outside the generated masses
/// would rest on nothing.
public struct MassInterpolation: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable { case linear, monotoneCubic = "monotone-cubic" }
    public let x: [Double]
    public let y: [Double]
    public let method: Method
    private let slopes: [Double]

    public init(x: [Double], y: [Double], method: Method = .monotoneCubic) throws {
        guard x.count == y.count, x.count >= 2 else {
            throw AnalysisError.invalidArgument("interpolation needs at least two (x, y) points of equal count")
        }
        let order = x.indices.sorted { x[$0] < x[$1] }
        let xs = order.map { x[$0] }, ys = order.map { y[$0] }
        for i in 1..<xs.count where !(xs[i] > xs[i - 1]) {
            throw AnalysisError.invalidArgument("interpolation points must have distinct x (duplicate \(xs[i]))")
        }
        self.x = xs; self.y = ys; self.method = method
        // Fritsch-Carlson tangents.
        let n = xs.count
        var d = [Double](repeating: 0, count: n - 1)
        for i in 0..<(n - 1) { d[i] = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]) }
        var m = [Double](repeating: 0, count: n)
        m[0] = d[0]; m[n - 1] = d[n - 2]
        for i in 1..<(n - 1) { m[i] = d[i - 1] * d[i] <= 0 ? 0 : (d[i - 1] + d[i]) / 2 }
        for i in 0..<(n - 1) {
            if d[i] == 0 { m[i] = 0; m[i + 1] = 0; continue }
            let a = m[i] / d[i], b = m[i + 1] / d[i]
            let h = a * a + b * b
            if h > 9 { let t = 3 / h.squareRoot(); m[i] = t * a * d[i]; m[i + 1] = t * b * d[i] }
        }
        slopes = m
    }

    public func callAsFunction(_ v: Double) throws -> Double {
        guard let lo = x.first, let hi = x.last, v >= lo, v <= hi else {
            throw AnalysisError.interpolationOutOfRange(value: v, low: x.first ?? .nan, high: x.last ?? .nan, what: "interpolation")
        }
        var i = 0
        while i < x.count - 2 && v > x[i + 1] { i += 1 }
        let h = x[i + 1] - x[i], t = (v - x[i]) / h
        switch method {
        case .linear: return y[i] + t * (y[i + 1] - y[i])
        case .monotoneCubic:
            let t2 = t * t, t3 = t2 * t
            return (2 * t3 - 3 * t2 + 1) * y[i] + (t3 - 2 * t2 + t) * h * slopes[i]
                + (-2 * t3 + 3 * t2) * y[i + 1] + (t3 - t2) * h * slopes[i + 1]
        }
    }
}
