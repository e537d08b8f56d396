import Analysis
import Foundation

/// Hypothesis slices of a fanned-out run (issue #21): `optimise|limits SEARCH --hypotheses
/// A:B` each write `<run>/slices/<stage>-A-B.json`, a stage file holding only positions
/// A..<B of the configured hypotheses; `darksector merge` tiles them back into the stage's
/// own file (optimisation.json, limits.json), refusing gaps, overlaps and slices of another
/// configuration. Each slice's rows are the single-process ones (`OptimiseStage.run(slice:)`,
/// `LimitsStage.run(slice:)`), so the merged file is the one a single process writes.
public enum HypothesisSlices {
    public static let folder = "slices"

    public static func file(stage: String, slice: Range<Int>, runDirectory: URL) -> URL {
        runDirectory.appendingPathComponent(folder).appendingPathComponent("\(stage)-\(slice.lowerBound)-\(slice.upperBound).json")
    }

    /// The slice files of a stage with their ranges, in hypothesis order, checked to tile
    /// 0..<count exactly.
    static func tiles(stage: String, count: Int, runDirectory: URL) throws -> [(range: Range<Int>, url: URL)] {
        let dir = runDirectory.appendingPathComponent(folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasPrefix("\(stage)-") && $0.hasSuffix(".json") }
        var tiles: [(range: Range<Int>, url: URL)] = []
        for n in names {
            let numbers = n.dropFirst(stage.count + 1).dropLast(5).split(separator: "-").compactMap { Int($0) }
            guard numbers.count == 2, numbers[0] <= numbers[1] else { continue }
            tiles.append((numbers[0]..<numbers[1], dir.appendingPathComponent(n)))
        }
        tiles.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var next = 0
        for t in tiles where !t.range.isEmpty {
            guard t.range.lowerBound == next else {
                throw PipelineError.incompleteFanOut(what: "the \(stage) slices in \(dir.path)",
                    reason: t.range.lowerBound > next
                        ? "hypotheses \(next):\(t.range.lowerBound) are in no slice; run `darksector \(stage == "optimisation" ? "optimise" : stage) --hypotheses \(next):\(t.range.lowerBound)`"
                        : "slice \(t.url.lastPathComponent) overlaps the one before it; remove one of them")
            }
            next = t.range.upperBound
        }
        guard next == count else {
            throw PipelineError.incompleteFanOut(what: "the \(stage) slices in \(dir.path)",
                reason: "hypotheses \(next):\(count) of \(count) are in no slice")
        }
        return tiles.filter { !$0.range.isEmpty }
    }

    /// optimisation.json from the optimisation slices.
    public static func mergeOptimisation(configuration: SearchConfiguration, runDirectory: URL) throws -> OptimisationOutput {
        let tiles = try tiles(stage: "optimisation", count: configuration.hypotheses.count, runDirectory: runDirectory)
        var merged: OptimisationOutput? = nil
        for t in tiles {
            let part = try StageFile.read(OptimisationOutput.self, from: t.url, stage: "optimise --hypotheses")
            guard part.configurationHash == configuration.hash else {
                throw PipelineError.configurationChanged(file: t.url.path, recorded: part.configurationHash, current: configuration.hash)
            }
            guard part.results.count == t.range.count,
                  zip(part.results, configuration.hypotheses[t.range]).allSatisfy({ $0.punzi.hypothesis.index == $1.index }) else {
                throw PipelineError.corruptStageOutput(file: t.url.path, reason: "its results are not the hypotheses \(t.range.lowerBound):\(t.range.upperBound)")
            }
            if merged == nil { merged = part } else { merged!.results += part.results }
        }
        return merged!
    }

    /// limits.json from the limits slices: rows and template fits in hypothesis order, and
    /// the look-elsewhere toys (which span every window) thrown here, as the single-process
    /// limits stage throws them.
    public static func mergeLimits(_ ps: any SearchPackage, configuration: SearchConfiguration, optimisation: OptimisationOutput,
                                   selected: SelectedSimulation, runDirectory: URL) throws -> LimitsOutput {
        let tiles = try tiles(stage: "limits", count: configuration.hypotheses.count, runDirectory: runDirectory)
        var merged: LimitsOutput? = nil
        for t in tiles {
            let part = try StageFile.read(LimitsOutput.self, from: t.url, stage: "limits --hypotheses")
            guard part.configurationHash == configuration.hash else {
                throw PipelineError.configurationChanged(file: t.url.path, recorded: part.configurationHash, current: configuration.hash)
            }
            guard !part.unblinded, part.rows.count == t.range.count else {
                throw PipelineError.corruptStageOutput(file: t.url.path, reason: "not a blinded slice of hypotheses \(t.range.lowerBound):\(t.range.upperBound)")
            }
            if merged == nil {
                merged = part
            } else {
                merged!.rows += part.rows
                if let more = part.templateFit { merged!.templateFit = (merged!.templateFit ?? []) + more }
                if let more = part.templateFitInputs { merged!.templateFitInputs = (merged!.templateFitInputs ?? []) + more }
            }
        }
        merged!.lookElsewhere = try LimitsStage.lookElsewhere(optimisation: optimisation, configuration: configuration,
                                                               search: ps.search, selected: selected)
        return merged!
    }
}
