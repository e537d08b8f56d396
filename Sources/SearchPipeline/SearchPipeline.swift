import Analysis
import Corrections
import Detector
import Foundation
import Provenance
import Reporting

/// Runs a search's stages in order, each reading the previous stage's JSON from the run
/// directory Results/<search>/<run-id>/ and writing its own, so any stage can be rerun alone
/// (`darksector optimise|validate|limits|report SEARCH --run-id ID`).
///
/// Unblinding (`unblind: true`) is decided in the limits stage: refused unless this run's
/// validation passed, is recorded in the provenance database for this run, this
/// configuration and exactly the shards about to be read (fingerprinted afresh), and the
/// samples hold data; the audit record, with the shards' hashes, is written before any
/// signal-region count is read.
public struct SearchPipeline {
    public let entry: any SearchPackage
    public let configuration: SearchConfiguration
    public let samples: SampleSet
    public let runDirectory: URL
    public let runID: String
    public let database: ProvenanceDatabase?
    /// Go on when the simulation lacks background processes the search needs (the report
    /// then says so at the top).
    public let allowMissingBackground: Bool
    /// Where stage timings and progress go (the CLI prints them to standard error).
    public let log: @Sendable (String) -> Void
    /// The simulation's detector conditions (Conditions/mc.yaml): the corrections re-smear
    /// and overlay with the simulation's own model. Nil: no corrections are measured.
    public let mcConditions: URL?

    /// `newRun`: the run directory is created; otherwise it must exist (a mistyped run id is
    /// an error, not a new folder that later stages would take for the newest run).
    public init(entry: any SearchPackage, configuration: SearchConfiguration, samples: SampleSet, resultsRoot: URL,
                runID: String, database: ProvenanceDatabase?, newRun: Bool = true, allowMissingBackground: Bool = false,
                mcConditions: URL? = nil, log: @escaping @Sendable (String) -> Void = { _ in }) throws {
        try Self.checkRunID(runID, search: entry.search.id)
        self.log = log
        self.mcConditions = mcConditions
        self.entry = entry
        self.configuration = configuration
        self.samples = samples
        self.runID = runID
        self.database = database
        self.allowMissingBackground = allowMissingBackground
        runDirectory = resultsRoot.appendingPathComponent(entry.search.id).appendingPathComponent(runID)
        if newRun {
            try FileManager.default.createDirectory(at: runDirectory, withIntermediateDirectories: true)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: runDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                let known = (try? Self.runIDs(search: entry.search.id, resultsRoot: resultsRoot).suffix(3)) ?? []
                throw PipelineError.unknownRun(search: entry.search.id, runID: runID,
                    reason: "\(runDirectory.path) does not exist\(known.isEmpty ? "" : "; latest runs: \(known.joined(separator: ", "))")")
            }
        }
    }

    /// Run ids name a folder below the results root: letters, digits, '.', '_' and '-', not
    /// starting with '.', so that no id reaches outside (`../x`) or hides itself.
    public static func checkRunID(_ id: String, search: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !id.isEmpty, id.count <= 128, id.allSatisfy({ allowed.contains($0) }), !id.hasPrefix(".") else {
            throw PipelineError.unknownRun(search: search, runID: id,
                reason: "a run id has 1-128 of the characters A-Z a-z 0-9 . _ - and does not start with '.'")
        }
    }

    /// Run folders of a search, oldest first (run ids sort by time).
    static func runIDs(search: String, resultsRoot: URL) throws -> [String] {
        let dir = resultsRoot.appendingPathComponent(search)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return (try? checkRunID(name, search: search)) != nil
                && FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// The newest run directory of a search (run ids sort by time).
    public static func latestRunID(search: String, resultsRoot: URL) throws -> String {
        guard let last = try runIDs(search: search, resultsRoot: resultsRoot).last else {
            throw PipelineError.noRun(directory: resultsRoot.appendingPathComponent(search).path)
        }
        return last
    }

    func url(_ name: String) -> URL { runDirectory.appendingPathComponent(name) }

    /// Measures the data/MC corrections (needs data and the MC conditions), writes
    /// corrections.json and its table, and records them in the provenance database.
    @discardableResult
    public func calibrate() throws -> CorrectionSet {
        guard !samples.mc.isEmpty else { throw PipelineError.noSamples(directory: samples.directory) }
        guard !samples.data.isEmpty else { throw PipelineError.noData(directory: samples.directory) }
        guard let mcConditions else {
            throw PipelineError.noData(directory: "(no Conditions/mc.yaml given: the corrections need the simulation's detector model)")
        }
        let set = try CalibrateStage.run(entry, configuration: configuration, mc: samples.mc, data: samples.data,
                                         mcConditions: mcConditions)
        try StageFile.write(set, to: url(CalibrateStage.file))
        try CalibrateStage.writeTable(set, to: runDirectory)
        if let database {
            try database.record(corrections: StageFile.canonicalJSON(set), search: entry.search.id, runID: runID,
                                configHash: configuration.hash, codeVersion: CodeVersion.build)
        }
        for c in set.corrections {
            log(String(format: "  correction %@ %@: %.4f +- %.4f (stat) +- %.4f (syst)", c.name, c.bin, c.value,
                       c.statUncertainty, c.systUncertainty))
        }
        return set
    }

    /// This run's corrections: read from corrections.json, measured first when the samples
    /// hold data and the run has none yet; nil for a simulation-only run (expected limits
    /// from uncorrected simulation, said in the report).
    public func corrections() throws -> CorrectionSet? {
        let file = url(CalibrateStage.file)
        if FileManager.default.fileExists(atPath: file.path) {
            return try StageFile.read(CorrectionSet.self, from: file, stage: "calibrate")
        }
        guard !samples.data.isEmpty, mcConditions != nil else { return nil }
        return try calibrate()
    }

    func simulationCorrections(_ set: CorrectionSet?) throws -> [any SimulationCorrection] {
        guard let set, let mcConditions else { return [] }
        return set.simulationCorrections(mcConditions: try DetectorConditions.load(.mc, from: mcConditions))
    }

    @discardableResult
    public func select() throws -> SelectedSimulation {
        guard !samples.mc.isEmpty else { throw PipelineError.noSamples(directory: samples.directory) }
        _ = try missingBackgrounds()
        let corrections = try simulationCorrections(try corrections())
        let out = try SelectStage.run(entry, configuration: configuration, mc: samples.mc, corrections: corrections, log: log)
        try out.write(to: runDirectory, search: entry.search.id, configurationHash: configuration.hash)
        return out
    }

    /// Background processes the search needs that the simulation lacks; an error unless the
    /// run was allowed to go on without them.
    func missingBackgrounds() throws -> [String] {
        let missing = entry.search.backgroundProcesses.filter { !samples.mcProcesses.contains($0) }
        if !missing.isEmpty && !allowMissingBackground {
            throw PipelineError.missingBackground(search: entry.search.id, processes: missing, directory: samples.directory)
        }
        return missing
    }

    /// Punzi from the run's selected simulation (`select` first).
    @discardableResult
    public func optimise() throws -> OptimisationOutput {
        let missing = try missingBackgrounds()
        let selected = try SelectedSimulation.read(from: runDirectory, configurationHash: configuration.hash)
        var out = try OptimiseStage.run(entry, configuration: configuration, selected: selected, sampleNames: samples.catalogLines, log: log)
        out.missingBackgrounds = missing.isEmpty ? nil : missing
        try StageFile.write(out, to: url(StageFile.optimisation))
        return out
    }

    @discardableResult
    public func validate() throws -> ValidationStageOutput {
        guard !samples.mc.isEmpty else { throw PipelineError.noSamples(directory: samples.directory) }
        guard !samples.data.isEmpty else { throw PipelineError.noData(directory: samples.directory) }
        let set = try corrections()
        let conditions = try mcConditions.map { try DetectorConditions.load(.mc, from: $0) }
        let out = try ValidateStage.run(entry, configuration: configuration, mc: samples.mc, data: samples.data,
                                        corrections: set, simulationCorrections: try simulationCorrections(set),
                                        mcConditions: conditions)
        try StageFile.write(out, to: url(StageFile.validation))
        // The audit trail unblinding trusts: the digest of the outcome as it will be read back.
        if let database {
            let written = try StageFile.read(ValidationStageOutput.self, from: url(StageFile.validation), stage: "validate")
            let criteria = configuration.controlSamples.map { [$0.name: $0.criteria] }
            try database.record(validation: ValidationRecord(search: entry.search.id, runID: runID, configHash: configuration.hash,
                                                             passed: written.outcome.passed, digest: written.outcome.digest,
                                                             codeVersion: CodeVersion.build, configText: configuration.canonicalText,
                                                             criteria: StageFile.canonicalJSON(criteria),
                                                             shards: ShardFingerprint.json(written.outcome.shards)))
        }
        return out
    }

    @discardableResult
    public func limits(unblind: Bool = false) throws -> LimitsOutput {
        let opt = try StageFile.read(OptimisationOutput.self, from: url(StageFile.optimisation), stage: "optimise")
        // The systematics come from this run's validation; without one the limits would
        // quietly use only the configured table, so a missing validation is an error unless
        // the samples hold no data to validate with (expected limits from simulation alone).
        if unblind { try refuseUnblindingWithoutData() }
        let validationURL = url(StageFile.validation)
        let validation: ValidationStageOutput?
        if FileManager.default.fileExists(atPath: validationURL.path) || !samples.data.isEmpty || unblind {
            validation = try StageFile.read(ValidationStageOutput.self, from: validationURL, stage: "validate")
        } else {
            validation = nil
        }
        let systematics = validation?.systematics ?? configuration.systematics
        var observed: (counts: [Int], histograms: [[Double]]?, token: UnblindingToken)? = nil
        var spectra: [[Double]]? = nil
        if unblind {
            guard let validation else {
                throw AnalysisError.unblindingRefused(search: entry.search.id, reason: "no validation.json in \(runDirectory.path); run `darksector validate \(entry.search.id)` first")
            }
            let recorded = try database?.validations(search: entry.search.id, configHash: configuration.hash) ?? []
            let token = try Unblinding.authorise(search: entry.search, validation: validation.outcome, recorded: recorded,
                                                 configurationHash: configuration.hash, runID: runID,
                                                 shards: samples.readFingerprints) { record in
                guard let database else {
                    throw AnalysisError.unblindingRefused(search: entry.search.id, reason: "no provenance database to record the unblinding in")
                }
                try database.record(unblinding: record)
            }
            let counts = try LimitsStage.observedCounts(optimisation: opt, configuration: configuration,
                                                        search: entry.search, data: samples.data, token: token)
            let histograms = configuration.statistics.methods.contains(.templateFit)
                ? try LimitsStage.observedHistograms(optimisation: opt, configuration: configuration, search: entry.search,
                                                     data: samples.data, token: token) : nil
            observed = (counts, histograms, token)
            if configuration.statistics.methods.contains(.windowFit) {
                spectra = try WindowFitLimits.observedSpectra(optimisation: opt, configuration: configuration, search: entry.search,
                                                              data: samples.data, token: token)
            }
        }
        let selected = try SelectedSimulation.read(from: runDirectory, configurationHash: configuration.hash)
        let out = try LimitsStage.run(entry, configuration: configuration, optimisation: opt, selected: selected,
                                      systematics: systematics, observed: observed, observedSpectra: spectra)
        try StageFile.write(out, to: url(StageFile.limits))
        return out
    }

    /// Unblinding needs data: at least one data shard with events, for every process the
    /// search's pseudo-data are made of (a data folder with only some processes would
    /// compare a partial observation with the full expectation).
    func refuseUnblindingWithoutData() throws {
        guard !samples.data.isEmpty else {
            throw AnalysisError.unblindingRefused(search: entry.search.id, reason: "no data shard under \(samples.directory): there is nothing to unblind")
        }
        let missingData = entry.search.backgroundProcesses.filter { !samples.dataProcesses.contains($0) }
        guard missingData.isEmpty else {
            throw AnalysisError.unblindingRefused(search: entry.search.id,
                reason: "the data under \(samples.directory) lack the process(es) \(missingData.joined(separator: ", ")) the pseudo-data must contain")
        }
        guard samples.data.contains(where: { $0.eventCount > 0 }) else {
            throw AnalysisError.unblindingRefused(search: entry.search.id, reason: "the data shards under \(samples.directory) hold no event")
        }
    }

    /// `allWorkspaces`: a pyhf workspace for every window of a large scan, not only the
    /// showcase windows.
    public func report(allWorkspaces: Bool = false) throws {
        let opt = try StageFile.read(OptimisationOutput.self, from: url(StageFile.optimisation), stage: "optimise")
        let validation = try? StageFile.read(ValidationStageOutput.self, from: url(StageFile.validation), stage: "validate")
        let lim = try StageFile.read(LimitsOutput.self, from: url(StageFile.limits), stage: "limits")
        var notes: [String] = []
        if let db = database, let last = try? db.unblindings(search: entry.search.id).last, last.configHash != configuration.hash {
            notes.append("configuration \(configuration.hash) differs from the last unblinded one (\(last.configHash), run \(last.runID))")
        }
        let info = ProvenanceInfo(runID: runID, search: entry.search.id, configurationHash: configuration.hash,
                                  codeVersion: CodeVersion.build, samples: samples.catalogLines, unblinded: lim.unblinded,
                                  notes: notes + ["configuration file: \(configuration.file)"],
                                  createdAt: ISO8601DateFormatter().string(from: Date()))
        try ReportStage.run(entry, directory: runDirectory, provenance: info, optimisation: opt, validation: validation, limits: lim, allWorkspaces: allWorkspaces)
    }

    /// select -> optimise -> validate -> limits -> report. Validation failure does not stop a blinded
    /// run (the report says it failed); it does stop an unblinded one.
    public func runAll(unblind: Bool = false) throws {
        func timed(_ name: String, _ body: () throws -> Void) rethrows {
            let t0 = Date()
            try body()
            log(String(format: "%@: %.1f s", name, Date().timeIntervalSince(t0)))
        }
        if !samples.data.isEmpty && mcConditions != nil { try timed("calibrate") { _ = try calibrate() } }
        try timed("select") { _ = try select() }
        try timed("optimise") { try optimise() }
        if !samples.data.isEmpty { try timed("validate") { try validate() } }
        try timed("limits") { try limits(unblind: unblind) }
        try timed("report") { try report() }
    }
}
