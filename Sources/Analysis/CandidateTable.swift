import EventModel
/// Named per-event observables of a search, as computed from one `EventBatch`: one array per
/// observable, one value per event of the batch (NaN where the search has no candidate).
public typealias ObservableColumns = [String: [Double]]

/// Selected candidate events, column-wise: one row per event that passed the preselection,
/// with every observable of the search, the event weight, event id and process.
///
/// Columns (not rows of structs) so that a cut is one pass over one contiguous array and the
/// Punzi scan over thousands of windows stays cheap. Processes are stored as an index into
/// `processes` so that merging many shards costs four bytes per row, not a string.
public struct CandidateTable: Sendable, Equatable {
    public private(set) var columns: ObservableColumns
    public private(set) var eventID: [Int64]
    public private(set) var weight: [Double]
    public private(set) var processIndex: [Int32]
    public private(set) var processes: [String]

    /// An empty table with the given observable names.
    public init(observables: [String]) {
        columns = Dictionary(uniqueKeysWithValues: observables.map { ($0, []) })
        eventID = []; weight = []; processIndex = []; processes = []
    }

    /// A table from columns; all arrays must have the same length.
    public init(columns: ObservableColumns, eventID: [Int64], weight: [Double], process: String) {
        let n = eventID.count
        precondition(weight.count == n && columns.values.allSatisfy { $0.count == n },
                     "candidate table columns must all have \(n) rows")
        self.columns = columns
        self.eventID = eventID
        self.weight = weight
        self.processIndex = [Int32](repeating: 0, count: n)
        self.processes = [process]
    }

    /// A table with several processes (a candidate file read back): `processIndex` indexes
    /// `processes`. Throws when the columns disagree in length or an index is out of range.
    public init(columns: ObservableColumns, eventID: [Int64], weight: [Double], processIndex: [Int32], processes: [String]) throws {
        let n = eventID.count
        guard weight.count == n, processIndex.count == n, columns.values.allSatisfy({ $0.count == n }) else {
            throw AnalysisError.invalidArgument("candidate table columns must all have \(n) rows")
        }
        guard processIndex.allSatisfy({ $0 >= 0 && Int($0) < processes.count }) else {
            throw AnalysisError.invalidArgument("candidate table process index out of range (\(processes.count) processes)")
        }
        self.columns = columns
        self.eventID = eventID
        self.weight = weight
        self.processIndex = processIndex
        self.processes = processes
    }

    public var count: Int { eventID.count }
    public var observableNames: [String] { columns.keys.sorted() }

    /// The values of one observable; throws when the search did not compute it.
    public func column(_ name: String) throws -> [Double] {
        guard let c = columns[name] else {
            throw AnalysisError.missingObservable(search: "candidate table", observable: name)
        }
        return c
    }

    public func process(ofRow i: Int) -> String { processes[Int(processIndex[i])] }

    /// Appends the rows of `other` (observables must match).
    public mutating func append(_ other: CandidateTable) {
        if count == 0 { columns = other.columns.mapValues { _ in [] } }
        precondition(Set(columns.keys) == Set(other.columns.keys),
                     "cannot merge candidate tables with different observables")
        var remap: [Int32] = []
        for p in other.processes {
            if let i = processes.firstIndex(of: p) { remap.append(Int32(i)) } else {
                processes.append(p); remap.append(Int32(processes.count - 1))
            }
        }
        for (k, v) in other.columns { columns[k, default: []].append(contentsOf: v) }
        eventID.append(contentsOf: other.eventID)
        weight.append(contentsOf: other.weight)
        processIndex.append(contentsOf: other.processIndex.map { remap[Int($0)] })
    }

    /// The rows where `mask` is true.
    public func filtered(_ mask: [Bool]) -> CandidateTable {
        precondition(mask.count == count)
        var t = self
        let idx = mask.indices.filter { mask[$0] }
        t.columns = columns.mapValues { c in idx.map { c[$0] } }
        t.eventID = idx.map { eventID[$0] }
        t.weight = idx.map { weight[$0] }
        t.processIndex = idx.map { processIndex[$0] }
        return t
    }

    /// The rows at `indices`, in that order.
    public func rows(at indices: [Int]) -> CandidateTable {
        var t = self
        t.columns = columns.mapValues { c in indices.map { c[$0] } }
        t.eventID = indices.map { eventID[$0] }
        t.weight = indices.map { weight[$0] }
        t.processIndex = indices.map { processIndex[$0] }
        return t
    }

    /// The rows at `indices`, keeping only the named observables: what a scan over thousands
    /// of windows needs, since copying every column of a wide strip for each window cost more
    /// than the Punzi grid scan itself (dark Higgsstrahlung at 8.34 fb^-1).
    public func rows(at indices: [Int], columns names: Set<String>) -> CandidateTable {
        var t = self
        t.columns = columns.filter { names.contains($0.key) }.mapValues { c in indices.map { c[$0] } }
        t.eventID = indices.map { eventID[$0] }
        t.weight = indices.map { weight[$0] }
        t.processIndex = indices.map { processIndex[$0] }
        return t
    }

    /// The same rows with one observable's values replaced (signal morphing).
    public func replacingColumn(_ name: String, with values: [Double]) -> CandidateTable {
        precondition(values.count == count && columns[name] != nil, "replacement column '\(name)' must exist and have \(count) rows")
        var t = self
        t.columns[name] = values
        return t
    }

    /// The same rows with new weights.
    public func replacingWeights(_ values: [Double]) -> CandidateTable {
        precondition(values.count == count)
        var t = self
        t.weight = values
        return t
    }

    /// Rows of the given processes.
    public func rows(ofProcesses names: Set<String>) -> CandidateTable {
        let keep = Set(processes.indices.filter { names.contains(processes[$0]) }.map(Int32.init))
        return filtered(processIndex.map { keep.contains($0) })
    }

    /// Weights multiplied by `factor` (luminosity rescaling, train/test halves).
    public func scalingWeights(by factor: Double) -> CandidateTable {
        var t = self
        t.weight = weight.map { $0 * factor }
        return t
    }

    /// Sum of weights and of squared weights of the rows where `mask` is true (all rows if nil).
    public func weightedYield(_ mask: [Bool]? = nil) -> (sum: Double, sumW2: Double, entries: Int) {
        var s = 0.0, s2 = 0.0, n = 0
        for i in 0..<count where mask?[i] ?? true {
            s += weight[i]; s2 += weight[i] * weight[i]; n += 1
        }
        return (s, s2, n)
    }
}
