import Foundation

/// A histogram of one observable (a mass, a recoil mass squared, a photon energy): bin edges
/// and counts, the input of a sliding-window fit. Counts may be non-integer (Asimov data,
/// weighted expectations); the Poisson likelihood uses log Gamma(n + 1).
public struct BinnedSpectrum: Sendable, Equatable {
    public let edges: [Double]
    public let counts: [Double]

    public init(edges: [Double], counts: [Double]) throws {
        guard edges.count >= 2, counts.count == edges.count - 1 else {
            throw StatisticsError.invalidArgument(
                name: "spectrum", value: "\(edges.count) edges, \(counts.count) counts",
                reason: "needs at least two edges and one count per bin")
        }
        for (i, e) in edges.enumerated() {
            try StatisticsError.requireFinite(e, "bin edge \(i)")
            if i > 0 && !(e > edges[i - 1]) {
                throw StatisticsError.invalidArgument(name: "bin edge \(i)", value: "\(e)",
                                                      reason: "edges must increase strictly")
            }
        }
        for (i, n) in counts.enumerated() where !(n.isFinite && n >= 0) {
            throw StatisticsError.invalidArgument(name: "count in bin \(i)", value: "\(n)",
                                                  reason: "must be finite and non-negative")
        }
        self.edges = edges
        self.counts = counts
    }

    public var binCount: Int { counts.count }

    /// The bins lying wholly inside [low, high] (a fit window never cuts a bin).
    public func bins(inside low: Double, _ high: Double) -> Range<Int> {
        var first = 0
        while first < binCount && edges[first] < low - 1e-12 * max(1, abs(low)) { first += 1 }
        var last = first
        while last < binCount && edges[last + 1] <= high + 1e-12 * max(1, abs(high)) { last += 1 }
        return first..<last
    }
}
