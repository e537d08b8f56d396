import Foundation

/// A search's run configuration, read from YAML and checked against the search:
///
///     search: zprime-invisible
///     luminosity_inv_fb: 100
///     statistics: {cl: 0.90, methods: [bayes, cls]}
///     punzi: {a: 1.64, min_background_entries: 10, regularisation_half_width: 2}
///     cuts: {muon_id: 0.9, extra_energy: 0.4}          # threshold overrides
///     mass_grid:
///       m_zprime: {from: 0.5, to: 8.0, step: 0.5}       # or a list: [1.0, 2.0, 3.0]
///     control_samples: [...]                            # see ControlSample
///     control_sample_files: [extra_control.yaml]       # more, besides ControlSamples/<id>/
///     systematics: [...]                                # see SystematicsTable.parse
///     signal_events_per_point: 3000                     # signal MC per generated point
///     look_elsewhere_toys: 1000                         # pseudo-experiments for the LEE
///
/// Everything that changes a result is a key here and so inside the hash: no environment
/// variable changes what a run computes. The control samples are checked against the
/// search's rules (`ControlSampleRules`: orthogonal to the signal selection, criteria no
/// looser than the search's floor, required samples present) before anything runs.
/// Unknown keys, cuts, observables, out-of-range masses and an unknown search id are typed
/// errors naming the file and key. `hash` covers this file and every control-sample file
/// it includes.
public struct SearchConfiguration: Sendable {
    public let file: String
    public let searchID: String
    public let luminosityInvFb: Double
    public let statistics: StatisticsSettings
    public let punzi: PunziOptimiser.Settings
    /// The search's selection with the configured thresholds.
    public let selection: Selection
    public let massGrid: MassGrid
    public let hypotheses: [MassHypothesis]
    public let controlSamples: [ControlSample]
    public let systematics: SystematicsTable
    /// `from_control_sample` systematics still to be filled from validation results.
    public let pendingSystematics: [(name: String, affects: AffectedQuantity, controlSample: String)]
    /// Signal MC events per generated point; nil: the search's default.
    public let signalEventsPerPoint: Int?
    /// Background-only pseudo-experiments calibrating the look-elsewhere effect.
    public let lookElsewhereToys: Int
    /// SHA-256 of the canonical configuration (see ConfigurationHash).
    public let hash: String
    /// The canonical text the hash is taken of (every document, then the effective selection
    /// and hypotheses): what a validation record stores, so the configuration it validated
    /// can be read back, not only recognised.
    public let canonicalText: String

    /// Upper bounds that keep a typo from starting a week-long job (signal MC per point and
    /// look-elsewhere toys); a study needing more edits these, in code, with a reason.
    public static let maximumSignalEventsPerPoint = 1_000_000
    public static let maximumLookElsewhereToys = 100_000
    /// Points of one mass-grid axis (the dark-Higgsstrahlung scan, the largest, has ~100 per axis).
    public static let maximumGridPointsPerAxis = 100_000

    static let topLevelKeys: Set<String> = ["search", "luminosity_inv_fb", "statistics", "punzi", "cuts", "mass_grid",
                                            "scan_options", "control_samples", "control_sample_files", "systematics",
                                            "signal_events_per_point", "look_elsewhere_toys"]

    /// Loads a configuration file and resolves the search in the registry.
    ///
    /// The search's own control samples, `<controlSamples>/<search-id>/*.yaml`, are always
    /// part of the configuration: found by search id (in `controlSamples`, or else in the first
    /// `ControlSamples` folder above the configuration file), never by a path the
    /// configuration spells. A configuration may add samples (`control_samples`,
    /// `control_sample_files`), not leave the search's out.
    public static func load(path: String, registry: SearchRegistry,
                            controlSamples: URL? = nil) throws -> (search: any Search, configuration: SearchConfiguration) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw AnalysisError.unreadableConfiguration(file: path, reason: error.localizedDescription)
        }
        let root = try ConfigurationNode.parse(yaml: text, file: path)
        let idNode = try root.required("search")
        let id = try idNode.string()
        let search: any Search
        do { search = try registry.search(id: id) } catch AnalysisError.unknownSearch(_, let known) {
            throw AnalysisError.invalidConfiguration(file: path, key: "search",
                reason: "unknown search '\(id)'; known searches: \(known.sorted().joined(separator: ", "))")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let folder = (controlSamples ?? Self.controlSamplesFolder(above: base))?.appendingPathComponent(id)
        return (search, try SearchConfiguration(root: root, search: search, includeBase: base, searchControlSamples: folder))
    }

    /// The first `ControlSamples` folder in `start` or above it.
    static func controlSamplesFolder(above start: URL) -> URL? {
        var dir = start.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent("ControlSamples")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Parses a configuration document for a given search (control-sample files are resolved
    /// relative to `includeBase`).
    /// `searchControlSamples`: the search's own control-sample folder, whose `*.yaml` files are
    /// read before any the configuration names.
    public init(root: ConfigurationNode, search: any Search, includeBase: URL? = nil, searchControlSamples: URL? = nil) throws {
        let file = root.file
        try root.checkKeys(Self.topLevelKeys)
        self.file = file
        let idNode = try root.required("search")
        searchID = try idNode.string()
        guard searchID == search.id else {
            throw idNode.error("configuration is for search '\(searchID)', not '\(search.id)'")
        }
        let lumiNode = try root.required("luminosity_inv_fb")
        luminosityInvFb = try lumiNode.double()
        guard luminosityInvFb > 0 else { throw lumiNode.error("luminosity must be positive") }

        var stats = search.defaultStatistics
        if let s = try root.optional("statistics") {
            try s.checkKeys(["cl", "methods"])
            if let cl = try s.optional("cl") {
                stats.confidenceLevel = try cl.double()
                guard stats.confidenceLevel > 0 && stats.confidenceLevel < 1 else { throw cl.error("cl must lie in (0, 1)") }
            }
            if let m = try s.optional("methods") {
                stats.methods = try m.items().map { item in
                    guard let method = StatisticsSettings.Method(rawValue: try item.string()) else {
                        throw item.error("unknown method; expected one of \(StatisticsSettings.Method.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return method
                }
            }
        }
        statistics = stats

        var p = PunziOptimiser.Settings()
        if let n = try root.optional("punzi") {
            try n.checkKeys(["a", "min_background_entries", "regularisation_half_width", "max_full_grid_points", "window_scale"])
            if let v = try n.optional("a") { p.a = try v.double(); guard p.a > 0 else { throw v.error("a must be positive") } }
            if let v = try n.optional("min_background_entries") { p.minimumBackgroundEntries = try v.int() }
            if let v = try n.optional("regularisation_half_width") { p.regularisationHalfWidth = try v.int() }
            if let v = try n.optional("max_full_grid_points") { p.maxFullGridPoints = try v.int() }
            if let v = try n.optional("window_scale") {
                try v.checkKeys(["low", "high", "step"])
                let low = try v.required("low").double(), high = try v.required("high").double()
                let step = try v.required("step").double()
                guard low > 0, high <= 1, high >= low, step > 0 else {
                    throw v.error("window_scale needs 0 < low <= high <= 1 and step > 0: a window may shrink, never grow past the blinded region")
                }
                p.windowScale = Cut.Tuning(low: low, high: high, step: step)
            }
        }
        punzi = p

        var thresholds: [String: Double] = [:]
        if let c = try root.optional("cuts") {
            for (k, v) in try c.entries() { thresholds[k] = try v.double() }
        }
        selection = try search.selection.withThresholds(thresholds, search: search.id, file: file, keyPrefix: "cuts")
        let known = Set(search.observableNames)
        for cut in selection.allCuts where !known.contains(cut.observable) {
            throw AnalysisError.unknownObservable(name: cut.observable, search: search.id, file: "<search \(search.id)>", key: "selection.\(cut.name)")
        }

        let gridNode = try root.required("mass_grid")
        var axes: [String: [Double]] = [:]
        for (name, v) in try gridNode.entries() {
            let values: [Double]
            if v.isSequence { values = try v.doubles() } else {
                try v.checkKeys(["from", "to", "step"])
                let from = try v.required("from").double(), to = try v.required("to").double()
                let stepNode = try v.required("step")
                let step = try stepNode.double()
                guard from.isFinite, to.isFinite, step.isFinite, step > 0, to >= from else {
                    throw v.error("need finite from <= to and step > 0, got from \(from), to \(to), step \(step)")
                }
                let points = ((to - from) / step + 1e-9).rounded(.down)
                guard points < Double(Self.maximumGridPointsPerAxis) else {
                    throw v.error("\(Int(min(points, 1e18)) + 1) points exceed the limit of \(Self.maximumGridPointsPerAxis) per axis; use a larger step")
                }
                let n = Int(points)
                values = (0...n).map { from + Double($0) * step }
            }
            guard !values.isEmpty else { throw v.error("no mass points") }
            for (i, x) in values.enumerated() {
                try search.checkParameter(name, x, file: file, key: v.isSequence ? "\(v.key)[\(i)]" : v.key)
            }
            axes[name] = values
        }
        var options = search.scanOptionDefaults
        if let o = try root.optional("scan_options") {
            for (k, v) in try o.entries() {
                guard options[k] != nil else {
                    let known = search.scanOptionDefaults.keys.sorted()
                    throw v.error("unknown scan option '\(k)' for search '\(search.id)'; known: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
                }
                options[k] = try v.double()
            }
        }
        massGrid = MassGrid(axes: axes, options: options)
        hypotheses = try search.hypotheses(on: massGrid)
        guard !hypotheses.isEmpty else { throw gridNode.error("the grid gives no hypothesis the search can test") }

        var documents = [root]
        var samples: [ControlSample] = []
        if let list = try root.optional("control_samples") {
            samples += try list.items().map(ControlSample.parse)
        }
        if let folder = searchControlSamples {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            for name in names {
                let url = folder.appendingPathComponent(name)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw AnalysisError.unreadableConfiguration(file: url.path, reason: "cannot read the search's control-sample file")
                }
                let doc = try ConfigurationNode.parse(yaml: text, file: url.path)
                try doc.checkKeys(["control_samples"])
                samples += try doc.required("control_samples").items().map(ControlSample.parse)
                documents.append(doc)
            }
        }
        if let files = try root.optional("control_sample_files") {
            for item in try files.items() {
                let rel = try item.string()
                let url = rel.hasPrefix("/") ? URL(fileURLWithPath: rel)
                                              : (includeBase ?? URL(fileURLWithPath: ".")).appendingPathComponent(rel)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw item.error("cannot read control-sample file \(url.path)")
                }
                let doc = try ConfigurationNode.parse(yaml: text, file: url.path)
                try doc.checkKeys(["control_samples"])
                samples += try doc.required("control_samples").items().map(ControlSample.parse)
                documents.append(doc)
            }
        }
        var names = Set<String>()
        for cs in samples {
            guard names.insert(cs.name).inserted else {
                throw AnalysisError.invalidConfiguration(file: file, key: "control_samples", reason: "control sample '\(cs.name)' is defined twice")
            }
            _ = try cs.selection(from: selection, search: search.id, file: file)
            for o in cs.observables where !known.contains(o) {
                throw AnalysisError.unknownObservable(name: o, search: search.id, file: file, key: "control_samples.\(cs.name)")
            }
        }
        try ControlSampleRules.check(samples, search: search, configured: selection,
                                     envelope: try BlindingEnvelope.hidden(search: search, configured: hypotheses), file: file)
        controlSamples = samples

        if let s = try root.optional("systematics") {
            let parsed = try SystematicsTable.parse(s)
            let declared = Set(samples.map(\.name))
            for pending in parsed.pending where !declared.contains(pending.controlSample) {
                throw AnalysisError.invalidConfiguration(file: file, key: "systematics.\(pending.name)",
                    reason: "from_control_sample names '\(pending.controlSample)', which is not a control sample of this configuration")
            }
            systematics = SystematicsTable(sources: search.systematics + parsed.table.sources)
            pendingSystematics = parsed.pending
        } else {
            systematics = SystematicsTable(sources: search.systematics)
            pendingSystematics = []
        }
        if let n = try root.optional("signal_events_per_point") {
            let v = try n.int()
            guard v > 0, v <= Self.maximumSignalEventsPerPoint else {
                throw n.error("signal_events_per_point must lie in 1...\(Self.maximumSignalEventsPerPoint), got \(v)")
            }
            signalEventsPerPoint = v
        } else { signalEventsPerPoint = nil }
        if let n = try root.optional("look_elsewhere_toys") {
            let v = try n.int()
            guard v > 0, v <= Self.maximumLookElsewhereToys else {
                throw n.error("look_elsewhere_toys must lie in 1...\(Self.maximumLookElsewhereToys), got \(v)")
            }
            lookElsewhereToys = v
        } else { lookElsewhereToys = 1000 }
        // The hash covers the files and the effective selection and hypotheses, so a change of
        // a search's coded defaults also shows up as a different configuration.
        canonicalText = ConfigurationHash.canonicalText(documents, effective: [search.id, Self.json(selection), Self.json(hypotheses)])
        hash = ConfigurationHash.sha256(text: canonicalText)
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return (try? e.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "<unencodable>"
    }

    /// Parses YAML text (tests, configurations embedded in search modules).
    public static func parse(yaml: String, file: String, search: any Search) throws -> SearchConfiguration {
        try SearchConfiguration(root: try ConfigurationNode.parse(yaml: yaml, file: file), search: search)
    }
}
