/// The selected signal MC of every generated point, split by process once, so that a scan
/// asking for thousands of hypotheses does not filter the whole signal table each time.
public struct SignalSampleSet: Sendable {
    public let output: MonteCarloSelection.Output
    let byProcess: [String: CandidateTable]

    public init(_ output: MonteCarloSelection.Output) {
        self.output = output
        var split: [String: [Int]] = [:]
        for i in 0..<output.candidates.count { split[output.candidates.process(ofRow: i), default: []].append(i) }
        var tables: [String: CandidateTable] = [:]
        for p in output.producedYield.keys {
            tables[p] = output.candidates.rows(at: split[p] ?? [])
        }
        byProcess = tables
    }

    public var processes: [String] { output.producedYield.keys.sorted() }

    /// Preselected candidates of one process (empty when none passed).
    public func candidates(ofProcess p: String) -> CandidateTable? { byProcess[p] }

    /// Cross section x luminosity of a process (the efficiency denominator).
    public func producedYield(ofProcess p: String) -> Double? { output.producedYield[p] }

    /// The hypothesis a signal process was generated at.
    public func parameters(ofProcess p: String) -> [String: Double]? { output.signalParameters[p] }

    /// The signal process generated at exactly these parameters.
    public func process(generatedAt parameters: [String: Double]) -> String? {
        output.signalParameters.keys.sorted().first { output.signalParameters[$0] == parameters }
    }
}
