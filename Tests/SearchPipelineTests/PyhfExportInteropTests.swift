import Foundation
import Statistics
import Testing

/// The pyhf workspaces a blinded `darksector run zprime-invisible` exports (counting, with
/// histosys uncertainties, and the template fit) load in pyhf
/// 0.7.6 (schema-validated by `pyhf.Workspace`) and give the same asymptotic CLs limits as
/// DarkSector's statistics on the same files. Reference: `Tests/Fixtures/pipeline/
/// pyhf_export_check.json`, made by `check_pyhf_export.py` from the files in `pyhf_export/`.
@Suite struct PyhfExportInteropTests {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pipeline")
    }

    struct Check: Decodable {
        struct Entry: Decodable {
            let valid: Bool
            let observed_limit_90: Double
            let expected_limits_90: [Double]
        }
        let workspaces: [String: Entry]
    }

    @Test func exportedWorkspacesAgreeWithPyhf() throws {
        let check = try JSONDecoder().decode(Check.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("pyhf_export_check.json")))
        #expect(check.workspaces.count == 3)   // two counting workspaces and one template fit
        for (file, reference) in check.workspaces {
            #expect(reference.valid, "pyhf rejected \(file)")
            let workspace = try PyhfWorkspace.load(contentsOf: Self.fixtures.appendingPathComponent("pyhf_export/\(file)"))
            let limits = try AsymptoticCLs.upperLimit(model: HistFactoryModel(workspace: workspace), cl: 0.90)
            #expect(abs(limits.observed / reference.observed_limit_90 - 1) < 1e-3, "\(file) observed \(limits.observed)")
            // pyhf orders the band +2..-2 sigma in CLs, i.e. -2..+2 sigma in the limit, as we do.
            for (ours, theirs) in zip(limits.expected, reference.expected_limits_90) {
                #expect(abs(ours / theirs - 1) < 1e-3, "\(file) expected \(ours) vs \(theirs)")
            }
        }
    }
}
