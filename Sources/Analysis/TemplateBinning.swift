/// Binning of a binned template fit around one hypothesis: the fit observable in `edges`,
/// split into channels by a second observable (PRL 130 (2023) 231801 fitted M2_rec in bins
/// of the recoil polar angle, where the background composition changes with the angle).
///
/// Bins are flattened channel-major: bin k of channel c is `c * (edges.count - 1) + k`.
public struct TemplateBinning: Sendable, Hashable, Codable {
    public var observable: String
    public var edges: [Double]
    public var channelObservable: String
    public var channelEdges: [Double]

    public init(observable: String, edges: [Double], channelObservable: String, channelEdges: [Double]) {
        precondition(edges.count >= 2 && channelEdges.count >= 2, "a template binning needs at least one bin and one channel")
        self.observable = observable
        self.edges = edges
        self.channelObservable = channelObservable
        self.channelEdges = channelEdges
    }

    public var binsPerChannel: Int { edges.count - 1 }
    public var channels: Int { channelEdges.count - 1 }
    public var count: Int { binsPerChannel * channels }

    /// Flattened bin of a row, nil outside the fit range or the channels.
    public func bin(x: Double, channel c: Double) -> Int? {
        guard let i = Self.index(x, edges), let j = Self.index(c, channelEdges) else { return nil }
        return j * binsPerChannel + i
    }

    static func index(_ v: Double, _ e: [Double]) -> Int? {
        guard v.isFinite, v >= e[0], v < e[e.count - 1] else { return nil }
        var lo = 0, hi = e.count - 1
        while hi - lo > 1 { let mid = (lo + hi) / 2; if v >= e[mid] { lo = mid } else { hi = mid } }
        return lo
    }

    /// Weighted histogram (sum w, sum w^2) of the rows passing `mask`.
    public func fill(_ table: CandidateTable, mask: [Bool]) throws -> (sum: [Double], sumW2: [Double]) {
        let x = try table.column(observable), c = try table.column(channelObservable)
        var s = [Double](repeating: 0, count: count), s2 = s
        for i in 0..<table.count where mask[i] {
            guard let b = bin(x: x[i], channel: c[i]) else { continue }
            s[b] += table.weight[i]; s2[b] += table.weight[i] * table.weight[i]
        }
        return (s, s2)
    }
}

/// Templates of one hypothesis from simulation: signal efficiency and expected background
/// per flattened bin, with their MC statistical uncertainties.
public struct HypothesisTemplates: Sendable, Hashable, Codable {
    public var binning: TemplateBinning
    public var signalEfficiency: [Double]
    public var signalEfficiencyUncertainty: [Double]
    public var background: [Double]
    public var backgroundUncertainty: [Double]
    public init(binning: TemplateBinning, signalEfficiency: [Double], signalEfficiencyUncertainty: [Double],
                background: [Double], backgroundUncertainty: [Double]) {
        self.binning = binning
        self.signalEfficiency = signalEfficiency
        self.signalEfficiencyUncertainty = signalEfficiencyUncertainty
        self.background = background
        self.backgroundUncertainty = backgroundUncertainty
    }
}
