/// Rows of a candidate table sorted by one observable, so that the rows a signal region can
/// contain are found by two binary searches instead of a pass over the whole table.
///
/// Why: the dark-Higgsstrahlung scan asks ~9000 small windows for their rows; testing every
/// background candidate against every window would cost (rows x windows) region tests.
public struct CandidateLookup: Sendable {
    public let observable: String
    /// Row indices in increasing order of the observable (NaN rows left out).
    let order: [Int]
    let sortedValues: [Double]

    public init(_ table: CandidateTable, observable: String) throws {
        let x = try table.column(observable)
        self.observable = observable
        order = x.indices.filter { x[$0].isFinite }.sorted { x[$0] < x[$1] }
        sortedValues = order.map { x[$0] }
    }

    /// Rows with the observable in `range`, in increasing row order.
    public func rows(in range: ClosedRange<Double>) -> [Int] {
        let lo = firstIndex { $0 >= range.lowerBound }, hi = firstIndex { $0 > range.upperBound }
        return lo < hi ? order[lo..<hi].sorted() : []
    }

    /// Rows that may lie inside `region`: all rows when the region does not bound this observable.
    public func candidateRows(of region: SignalRegion, total: Int) -> [Int] {
        guard let b = region.bounds(of: observable) else { return Array(0..<total) }
        return rows(in: b)
    }

    private func firstIndex(where predicate: (Double) -> Bool) -> Int {
        var lo = 0, hi = sortedValues.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(sortedValues[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
