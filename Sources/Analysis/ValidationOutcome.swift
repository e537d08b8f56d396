/// The outcome of a validation run, tied to the search and the configuration it ran with;
/// what `Unblinding.authorise` demands.
public struct ValidationOutcome: Sendable, Hashable, Codable {
    public let search: String
    public let configurationHash: String
    public let results: [ControlSampleResult]
    public init(search: String, configurationHash: String, results: [ControlSampleResult]) {
        self.search = search
        self.configurationHash = configurationHash
        self.results = results
    }
    /// Passes when there is at least one control sample and every one passes.
    public var passed: Bool { !results.isEmpty && results.allSatisfy(\.passed) }
    public var failures: [String] { results.flatMap(\.failures) }
}
