import Analysis
import Foundation
import Provenance
import Reporting

/// Runs a search's stages in order, each reading the previous stage's JSON from the run
/// directory Results/<search>/<run-id>/ and writing its own, so any stage can be rerun alone
/// (`darksector optimise|validate|limits|report SEARCH --run-id ID`).
///
/// Unblinding (`unblind: true`) is decided in the limits stage: refused unless
/// validation.json of this run passed for the same configuration hash; the audit record is
/// written to the provenance database before any signal-region count is read.
public struct SearchPipeline {
    public let entry: PipelineSearch
    public let configuration: SearchConfiguration
    public let samples: SampleSet
    public let runDirectory: URL
    public let runID: String
    public let database: ProvenanceDatabase?
    /// Where stage timings and progress go (the CLI prints them to standard error).
    public let log: @Sendable (String) -> Void

    public init(entry: PipelineSearch, configuration: SearchConfiguration, samples: SampleSet, resultsRoot: URL,
                runID: String, database: ProvenanceDatabase?, log: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.log = log
        self.entry = entry
        self.configuration = configuration
        self.samples = samples
        self.runID = runID
        self.database = database
        runDirectory = resultsRoot.appendingPathComponent(entry.search.id).appendingPathComponent(runID)
        try FileManager.default.createDirectory(at: runDirectory, withIntermediateDirectories: true)
    }

    /// The newest run directory of a search (run ids sort by time).
    public static func latestRunID(search: String, resultsRoot: URL) throws -> String {
        let dir = resultsRoot.appendingPathComponent(search)
        let runs = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { !$0.hasPrefix(".") }.sorted() ?? []
        guard let last = runs.last else { throw PipelineError.noRun(directory: dir.path) }
        return last
    }

    func url(_ name: String) -> URL { runDirectory.appendingPathComponent(name) }

    @discardableResult
    public func optimise() throws -> OptimisationOutput {
        guard !samples.mc.isEmpty else { throw PipelineError.noSamples(directory: samples.directory) }
        let out = try OptimiseStage.run(entry, configuration: configuration, mc: samples.mc, sampleNames: samples.catalogLines, log: log)
        try StageFile.write(out, to: url(StageFile.optimisation))
        return out
    }

    @discardableResult
    public func validate() throws -> ValidationStageOutput {
        guard !samples.mc.isEmpty else { throw PipelineError.noSamples(directory: samples.directory) }
        guard !samples.data.isEmpty else { throw PipelineError.noData(directory: samples.directory) }
        let out = try ValidateStage.run(entry, configuration: configuration, mc: samples.mc, data: samples.data)
        try StageFile.write(out, to: url(StageFile.validation))
        // The audit trail unblinding trusts: the digest of the outcome as it will be read back.
        if let database {
            let written = try StageFile.read(ValidationStageOutput.self, from: url(StageFile.validation), stage: "validate")
            try database.record(validation: ValidationRecord(search: entry.search.id, runID: runID, configHash: configuration.hash,
                                                             passed: written.outcome.passed, digest: written.outcome.digest,
                                                             codeVersion: CodeVersion.current))
        }
        return out
    }

    @discardableResult
    public func limits(unblind: Bool = false) throws -> LimitsOutput {
        let opt = try StageFile.read(OptimisationOutput.self, from: url(StageFile.optimisation), stage: "optimise")
        let validation = try? StageFile.read(ValidationStageOutput.self, from: url(StageFile.validation), stage: "validate")
        let systematics = validation?.systematics ?? configuration.systematics
        var observed: (counts: [Int], histograms: [[Double]]?, token: UnblindingToken)? = nil
        if unblind {
            guard let validation else {
                throw AnalysisError.unblindingRefused(search: entry.search.id, reason: "no validation.json in \(runDirectory.path); run `darksector validate \(entry.search.id)` first")
            }
            let recorded = try database?.validations(search: entry.search.id, configHash: configuration.hash) ?? []
            let token = try Unblinding.authorise(search: entry.search, validation: validation.outcome, recorded: recorded,
                                                 configurationHash: configuration.hash, runID: runID) { record in
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
        }
        let out = try LimitsStage.run(entry, configuration: configuration, optimisation: opt,
                                      systematics: systematics, observed: observed)
        try StageFile.write(out, to: url(StageFile.limits))
        return out
    }

    public func report() throws {
        let opt = try StageFile.read(OptimisationOutput.self, from: url(StageFile.optimisation), stage: "optimise")
        let validation = try? StageFile.read(ValidationStageOutput.self, from: url(StageFile.validation), stage: "validate")
        let lim = try StageFile.read(LimitsOutput.self, from: url(StageFile.limits), stage: "limits")
        var notes: [String] = []
        if let db = database, let last = try? db.unblindings(search: entry.search.id).last, last.configHash != configuration.hash {
            notes.append("configuration \(configuration.hash) differs from the last unblinded one (\(last.configHash), run \(last.runID))")
        }
        let info = ProvenanceInfo(runID: runID, search: entry.search.id, configurationHash: configuration.hash,
                                  codeVersion: CodeVersion.current, samples: samples.catalogLines, unblinded: lim.unblinded,
                                  notes: notes + ["configuration file: \(configuration.file)"],
                                  createdAt: ISO8601DateFormatter().string(from: Date()))
        try ReportStage.run(entry, directory: runDirectory, provenance: info, optimisation: opt, validation: validation, limits: lim)
    }

    /// optimise -> validate -> limits -> report. Validation failure does not stop a blinded
    /// run (the report says it failed); it does stop an unblinded one.
    public func runAll(unblind: Bool = false) throws {
        func timed(_ name: String, _ body: () throws -> Void) rethrows {
            let t0 = Date()
            try body()
            log(String(format: "%@: %.1f s", name, Date().timeIntervalSince(t0)))
        }
        try timed("optimise") { try optimise() }
        if !samples.data.isEmpty { try timed("validate") { try validate() } }
        try timed("limits") { try limits(unblind: unblind) }
        try timed("report") { try report() }
    }
}
