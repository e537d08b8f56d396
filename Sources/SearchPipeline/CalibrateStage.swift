import Analysis
import Corrections
import Detector
import EventModel
import Foundation
import Reporting

/// Stage 0: the data/MC corrections, measured in calibration samples (data through the
/// search's blinding), written as `corrections.json` and as a table
/// (`corrections.csv|md|tex`). The select and validate stages apply them to the simulation;
/// validate judges them on events outside the calibration samples.
public enum CalibrateStage {
    public static let file = "corrections.json"

    public static func run(_ ps: any SearchPackage, configuration: SearchConfiguration, mc: [any EventSource],
                           data: [any EventSource], mcConditions: URL) throws -> CorrectionSet {
        let conditions = try DetectorConditions.load(.mc, from: mcConditions)
        let blinded = try BlindedData(search: ps.search, configuration: configuration, sources: data)
        let luminosity = ValidateStage.dataLuminosity(data) ?? configuration.luminosityInvFb
        return try DetectorCalibration(mcConditions: conditions).measure(data: blinded, mc: mc, dataLuminosityInvFb: luminosity)
    }

    /// The corrections table in the three text formats.
    public static func writeTable(_ set: CorrectionSet, to directory: URL) throws {
        let rows: [[TableCell]] = set.corrections.map { c in
            [.text(c.name), .text(c.bin),
             .measured(c.dataValue, c.dataUncertainty), .measured(c.mcValue, c.mcUncertainty),
             .value(c.value, format: .fixed(4)), .value(c.statUncertainty, format: .fixed(4)),
             .value(c.systUncertainty, format: .fixed(4)),
             .text(c.sourceSample), .value(c.dataEvents, format: .fixed(0)), .value(c.mcEvents, format: .fixed(0))]
        }
        let table = try ResultTable(
            title: "Data/MC corrections measured in control samples",
            columns: ["correction", "bin", "data", "MC", "correction factor", "stat.", "syst.", "control sample",
                      "data events", "MC effective events"],
            rows: rows,
            caption: "Each correction comes from its own calibration sample, whose events the validation leaves out. " + set.notes.joined(separator: " "))
        try TableWriter.write(table, to: directory, baseName: "corrections", latexLabel: "tab:corrections")
    }
}
