/// What a sliding-window fit of one hypothesis fits (method `window-fit`): a histogram of a
/// peaking observable over a window around the hypothesis, the signal peak's position and
/// resolution in that observable, and how a candidate row enters the histogram.
///
/// A row can enter more than once: `entries` lists the observables it contributes, each with
/// an optional condition (a region the row must lie in for that entry), e.g. the three
/// pairings of a three-photon event, each with its own recoil-photon match. A search without
/// several candidates per event gives one entry without a condition.
///
/// The window may reach into the sidebands: data there are visible anyway, and the
/// signal-region bins are read only after unblinding (`UnblindedData`).
public struct WindowFitSpectrum: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var observable: String
        public var condition: SignalRegion?
        public init(observable: String, condition: SignalRegion? = nil) {
            self.observable = observable
            self.condition = condition
        }
    }

    public var entries: [Entry]
    /// Bin edges of the fit window, increasing.
    public var edges: [Double]
    /// Signal peak position and Gaussian resolution in the observable (for the background
    /// order choice, which leaves peak +- `signalRegionHalfWidthInSigma` sigma out).
    public var peak: Double
    public var sigma: Double
    public var signalRegionHalfWidthInSigma: Double

    public init(entries: [Entry], edges: [Double], peak: Double, sigma: Double, signalRegionHalfWidthInSigma: Double = 2) {
        precondition(edges.count >= 2 && zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 },
                     "a window-fit spectrum needs increasing bin edges")
        precondition(!entries.isEmpty && sigma > 0, "a window-fit spectrum needs entries and a positive resolution")
        self.entries = entries
        self.edges = edges
        self.peak = peak
        self.sigma = sigma
        self.signalRegionHalfWidthInSigma = signalRegionHalfWidthInSigma
    }

    /// `bins` equal bins over peak +- halfWidthInSigma sigma.
    public static func uniform(entries: [Entry], peak: Double, sigma: Double, halfWidthInSigma: Double = 10,
                               bins: Int = 40) -> WindowFitSpectrum {
        let lo = peak - halfWidthInSigma * sigma, w = 2 * halfWidthInSigma * sigma / Double(bins)
        return WindowFitSpectrum(entries: entries, edges: (0...bins).map { lo + Double($0) * w }, peak: peak, sigma: sigma)
    }

    public var binCount: Int { edges.count - 1 }

    /// Weighted histogram (sum w, sum w^2) of the rows passing `mask`.
    public func fill(_ table: CandidateTable, mask: [Bool]) throws -> (sum: [Double], sumW2: [Double]) {
        var s = [Double](repeating: 0, count: binCount), s2 = s
        for entry in entries {
            let x = try table.column(entry.observable)
            let inside = try entry.condition?.mask(table.columns, rows: table.count)
            for i in 0..<table.count where mask[i] && (inside?[i] ?? true) {
                guard let b = TemplateBinning.index(x[i], edges) else { continue }
                s[b] += table.weight[i]; s2[b] += table.weight[i] * table.weight[i]
            }
        }
        return (s, s2)
    }
}
