/// The quantity a systematic uncertainty moves (columns of the Belle II systematics table).
public enum AffectedQuantity: String, Sendable, Hashable, Codable, CaseIterable {
    case signalEfficiency = "signal_efficiency"
    case luminosity
    case background
}

/// A relative uncertainty, constant or piecewise in one hypothesis parameter.
public enum SystematicValue: Sendable, Hashable, Codable {
    case constant(Double)
    /// value of the piece with low <= parameter < high (the last piece includes its high end).
    case piecewise(parameter: String, pieces: [Piece])

    public struct Piece: Sendable, Hashable, Codable {
        public var low: Double
        public var high: Double
        public var value: Double
        public init(low: Double, high: Double, value: Double) { self.low = low; self.high = high; self.value = value }
    }

    public func value(at parameters: [String: Double], source: String) throws -> Double {
        switch self {
        case .constant(let v): return v
        case let .piecewise(p, pieces):
            guard let x = parameters[p] else {
                throw AnalysisError.invalidArgument("systematic '\(source)' depends on '\(p)', which the hypothesis does not have")
            }
            for (i, piece) in pieces.enumerated()
            where x >= piece.low && (x < piece.high || (i == pieces.count - 1 && x == piece.high)) {
                return piece.value
            }
            throw AnalysisError.invalidArgument("systematic '\(source)' has no value for \(p) = \(x); its pieces cover \(pieces.map { "[\($0.low), \($0.high))" }.joined(separator: " "))")
        }
    }
}

/// One row of the systematics table.
public struct SystematicSource: Sendable, Hashable, Codable {
    public var name: String
    public var affects: AffectedQuantity
    public var value: SystematicValue
    /// Where the number comes from (performance study, control sample name, ...).
    public var origin: String

    public init(name: String, affects: AffectedQuantity, value: SystematicValue, origin: String = "configuration") {
        self.name = name
        self.affects = affects
        self.value = value
        self.origin = origin
    }

    /// A data/MC discrepancy measured in a control sample, as a relative uncertainty:
    /// max(|r - 1|, sigma_r). A discrepancy not explained by a known source is assigned in
    /// full (Belle II's "discrepancy in mumu yield"); a ratio compatible with 1 still leaves
    /// its statistical precision as the uncertainty.
    public init(controlSample result: ControlSampleResult, affects: AffectedQuantity, name: String? = nil) throws {
        guard result.ratio.isFinite, result.ratioUncertainty.isFinite else {
            throw AnalysisError.invalidArgument("control sample '\(result.name)' has no finite data/MC ratio; it cannot give a systematic")
        }
        self.init(name: name ?? "\(result.name) data/MC", affects: affects,
                  value: .constant(max(abs(result.ratio - 1), result.ratioUncertainty)),
                  origin: "control sample \(result.name)")
    }
}

/// Source x affected quantity x value; relative uncertainties added in quadrature per
/// quantity (sources are taken as independent), and the r_s, r_b the limit calculators take.
public struct SystematicsTable: Sendable, Hashable, Codable {
    public var sources: [SystematicSource]
    public init(sources: [SystematicSource]) { self.sources = sources }

    /// Quadrature sum of the relative uncertainties of one quantity at a hypothesis.
    public func relative(_ q: AffectedQuantity, at parameters: [String: Double]) throws -> Double {
        try sources.filter { $0.affects == q }
            .reduce(0.0) { acc, s in let v = try s.value.value(at: parameters, source: s.name); return acc + v * v }
            .squareRoot()
    }

    /// Relative uncertainties for a counting experiment n ~ Poisson(s e + b): r_s on the
    /// signal multiplier e = efficiency x luminosity (both combined in quadrature), r_b on b.
    public func limitInputs(at parameters: [String: Double]) throws -> (rs: Double, rb: Double) {
        let eff = try relative(.signalEfficiency, at: parameters)
        let lumi = try relative(.luminosity, at: parameters)
        return ((eff * eff + lumi * lumi).squareRoot(), try relative(.background, at: parameters))
    }

    /// Rows evaluated at a hypothesis, for the report's table.
    public func rows(at parameters: [String: Double]) throws -> [(source: String, affects: AffectedQuantity, value: Double)] {
        try sources.map { ($0.name, $0.affects, try $0.value.value(at: parameters, source: $0.name)) }
    }

    /// Sources from a YAML `systematics` list:
    ///
    ///     - {name: trigger, affects: signal_efficiency, value: 0.06}
    ///     - name: tau_suppression
    ///       affects: background
    ///       piecewise: {parameter: m_zprime, pieces: [{low: 0, high: 3, value: 0.1}, {low: 3, high: 8, value: 0.22}]}
    ///     - {name: mumu_yield, affects: signal_efficiency, from_control_sample: mumu}
    ///
    /// `from_control_sample` entries are resolved against `controlSampleResults` when given,
    /// otherwise returned in `pending` to be resolved after validation.
    public static func parse(_ list: ConfigurationNode, controlSampleResults: [ControlSampleResult] = [])
        throws -> (table: SystematicsTable, pending: [(name: String, affects: AffectedQuantity, controlSample: String)]) {
        var sources: [SystematicSource] = []
        var pending: [(String, AffectedQuantity, String)] = []
        for item in try list.items() {
            try item.checkKeys(["name", "affects", "value", "piecewise", "from_control_sample"])
            let name = try item.required("name").string()
            let affectsNode = try item.required("affects")
            guard let q = AffectedQuantity(rawValue: try affectsNode.string()) else {
                throw affectsNode.error("expected one of \(AffectedQuantity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let value = try item.optional("value"), pw = try item.optional("piecewise"), cs = try item.optional("from_control_sample")
            guard [value != nil, pw != nil, cs != nil].filter({ $0 }).count == 1 else {
                throw item.error("give exactly one of value, piecewise, from_control_sample")
            }
            if let value {
                let v = try value.double()
                guard v >= 0 else { throw value.error("a relative uncertainty must be >= 0") }
                sources.append(SystematicSource(name: name, affects: q, value: .constant(v)))
            } else if let pw {
                try pw.checkKeys(["parameter", "pieces"])
                let pieces = try pw.required("pieces").items().map { p -> SystematicValue.Piece in
                    try p.checkKeys(["low", "high", "value"])
                    let piece = SystematicValue.Piece(low: try p.required("low").double(), high: try p.required("high").double(),
                                                      value: try p.required("value").double())
                    guard piece.high > piece.low, piece.value >= 0 else { throw p.error("need high > low and value >= 0") }
                    return piece
                }
                sources.append(SystematicSource(name: name, affects: q,
                                                value: .piecewise(parameter: try pw.required("parameter").string(), pieces: pieces)))
            } else if let cs {
                let csName = try cs.string()
                if let r = controlSampleResults.first(where: { $0.name == csName }) {
                    sources.append(try SystematicSource(controlSample: r, affects: q, name: name))
                } else {
                    pending.append((name, q, csName))
                }
            }
        }
        return (SystematicsTable(sources: sources), pending)
    }
}
