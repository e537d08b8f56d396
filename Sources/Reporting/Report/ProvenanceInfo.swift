/// Where a report's numbers came from: enough to rerun it and to tell two runs apart.
/// Reporting does not read the Provenance database itself (it depends on nothing of ours);
/// the caller copies these fields in.
public struct ProvenanceInfo: Sendable, Codable, Equatable {
    public var runID: String
    public var search: String?
    /// Hash of the resolved configuration (e.g. SHA-256 hex).
    public var configurationHash: String
    /// Code version, e.g. `git describe --dirty` output.
    public var codeVersion: String
    /// Sample catalog entries used (names, files or catalog ids).
    public var samples: [String]
    /// Whether the signal regions were unblinded in this run.
    public var unblinded: Bool
    /// Free-form extra lines (e.g. "configuration differs from the unblinded run 42").
    public var notes: [String]
    /// ISO 8601 creation time, supplied by the caller so reports are reproducible.
    public var createdAt: String?

    public init(runID: String, search: String? = nil, configurationHash: String, codeVersion: String,
                samples: [String] = [], unblinded: Bool = false, notes: [String] = [], createdAt: String? = nil) {
        self.runID = runID
        self.search = search
        self.configurationHash = configurationHash
        self.codeVersion = codeVersion
        self.samples = samples
        self.unblinded = unblinded
        self.notes = notes
        self.createdAt = createdAt
    }
}
