import Foundation
@testable import Reporting

/// The sample submission whose validity hepdata-validator confirmed
/// (Tests/Fixtures/reporting/hepdata_example/ and validation_output.json).
///
/// It exercises every table builder: a blinded limit curve (expected only, one point with a
/// zero-width band as a background-free window has), an unblinded one
/// (with observed), histograms with bins, a cut flow with text x values and asymmetric errors,
/// and a 2D map with missing points; names in LaTeX as the report writes them; and the
/// attachments the report makes: a pyhf workspace (type HistFactory) and a plot with its
/// thumbnail (inputs in Tests/Fixtures/reporting/hepdata_inputs/, with the script that drew
/// the plot). Numbers are made up but physically shaped.
enum HEPDataExample {
    static let inputs = Fixtures.reportingDirectory().appendingPathComponent("hepdata_inputs")

    static func submission() throws -> HEPDataSubmission {
        let masses = [0.5, 1.0, 2.0, 4.0, 8.0]
        let expected = [2.1e-4, 2.4e-4, 3.3e-4, 5.6e-4, 1.2e-3]
        func scaled(_ f: Double) -> [Double] { expected.map { $0 * f } }
        // The last point has a band of zero width (no expected background): written without errors.
        func band(_ f: Double) -> [Double] { var b = scaled(f); b[b.count - 1] = expected[expected.count - 1]; return b }
        let blinded = try LimitCurve(massesGeV: masses, expected: expected,
                                     expectedMinus1Sigma: band(0.7), expectedPlus1Sigma: band(1.45),
                                     expectedMinus2Sigma: band(0.52), expectedPlus2Sigma: band(2.1),
                                     quantity: "$g'$", massName: "$M_{Z'}$", confidenceLevel: 0.9,
                                     method: "Bayesian, flat prior")
        var unblinded = blinded
        unblinded.observed = [1.9e-4, 2.9e-4, 3.1e-4, 6.5e-4, 1.0e-3]
        unblinded.method = "CLs, asymptotic"

        let edges = [0.0, 2.0, 4.0, 6.0, 8.0]
        let data = try Histogram1D(binEdges: edges, values: [12, 30, 21, 7], label: "pseudo-data",
                                   xName: "$M_{\\mathrm{rec}}$", unit: "GeV")
        let mc = try Histogram1D(binEdges: edges, values: [10.5, 28.25, 23.0, 6.125],
                                 sumw2: [1.2, 2.5, 2.0, 0.9], label: "simulation ($\\mu^{+}\\mu^{-}$, $\\tau^{+}\\tau^{-}$)",
                                 xName: "$M_{\\mathrm{rec}}$", unit: "GeV")

        let cutflow = try ResultTable(
            title: "Cut flow",
            columns: ["Selection", ColumnHeader("Signal efficiency", unit: "%"), ColumnHeader("Background", unit: "events")],
            rows: [
                [.text("Two muons, |cos theta| < 0.8"), .measured(72.5, 0.8), .number(15230)],
                [.text("No extra photon"), .number(61.0, uncertainty: .asymmetric(plus: 1.1, minus: 0.9)), .number(812)],
                [.text("Recoil in window"), .measured(48.2, 1.0), .empty],
            ],
            caption: "Signal efficiency for M_Z' = 2 GeV and background yield at 1 fb^-1.")

        let map = try LimitMap2D(x: [1.0, 2.0, 3.0], y: [0.5, 1.0],
                                 values: [[1e-8, 2.5e-8, nil], [3e-8, nil, 7.5e-8]],
                                 xName: "$M_{A'}$", yName: "$M_{h'}$", quantity: "$\\epsilon^{2}\\alpha_{D}$",
                                 confidenceLevel: 0.9, method: "Bayesian, flat prior")
        let reaction = "E+ E- --> MU+ MU- Z0'"
        var expectedTable = HEPDataTable(limitCurve: blinded, name: "Expected limit on $g'$", description: "Expected 90% CL upper limit on $g'$ (blinded).",
                                         reactions: [reaction], location: "Figure 1", phrases: ["Z'", "L_mu - L_tau", "Upper limit"])
        expectedTable.images = [inputs.appendingPathComponent("expected_limit.png")]
        expectedTable.additionalResources = [.file(inputs.appendingPathComponent("m_zprime_2.0.json"),
                                                   description: "pyhf workspace of the counting experiment at $M_{Z'}$ = 2 GeV",
                                                   type: HEPDataResource.histFactoryType)]
        return HEPDataSubmission(
            comment: "DarkSector example submission: searches for light dark sectors in e+e- collisions at sqrt(s) = 10.58 GeV.",
            additionalResources: [HEPDataResource(location: "https://github.com/example/darksector",
                                                  description: "DarkSector analysis code")],
            tables: [
                expectedTable,
                HEPDataTable(limitCurve: unblinded, name: "Observed limit on $g'$", description: "Expected and observed 90% CL upper limit on $g'$.",
                             reactions: [reaction], location: "Figure 2"),
                try HEPDataTable(histograms: [data, mc], name: "Recoil mass", description: "Recoil mass against the dimuon, data and MC.",
                                 reactions: ["E+ E- --> MU+ MU- X"]),
                try HEPDataTable(resultTable: cutflow, reactions: [reaction], observables: ["EFF"]),
                HEPDataTable(limitMap: map, name: "Dark Higgsstrahlung limit", description: "90% CL upper limit on $\\epsilon^{2}\\alpha_{D}$.",
                             reactions: ["E+ E- --> A' H'"]),
            ])
    }
}
