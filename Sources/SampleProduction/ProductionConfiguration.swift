import Foundation
import Generators
import Yams

/// What `darksector generate` produces: processes, luminosity, seed, sharding.
///
/// Read from YAML with strict keys (a typo is an error naming the key and the file, not a
/// silently ignored setting). The embedded default is `ProductionConfiguration.demoYAML`.
public struct ProductionConfiguration: Sendable, Equatable {
    /// Integrated luminosity of the pseudo-data, and the luminosity MC weights are normalised to.
    public var luminosityInvFb: Double
    public var seed: UInt64
    /// Events per HDF5 shard; shards are the unit of parallelism and of resuming.
    public var shardEvents: Int
    /// Trials used to compute each process's cross section before generating.
    public var crossSectionTrials: Int
    public var processes: [ProcessPlan]
    /// Which condition sets to produce (`mc`, `data`).
    public var conditions: [String]

    /// One process of the production.
    public struct ProcessPlan: Sendable, Equatable {
        public var process: StandardModelProcess
        /// Named generator filter (see `ProductionConfiguration.filter(named:)`).
        public var filterName: String
        public var mode: GenerationMode
        /// MC is generated at this multiple of the data luminosity (weights compensate).
        public var mcLuminosityFactor: Double
        /// Upper bound on MC events (the weights absorb the reduced statistics).
        public var maxMCEvents: Int?
        /// Exact number of MC events, overriding the luminosity factor (benchmarks, tests).
        public var mcEvents: Int? = nil

        public var filter: GeneratorFilter? { ProductionConfiguration.filter(named: filterName) }

        public init(process: StandardModelProcess, filterName: String = "none", mode: GenerationMode = .unweighted,
                    mcLuminosityFactor: Double = 1, maxMCEvents: Int? = nil, mcEvents: Int? = nil) {
            self.process = process
            self.filterName = filterName
            self.mode = mode
            self.mcLuminosityFactor = mcLuminosityFactor
            self.maxMCEvents = maxMCEvents
            self.mcEvents = mcEvents
        }
    }

    /// Filters a configuration can name.
    public static let filterNames = ["none", "mumu_cdc", "two_charged_leptons", "single_photon"]

    public static func filter(named name: String) -> GeneratorFilter? {
        switch name {
        case "mumu_cdc": return .physicsBookMuonPairInCDC
        case "two_charged_leptons": return .chargedLeptons(count: 2, minMomentum: 0.5)
        case "single_photon": return .singlePhoton(minEnergyCMS: 1.0)
        default: return nil
        }
    }

    /// The embedded default that `make demo` runs: a small luminosity of the backgrounds
    /// the dimuon and mono-photon searches need, about a minute on two cores. The mono-photon
    /// processes (#17) cost 50 s CPU together (release), most of it the 29k unweighted
    /// eegamma pseudo-data events; nunugamma (1.4 fb) gets 1000x MC so its MC is not empty.
    /// e+e- -> gamma P (pi0, eta, eta'; 3.2, 4.9, 5.8 fb) for the three-photon ALP search's
    /// peak control samples (#18): 200x MC (about 1200 events in all, under a second).
    public static let demoYAML = """
        # DarkSector embedded default production (make demo).
        luminosity_inv_fb: 0.05
        seed: 20260101
        shard_events: 100000
        cross_section_trials: 200000
        conditions: [mc, data]
        processes:
          mumu: {filter: mumu_cdc, mode: unweighted, mc_luminosity_factor: 2}
          tautau: {filter: none, mode: unweighted, mc_luminosity_factor: 2}
          eemumu: {filter: two_charged_leptons, mode: unweighted, mc_luminosity_factor: 2}
          ee: {filter: two_charged_leptons, mode: weighted, mc_luminosity_factor: 1, max_mc_events: 400000}
          gammagamma: {filter: single_photon, mode: weighted, mc_luminosity_factor: 1, max_mc_events: 100000}
          gammagammagamma: {filter: single_photon, mode: weighted, mc_luminosity_factor: 1}
          eegamma: {filter: single_photon, mode: weighted, mc_luminosity_factor: 1}
          nunugamma: {filter: single_photon, mode: weighted, mc_luminosity_factor: 1000}
          gammapi0: {filter: none, mode: unweighted, mc_luminosity_factor: 200}
          gammaeta: {filter: none, mode: unweighted, mc_luminosity_factor: 200}
          gammaetaprime: {filter: none, mode: unweighted, mc_luminosity_factor: 200}
        """

    public init(luminosityInvFb: Double, seed: UInt64, shardEvents: Int = 100_000, crossSectionTrials: Int = 200_000,
                processes: [ProcessPlan], conditions: [String] = ["mc", "data"]) {
        self.luminosityInvFb = luminosityInvFb
        self.seed = seed
        self.shardEvents = shardEvents
        self.crossSectionTrials = crossSectionTrials
        self.processes = processes
        self.conditions = conditions
    }

    public static func load(file: String) throws -> ProductionConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ProductionError.invalidValue(file: file, key: "(file)", detail: "cannot read: \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: file)
    }

    public static func parse(yaml: String, file: String) throws -> ProductionConfiguration {
        let root: Any?
        do {
            root = try Yams.load(yaml: yaml)
        } catch {
            throw ProductionError.malformedYAML(file: file, detail: "\(error)")
        }
        guard let top = root as? [String: Any] else {
            throw ProductionError.malformedYAML(file: file, detail: "the top level must be a mapping")
        }
        let topKeys = ["luminosity_inv_fb", "seed", "shard_events", "cross_section_trials", "conditions", "processes"]
        try checkKeys(top, allowed: topKeys, file: file, prefix: "")

        let lumi = try number(top, "luminosity_inv_fb", file: file)
        guard lumi > 0, lumi.isFinite else {
            throw ProductionError.invalidValue(file: file, key: "luminosity_inv_fb", detail: "must be positive, got \(lumi)")
        }
        let seed = try integer(top, "seed", file: file)
        guard seed >= 0 else { throw ProductionError.invalidValue(file: file, key: "seed", detail: "must be >= 0, got \(seed)") }
        let shard = top["shard_events"] == nil ? 100_000 : try integer(top, "shard_events", file: file)
        guard shard > 0 else { throw ProductionError.invalidValue(file: file, key: "shard_events", detail: "must be positive, got \(shard)") }
        let trials = top["cross_section_trials"] == nil ? 200_000 : try integer(top, "cross_section_trials", file: file)
        guard trials >= 1000 else {
            throw ProductionError.invalidValue(file: file, key: "cross_section_trials", detail: "must be >= 1000, got \(trials)")
        }
        var conditions = ["mc", "data"]
        if let c = top["conditions"] {
            guard let list = c as? [String], !list.isEmpty, list.allSatisfy({ $0 == "mc" || $0 == "data" }) else {
                throw ProductionError.invalidValue(file: file, key: "conditions", detail: "must be a list of 'mc' and/or 'data'")
            }
            conditions = list
        }
        guard let procs = top["processes"] as? [String: Any], !procs.isEmpty else {
            throw ProductionError.missingKey(file: file, key: "processes")
        }
        var plans: [ProcessPlan] = []
        for name in procs.keys.sorted() {
            let key = "processes.\(name)"
            guard let process = StandardModelProcess(rawValue: name) else {
                throw ProductionError.unknownProcess(file: file, key: key, name: name)
            }
            guard let spec = procs[name] as? [String: Any] else {
                throw ProductionError.invalidValue(file: file, key: key, detail: "must be a mapping")
            }
            try checkKeys(spec, allowed: ["filter", "mode", "mc_luminosity_factor", "max_mc_events", "mc_events"],
                          file: file, prefix: key + ".")
            let filterName = (spec["filter"] as? String) ?? "none"
            guard filterNames.contains(filterName) else {
                throw ProductionError.invalidValue(file: file, key: key + ".filter",
                                                   detail: "unknown filter '\(filterName)'; known: \(filterNames.joined(separator: ", "))")
            }
            let modeName = (spec["mode"] as? String) ?? "unweighted"
            guard let mode = GenerationMode(rawValue: modeName) else {
                throw ProductionError.invalidValue(file: file, key: key + ".mode", detail: "must be 'unweighted' or 'weighted', got '\(modeName)'")
            }
            let factor = spec["mc_luminosity_factor"] == nil ? 1 : try number(spec, "mc_luminosity_factor", file: file, prefix: key + ".")
            guard factor > 0, factor.isFinite else {
                throw ProductionError.invalidValue(file: file, key: key + ".mc_luminosity_factor", detail: "must be positive, got \(factor)")
            }
            var maxEvents: Int? = nil
            if spec["max_mc_events"] != nil {
                let m = try integer(spec, "max_mc_events", file: file, prefix: key + ".")
                guard m > 0 else { throw ProductionError.invalidValue(file: file, key: key + ".max_mc_events", detail: "must be positive") }
                maxEvents = m
            }
            var exact: Int? = nil
            if spec["mc_events"] != nil {
                let m = try integer(spec, "mc_events", file: file, prefix: key + ".")
                guard m > 0 else { throw ProductionError.invalidValue(file: file, key: key + ".mc_events", detail: "must be positive") }
                exact = m
            }
            plans.append(ProcessPlan(process: process, filterName: filterName, mode: mode,
                                     mcLuminosityFactor: factor, maxMCEvents: maxEvents, mcEvents: exact))
        }
        return ProductionConfiguration(luminosityInvFb: lumi, seed: UInt64(seed), shardEvents: shard,
                                       crossSectionTrials: trials, processes: plans, conditions: conditions)
    }

    private static func checkKeys(_ map: [String: Any], allowed: [String], file: String, prefix: String) throws {
        for k in map.keys.sorted() where !allowed.contains(k) {
            throw ProductionError.unknownKey(file: file, key: prefix + k, allowed: allowed)
        }
    }

    private static func number(_ map: [String: Any], _ key: String, file: String, prefix: String = "") throws -> Double {
        guard let v = map[key] else { throw ProductionError.missingKey(file: file, key: prefix + key) }
        if let d = v as? Double { return d }
        if let i = v as? Int { return Double(i) }
        throw ProductionError.invalidValue(file: file, key: prefix + key, detail: "must be a number, got '\(v)'")
    }

    private static func integer(_ map: [String: Any], _ key: String, file: String, prefix: String = "") throws -> Int {
        guard let v = map[key] else { throw ProductionError.missingKey(file: file, key: prefix + key) }
        if let i = v as? Int { return i }
        if let d = v as? Double, d == d.rounded(), abs(d) < 9e15 { return Int(d) }
        throw ProductionError.invalidValue(file: file, key: prefix + key, detail: "must be an integer, got '\(v)'")
    }
}

extension ProductionConfiguration {
    /// A stable text identifying the configuration, recorded with the run (not a security hash).
    public var fingerprint: String {
        let plans = processes.map {
            "\($0.process.rawValue):\($0.filterName):\($0.mode.rawValue):\($0.mcLuminosityFactor):\($0.maxMCEvents ?? -1):\($0.mcEvents ?? -1)"
        }.joined(separator: ",")
        let text = "lumi=\(luminosityInvFb);seed=\(seed);shard=\(shardEvents);trials=\(crossSectionTrials);cond=\(conditions.joined(separator: ","));\(plans)"
        return String(format: "%016llx", StreamID.of(text))
    }
}
