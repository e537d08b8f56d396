import Analysis
import Foundation

/// Stage 2: control samples, data versus MC (data through `BlindedData`, so nothing inside
/// a signal region that passes the loosest selection is ever read), and the systematics
/// table completed with the rows the configuration derives from control samples
/// (`from_control_sample`: max(|data/MC - 1|, sigma) assigned in full).
public enum ValidateStage {
    public static func run(_ ps: PipelineSearch, configuration: SearchConfiguration, mc: [any EventSource],
                           data: [any EventSource]) throws -> ValidationStageOutput {
        let blinded = try BlindedData(search: ps.search, configuration: configuration, sources: data)
        let outcome = try ControlSampleValidator(search: ps.search, baseSelection: configuration.selection)
            .validate(configuration.controlSamples, mc: mc, data: blinded,
                      targetLuminosityInvFb: configuration.luminosityInvFb)
        var table = configuration.systematics
        var notes: [String] = []
        for pending in configuration.pendingSystematics {
            guard let r = outcome.results.first(where: { $0.name == pending.controlSample }) else { continue }
            do {
                table.sources.append(try SystematicSource(controlSample: r, affects: pending.affects, name: pending.name))
            } catch {
                notes.append("systematic '\(pending.name)' not derived: \(error)")
            }
        }
        return ValidationStageOutput(outcome: outcome, systematics: table, notes: notes)
    }
}
