import EventModel

/// Streams simulated samples through a search: observables per batch, the cut flow per
/// process, and the preselected candidates.
///
/// Weights are rescaled to `targetLuminosityInvFb`: an event of a shard standing for L_i
/// fb^-1 of a process whose shards together stand for sum L gets w * L_target / sum L, so that
/// any number of shards combine into one sample at the target luminosity. Data files are
/// refused: they enter only through `BlindedData`.
public struct MonteCarloSelection: Sendable {
    public let search: any Search
    public let selection: Selection
    public let targetLuminosityInvFb: Double
    public let batchSize: Int
    /// Data/MC corrections applied to every batch before its observables (in order).
    public let corrections: [any SimulationCorrection]
    /// Only the events this filter keeps (weights unchanged: the same filter applied to
    /// data makes them comparable), or all of them when nil.
    public let filter: (any EventFilter)?
    /// Weight variations recorded per candidate (`WeightVariation.columnName` columns).
    public let variations: [WeightVariation]

    public init(search: any Search, selection: Selection? = nil, targetLuminosityInvFb: Double,
                batchSize: Int = 65_536, corrections: [any SimulationCorrection] = [], filter: (any EventFilter)? = nil,
                variations: [WeightVariation] = []) {
        precondition(targetLuminosityInvFb > 0 && batchSize > 0)
        self.search = search
        self.selection = selection ?? search.selection
        self.targetLuminosityInvFb = targetLuminosityInvFb
        self.batchSize = batchSize
        self.corrections = corrections
        self.filter = filter
        self.variations = variations
    }

    public struct Output: Sendable, Equatable {
        /// Preselected candidates of every process, weights at the target luminosity.
        public var candidates: CandidateTable
        public var cutFlow: CutFlow
        /// Expected events before any selection per process at the target luminosity
        /// (cross section x luminosity): the denominator of signal efficiencies.
        public var producedYield: [String: Double]
        /// Generator events per process (after the generator-level filter).
        public var generatedEvents: [String: Int64]
        /// The hypothesis of each signal process (from its samples' metadata).
        public var signalParameters: [String: [String: Double]] = [:]

        public init(candidates: CandidateTable, cutFlow: CutFlow, producedYield: [String: Double],
                    generatedEvents: [String: Int64], signalParameters: [String: [String: Double]] = [:]) {
            self.candidates = candidates
            self.cutFlow = cutFlow
            self.producedYield = producedYield
            self.generatedEvents = generatedEvents
            self.signalParameters = signalParameters
        }
    }

    public func run(_ sources: [any EventSource]) throws -> Output {
        try run(sources, selections: [selection])[0]
    }

    /// Several selections in one pass over the files (the control samples of a validation):
    /// reading and the observables, the expensive part, happen once per batch.
    public func run(_ sources: [any EventSource], selections: [Selection]) throws -> [Output] {
        var lumiPerProcess: [String: Double] = [:]
        for s in sources {
            guard s.metadata.conditions == "mc" else {
                throw AnalysisError.dataNotAllowed(path: s.path, reason: "MonteCarloSelection reads simulation only")
            }
            guard s.metadata.luminosityInvFb > 0 else {
                throw AnalysisError.invalidArgument("\(s.path): luminosity_inv_fb must be positive")
            }
            lumiPerProcess[s.metadata.process, default: 0] += s.metadata.luminosityInvFb
        }
        // Sources in parallel (each its own partial tables and cut flows), merged in source
        // order so that the result does not depend on scheduling.
        let luminosities = lumiPerProcess
        let columnNames = search.observableNames + variations.map(\.columnName)
        let partials = try ConcurrentMap.map(each: sources) { s -> (tables: [CandidateTable], flows: [CutFlow]) in
            var tables = selections.map { _ in CandidateTable(observables: columnNames) }
            var flows = selections.map { CutFlow(cuts: $0.allCuts.map(\.name)) }
            let process = s.metadata.process
            let scale = targetLuminosityInvFb / luminosities[process]!
            try s.forEachBatch(size: batchSize) { original in
                var batch = original
                if let filter {
                    let keep = filter.keep(batch)
                    batch = batch.subset(events: keep.indices.filter { keep[$0] })
                }
                for c in corrections { c.correct(&batch) }
                var cols = try search.checkedObservables(of: batch)
                for v in variations { cols[v.columnName] = v.factors(batch) }
                let weights = batch.events.weight.map { $0 * scale }
                for (k, selection) in selections.enumerated() {
                    let masks = try CutFlow.cumulativeMasks(selection.allCuts, columns: cols, count: batch.count, search: search.id)
                    flows[k].add(process: process, weights: weights, cumulative: masks)
                    let pre = selection.preselection.isEmpty ? [Bool](repeating: true, count: batch.count)
                                                              : masks[selection.preselection.count - 1]
                    tables[k].append(Self.rows(pre, columns: cols, eventID: batch.events.eventID, weights: weights, process: process))
                }
            }
            return (tables, flows)
        }
        var tables = selections.map { _ in CandidateTable(observables: columnNames) }
        var flows = selections.map { CutFlow(cuts: $0.allCuts.map(\.name)) }
        var produced: [String: Double] = [:]
        var generated: [String: Int64] = [:]
        var signal: [String: [String: Double]] = [:]
        for s in sources {
            guard let p = s.metadata.signalParameters else { continue }
            if let other = signal[s.metadata.process], other != p {
                throw AnalysisError.invalidArgument("signal process '\(s.metadata.process)' has samples at two hypotheses, \(other) and \(p)")
            }
            signal[s.metadata.process] = p
        }
        for (s, part) in zip(sources, partials) {
            produced[s.metadata.process, default: 0] = s.metadata.crossSectionFb * targetLuminosityInvFb
            generated[s.metadata.process, default: 0] += s.metadata.generatedEvents
            for k in selections.indices {
                tables[k].append(part.tables[k])
                flows[k] = flows[k].merging(part.flows[k])
            }
        }
        return selections.indices.map {
            Output(candidates: tables[$0], cutFlow: flows[$0], producedYield: produced, generatedEvents: generated,
                   signalParameters: signal)
        }
    }

    /// The preselected rows of one batch as a table.
    static func rows(_ mask: [Bool], columns: ObservableColumns, eventID: [Int64], weights: [Double],
                     process: String) -> CandidateTable {
        let idx = mask.indices.filter { mask[$0] }
        return CandidateTable(columns: columns.mapValues { c in idx.map { c[$0] } },
                              eventID: idx.map { eventID[$0] }, weight: idx.map { weights[$0] }, process: process)
    }
}
