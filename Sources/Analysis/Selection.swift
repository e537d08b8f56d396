/// A search's ordered, named selection: the preselection (fixed cuts that define the
/// candidate sample) followed by the analysis cuts (some tunable per mass hypothesis).
///
/// Preselected events are what a `CandidateTable` holds; the analysis cuts are applied on the
/// table, so that the Punzi optimiser can vary them without re-reading files.
public struct Selection: Sendable, Hashable, Codable {
    public var preselection: [Cut]
    public var cuts: [Cut]

    public init(preselection: [Cut], cuts: [Cut]) {
        self.preselection = preselection
        self.cuts = cuts
        let names = (preselection + cuts).map(\.name)
        precondition(Set(names).count == names.count, "cut names must be unique within a selection: \(names)")
    }

    /// All cuts in order (preselection first): the rows of a cut flow.
    public var allCuts: [Cut] { preselection + cuts }
    public var tunableCuts: [Cut] { cuts.filter(\.isTunable) }
    /// Observables the selection reads.
    public var observables: Set<String> { Set(allCuts.map(\.observable)) }

    public func cut(named name: String) -> Cut? { allCuts.first { $0.name == name } }

    /// The selection with some thresholds replaced (configuration, Punzi result).
    /// Throws `unknownCut` naming `file` and `key` for a name the selection does not have.
    public func withThresholds(_ thresholds: [String: Double], search: String,
                               file: String = "<code>", keyPrefix: String = "cuts") throws -> Selection {
        var s = self
        for (name, value) in thresholds.sorted(by: { $0.key < $1.key }) {
            if let i = s.preselection.firstIndex(where: { $0.name == name }) {
                s.preselection[i].threshold = value
            } else if let i = s.cuts.firstIndex(where: { $0.name == name }) {
                s.cuts[i].threshold = value
            } else {
                throw AnalysisError.unknownCut(name: name, search: search, file: file, key: "\(keyPrefix).\(name)")
            }
        }
        return s
    }

    /// Every tunable cut at its loosest threshold: the widest selection a tuned search can
    /// have, which is what blinding must hide.
    public var loosest: Selection {
        Selection(preselection: preselection, cuts: cuts.map { var c = $0; c.threshold = c.loosestThreshold; return c })
    }

    /// Per-row pass mask of `cuts` over a table (rows failing a missing observable throw).
    public static func mask(_ cuts: [Cut], on table: CandidateTable) throws -> [Bool] {
        var mask = [Bool](repeating: true, count: table.count)
        for cut in cuts {
            let x = try table.column(cut.observable)
            for i in 0..<mask.count where mask[i] { mask[i] = cut.passes(x[i]) }
        }
        return mask
    }
}
