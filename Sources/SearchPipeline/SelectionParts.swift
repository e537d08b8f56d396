import Analysis
import Crypto
import EventModel
import Foundation

/// What one work unit of a fanned-out selection wrote (issue #21): `<parts>/<unit>.json`,
/// the index, and one candidate file per shard in `<parts>/<unit>/`.
///
/// A background shard is selected alone, at its own luminosity, so that its weights are the
/// stored weights times exactly 1 (a shard standing for L_i selected at L_i): the work unit
/// cannot know the luminosity of the whole sample, which the other jobs are still producing.
/// `SelectionMerge` applies L_target / sum L per process afterwards, the same single
/// multiplication `MonteCarloSelection` does in one process, so the merged candidates are
/// bit for bit those of `darksector select`; cut-flow sums are rescaled after summing and
/// agree to rounding (1e-15 relative). The signal simulation is one work unit of its own,
/// selected exactly as in one process.
///
/// Blinding: parts hold simulation only. `MonteCarloSelection` refuses data files, and the
/// work unit hands it only the `mc` shards of its range; pseudo-data reach analysis code
/// only through `BlindedData` in the validate and limits stages, as in a single process.
public struct SelectionPart: Codable, Sendable {
    public struct Piece: Codable, Sendable {
        /// The shard selected (background pieces); nil for the signal simulation.
        public var shard: ShardFingerprint?
        /// The shard's own luminosity: its candidates' weights are at it (background pieces).
        public var luminosityInvFb: Double
        public var crossSectionFb: Double
        /// Relative to the part's folder.
        public var candidateFile: String
        public var cutFlow: CutFlow
        public var producedYield: [String: Double]
        public var generatedEvents: [String: Int64]
        public var signalParameters: [String: [String: Double]]
    }
    public enum Kind: String, Codable, Sendable { case background, signal }

    public var search: String
    public var configurationHash: String
    /// SHA-256 of the run's corrections.json the simulation was corrected with, "none" without.
    public var correctionsDigest: String
    public var kind: Kind
    public var unit: String
    public var pieces: [Piece]

    /// SHA-256 of a run's corrections.json, "none" when the run has none.
    public static func correctionsDigest(runDirectory: URL) -> String {
        guard let data = FileManager.default.contents(atPath: runDirectory.appendingPathComponent(CalibrateStage.file).path) else {
            return "none"
        }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// File-name-safe name of a work unit (`0:4` -> `shards-0-4`).
    static func safe(_ unit: String) -> String {
        String(unit.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    /// Writes the candidate files, then the index last (atomically): a killed job leaves no
    /// index, so nothing of it looks done.
    func write(candidates: [CandidateTable], to parts: URL) throws {
        for (piece, table) in zip(pieces, candidates) {
            try CandidateFile.write(table, to: parts.appendingPathComponent(piece.candidateFile))
        }
        try StageFile.write(self, to: parts.appendingPathComponent("\(Self.safe(unit)).json"))
    }
}

/// The work units of a fanned-out selection.
public enum SelectionWorkUnit {
    /// Selects each simulation shard of `samples` (one work unit of the production plan, see
    /// `SampleSet(directory:files:)`) on its own and writes the part to `parts`.
    @discardableResult
    public static func background(_ ps: any SearchPackage, configuration: SearchConfiguration, samples: SampleSet,
                                  corrections: [any SimulationCorrection], correctionsDigest: String,
                                  unit: String, parts: URL) throws -> SelectionPart {
        let folder = SelectionPart.safe(unit)
        var pieces: [SelectionPart.Piece] = [], tables: [CandidateTable] = []
        for (reader, print) in zip(samples.mc, samples.fingerprints.filter { $0.conditions == "mc" }) {
            precondition(reader.path == print.path)
            let m = reader.metadata
            // Selected at its own luminosity: every weight times exactly L_i / L_i = 1.
            let selection = MonteCarloSelection(search: ps.search, selection: configuration.selection,
                                                targetLuminosityInvFb: m.luminosityInvFb, corrections: corrections)
            let out = try selection.run([reader])
            let name = (reader.path as NSString).lastPathComponent.replacingOccurrences(of: ".h5", with: ".cand")
            pieces.append(.init(shard: print, luminosityInvFb: m.luminosityInvFb, crossSectionFb: m.crossSectionFb,
                                candidateFile: "\(folder)/\(name)", cutFlow: out.cutFlow, producedYield: out.producedYield,
                                generatedEvents: out.generatedEvents, signalParameters: out.signalParameters))
            tables.append(out.candidates)
        }
        let part = SelectionPart(search: ps.search.id, configurationHash: configuration.hash, correctionsDigest: correctionsDigest,
                                 kind: .background, unit: unit, pieces: pieces)
        try part.write(candidates: tables, to: parts)
        return part
    }

    /// The signal simulation of the configured hypotheses, selected as `SelectStage` does.
    @discardableResult
    public static func signal(_ ps: any SearchPackage, configuration: SearchConfiguration,
                              corrections: [any SimulationCorrection], correctionsDigest: String,
                              parts: URL) throws -> SelectionPart {
        let selection = MonteCarloSelection(search: ps.search, selection: configuration.selection,
                                            targetLuminosityInvFb: configuration.luminosityInvFb, corrections: corrections)
        let sources = try ps.signalProduction.samples(for: configuration.hypotheses, configuration: configuration)
        let out = try selection.run(sources)
        let part = SelectionPart(search: ps.search.id, configurationHash: configuration.hash, correctionsDigest: correctionsDigest,
                                 kind: .signal, unit: "signal",
                                 pieces: [.init(shard: nil, luminosityInvFb: configuration.luminosityInvFb, crossSectionFb: 0,
                                                candidateFile: "signal/signal.cand", cutFlow: out.cutFlow,
                                                producedYield: out.producedYield, generatedEvents: out.generatedEvents,
                                                signalParameters: out.signalParameters)])
        try part.write(candidates: [out.candidates], to: parts)
        return part
    }
}

/// Combines the parts of a fanned-out selection into what `SelectStage` writes for a run.
public enum SelectionMerge {
    /// `samples`: the whole samples directory, as a single-process run opens it (every shard
    /// verified); every simulation shard in it must be selected by exactly one part, and no
    /// part may name a shard that is not there.
    public static func merge(_ ps: any SearchPackage, configuration: SearchConfiguration, samples: SampleSet,
                             correctionsDigest: String, parts: URL) throws -> SelectedSimulation {
        let what = "the selection parts in \(parts.path)"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parts.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else {
            throw PipelineError.incompleteFanOut(what: what, reason: "no part; run `darksector select \(ps.search.id) --shards A:B` and `--signal` first")
        }
        var background: [String: (piece: SelectionPart.Piece, file: URL)] = [:]
        var signal: (piece: SelectionPart.Piece, file: URL)? = nil
        for name in names {
            let url = parts.appendingPathComponent(name)
            let part = try StageFile.read(SelectionPart.self, from: url, stage: "select --shards")
            guard part.search == ps.search.id, part.configurationHash == configuration.hash else {
                throw PipelineError.configurationChanged(file: url.path, recorded: "\(part.search) \(part.configurationHash)",
                                                         current: "\(ps.search.id) \(configuration.hash)")
            }
            guard part.correctionsDigest == correctionsDigest else {
                throw PipelineError.incompleteFanOut(what: what,
                    reason: "\(name) was selected with corrections \(part.correctionsDigest.prefix(12)), the run has \(correctionsDigest.prefix(12)); select it again")
            }
            for piece in part.pieces {
                let entry = (piece, parts.appendingPathComponent(piece.candidateFile))
                switch part.kind {
                case .signal:
                    guard signal == nil else { throw PipelineError.incompleteFanOut(what: what, reason: "two signal parts") }
                    signal = entry
                case .background:
                    guard let shard = piece.shard else { throw PipelineError.corruptStageOutput(file: url.path, reason: "a background piece without its shard") }
                    if let other = background[shard.sha256] {
                        throw PipelineError.incompleteFanOut(what: what,
                            reason: "\(shard.label) selected twice (\(other.file.lastPathComponent) and \(piece.candidateFile))")
                    }
                    background[shard.sha256] = entry
                }
            }
        }
        guard let signal else {
            throw PipelineError.incompleteFanOut(what: what, reason: "no signal part; run `darksector select \(ps.search.id) --signal`")
        }
        let simulation = zip(samples.mc, samples.fingerprints.filter { $0.conditions == "mc" }).map { $0 }
        for (_, print) in simulation where background[print.sha256] == nil {
            throw PipelineError.incompleteFanOut(what: what,
                reason: "no part selected \(print.label); run the work unit of the production plan that holds it")
        }
        let known = Set(simulation.map(\.1.sha256))
        if let stray = background.values.first(where: { !known.contains($0.piece.shard!.sha256) }) {
            throw PipelineError.incompleteFanOut(what: what,
                reason: "\(stray.piece.shard!.label) is not among the samples in \(samples.directory)")
        }
        // As MonteCarloSelection: luminosity per process summed in file order, then each
        // shard's candidates appended in file order with weights times L_target / sum L.
        let target = configuration.luminosityInvFb
        var lumi: [String: Double] = [:]
        for (reader, _) in simulation { lumi[reader.metadata.process, default: 0] += reader.metadata.luminosityInvFb }
        var table = CandidateTable(observables: ps.search.observableNames)
        var flow = CutFlow(cuts: configuration.selection.allCuts.map(\.name))
        var produced: [String: Double] = [:], generated: [String: Int64] = [:]
        var parameters: [String: [String: Double]] = [:]
        for (reader, print) in simulation {
            let (piece, file) = background[print.sha256]!
            let m = reader.metadata
            guard piece.luminosityInvFb == m.luminosityInvFb else {
                throw PipelineError.corruptStageOutput(file: file.path, reason: "selected at \(piece.luminosityInvFb) fb^-1, the shard stands for \(m.luminosityInvFb)")
            }
            let scale = target / lumi[m.process]!
            table.append(try CandidateFile.read(from: file, stage: "select --shards").scalingWeights(by: scale))
            flow = flow.merging(piece.cutFlow.scalingWeights(by: scale))
            produced[m.process] = m.crossSectionFb * target
            generated[m.process, default: 0] += m.generatedEvents
            if let p = m.signalParameters { parameters[m.process] = p }
        }
        let backgroundOut = MonteCarloSelection.Output(candidates: table, cutFlow: flow, producedYield: produced,
                                                       generatedEvents: generated, signalParameters: parameters)
        let signalOut = MonteCarloSelection.Output(candidates: try CandidateFile.read(from: signal.file, stage: "select --signal"),
                                                   cutFlow: signal.piece.cutFlow, producedYield: signal.piece.producedYield,
                                                   generatedEvents: signal.piece.generatedEvents,
                                                   signalParameters: signal.piece.signalParameters)
        return SelectedSimulation(background: backgroundOut, signal: signalOut)
    }
}
