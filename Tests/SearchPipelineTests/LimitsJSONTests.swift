import Analysis
import Foundation
@testable import SearchPipeline
import Testing

/// Issue #22: limits.json holds numbers or null, never the string "inf"; a hypothesis
/// without selected signal is marked not testable, and reading the file back restores the
/// infinite limit the report leaves out of curves and maps.
@Suite struct LimitsJSONTests {
    @Test func infiniteLimitsAreNullAndReadBackAsInfinity() throws {
        let h = MassHypothesis(index: 0, parameters: ["m": 10.4], signalRegion: .interval(observable: "x", low: 0, high: 1))
        let none = ExpectedLimit(median: .infinity, minus2: .infinity, minus1: .infinity, plus1: .infinity, plus2: .infinity)
        let point = LimitPoint(hypothesis: h, expectedCrossSectionFb: none, observedCrossSectionFb: .infinity,
                               expectedCoupling: none, observedCoupling: .infinity)
        let input = CountingInput(hypothesis: h, signalEfficiency: 0, luminosityInvFb: 1, expectedBackground: 2,
                                  relativeSignalUncertainty: 0.1, relativeBackgroundUncertainty: 0.1)
        let out = LimitsOutput(search: "s", configurationHash: "h", confidenceLevel: 0.9, method: "m", unblinded: true,
                               rows: [.init(point: point, input: input, observed: 3, notTestable: "no selected signal")],
                               largestExcess: nil, templateFit: nil)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("limits.json")
        try StageFile.write(out, to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.contains("\"inf\"") && !text.contains("\"nan\""), "\(text)")
        #expect(text.contains("\"median\" : null"))
        let back = try StageFile.read(LimitsOutput.self, from: url, stage: "limits")
        #expect(back.rows[0].point.expectedCoupling.median == .infinity)
        #expect(back.rows[0].point.observedCoupling == nil)
        #expect(back.rows[0].notTestable == "no selected signal")
    }
}
