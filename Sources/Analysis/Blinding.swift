import EventModel

/// Which data events a blinded search hides: those that pass the preselection and every
/// analysis cut at its loosest tunable threshold and lie inside the blinded region: the
/// search's envelope over its whole allowed parameter range (`BlindingEnvelope`), joined
/// with the configured hypotheses' region, so that no configured grid can shrink it.
///
/// Loosest thresholds because the cuts are tuned after the policy is fixed: whatever the
/// Punzi optimiser picks, no selected signal-region event can have been seen. Events that fail
/// the loosest selection (reversed muon ID, reversed photon veto, ...) are signal-free control
/// events and stay visible, as do sidebands outside every signal region.
/// The search's own selection always takes part: an event is hidden if it passes the loosest
/// form of the search's default selection *or* of the configured one, so a configuration
/// with a tighter fixed cut cannot shrink what is hidden.
public struct BlindingPolicy: Sendable, Hashable {
    public let region: SignalRegion
    public let selections: [Selection]

    public init(search: any Search, hypotheses: [MassHypothesis], selection: Selection? = nil) throws {
        region = try BlindingEnvelope.hidden(search: search, configured: hypotheses)
        var s = [search.selection.loosest]
        if let selection, selection.loosest != s[0] { s.append(selection.loosest) }
        selections = s
    }

    /// true where the event must be hidden.
    public func hiddenMask(_ columns: ObservableColumns, count: Int, search: String) throws -> [Bool] {
        var selected = [Bool](repeating: false, count: count)
        for selection in selections {
            let masks = try CutFlow.cumulativeMasks(selection.allCuts, columns: columns, count: count, search: search)
            let m = masks.last ?? [Bool](repeating: true, count: count)
            for i in 0..<count where m[i] { selected[i] = true }
        }
        let inside = try region.mask(columns, rows: count, search: search)
        return (0..<count).map { selected[$0] && inside[$0] }
    }
}

/// The only door through which analysis code reads data while a search is blinded.
///
/// Every batch read from a data source has its hidden events removed (`BlindingPolicy`)
/// immediately after the observables are computed and before any selection, cut flow,
/// control sample or output sees it. There is deliberately no method that counts or returns
/// the hidden events: a blinded run has no path to a signal-region data count. Observed
/// counts exist only on `UnblindedData`, which needs an `UnblindingToken`.
public final class BlindedData {
    public let search: any Search
    public let policy: BlindingPolicy
    /// Configuration the policy was built from; an unblinding token must match it.
    public let configurationHash: String
    let sources: [any EventSource]
    let batchSize: Int

    /// Opens data sources for a configured search: the blinded region comes from the
    /// configuration's hypotheses (or the search's `blindedRegion` override), the hash ties a
    /// later unblinding to this configuration. Simulation sources are refused (they need no
    /// blinding and mixing them in would blur the distinction).
    public convenience init(search: any Search, configuration: SearchConfiguration, sources: [any EventSource],
                            batchSize: Int = 65_536) throws {
        guard configuration.searchID == search.id else {
            throw AnalysisError.invalidArgument("configuration \(configuration.file) is for '\(configuration.searchID)', not '\(search.id)'")
        }
        try self.init(search: search, hypotheses: configuration.hypotheses, configurationHash: configuration.hash,
                      sources: sources, selection: configuration.selection, batchSize: batchSize)
    }

    /// Internal so that code outside Analysis cannot blind with hand-made hypotheses.
    init(search: any Search, hypotheses: [MassHypothesis], configurationHash: String,
         sources: [any EventSource], selection: Selection? = nil, batchSize: Int = 65_536) throws {
        guard !hypotheses.isEmpty else {
            throw AnalysisError.invalidArgument("blinding '\(search.id)' needs at least one mass hypothesis")
        }
        for s in sources where s.metadata.conditions != "data" { throw AnalysisError.notData(path: s.path) }
        self.search = search
        self.policy = try BlindingPolicy(search: search, hypotheses: hypotheses, selection: selection)
        self.configurationHash = configurationHash
        self.sources = sources
        self.batchSize = batchSize
    }

    /// Visible data events passing `selection`'s preselection, and the visible cut flow of
    /// the whole selection (process `data`).
    public func candidates(selection: Selection) throws -> (candidates: CandidateTable, cutFlow: CutFlow) {
        try Self.read(search: search, sources: sources, batchSize: batchSize, selections: [selection], hide: policy)[0]
    }

    /// The same for several selections in one pass over the files (control samples);
    /// `filter` may drop further events (never add hidden ones back).
    public func candidates(selections: [Selection], filter: (any EventFilter)? = nil) throws -> [(candidates: CandidateTable, cutFlow: CutFlow)] {
        try Self.read(search: search, sources: sources, batchSize: batchSize, selections: selections, hide: policy, filter: filter)
    }

    /// Shared reader of `BlindedData` and `UnblindedData`; `hide` nil reads everything.
    static func read(search: any Search, sources: [any EventSource], batchSize: Int, selection: Selection,
                     hide: BlindingPolicy?) throws -> (candidates: CandidateTable, cutFlow: CutFlow) {
        try read(search: search, sources: sources, batchSize: batchSize, selections: [selection], hide: hide)[0]
    }

    static func read(search: any Search, sources: [any EventSource], batchSize: Int, selections: [Selection],
                     hide: BlindingPolicy?, filter: (any EventFilter)? = nil) throws -> [(candidates: CandidateTable, cutFlow: CutFlow)] {
        // Files in parallel, merged in file order (see `MonteCarloSelection`).
        let partials = try ConcurrentMap.map(each: sources) { s -> (tables: [CandidateTable], flows: [CutFlow]) in
            var tables = selections.map { _ in CandidateTable(observables: search.observableNames) }
            var flows = selections.map { CutFlow(cuts: $0.allCuts.map(\.name)) }
            try s.forEachBatch(size: batchSize) { batch in
                var cols = try search.checkedObservables(of: batch)
                var ids = batch.events.eventID
                var n = batch.count
                if hide != nil || filter != nil {
                    var hidden = try hide?.hiddenMask(cols, count: n, search: search.id) ?? [Bool](repeating: false, count: n)
                    if let filter {
                        let kept = filter.keep(batch)
                        for i in 0..<n where !kept[i] { hidden[i] = true }
                    }
                    let keep = hidden.indices.filter { !hidden[$0] }
                    cols = cols.mapValues { c in keep.map { c[$0] } }
                    ids = keep.map { ids[$0] }
                    n = keep.count
                }
                let weights = [Double](repeating: 1, count: n)   // data are unweighted
                for (k, selection) in selections.enumerated() {
                    let masks = try CutFlow.cumulativeMasks(selection.allCuts, columns: cols, count: n, search: search.id)
                    flows[k].add(process: "data", weights: weights, cumulative: masks)
                    let pre = selection.preselection.isEmpty ? [Bool](repeating: true, count: n)
                                                              : masks[selection.preselection.count - 1]
                    tables[k].append(MonteCarloSelection.rows(pre, columns: cols, eventID: ids, weights: weights, process: "data"))
                }
            }
            return (tables, flows)
        }
        var tables = selections.map { _ in CandidateTable(observables: search.observableNames) }
        var flows = selections.map { CutFlow(cuts: $0.allCuts.map(\.name)) }
        for part in partials {
            for k in selections.indices {
                tables[k].append(part.tables[k])
                flows[k] = flows[k].merging(part.flows[k])
            }
        }
        return selections.indices.map { (tables[$0], flows[$0]) }
    }

    /// The same data without the blinding mask, for a search that has been authorised.
    public func unblinded(with token: UnblindingToken) throws -> UnblindedData {
        guard token.search == search.id else {
            throw AnalysisError.unblindingRefused(search: search.id, reason: "token was issued for search '\(token.search)'")
        }
        guard token.configurationHash == configurationHash else {
            throw AnalysisError.unblindingRefused(search: search.id,
                reason: "token was issued for configuration \(token.configurationHash), data were opened with \(configurationHash)")
        }
        return UnblindedData(search: search, sources: sources, batchSize: batchSize, token: token)
    }
}
