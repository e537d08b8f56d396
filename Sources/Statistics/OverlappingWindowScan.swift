import Foundation

/// Local and global significance for a scan of overlapping counting windows (the
/// dark-Higgsstrahlung ellipses), with the look-elsewhere effect from background-only
/// pseudo-experiments thrown at the level of background events, so that the correlations
/// between overlapping windows are exactly those of the data.
///
/// The background is a set of weighted events (simulation after the final selection of
/// each window); `members[j]` lists the events window j counts. A pseudo-experiment draws
/// the number of events N ~ Poisson(sum w) and then N events with probability w_i / sum w
/// (the same as an independent Poisson(w_i) count per event), so every window count is
/// Poisson with mean b_j and shared events make neighbouring windows correlated.
///
/// Local p-value of a window: p_j = P(N >= n_j | b_j) (Poisson, background uncertainty not
/// included: the toys then calibrate exactly this statistic). The global p-value of a
/// scan's smallest local p-value is the fraction of pseudo-experiments whose smallest local
/// p-value is as small or smaller (Gross and Vitells, EPJC 70 (2010) 525, section 2, the
/// brute-force definition their asymptotic formula approximates).
public struct OverlappingWindowScan: Sendable {
    public let eventWeights: [Double]
    public let members: [[Int]]
    /// b_j = sum of the member weights.
    public let backgrounds: [Double]
    /// Windows of each event that lies in at least one window (the transpose of `members`);
    /// events in no window cannot change a count and are not drawn.
    let windowsOfEvent: [[Int]]
    let cumulative: [Double]

    public init(eventWeights: [Double], members: [[Int]]) throws {
        guard eventWeights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw StatisticsError.invalidArgument(name: "eventWeights", value: "non-finite or negative", reason: "background event weights must be finite and >= 0")
        }
        var inverse = [[Int]](repeating: [], count: eventWeights.count)
        for (j, rows) in members.enumerated() {
            for i in rows {
                guard i >= 0 && i < eventWeights.count else {
                    throw StatisticsError.invalidArgument(name: "members[\(j)]", value: "\(i)", reason: "event index outside 0..<\(eventWeights.count)")
                }
                inverse[i].append(j)
            }
        }
        self.eventWeights = eventWeights
        self.members = members
        backgrounds = members.map { $0.reduce(0) { $0 + eventWeights[$1] } }
        let used = inverse.indices.filter { !inverse[$0].isEmpty && eventWeights[$0] > 0 }
        windowsOfEvent = used.map { inverse[$0] }
        var c = 0.0
        cumulative = used.map { c += eventWeights[$0]; return c }
    }

    /// P(N >= n | b) for a Poisson mean b (1 for n <= 0).
    public static func localPValue(observed n: Int, background b: Double) -> Double {
        guard n > 0 else { return 1 }
        if b <= 0 { return 0 }
        return max(0, 1 - SpecialFunctions.poissonCDF(n - 1, b))
    }

    /// Smallest local p-value over the windows and the window where it occurs.
    public func smallestLocalPValue(counts: [Int]) -> (pValue: Double, window: Int) {
        var best = (1.0, -1)
        for j in counts.indices where counts[j] > 0 {
            let p = Self.localPValue(observed: counts[j], background: backgrounds[j])
            if p < best.0 { best = (p, j) }
        }
        return best
    }

    /// Window counts of one background-only pseudo-experiment.
    public func pseudoExperiment(_ rng: MersenneTwister) -> [Int] {
        var counts = [Int](repeating: 0, count: members.count)
        guard let total = cumulative.last, total > 0 else { return counts }
        let n = Int(rng.poisson(total))
        for _ in 0..<n {
            let u = rng.uniform() * total
            var lo = 0, hi = cumulative.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] >= u { hi = mid } else { lo = mid + 1 }
            }
            for j in windowsOfEvent[lo] { counts[j] += 1 }
        }
        return counts
    }

    /// Smallest local p-values of `toys` background-only pseudo-experiments, sorted.
    public func toyMinima(toys: Int, seed: UInt) throws -> [Double] {
        guard toys > 0 else {
            throw StatisticsError.invalidArgument(name: "toys", value: "\(toys)", reason: "must be positive")
        }
        let rng = MersenneTwister(seed: seed)
        return (0..<toys).map { _ in smallestLocalPValue(counts: pseudoExperiment(rng)).pValue }.sorted()
    }

    /// Global p-value of an observed smallest local p-value from sorted toy minima.
    public static func globalPValue(observedMinimum p: Double, sortedToyMinima minima: [Double]) -> Double {
        guard !minima.isEmpty else { return .nan }
        var lo = 0, hi = minima.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if minima[mid] <= p { lo = mid + 1 } else { hi = mid }
        }
        return Double(lo) / Double(minima.count)
    }

    /// The local p-value a window must reach for a global p-value of `globalP` (the
    /// globalP-quantile of the toy minima).
    public static func localPValueThreshold(globalP: Double, sortedToyMinima minima: [Double]) -> Double {
        guard !minima.isEmpty else { return .nan }
        let k = max(0, min(minima.count - 1, Int((globalP * Double(minima.count)).rounded(.down)) - 1))
        return minima[k]
    }
}
