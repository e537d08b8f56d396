import CGSL
import Foundation

/// The smooth background of a window fit: a low-order polynomial or the exponential of one,
/// in t = 2 (x - centre)/(high - low) in [-1, 1] over the window, so coefficients of
/// different orders are of comparable size whatever the observable's units.
///
/// Expected counts per bin are integrals of the density over the bin, normalised to the
/// window's mean bin width w: lambda_i = (1/w) Int_bin f(t(x)) dx, so c_0 (polynomial) or
/// exp(a_0) (exponential) is about the mean count per bin.
/// - `polynomial`: f = sum_k c_k t^k; linear in its coefficients (the fit is convex), exact
///   integrals; it may turn negative, where the likelihood is zero (the fit never goes there).
/// - `exponentialPolynomial`: f = exp(sum_k a_k t^k); positive everywhere; integrals by
///   16-point Gauss-Legendre per bin (GSL glfixed), exact to ~1e-15 for bins narrower than
///   the shape's curvature scale.
public struct BackgroundShape: Sendable, Equatable, CustomStringConvertible {
    public enum Family: String, Sendable, Codable, CaseIterable {
        case polynomial
        case exponentialPolynomial = "exponential-polynomial"
    }

    public let family: Family
    /// Highest power of t (0 = flat, or a pure exponential normalisation for exp-poly).
    public let order: Int

    public init(_ family: Family, order: Int) throws {
        guard (0...6).contains(order) else {
            throw StatisticsError.invalidArgument(name: "background order", value: "\(order)",
                                                  reason: "must lie in 0...6 (a window fit needs a low order)")
        }
        self.family = family
        self.order = order
    }

    public var parameterCount: Int { order + 1 }
    public var description: String { "\(family.rawValue) of order \(order)" }
}

/// A `BackgroundShape` compiled on the bins of one window: everything the likelihood needs
/// to give lambda_i and its first and second derivatives in the shape's parameters.
struct CompiledBackground: Sendable {
    let shape: BackgroundShape
    let binCount: Int
    /// Polynomial: moments[i][k] = d lambda_i / d c_k (constant).
    private let moments: [[Double]]
    /// Exponential polynomial: nodes t and weights (dx/w included) per bin, with powers t^k.
    private let nodePowers: [[[Double]]]
    private let nodeWeights: [[Double]]

    static let gaussLegendrePoints = 16

    /// - Parameters: lower/upper: each fitted bin's edges (a subset of the window's bins is
    ///   allowed, for sideband fits); windowLow/windowHigh and meanBinWidth fix t and w.
    init(shape: BackgroundShape, lower: [Double], upper: [Double], windowLow: Double, windowHigh: Double,
         meanBinWidth: Double) {
        self.shape = shape
        binCount = lower.count
        let half = (windowHigh - windowLow) / 2, centre = (windowHigh + windowLow) / 2
        let p = shape.parameterCount
        switch shape.family {
        case .polynomial:
            // (1/w) Int x-bin t^k dx = (half/w) (tb^(k+1) - ta^(k+1))/(k+1).
            var rows: [[Double]] = []
            for (lo, hi) in zip(lower, upper) {
                let ta: Double = (lo - centre) / half, tb: Double = (hi - centre) / half
                var row: [Double] = []
                for k in 0..<p {
                    let power = Double(k + 1)
                    let integral: Double = (pow(tb, power) - pow(ta, power)) / power
                    row.append(half / meanBinWidth * integral)
                }
                rows.append(row)
            }
            moments = rows
            nodePowers = []; nodeWeights = []
        case .exponentialPolynomial:
            _ = GSLSetup.ready
            let table = gsl_integration_glfixed_table_alloc(Self.gaussLegendrePoints)!
            defer { gsl_integration_glfixed_table_free(table) }
            var powers: [[[Double]]] = [], weights: [[Double]] = []
            for (lo, hi) in zip(lower, upper) {
                let ta = (lo - centre) / half, tb = (hi - centre) / half
                var binPowers: [[Double]] = [], binWeights: [Double] = []
                for j in 0..<Self.gaussLegendrePoints {
                    var t = 0.0, wt = 0.0
                    gsl_integration_glfixed_point(ta, tb, j, &t, &wt, table)
                    binPowers.append((0..<(2 * p - 1)).map { pow(t, Double($0)) })
                    binWeights.append(wt * half / meanBinWidth)
                }
                powers.append(binPowers); weights.append(binWeights)
            }
            nodePowers = powers; nodeWeights = weights; moments = []
        }
    }

    /// Starting parameters for a background of `meanCount` per bin: flat.
    func flatStart(meanCount: Double) -> [Double] {
        var x = Array(repeating: 0.0, count: shape.parameterCount)
        x[0] = shape.family == .polynomial ? max(meanCount, 1e-3) : log(max(meanCount, 1e-3))
        return x
    }

    /// lambda_i, d lambda_i/d theta_k (gradient[i][k]) and, for the exponential family,
    /// d2 lambda_i/d theta_k d theta_l (hessian[i][k * p + l]; empty for the polynomial, whose
    /// second derivatives vanish).
    func evaluate(_ theta: ArraySlice<Double>, values: inout [Double], gradient: inout [[Double]],
                  hessian: inout [[Double]], derivatives: Bool) {
        let p = shape.parameterCount
        let th = Array(theta)
        switch shape.family {
        case .polynomial:
            for i in 0..<binCount {
                var v = 0.0
                for k in 0..<p { v += th[k] * moments[i][k] }
                values[i] = v
                if derivatives { gradient[i] = moments[i] }
            }
        case .exponentialPolynomial:
            for i in 0..<binCount {
                var v = 0.0
                var g = derivatives ? Array(repeating: 0.0, count: p) : []
                var h = derivatives ? Array(repeating: 0.0, count: p * p) : []
                for (j, powers) in nodePowers[i].enumerated() {
                    var exponent = 0.0
                    for k in 0..<p { exponent += th[k] * powers[k] }
                    let term = nodeWeights[i][j] * exp(exponent)
                    v += term
                    if derivatives {
                        for k in 0..<p {
                            g[k] += term * powers[k]
                            for l in 0..<p { h[k * p + l] += term * powers[k + l] }
                        }
                    }
                }
                values[i] = v
                if derivatives { gradient[i] = g; hessian[i] = h }
            }
        }
    }
}
