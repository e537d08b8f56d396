import Foundation

/// A pyhf JSON workspace (schema 1.0.0, as written and read by pyhf 0.7.6).
///
/// This is the interchange format between DarkSector and pyhf: a workspace written here
/// loads in pyhf and gives the same fit, and a pyhf workspace loads here. Reading is done
/// by walking the parsed JSON by hand (not `JSONDecoder`) so that every problem is reported
/// with its JSON path, e.g. `channels[0].samples[2].modifiers[1].type: unsupported modifier
/// 'shapefactor'`, which is what a user needs to fix a file.
public struct PyhfWorkspace: Sendable, Equatable {
    public var channels: [Channel]
    public var observations: [Observation]
    public var measurements: [Measurement]
    public var version: String

    public init(channels: [Channel], observations: [Observation], measurements: [Measurement],
                version: String = "1.0.0") {
        self.channels = channels
        self.observations = observations
        self.measurements = measurements
        self.version = version
    }

    public struct Channel: Sendable, Equatable {
        public var name: String
        public var samples: [Sample]
        public init(name: String, samples: [Sample]) { self.name = name; self.samples = samples }
    }

    public struct Sample: Sendable, Equatable {
        public var name: String
        public var data: [Double]
        public var modifiers: [Modifier]
        public init(name: String, data: [Double], modifiers: [Modifier]) {
            self.name = name; self.data = data; self.modifiers = modifiers
        }
    }

    /// A modifier as written in JSON: its name (the parameter it uses), type and data.
    public struct Modifier: Sendable, Equatable {
        public var name: String
        public var kind: ModifierKind
        public init(name: String, kind: ModifierKind) { self.name = name; self.kind = kind }
    }

    /// The supported modifier types with their data (pyhf's `type` and `data` fields).
    public enum ModifierKind: Sendable, Equatable {
        /// Free normalisation (`data: null`).
        case normfactor
        /// Normalisation uncertainty: yields scale by `hi` / `lo` at alpha = +1 / -1.
        case normsys(hi: Double, lo: Double)
        /// Shape uncertainty: per-bin yields at alpha = +1 / -1.
        case histosys(hiData: [Double], loData: [Double])
        /// Per-bin Poisson-constrained uncertainty (absolute per-bin uncertainties).
        case shapesys(uncertainties: [Double])
        /// Per-bin MC statistical uncertainty (absolute), combined over samples.
        case staterror(uncertainties: [Double])
        /// Luminosity (`data: null`); its constraint comes from the measurement.
        case lumi

        public var typeName: String {
            switch self {
            case .normfactor: return "normfactor"
            case .normsys: return "normsys"
            case .histosys: return "histosys"
            case .shapesys: return "shapesys"
            case .staterror: return "staterror"
            case .lumi: return "lumi"
            }
        }
    }

    public struct Observation: Sendable, Equatable {
        public var name: String
        public var data: [Double]
        public init(name: String, data: [Double]) { self.name = name; self.data = data }
    }

    public struct Measurement: Sendable, Equatable {
        public var name: String
        public var poi: String
        public var parameters: [ParameterSetting]
        public init(name: String, poi: String, parameters: [ParameterSetting] = []) {
            self.name = name; self.poi = poi; self.parameters = parameters
        }
    }

    /// Per-parameter overrides of a measurement (`config.parameters[]`).
    public struct ParameterSetting: Sendable, Equatable {
        public var name: String
        public var bounds: [[Double]]?
        public var inits: [Double]?
        public var fixed: Bool?
        public var auxdata: [Double]?
        public var sigmas: [Double]?
        public init(name: String, bounds: [[Double]]? = nil, inits: [Double]? = nil, fixed: Bool? = nil,
                    auxdata: [Double]? = nil, sigmas: [Double]? = nil) {
            self.name = name; self.bounds = bounds; self.inits = inits; self.fixed = fixed
            self.auxdata = auxdata; self.sigmas = sigmas
        }
    }
}

// MARK: - Reading

extension PyhfWorkspace {
    /// Reads a workspace file.
    public static func load(contentsOf url: URL) throws -> PyhfWorkspace {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StatisticsError.invalidWorkspace(
                path: url.path, reason: "cannot read the file (\(error.localizedDescription)); check the path")
        }
        return try decode(data)
    }

    /// Parses workspace JSON, reporting problems with their JSON path.
    public static func decode(_ data: Data) throws -> PyhfWorkspace {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw StatisticsError.invalidWorkspace(path: "", reason: "not valid JSON (\(error.localizedDescription))")
        }
        var reader = JSONReader()
        let workspace = try reader.workspace(root)
        try workspace.validate()
        return workspace
    }

    /// Checks consistency: every channel has an observation with as many bins as its samples,
    /// per-bin modifier data match the sample's bins, a POI exists.
    public func validate() throws {
        guard !channels.isEmpty else {
            throw StatisticsError.invalidWorkspace(path: "channels", reason: "a workspace needs at least one channel")
        }
        var seen = Set<String>()
        for (c, channel) in channels.enumerated() {
            guard seen.insert(channel.name).inserted else {
                throw StatisticsError.invalidWorkspace(path: "channels[\(c)].name", reason: "duplicate channel '\(channel.name)'")
            }
            guard let first = channel.samples.first else {
                throw StatisticsError.invalidWorkspace(path: "channels[\(c)].samples", reason: "channel '\(channel.name)' has no samples")
            }
            let nBins = first.data.count
            guard nBins > 0 else {
                throw StatisticsError.invalidWorkspace(path: "channels[\(c)].samples[0].data", reason: "a sample needs at least one bin")
            }
            for (s, sample) in channel.samples.enumerated() {
                let base = "channels[\(c)].samples[\(s)]"
                guard sample.data.count == nBins else {
                    throw StatisticsError.invalidWorkspace(
                        path: base + ".data",
                        reason: "sample '\(sample.name)' has \(sample.data.count) bins but channel '\(channel.name)' has \(nBins)")
                }
                if let bad = sample.data.firstIndex(where: { !$0.isFinite }) {
                    throw StatisticsError.invalidWorkspace(path: base + ".data[\(bad)]", reason: "yield must be finite")
                }
                for (m, modifier) in sample.modifiers.enumerated() {
                    let mpath = base + ".modifiers[\(m)].data"
                    func check(_ values: [Double], _ field: String) throws {
                        guard values.count == nBins else {
                            throw StatisticsError.invalidWorkspace(
                                path: mpath + field,
                                reason: "\(modifier.kind.typeName) '\(modifier.name)' has \(values.count) bins, sample has \(nBins)")
                        }
                        if let bad = values.firstIndex(where: { !$0.isFinite }) {
                            throw StatisticsError.invalidWorkspace(path: mpath + field + "[\(bad)]", reason: "must be finite")
                        }
                    }
                    switch modifier.kind {
                    case let .histosys(hi, lo): try check(hi, ".hi_data"); try check(lo, ".lo_data")
                    case let .shapesys(u): try check(u, "")
                    case let .staterror(u): try check(u, "")
                    case let .normsys(hi, lo):
                        guard hi > 0, lo > 0, hi.isFinite, lo.isFinite else {
                            throw StatisticsError.invalidWorkspace(
                                path: mpath, reason: "normsys '\(modifier.name)' needs positive finite hi and lo (got \(hi), \(lo))")
                        }
                    case .normfactor, .lumi: break
                    }
                }
            }
            guard let o = observations.firstIndex(where: { $0.name == channel.name }) else {
                throw StatisticsError.invalidWorkspace(
                    path: "observations", reason: "missing observation for channel '\(channel.name)'")
            }
            guard observations[o].data.count == nBins else {
                throw StatisticsError.invalidWorkspace(
                    path: "observations[\(o)].data",
                    reason: "observation '\(channel.name)' has \(observations[o].data.count) bins, channel has \(nBins)")
            }
            if let bad = observations[o].data.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw StatisticsError.invalidWorkspace(
                    path: "observations[\(o)].data[\(bad)]", reason: "observed counts must be finite and >= 0")
            }
        }
        guard !measurements.isEmpty else {
            throw StatisticsError.invalidWorkspace(path: "measurements", reason: "a workspace needs a measurement (with a POI)")
        }
    }
}

/// Walks `JSONSerialization` output, keeping the JSON path for error messages.
private struct JSONReader {
    func fail(_ path: String, _ reason: String) -> StatisticsError {
        StatisticsError.invalidWorkspace(path: path, reason: reason)
    }

    func object(_ any: Any?, _ path: String) throws -> [String: Any] {
        guard let any else { throw fail(path, "missing (expected an object)") }
        guard let dict = any as? [String: Any] else { throw fail(path, "expected an object") }
        return dict
    }

    func array(_ any: Any?, _ path: String) throws -> [Any] {
        guard let any else { throw fail(path, "missing (expected an array)") }
        guard let list = any as? [Any] else { throw fail(path, "expected an array") }
        return list
    }

    func string(_ any: Any?, _ path: String) throws -> String {
        guard let any else { throw fail(path, "missing (expected a string)") }
        guard let s = any as? String else { throw fail(path, "expected a string") }
        return s
    }

    func number(_ any: Any?, _ path: String) throws -> Double {
        guard let any else { throw fail(path, "missing (expected a number)") }
        // Linux Foundation hands numbers back as NSNumber, which also bridges to Bool; only a
        // value whose dynamic type is Bool is a JSON true/false.
        if type(of: any) == Bool.self || any is String { throw fail(path, "expected a number") }
        let v: Double
        if let n = any as? NSNumber { v = n.doubleValue }
        else if let d = any as? Double { v = d }
        else if let i = any as? Int { v = Double(i) }
        else { throw fail(path, "expected a number") }
        guard v.isFinite else { throw fail(path, "must be finite") }
        return v
    }

    func numbers(_ any: Any?, _ path: String) throws -> [Double] {
        try array(any, path).enumerated().map { try number($0.element, "\(path)[\($0.offset)]") }
    }

    mutating func workspace(_ root: Any) throws -> PyhfWorkspace {
        let top = try object(root, "")
        let channels = try array(top["channels"], "channels").enumerated().map { c, any -> PyhfWorkspace.Channel in
            let path = "channels[\(c)]"
            let dict = try object(any, path)
            let samples = try array(dict["samples"], path + ".samples").enumerated().map { s, sany in
                try sample(sany, "\(path).samples[\(s)]")
            }
            return .init(name: try string(dict["name"], path + ".name"), samples: samples)
        }
        let observations = try array(top["observations"], "observations").enumerated().map { o, any in
            let path = "observations[\(o)]"
            let dict = try object(any, path)
            return PyhfWorkspace.Observation(name: try string(dict["name"], path + ".name"),
                                             data: try numbers(dict["data"], path + ".data"))
        }
        let measurements = try array(top["measurements"], "measurements").enumerated().map { m, any in
            try measurement(any, "measurements[\(m)]")
        }
        let version = (top["version"] as? String) ?? "1.0.0"
        return PyhfWorkspace(channels: channels, observations: observations, measurements: measurements,
                             version: version)
    }

    func sample(_ any: Any, _ path: String) throws -> PyhfWorkspace.Sample {
        let dict = try object(any, path)
        let modifiers = try array(dict["modifiers"] ?? [Any](), path + ".modifiers").enumerated().map { m, many in
            try modifier(many, "\(path).modifiers[\(m)]")
        }
        return .init(name: try string(dict["name"], path + ".name"), data: try numbers(dict["data"], path + ".data"),
                     modifiers: modifiers)
    }

    func modifier(_ any: Any, _ path: String) throws -> PyhfWorkspace.Modifier {
        let dict = try object(any, path)
        let name = try string(dict["name"], path + ".name")
        let type = try string(dict["type"], path + ".type")
        let data = dict["data"]
        let kind: PyhfWorkspace.ModifierKind
        switch type {
        case "normfactor": kind = .normfactor
        case "lumi": kind = .lumi
        case "normsys":
            let d = try object(data, path + ".data")
            kind = .normsys(hi: try number(d["hi"], path + ".data.hi"), lo: try number(d["lo"], path + ".data.lo"))
        case "histosys":
            let d = try object(data, path + ".data")
            kind = .histosys(hiData: try numbers(d["hi_data"], path + ".data.hi_data"),
                             loData: try numbers(d["lo_data"], path + ".data.lo_data"))
        case "shapesys": kind = .shapesys(uncertainties: try numbers(data, path + ".data"))
        case "staterror": kind = .staterror(uncertainties: try numbers(data, path + ".data"))
        default:
            throw fail(path + ".type", "unsupported modifier '\(type)' (supported: normfactor, normsys, "
                       + "histosys, shapesys, staterror, lumi)")
        }
        return .init(name: name, kind: kind)
    }

    func measurement(_ any: Any, _ path: String) throws -> PyhfWorkspace.Measurement {
        let dict = try object(any, path)
        let config = try object(dict["config"], path + ".config")
        let parameters = try array(config["parameters"] ?? [Any](), path + ".config.parameters").enumerated().map {
            p, pany -> PyhfWorkspace.ParameterSetting in
            let ppath = "\(path).config.parameters[\(p)]"
            let pd = try object(pany, ppath)
            var setting = PyhfWorkspace.ParameterSetting(name: try string(pd["name"], ppath + ".name"))
            if let b = pd["bounds"] {
                setting.bounds = try array(b, ppath + ".bounds").enumerated().map { i, pair in
                    let v = try numbers(pair, "\(ppath).bounds[\(i)]")
                    guard v.count == 2, v[0] <= v[1] else {
                        throw fail("\(ppath).bounds[\(i)]", "expected [lower, upper] with lower <= upper")
                    }
                    return v
                }
            }
            if let v = pd["inits"] { setting.inits = try numbers(v, ppath + ".inits") }
            if let v = pd["fixed"] {
                guard let f = v as? Bool else { throw fail(ppath + ".fixed", "expected true or false") }
                setting.fixed = f
            }
            if let v = pd["auxdata"] { setting.auxdata = try numbers(v, ppath + ".auxdata") }
            if let v = pd["sigmas"] { setting.sigmas = try numbers(v, ppath + ".sigmas") }
            return setting
        }
        return .init(name: try string(dict["name"], path + ".name"), poi: try string(config["poi"], path + ".config.poi"),
                     parameters: parameters)
    }
}

// MARK: - Writing

extension PyhfWorkspace {
    /// The workspace as a JSON object tree (for `JSONSerialization`), in pyhf's layout.
    public func jsonObject() -> [String: Any] {
        func modifierJSON(_ m: Modifier) -> [String: Any] {
            var out: [String: Any] = ["name": m.name, "type": m.kind.typeName]
            switch m.kind {
            case .normfactor, .lumi: out["data"] = NSNull()
            case let .normsys(hi, lo): out["data"] = ["hi": hi, "lo": lo]
            case let .histosys(hi, lo): out["data"] = ["hi_data": hi, "lo_data": lo]
            case let .shapesys(u), let .staterror(u): out["data"] = u
            }
            return out
        }
        return [
            "channels": channels.map { c in
                ["name": c.name,
                 "samples": c.samples.map { s in
                     ["name": s.name, "data": s.data, "modifiers": s.modifiers.map(modifierJSON)] as [String: Any]
                 }] as [String: Any]
            },
            "observations": observations.map { ["name": $0.name, "data": $0.data] as [String: Any] },
            "measurements": measurements.map { m in
                ["name": m.name,
                 "config": ["poi": m.poi,
                            "parameters": m.parameters.map { p in
                                var d: [String: Any] = ["name": p.name]
                                if let v = p.bounds { d["bounds"] = v }
                                if let v = p.inits { d["inits"] = v }
                                if let v = p.fixed { d["fixed"] = v }
                                if let v = p.auxdata { d["auxdata"] = v }
                                if let v = p.sigmas { d["sigmas"] = v }
                                return d
                            }] as [String: Any]] as [String: Any]
            },
            "version": version,
        ]
    }

    /// Serialises to pyhf JSON (sorted keys, so the output is reproducible).
    public func encoded(prettyPrinted: Bool = true) throws -> Data {
        var options: JSONSerialization.WritingOptions = [.sortedKeys]
        if prettyPrinted { options.insert(.prettyPrinted) }
        return try JSONSerialization.data(withJSONObject: jsonObject(), options: options)
    }

    /// Writes atomically (temporary file, then rename).
    public func write(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    /// The observed main data of every channel, in channel order.
    public func observedData(channel: String) -> [Double]? {
        observations.first { $0.name == channel }?.data
    }
}
