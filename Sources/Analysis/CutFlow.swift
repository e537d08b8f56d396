/// Weighted yields after each cut, per process, with Monte Carlo statistical uncertainties.
///
/// Row 0 is `all` (every event read); row k is after the first k cuts of the selection
/// applied in order (preselection then analysis cuts at their current thresholds). The
/// uncertainty of a weighted yield is sqrt(sum w^2) (MC statistics only); `entries` keeps
/// the raw event count, which tells whether a small yield rests on one event or a thousand.
public struct CutFlow: Sendable, Equatable, Codable {
    public private(set) var cuts: [String]
    public private(set) var processes: [String]
    /// yields[process][cut]
    public private(set) var yields: [String: [Double]]
    public private(set) var sumW2: [String: [Double]]
    public private(set) var entries: [String: [Int]]

    public init(cuts: [String]) {
        self.cuts = ["all"] + cuts
        processes = []; yields = [:]; sumW2 = [:]; entries = [:]
    }

    public func yield(process: String, cut: String) -> Double? {
        guard let j = cuts.firstIndex(of: cut) else { return nil }
        return yields[process]?[j]
    }

    /// sqrt(sum w^2) of the yield.
    public func uncertainty(process: String, cut: String) -> Double? {
        guard let j = cuts.firstIndex(of: cut), let s = sumW2[process]?[j] else { return nil }
        return s.squareRoot()
    }

    /// Sum over processes (e.g. all backgrounds) with uncertainties added in quadrature.
    public func total(processes names: [String]? = nil) -> (yields: [Double], uncertainties: [Double]) {
        var y = [Double](repeating: 0, count: cuts.count), s2 = y
        for p in names ?? processes {
            guard let py = yields[p], let ps = sumW2[p] else { continue }
            for j in cuts.indices { y[j] += py[j]; s2[j] += ps[j] }
        }
        return (y, s2.map { $0.squareRoot() })
    }

    /// Adds events of one process: `weights` per event and `passed[k][i]` whether event i
    /// survives the first k+1 cuts (cumulative masks).
    public mutating func add(process: String, weights: [Double], cumulative passed: [[Bool]]) {
        precondition(passed.count == cuts.count - 1, "one cumulative mask per cut")
        if yields[process] == nil {
            processes.append(process)
            yields[process] = [Double](repeating: 0, count: cuts.count)
            sumW2[process] = yields[process]
            entries[process] = [Int](repeating: 0, count: cuts.count)
        }
        // Accumulate in local arrays: a dictionary lookup (hashing the process name) per event
        // and cut was 40% of a 8.34 fb^-1 dark-Higgsstrahlung scan.
        var y = yields[process]!, s2 = sumW2[process]!, n = entries[process]!
        for i in weights.indices {
            let w = weights[i]
            y[0] += w; s2[0] += w * w; n[0] += 1
            for k in passed.indices {
                guard passed[k][i] else { break }
                y[k + 1] += w; s2[k + 1] += w * w; n[k + 1] += 1
            }
        }
        yields[process] = y; sumW2[process] = s2; entries[process] = n
    }

    /// Every yield multiplied by `factor` and every sum of squared weights by its square
    /// (a luminosity rescaling applied after the events were counted, as when per-shard cut
    /// flows of a fanned-out selection are merged).
    public func scalingWeights(by factor: Double) -> CutFlow {
        var out = self
        for p in processes {
            out.yields[p] = yields[p]!.map { $0 * factor }
            out.sumW2[p] = sumW2[p]!.map { $0 * factor * factor }
        }
        return out
    }

    /// Sum of two cut flows over the same cuts (shards processed separately).
    public func merging(_ other: CutFlow) -> CutFlow {
        precondition(cuts == other.cuts, "cut flows over different cuts cannot be merged")
        var out = self
        for p in other.processes {
            if out.yields[p] == nil {
                out.processes.append(p)
                out.yields[p] = other.yields[p]; out.sumW2[p] = other.sumW2[p]; out.entries[p] = other.entries[p]
            } else {
                for j in cuts.indices {
                    out.yields[p]![j] += other.yields[p]![j]
                    out.sumW2[p]![j] += other.sumW2[p]![j]
                    out.entries[p]![j] += other.entries[p]![j]
                }
            }
        }
        return out
    }

    /// The cut flow of one hypothesis on preselected candidates: `preselected`, then each
    /// analysis cut of `selection` in order (at its current, e.g. Punzi-chosen, threshold),
    /// then `signal region` (the hypothesis' window), per process in the table.
    public static func forHypothesis(_ hypothesis: MassHypothesis, selection: Selection,
                                     candidates: CandidateTable) throws -> CutFlow {
        var flow = CutFlow(cuts: selection.cuts.map(\.name) + ["signal region"])
        flow.cuts[0] = "preselected"
        var masks = try cumulativeMasks(selection.cuts, columns: candidates.columns, count: candidates.count, search: "")
        let region = try hypothesis.signalRegion.mask(candidates)
        let last = masks.last ?? [Bool](repeating: true, count: candidates.count)
        masks.append(zip(last, region).map { $0 && $1 })
        for (p, name) in candidates.processes.enumerated() {
            let rows = candidates.processIndex.indices.filter { candidates.processIndex[$0] == Int32(p) }
            flow.add(process: name, weights: rows.map { candidates.weight[$0] },
                     cumulative: masks.map { m in rows.map { m[$0] } })
        }
        return flow
    }

    /// Cumulative pass masks of `cuts` over observable columns of `count` events.
    static func cumulativeMasks(_ cuts: [Cut], columns: ObservableColumns, count: Int, search: String) throws -> [[Bool]] {
        var current = [Bool](repeating: true, count: count)
        var out: [[Bool]] = []
        out.reserveCapacity(cuts.count)
        for cut in cuts {
            guard let x = columns[cut.observable] else {
                throw AnalysisError.missingObservable(search: search, observable: cut.observable)
            }
            for i in 0..<count where current[i] { current[i] = cut.passes(x[i]) }
            out.append(current)
        }
        return out
    }
}
