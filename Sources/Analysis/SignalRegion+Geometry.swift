import Foundation

/// Size and extent of signal regions: what window-size optimisation and fast lookups need.
///
/// The "radius" of a point is the smallest scale s at which it lies inside the region
/// scaled by s about its centre (an interval's half-width or an ellipse's semi-axes times s).
/// So `radius < 1` is the region itself and `radius < s` the region scaled by s, which lets
/// the Punzi optimiser treat the window size as one more tunable cut on a per-hypothesis
/// column (PRL 130 (2023) 071804 optimised its ellipse sizes with the Punzi figure of merit).
extension SignalRegion {
    /// The region scaled by `s` about its centre; unions and intersections scale each part.
    public func scaled(by s: Double) -> SignalRegion {
        precondition(s > 0, "a region scale must be positive")
        switch self {
        case let .interval(o, lo, hi):
            let c = (lo + hi) / 2, h = (hi - lo) / 2 * s
            return .interval(observable: o, low: c - h, high: c + h)
        case let .ellipse(x, y, cx, cy, a, b, angle):
            return .ellipse(x: x, y: y, centreX: cx, centreY: cy, semiAxisX: a * s, semiAxisY: b * s, angle: angle)
        case .all(let rs): return .all(rs.map { $0.scaled(by: s) })
        case .any(let rs): return .any(rs.map { $0.scaled(by: s) })
        }
    }

    /// Smallest scale at which the point lies inside (NaN coordinates give +infinity).
    /// Intervals are half-open, so a point exactly on the edge has radius 1 and is outside.
    public func radius(_ value: (String) -> Double) -> Double {
        switch self {
        case let .interval(o, lo, hi):
            let x = value(o)
            guard x.isFinite else { return .infinity }
            return abs(x - (lo + hi) / 2) / ((hi - lo) / 2)
        case let .ellipse(xo, yo, cx, cy, a, b, angle):
            let dx = value(xo) - cx, dy = value(yo) - cy
            guard dx.isFinite && dy.isFinite else { return .infinity }
            let c = cos(angle), s = sin(angle)
            let u = (c * dx + s * dy) / a, v = (-s * dx + c * dy) / b
            return (u * u + v * v).squareRoot()
        case .all(let rs): return rs.map { $0.radius(value) }.max() ?? 0
        case .any(let rs): return rs.map { $0.radius(value) }.min() ?? .infinity
        }
    }

    /// Per-row radius over a candidate table's columns.
    public func radii(_ table: CandidateTable) throws -> [Double] {
        for o in observables where table.columns[o] == nil {
            throw AnalysisError.missingObservable(search: "", observable: o)
        }
        // Column-wise for the elementary shapes (a closure with dictionary lookups and a
        // sin/cos per row showed up in the 8.34 fb^-1 scan profile); per row for unions.
        switch self {
        case let .interval(o, lo, hi):
            let centre = (lo + hi) / 2, half = (hi - lo) / 2
            return table.columns[o]!.map { $0.isFinite ? abs($0 - centre) / half : .infinity }
        case let .ellipse(xo, yo, cx, cy, a, b, angle):
            let xs = table.columns[xo]!, ys = table.columns[yo]!
            let c = cos(angle), s = sin(angle)
            return (0..<table.count).map { i in
                let dx = xs[i] - cx, dy = ys[i] - cy
                guard dx.isFinite && dy.isFinite else { return .infinity }
                let u = (c * dx + s * dy) / a, v = (-s * dx + c * dy) / b
                return (u * u + v * v).squareRoot()
            }
        case .all, .any:
            return (0..<table.count).map { i in radius { table.columns[$0]![i] } }
        }
    }

    /// An interval of `observable` containing every point of the region (nil when the
    /// region does not bound it), for preselecting rows before the exact test.
    public func bounds(of observable: String) -> ClosedRange<Double>? {
        switch self {
        case let .interval(o, lo, hi): return o == observable ? lo...hi : nil
        case let .ellipse(x, y, cx, cy, a, b, angle):
            // Half-extent of a rotated ellipse along each axis.
            let c = cos(angle), s = sin(angle)
            if observable == x { let h = ((a * c) * (a * c) + (b * s) * (b * s)).squareRoot(); return (cx - h)...(cx + h) }
            if observable == y { let h = ((a * s) * (a * s) + (b * c) * (b * c)).squareRoot(); return (cy - h)...(cy + h) }
            return nil
        case .all(let rs):
            let bs = rs.compactMap { $0.bounds(of: observable) }
            guard let first = bs.first else { return nil }
            let lo = bs.map(\.lowerBound).max()!, hi = bs.map(\.upperBound).min()!
            return lo <= hi ? lo...hi : first.lowerBound...first.lowerBound
        case .any(let rs):
            var lo = Double.infinity, hi = -Double.infinity
            for r in rs {
                guard let b = r.bounds(of: observable) else { return nil }
                lo = min(lo, b.lowerBound); hi = max(hi, b.upperBound)
            }
            return lo <= hi ? lo...hi : nil
        }
    }
}
