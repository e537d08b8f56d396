import Foundation

/// A signal-free sample defined from the search's selection by reversing, changing or
/// removing named cuts, optionally restricted to sideband ranges, with the criteria that
/// decide whether data and simulation agree there.
///
/// Defined in YAML (ControlSamples/<search-id>/*.yaml or inline in the search config):
///
///     control_samples:
///       - name: ee
///         description: Bhabha and tau pairs, muon ID reversed
///         reverse: [muon_id]
///         remove: [photon_veto]
///         modify: {extra_energy: 0.5}
///         sidebands: [{observable: m_recoil, low: 0.0, high: 3.0}]
///         binning: {observable: m_recoil, low: -2.0, high: 10.0, bins: 24}
///         criteria: {max_ratio_deviation: 0.10, min_chi2_p_value: 0.01}
public struct ControlSample: Sendable, Hashable, Codable {
    public struct Binning: Sendable, Hashable, Codable {
        public var observable: String
        public var low: Double
        public var high: Double
        public var bins: Int
        public init(observable: String, low: Double, high: Double, bins: Int) {
            self.observable = observable; self.low = low; self.high = high; self.bins = bins
        }
        /// Bin index of x, nil outside [low, high).
        public func bin(_ x: Double) -> Int? {
            guard x >= low && x < high else { return nil }
            return min(bins - 1, Int((x - low) / (high - low) * Double(bins)))
        }
    }

    /// Pass/fail requirements; each one that is set must hold.
    public struct Criteria: Sendable, Hashable, Codable {
        /// |data/MC - 1| must be below this.
        public var maxRatioDeviation: Double?
        /// The chi2 p-value of the binned comparison must be above this.
        public var minChi2PValue: Double?
        public init(maxRatioDeviation: Double? = nil, minChi2PValue: Double? = nil) {
            self.maxRatioDeviation = maxRatioDeviation
            self.minChi2PValue = minChi2PValue
        }
    }

    /// Data-versus-simulation comparison of an observable's core width (`CoreResolution`),
    /// e.g. M2_rec in radiative mu mu events with the photon seen, whose true value is 0 for
    /// every event: its width is the recoil-mass resolution, measured in data.
    public struct ResolutionCheck: Sendable, Hashable, Codable {
        public var observable: String
        /// Only values in [low, high) enter: the peak, not the other processes a control
        /// sample also holds (radiative mu mu with the photon seen peaks at M2_rec = 0, two-
        /// photon and tau events spread to 100 GeV^2). Choose it many resolutions wide, so
        /// that the truncation does not narrow the central 68%.
        public var low: Double
        public var high: Double
        /// |sigma_data / sigma_MC - 1| must be below this, when set.
        public var maxDeviation: Double?
        public init(observable: String, low: Double = -.infinity, high: Double = .infinity, maxDeviation: Double? = nil) {
            self.observable = observable; self.low = low; self.high = high; self.maxDeviation = maxDeviation
        }
    }

    public var name: String
    public var description: String
    public var reverse: [String]
    public var remove: [String]
    public var modify: [String: Double]
    /// If not empty, events must lie in one of these regions.
    public var sidebands: [SignalRegion]
    public var binning: Binning?
    /// Core-width comparisons (YAML `resolution`: one mapping or a list of them).
    public var resolutions: [ResolutionCheck] = []
    public var criteria: Criteria

    public init(name: String, description: String = "", reverse: [String] = [], remove: [String] = [],
                modify: [String: Double] = [:], sidebands: [SignalRegion] = [], binning: Binning? = nil,
                criteria: Criteria = Criteria()) {
        self.name = name
        self.description = description
        self.reverse = reverse
        self.remove = remove
        self.modify = modify
        self.sidebands = sidebands
        self.binning = binning
        self.criteria = criteria
    }

    /// The control sample's selection derived from the search's; unknown cut names throw
    /// naming `file` and the key.
    public func selection(from base: Selection, search: String, file: String = "<code>") throws -> Selection {
        let known = Set(base.allCuts.map(\.name))
        for (list, key) in [(reverse, "reverse"), (remove, "remove"), (Array(modify.keys), "modify")] {
            for n in list where !known.contains(n) {
                throw AnalysisError.unknownCut(name: n, search: search, file: file, key: "control_samples.\(name).\(key)")
            }
        }
        func transform(_ cuts: [Cut]) -> [Cut] {
            cuts.compactMap { c in
                if remove.contains(c.name) { return nil }
                var c = c
                if let t = modify[c.name] { c.threshold = t }
                if reverse.contains(c.name) { c = c.reversed }
                return c
            }
        }
        return Selection(preselection: transform(base.preselection), cuts: transform(base.cuts))
    }

    /// Observables the definition reads (checked against the search).
    public var observables: Set<String> {
        var s = sidebands.reduce(into: Set<String>()) { $0.formUnion($1.observables) }
        if let b = binning { s.insert(b.observable) }
        for r in resolutions { s.insert(r.observable) }
        return s
    }

    // MARK: YAML

    /// Control samples of a YAML document with a top-level `control_samples` list.
    public static func load(path: String) throws -> [ControlSample] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw AnalysisError.unreadableConfiguration(file: path, reason: "\(error.localizedDescription)")
        }
        let root = try ConfigurationNode.parse(yaml: text, file: path)
        try root.checkKeys(["control_samples"])
        return try root.required("control_samples").items().map(parse)
    }

    /// One control sample from its YAML mapping.
    public static func parse(_ n: ConfigurationNode) throws -> ControlSample {
        try n.checkKeys(["name", "description", "reverse", "remove", "modify", "sidebands", "binning", "resolution", "criteria"])
        var cs = ControlSample(name: try n.required("name").string())
        cs.description = try n.optional("description")?.string() ?? ""
        cs.reverse = try n.optional("reverse")?.strings() ?? []
        cs.remove = try n.optional("remove")?.strings() ?? []
        if let m = try n.optional("modify") {
            for (k, v) in try m.entries() { cs.modify[k] = try v.double() }
        }
        if let sb = try n.optional("sidebands") {
            cs.sidebands = try sb.items().map { item in
                try item.checkKeys(["observable", "low", "high"])
                let lo = try item.required("low").double(), hi = try item.required("high").double()
                guard hi > lo else { throw item.error("sideband needs high > low") }
                return .interval(observable: try item.required("observable").string(), low: lo, high: hi)
            }
        }
        if let b = try n.optional("binning") {
            try b.checkKeys(["observable", "low", "high", "bins"])
            let lo = try b.required("low").double(), hi = try b.required("high").double()
            let bins = try b.required("bins").int()
            guard hi > lo, bins > 0 else { throw b.error("binning needs high > low and bins > 0") }
            cs.binning = Binning(observable: try b.required("observable").string(), low: lo, high: hi, bins: bins)
        }
        if let node = try n.optional("resolution") {
            cs.resolutions = try (node.isSequence ? node.items() : [node]).map { r in
                try r.checkKeys(["observable", "low", "high", "max_deviation"])
                let x = try r.optional("max_deviation")?.double()
                if let x, !(x > 0) { throw r.error("max_deviation must be positive, got \(x)") }
                let lo = try r.optional("low")?.double() ?? -.infinity, hi = try r.optional("high")?.double() ?? .infinity
                guard hi > lo else { throw r.error("resolution needs high > low") }
                return ResolutionCheck(observable: try r.required("observable").string(), low: lo, high: hi, maxDeviation: x)
            }
        }
        if let c = try n.optional("criteria") {
            try c.checkKeys(["max_ratio_deviation", "min_chi2_p_value"])
            cs.criteria = Criteria(maxRatioDeviation: try c.optional("max_ratio_deviation")?.double(),
                                   minChi2PValue: try c.optional("min_chi2_p_value")?.double())
        }
        return cs
    }
}
