import Analysis

/// The simulated background inside one tuned window: the rows the lookup says the region
/// can contain, only the columns its cuts and region read, and which of them pass. Optimise
/// sums them into the expected background; limits uses the same rows for the look-elsewhere
/// pseudo-experiments, so the two agree row for row.
struct WindowSelection {
    let rows: [Int]
    let table: CandidateTable
    let mask: [Bool]

    /// Rows of the full background table inside the window after the tuned cuts.
    var members: [Int] { rows.indices.filter { mask[$0] }.map { rows[$0] } }

    init(hypothesis tuned: MassHypothesis, cuts: [Cut], background: CandidateTable, lookup: CandidateLookup?) throws {
        rows = lookup?.candidateRows(of: tuned.signalRegion, total: background.count) ?? Array(0..<background.count)
        let needed = Set(cuts.map(\.observable)).union(tuned.signalRegion.observables)
        table = background.rows(at: rows, columns: needed)
        mask = try Self.passes(table, hypothesis: tuned, cuts: cuts)
    }

    /// The tuned cuts and the tuned region on a table.
    static func passes(_ t: CandidateTable, hypothesis: MassHypothesis, cuts: [Cut]) throws -> [Bool] {
        let pass = try Selection.mask(cuts, on: t), inside = try hypothesis.signalRegion.mask(t)
        return zip(pass, inside).map { $0 && $1 }
    }

    /// The index a scan's windows look candidates up in: the first observable the regions bound.
    static func lookup(for hypotheses: [MassHypothesis], background: CandidateTable) throws -> CandidateLookup? {
        let observable = hypotheses.first.flatMap { h in
            h.signalRegion.observables.sorted().first { h.signalRegion.bounds(of: $0) != nil }
        }
        return try observable.map { try CandidateLookup(background, observable: $0) }
    }
}
