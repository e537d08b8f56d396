import EventModel
/// Data with signal regions visible. Exists only through `BlindedData.unblinded(with:)`.
public final class UnblindedData {
    public let search: any Search
    public let token: UnblindingToken
    let sources: [any EventSource]
    let batchSize: Int

    init(search: any Search, sources: [any EventSource], batchSize: Int, token: UnblindingToken) {
        self.search = search
        self.sources = sources
        self.batchSize = batchSize
        self.token = token
    }

    /// All data events passing the preselection of `selection`, signal regions included.
    public func candidates(selection: Selection) throws -> (candidates: CandidateTable, cutFlow: CutFlow) {
        try BlindedData.read(search: search, sources: sources, batchSize: batchSize, selection: selection, hide: nil)
    }

    /// Observed events in a hypothesis' signal region after the full `selection`.
    public func observedCount(in hypothesis: MassHypothesis, selection: Selection) throws -> Int {
        try observedCounts([(hypothesis, selection)])[0]
    }

    /// Observed counts for many hypotheses, each with its own (Punzi-tuned) analysis cuts,
    /// reading the data once. All selections must share one preselection.
    public func observedCounts(_ points: [(hypothesis: MassHypothesis, selection: Selection)]) throws -> [Int] {
        guard let first = points.first?.selection else { return [] }
        guard points.allSatisfy({ $0.selection.preselection == first.preselection }) else {
            throw AnalysisError.invalidArgument("observedCounts needs one preselection for all hypotheses")
        }
        let all = try candidates(selection: first).candidates
        // Index by an observable the regions bound: thousands of small windows each look
        // only at the rows they can contain.
        let region = points[0].hypothesis.signalRegion
        let lookup = try region.observables.sorted().first { region.bounds(of: $0) != nil }
            .map { try CandidateLookup(all, observable: $0) }
        return try points.map { h, selection in
            let rows = lookup?.candidateRows(of: h.signalRegion, total: all.count) ?? Array(0..<all.count)
            let t = all.rows(at: rows)
            let pass = try Selection.mask(selection.cuts, on: t)
            let inside = try h.signalRegion.mask(t)
            return (0..<t.count).filter { pass[$0] && inside[$0] }.count
        }
    }

    /// Observed histograms of template fits, each with its own selection (data are
    /// unweighted, so these are counts), reading the data once.
    public func observedHistograms(_ points: [(binning: TemplateBinning, selection: Selection)]) throws -> [[Double]] {
        guard let first = points.first?.selection else { return [] }
        guard points.allSatisfy({ $0.selection.preselection == first.preselection }) else {
            throw AnalysisError.invalidArgument("observedHistograms needs one preselection for all hypotheses")
        }
        let all = try candidates(selection: first).candidates
        return try points.map { binning, selection in
            try binning.fill(all, mask: try Selection.mask(selection.cuts, on: all)).sum
        }
    }
}
