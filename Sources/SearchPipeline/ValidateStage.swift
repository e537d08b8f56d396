import EventModel
import Analysis
import Foundation
import Corrections
import Detector

/// Stage 2: control samples, data versus MC (data through `BlindedData`, so nothing inside
/// a signal region that passes the loosest selection is ever read), and the systematics
/// table completed with the rows the configuration derives from control samples
/// (`from_control_sample`: max(|data/MC - 1|, sigma) assigned in full).
public enum ValidateStage {
    /// With `corrections` (measured by `CalibrateStage`) the control samples are compared
    /// without the calibration samples' events (`CalibrationSampleVeto`), with and without
    /// the corrections: the corrected comparison decides, the uncorrected one is kept for
    /// the report.
    public static func run(_ ps: any SearchPackage, configuration: SearchConfiguration, mc: [any EventSource],
                           data: [any EventSource], corrections: CorrectionSet? = nil,
                           simulationCorrections: [any SimulationCorrection] = [],
                           mcConditions: DetectorConditions? = nil) throws -> ValidationStageOutput {
        let blinded = try BlindedData(search: ps.search, configuration: configuration, sources: data)
        // Simulation is compared at the luminosity of the data on disk, not at the
        // configuration's (a 79.7 fb^-1 projection run on 0.05 fb^-1 of pseudo-data must not
        // turn a luminosity ratio into a "data/MC discrepancy" and a systematic).
        let dataLuminosity = Self.dataLuminosity(data)
        let validator = ControlSampleValidator(search: ps.search, baseSelection: configuration.selection)
        let target = dataLuminosity ?? configuration.luminosityInvFb
        let veto = corrections == nil ? nil : mcConditions.map { CalibrationSampleVeto(mcConditions: $0) }
        let samples = configuration.controlSamples
        // One reading of the data and one fingerprint of the shards for every comparison.
        let dataTables = try validator.dataTables(samples, data: blinded, filter: veto)
        let shards = try validator.fingerprints(mc: mc, data: blinded)
        // Each correction moved up by its uncertainty: the relative change of each control
        // sample's simulated yield, added in quadrature over corrections, is the
        // simulation's normalisation uncertainty in the corrected comparison. The shifted
        // weights ride along the corrected pass as per-candidate factors (`WeightVariation`);
        // the overlay needs a pass of its own.
        var variations: [WeightVariation] = []
        if let corrections, let mcConditions {
            let nominal = simulationCorrections
            for name in CorrectionSet.weightCorrections where !corrections.rows(named: name).isEmpty {
                guard let n = nominal.first(where: { $0.name == name }),
                      let s = corrections.shifted(name).simulationCorrections(mcConditions: mcConditions).first(where: { $0.name == name })
                else { continue }
                variations.append(WeightVariation(name: name, nominal: n, shifted: s))
            }
        }
        let correctedMC = try validator.mcTables(samples, mc: mc, data: blinded, targetLuminosityInvFb: target,
                                                 corrections: simulationCorrections, filter: veto, variations: variations)
        var normalisation: [String: Double] = [:]
        var uncorrected: [ControlSampleResult]? = nil
        if let corrections {
            // The beam-background overlay is not a weight: moved up by its uncertainty it
            // changes which events pass the extra-energy and pi0 vetoes, so it takes one
            // more pass over the simulation.
            var overlayShifted: [CandidateTable]? = nil
            let overlay = BeamBackgroundCalibration.correctionName
            if let mcConditions, corrections.rows(named: overlay).contains(where: { $0.value > 1 }) {
                overlayShifted = try validator.mcTables(samples, mc: mc, data: blinded, targetLuminosityInvFb: target,
                                                        corrections: corrections.shifted(overlay).simulationCorrections(mcConditions: mcConditions),
                                                        filter: veto)
            }
            for (k, cs) in samples.enumerated() {
                let y0 = try validator.selectedYield(cs, mc: correctedMC[k])
                guard y0 > 0 else { continue }
                var sum2 = 0.0
                for v in variations {
                    let d = try validator.selectedYield(cs, mc: correctedMC[k], factorColumn: v.columnName) / y0 - 1
                    sum2 += d * d
                }
                if let shifted = overlayShifted {
                    let d = try validator.selectedYield(cs, mc: shifted[k]) / y0 - 1
                    sum2 += d * d
                }
                normalisation[cs.name] = sum2.squareRoot()
            }
            let plainMC = try validator.mcTables(samples, mc: mc, data: blinded, targetLuminosityInvFb: target, filter: veto)
            uncorrected = try validator.outcome(samples, mcTables: plainMC, dataTables: dataTables, data: blinded, shards: shards).results
        }
        let outcome = try validator.outcome(samples, mcTables: correctedMC, dataTables: dataTables, data: blinded, shards: shards,
                                            normalisation: normalisation)
        var table = configuration.systematics
        var notes: [String] = []
        if let corrections {
            table = MeasuredSystematics.replacing(table, with: corrections, notes: &notes)
        }
        for pending in configuration.pendingSystematics {
            guard let r = outcome.results.first(where: { $0.name == pending.controlSample }) else { continue }
            do {
                table.sources.append(try SystematicSource(controlSample: r, affects: pending.affects, name: pending.name))
            } catch {
                notes.append("systematic '\(pending.name)' not derived: \(error)")
            }
        }
        if let l = dataLuminosity, abs(l / configuration.luminosityInvFb - 1) > 1e-6 {
            notes.append(String(format: "control samples compared at the data luminosity %.4g fb^-1 (the limits use the configured %.4g fb^-1)",
                                l, configuration.luminosityInvFb))
        }
        return ValidationStageOutput(outcome: outcome, systematics: table, notes: notes, uncorrected: uncorrected,
                                     corrections: corrections)
    }

    /// Luminosity of the pseudo-data: each data process's shards together stand for it; the
    /// largest over processes (they are produced at one luminosity).
    static func dataLuminosity(_ data: [any EventSource]) -> Double? {
        var byProcess: [String: Double] = [:]
        for d in data { byProcess[d.metadata.process, default: 0] += d.metadata.luminosityInvFb }
        return byProcess.values.max()
    }
}
