import Foundation

/// Where a mass hypothesis' signal lives in observable space.
///
/// An enum rather than a protocol so that regions are values that can be hashed into the
/// configuration, printed in reports and tested for overlap with data at read time (blinding).
/// `.all` composes 1D intervals into boxes, e.g. M_S bin x lifetime bin for B -> K S.
public indirect enum SignalRegion: Sendable, Hashable, Codable {
    /// low <= x < high
    case interval(observable: String, low: Double, high: Double)
    /// ((u/a)^2 + (v/b)^2 < 1) with (u, v) the point relative to the centre rotated by -angle
    /// (radians, counter-clockwise from the x axis): the dark Higgsstrahlung windows.
    case ellipse(x: String, y: String, centreX: Double, centreY: Double,
                 semiAxisX: Double, semiAxisY: Double, angle: Double)
    /// Inside every region (intersection), e.g. a box in (M_S, decay length).
    case all([SignalRegion])
    /// Inside any region (union), e.g. the blinded region of a whole search.
    case any([SignalRegion])

    /// Observables the region reads.
    public var observables: Set<String> {
        switch self {
        case .interval(let o, _, _): return [o]
        case .ellipse(let x, let y, _, _, _, _, _): return [x, y]
        case .all(let rs), .any(let rs): return rs.reduce(into: Set<String>()) { $0.formUnion($1.observables) }
        }
    }

    /// Whether the point given by `value(observable)` lies inside. NaN is never inside.
    public func contains(_ value: (String) -> Double) -> Bool {
        switch self {
        case let .interval(o, lo, hi):
            let x = value(o)
            return x >= lo && x < hi
        case let .ellipse(xo, yo, cx, cy, a, b, angle):
            let dx = value(xo) - cx, dy = value(yo) - cy
            let c = cos(angle), s = sin(angle)
            let u = c * dx + s * dy, v = -s * dx + c * dy
            return (u / a) * (u / a) + (v / b) * (v / b) < 1
        case .all(let rs): return rs.allSatisfy { $0.contains(value) }
        case .any(let rs): return rs.contains { $0.contains(value) }
        }
    }

    /// Per-row membership over observable columns (a candidate table or a raw batch's
    /// observables). Throws when a column the region needs is missing.
    public func mask(_ columns: ObservableColumns, rows: Int, search: String = "") throws -> [Bool] {
        for o in observables where columns[o] == nil {
            throw AnalysisError.missingObservable(search: search, observable: o)
        }
        return maskUnchecked(columns, rows: rows)
    }

    /// Column-wise evaluation: one tight loop per elementary region, combined with AND/OR,
    /// so a union of thousands of windows (dark Higgsstrahlung) costs thousands of simple
    /// passes rather than thousands of closure calls per event.
    func maskUnchecked(_ columns: ObservableColumns, rows: Int) -> [Bool] {
        switch self {
        case let .interval(o, lo, hi):
            return columns[o]!.map { $0 >= lo && $0 < hi }
        case let .ellipse(xo, yo, cx, cy, a, b, angle):
            let xs = columns[xo]!, ys = columns[yo]!
            let c = cos(angle), s = sin(angle)
            var out = [Bool](repeating: false, count: rows)
            for i in 0..<rows {
                let dx = xs[i] - cx, dy = ys[i] - cy
                let u = (c * dx + s * dy) / a, v = (-s * dx + c * dy) / b
                out[i] = u * u + v * v < 1
            }
            return out
        case .all(let rs):
            var out = [Bool](repeating: true, count: rows)
            for r in rs {
                let m = r.maskUnchecked(columns, rows: rows)
                for i in 0..<rows where !m[i] { out[i] = false }
            }
            return out
        case .any(let rs):
            var out = [Bool](repeating: false, count: rows)
            for r in rs {
                let m = r.maskUnchecked(columns, rows: rows)
                for i in 0..<rows where m[i] { out[i] = true }
            }
            return out
        }
    }

    public func mask(_ table: CandidateTable) throws -> [Bool] {
        try mask(table.columns, rows: table.count)
    }
}
