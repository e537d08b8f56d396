import Analysis
import Corrections
import Foundation

/// The work units of a fanned-out run (issue #21) and their merges, on one run directory.
/// A workflow engine runs them as separate jobs (workflow/Snakefile):
///
///     calibrate --create-run -> select --shards (per unit) + select --signal -> merge --selection
///     -> optimise --hypotheses (per slice) -> merge --optimisation -> validate
///     -> limits --hypotheses (per slice) -> merge --limits -> report
///
/// and the run directory then holds what `darksector run` writes: the same candidates, and
/// the same optimisation.json and limits.json (tested to 1e-9 against a single process).
extension SearchPipeline {
    /// Where selection parts go by default.
    public var partsDirectory: URL { url("parts") }

    /// The run's corrections if it has measured them; never measures (a work unit sees only
    /// some shards, and the calibration needs all the data).
    func storedCorrections() throws -> CorrectionSet? {
        let file = url(CalibrateStage.file)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try StageFile.read(CorrectionSet.self, from: file, stage: "calibrate")
    }

    /// One work unit of the selection: the simulation shards this pipeline's samples hold
    /// (opened with `SampleSet(directory:files:)`), each on its own.
    @discardableResult
    public func selectShards(unit: String, parts: URL? = nil) throws -> SelectionPart {
        try SelectionWorkUnit.background(entry, configuration: configuration, samples: samples,
                                         corrections: try simulationCorrections(try storedCorrections()),
                                         correctionsDigest: SelectionPart.correctionsDigest(runDirectory: runDirectory),
                                         unit: unit, parts: parts ?? partsDirectory)
    }

    /// The signal simulation's work unit.
    @discardableResult
    public func selectSignal(parts: URL? = nil) throws -> SelectionPart {
        try SelectionWorkUnit.signal(entry, configuration: configuration,
                                     corrections: try simulationCorrections(try storedCorrections()),
                                     correctionsDigest: SelectionPart.correctionsDigest(runDirectory: runDirectory),
                                     parts: parts ?? partsDirectory)
    }

    /// selection.json and candidates/ from the parts, as `select` writes them. Refused when
    /// the samples hold data but the run has no corrections: a single-process run would have
    /// measured them before selecting (`calibrate --create-run` comes first in a workflow).
    @discardableResult
    public func mergeSelection(parts: URL? = nil) throws -> SelectedSimulation {
        _ = try missingBackgrounds()
        let digest = SelectionPart.correctionsDigest(runDirectory: runDirectory)
        if digest == "none" && !samples.data.isEmpty && mcConditions != nil {
            throw PipelineError.missingStageOutput(file: url(CalibrateStage.file).path, stage: "calibrate \(entry.search.id) --run-id \(runID)")
        }
        let merged = try SelectionMerge.merge(entry, configuration: configuration, samples: samples, correctionsDigest: digest,
                                              parts: parts ?? partsDirectory)
        try merged.write(to: runDirectory, search: entry.search.id, configurationHash: configuration.hash)
        return merged
    }

    /// One hypothesis slice of the optimisation: slices/optimisation-A-B.json.
    @discardableResult
    public func optimise(slice: Range<Int>) throws -> OptimisationOutput {
        let missing = try missingBackgrounds()
        let selected = try SelectedSimulation.read(from: runDirectory, configurationHash: configuration.hash)
        var out = try OptimiseStage.run(entry, configuration: configuration, selected: selected, sampleNames: samples.catalogLines,
                                        slice: slice, log: log)
        out.missingBackgrounds = missing.isEmpty ? nil : missing
        let file = HypothesisSlices.file(stage: "optimisation", slice: slice, runDirectory: runDirectory)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try StageFile.write(out, to: file)
        return out
    }

    @discardableResult
    public func mergeOptimisation() throws -> OptimisationOutput {
        let out = try HypothesisSlices.mergeOptimisation(configuration: configuration, runDirectory: runDirectory)
        try StageFile.write(out, to: url(StageFile.optimisation))
        return out
    }

    /// One hypothesis slice of the (blinded) limits: slices/limits-A-B.json, with the
    /// systematics of the run's validation as `limits` takes them.
    @discardableResult
    public func limits(slice: Range<Int>) throws -> LimitsOutput {
        let opt = try StageFile.read(OptimisationOutput.self, from: url(StageFile.optimisation), stage: "optimise")
        let selected = try SelectedSimulation.read(from: runDirectory, configurationHash: configuration.hash)
        let out = try LimitsStage.run(entry, configuration: configuration, optimisation: opt, selected: selected,
                                      systematics: try limitsSystematics(), slice: slice)
        let file = HypothesisSlices.file(stage: "limits", slice: slice, runDirectory: runDirectory)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try StageFile.write(out, to: file)
        return out
    }

    /// The systematics the limits stage uses: the validation's, required when the samples
    /// hold data (as in `limits()`), the configured table for simulation alone.
    func limitsSystematics() throws -> SystematicsTable {
        let validationURL = url(StageFile.validation)
        if FileManager.default.fileExists(atPath: validationURL.path) || !samples.data.isEmpty {
            return try StageFile.read(ValidationStageOutput.self, from: validationURL, stage: "validate").systematics
        }
        return configuration.systematics
    }

    @discardableResult
    public func mergeLimits() throws -> LimitsOutput {
        let opt = try StageFile.read(OptimisationOutput.self, from: url(StageFile.optimisation), stage: "optimise")
        let selected = try SelectedSimulation.read(from: runDirectory, configurationHash: configuration.hash)
        let out = try HypothesisSlices.mergeLimits(entry, configuration: configuration, optimisation: opt, selected: selected,
                                                   runDirectory: runDirectory)
        try StageFile.write(out, to: url(StageFile.limits))
        return out
    }
}
