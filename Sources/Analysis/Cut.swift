/// One named requirement on one observable.
///
/// A cut is data, not a closure, so that a configuration file can change its threshold, the
/// Punzi optimiser can scan it, a control sample can reverse it, and a report can print it.
/// A NaN observable (the search could not build the candidate) fails every cut, including a
/// reversed one: a reversed cut selects events that have the quantity and fail the requirement.
public struct Cut: Sendable, Hashable, Codable {
    /// How the observable x is compared with the threshold t.
    public enum Comparison: Sendable, Hashable, Codable {
        /// x > t
        case greater
        /// x < t
        case less
        /// |x| < t
        case absLess
        /// |x - centre| < t: a window of half-width t (e.g. a pi0 mass window).
        case window(centre: Double)
    }

    /// The range a tunable threshold is scanned over: low, low + step, ..., <= high.
    public struct Tuning: Sendable, Hashable, Codable {
        public var low: Double
        public var high: Double
        public var step: Double
        public init(low: Double, high: Double, step: Double) {
            precondition(step > 0 && high >= low, "tuning range needs step > 0 and high >= low")
            self.low = low; self.high = high; self.step = step
        }
        /// Grid values; the end point is included when it lies on the grid (to 1e-9 steps).
        public var values: [Double] {
            let n = Int(((high - low) / step + 1e-9).rounded(.down))
            return (0...n).map { low + Double($0) * step }
        }
    }

    public var name: String
    public var observable: String
    public var comparison: Comparison
    public var threshold: Double
    /// Scan range for the Punzi optimiser; nil for a fixed cut.
    public var tuning: Tuning?
    /// True for the reversed cut of a control sample: passes where the original fails
    /// (NaN still fails).
    public var inverted: Bool

    public init(name: String, observable: String, comparison: Comparison, threshold: Double,
                tunable tuning: Tuning? = nil, inverted: Bool = false) {
        self.name = name
        self.observable = observable
        self.comparison = comparison
        self.threshold = threshold
        self.tuning = tuning
        self.inverted = inverted
    }

    public var isTunable: Bool { tuning != nil }

    /// Whether x passes at threshold t (the cut's own threshold by default).
    @inlinable
    public func passes(_ x: Double, threshold t: Double? = nil) -> Bool {
        if x.isNaN { return false }
        let t = t ?? threshold
        let pass: Bool
        switch comparison {
        case .greater: pass = x > t
        case .less: pass = x < t
        case .absLess: pass = abs(x) < t
        case .window(let c): pass = abs(x - c) < t
        }
        return inverted ? !pass : pass
    }

    /// The threshold of the tuning range that accepts the most events (the loosest): used
    /// by blinding, which must hide every event any tuned selection could select.
    public var loosestThreshold: Double {
        guard let tuning else { return threshold }
        switch comparison {
        case .greater: return min(tuning.low, threshold)
        case .less, .absLess, .window: return max(tuning.high, threshold)
        }
    }

    /// The same cut reversed (for control samples).
    public var reversed: Cut {
        var c = self
        c.inverted.toggle()
        return c
    }

    /// Human-readable requirement, e.g. `muon_id > 0.9`.
    public var requirement: String {
        let r: String
        switch comparison {
        case .greater: r = "\(observable) > \(threshold)"
        case .less: r = "\(observable) < \(threshold)"
        case .absLess: r = "|\(observable)| < \(threshold)"
        case .window(let c): r = "|\(observable) - \(c)| < \(threshold)"
        }
        return inverted ? "not(\(r))" : r
    }
}
