/// Which limit methods a search uses and at what confidence level.
public struct StatisticsSettings: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        case bayes, cls, fc, templateFit = "template-fit", windowFit = "window-fit"
    }
    public var confidenceLevel: Double
    public var methods: [Method]
    public init(confidenceLevel: Double = 0.90, methods: [Method] = [.bayes]) {
        self.confidenceLevel = confidenceLevel
        self.methods = methods
    }
}
