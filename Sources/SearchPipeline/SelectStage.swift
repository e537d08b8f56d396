import EventModel
import Analysis
import Foundation

/// The simulation a search's later stages read: the preselected candidates of the
/// backgrounds and of the signal MC, with their cut flows and the yields that normalise
/// them. The select stage writes it (`selection.json` and `candidates/*.cand`), optimise and
/// limits read it, so that each of them runs alone from disk.
public struct SelectedSimulation: Sendable {
    public var background: MonteCarloSelection.Output
    public var signal: MonteCarloSelection.Output

    public init(background: MonteCarloSelection.Output, signal: MonteCarloSelection.Output) {
        self.background = background
        self.signal = signal
    }

    /// What `selection.json` holds besides the candidate files.
    struct Summary: Codable {
        struct Part: Codable {
            var cutFlow: CutFlow
            var producedYield: [String: Double]
            var generatedEvents: [String: Int64]
            var signalParameters: [String: [String: Double]]
        }
        var search: String
        var configurationHash: String
        var background: Part
        var signal: Part
    }

    static let summaryFile = "selection.json"
    static let backgroundFile = "candidates/background.cand"
    static let signalFile = "candidates/signal.cand"

    public func write(to directory: URL, search: String, configurationHash: String) throws {
        func part(_ o: MonteCarloSelection.Output) -> Summary.Part {
            .init(cutFlow: o.cutFlow, producedYield: o.producedYield, generatedEvents: o.generatedEvents,
                  signalParameters: o.signalParameters)
        }
        try CandidateFile.write(background.candidates, to: directory.appendingPathComponent(Self.backgroundFile))
        try CandidateFile.write(signal.candidates, to: directory.appendingPathComponent(Self.signalFile))
        try StageFile.write(Summary(search: search, configurationHash: configurationHash,
                                    background: part(background), signal: part(signal)),
                            to: directory.appendingPathComponent(Self.summaryFile))
    }

    /// Reads what the select stage wrote, refusing it when it was made with another configuration.
    public static func read(from directory: URL, configurationHash: String) throws -> SelectedSimulation {
        let summaryURL = directory.appendingPathComponent(summaryFile)
        let summary = try StageFile.read(Summary.self, from: summaryURL, stage: "select")
        guard summary.configurationHash == configurationHash else {
            throw PipelineError.configurationChanged(file: summaryURL.path, recorded: summary.configurationHash, current: configurationHash)
        }
        func output(_ p: Summary.Part, _ file: String) throws -> MonteCarloSelection.Output {
            .init(candidates: try CandidateFile.read(from: directory.appendingPathComponent(file), stage: "select"),
                  cutFlow: p.cutFlow, producedYield: p.producedYield, generatedEvents: p.generatedEvents,
                  signalParameters: p.signalParameters)
        }
        return SelectedSimulation(background: try output(summary.background, backgroundFile),
                                  signal: try output(summary.signal, signalFile))
    }
}

/// Stage 1: simulation only. Streams the simulated backgrounds and the signal MC (made for
/// the configured hypotheses) through the search's preselection.
public enum SelectStage {
    /// `corrections`: the data/MC corrections of the run (`CalibrateStage`), applied to the
    /// simulated backgrounds and to the signal simulation alike.
    public static func run(_ ps: any SearchPackage, configuration: SearchConfiguration, mc: [any EventSource],
                           corrections: [any SimulationCorrection] = [],
                           log: (String) -> Void = { _ in }) throws -> SelectedSimulation {
        var clock = Date()
        func lap(_ what: String) {
            log(String(format: "  %@ (%.1f s)", what, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        let selection = MonteCarloSelection(search: ps.search, selection: configuration.selection,
                                            targetLuminosityInvFb: configuration.luminosityInvFb, corrections: corrections)
        if !corrections.isEmpty { log("  simulation corrected: \(corrections.map(\.name).joined(separator: ", "))") }
        let background = try selection.run(mc)
        lap("simulated backgrounds selected: \(background.candidates.count) candidates")
        let signalSources = try ps.signalProduction.samples(for: configuration.hypotheses, configuration: configuration)
        let signal = try selection.run(signalSources)
        lap("signal simulation: \(signalSources.count) samples")
        return SelectedSimulation(background: background, signal: signal)
    }
}
