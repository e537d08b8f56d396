import Analysis
import Foundation
import SearchPipeline
import Statistics
import Testing

/// The binned template fit of the Z' search against pyhf 0.7.6: the same templates (from a
/// demo run, `Tests/Fixtures/pipeline/template_fit/templates.json`) built into a HistFactory
/// model by an independent Python implementation of the documented recipe
/// (`check_template_fit.py`), 90% CL asymptotic CLs limits on mu compared to 1e-3.
@Suite struct TemplateFitInteropTests {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pipeline/template_fit")
    }

    struct Templates: Decodable {
        struct Point: Decodable {
            let m_zprime: Double
            let luminosity_inv_fb: Double
            let relative_signal_uncertainty: Double
            let relative_background_uncertainty: Double
            let templates: HypothesisTemplates
        }
        let points: [Point]
    }
    struct Check: Decodable {
        struct Point: Decodable { let m_zprime: Double; let observed_mu_90: Double; let expected_mu_90: [Double] }
        let points: [Point]
    }

    @Test func templateFitLimitsAgreeWithPyhf() throws {
        let t = try JSONDecoder().decode(Templates.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("templates.json")))
        let check = try JSONDecoder().decode(Check.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("pyhf_template_fit_check.json")))
        #expect(t.points.count == 2 && check.points.count == 2)
        for (p, reference) in zip(t.points, check.points) {
            #expect(p.m_zprime == reference.m_zprime)
            let ws = try TemplateFitLimits.workspace(p.templates, luminosityInvFb: p.luminosity_inv_fb,
                                                     relativeSignalUncertainty: p.relative_signal_uncertainty,
                                                     relativeBackgroundUncertainty: p.relative_background_uncertainty, observed: nil)
            #expect(ws.channels.count == 4)
            let limits = try AsymptoticCLs.upperLimit(model: HistFactoryModel(workspace: ws), cl: 0.90)
            #expect(abs(limits.observed / reference.observed_mu_90 - 1) < 1e-3, "M = \(p.m_zprime): \(limits.observed) vs \(reference.observed_mu_90)")
            for (ours, theirs) in zip(limits.expected, reference.expected_mu_90) {
                #expect(abs(ours / theirs - 1) < 1e-3, "M = \(p.m_zprime) expected \(ours) vs \(theirs)")
            }
        }
    }
}
