/// One point of a search's scan: its parameters (e.g. `m_zprime`, or `m_aprime` and
/// `m_hprime`, or `m_s` and `ctau_cm`), its signal region and its sidebands.
///
/// `index` orders the hypotheses along the scan; the Punzi regularisation treats hypotheses
/// with neighbouring indices as neighbours unless the search says otherwise.
public struct MassHypothesis: Sendable, Hashable, Codable {
    public var index: Int
    public var parameters: [String: Double]
    public var signalRegion: SignalRegion
    /// Regions next to the signal region, visible in data while blinded, for background checks.
    public var sidebands: [SignalRegion]

    public init(index: Int, parameters: [String: Double], signalRegion: SignalRegion,
                sidebands: [SignalRegion] = []) {
        self.index = index
        self.parameters = parameters
        self.signalRegion = signalRegion
        self.sidebands = sidebands
    }

    /// Stable label for tables and file names, e.g. `m_zprime=3.0`.
    public var label: String {
        parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    public func parameter(_ name: String) throws -> Double {
        guard let v = parameters[name] else {
            throw AnalysisError.invalidArgument("mass hypothesis \(label) has no parameter '\(name)'")
        }
        return v
    }
}
