import XCTest
import Foundation
@testable import Analysis

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/analysis")

final class ControlSampleTests: XCTestCase {
    func testChiSquarePValuesAgainstTables() {
        // ndf = 2: p = exp(-chi2/2) exactly.
        XCTAssertEqual(ChiSquare.pValue(chi2: 3, ndf: 2), exp(-1.5), accuracy: 1e-13)
        // Table values (e.g. PDG Fig. 40.1 / any chi2 table): 95% quantiles.
        XCTAssertEqual(ChiSquare.pValue(chi2: 3.841459, ndf: 1), 0.05, accuracy: 1e-6)
        XCTAssertEqual(ChiSquare.pValue(chi2: 18.307038, ndf: 10), 0.05, accuracy: 1e-6)
        XCTAssertEqual(ChiSquare.pValue(chi2: 124.342113, ndf: 100), 0.05, accuracy: 1e-6)
        // ndf = 1: p = erfc(sqrt(chi2/2)).
        XCTAssertEqual(ChiSquare.pValue(chi2: 0.5, ndf: 1), erfc((0.5 / 2).squareRoot()), accuracy: 1e-12)
    }

    func testComparisonRatioChi2AndPullsByHand() throws {
        // MC: 30 events of weight 2 in bin 0 (60 +- sqrt(120), 30 effective entries), 40 of
        // weight 1 in bin 1. Data: 80 in bin 0, 20 in bin 1.
        let mc = Toy.table(m: [Double](repeating: 0.5, count: 30) + [Double](repeating: 1.5, count: 40),
                           q: [Double](repeating: 0.1, count: 70),
                           weight: [Double](repeating: 2, count: 30) + [Double](repeating: 1, count: 40), process: "bkg")
        let dm = [Double](repeating: 0.5, count: 80) + [Double](repeating: 1.5, count: 20)
        let data = Toy.table(m: dm, q: [Double](repeating: 0.1, count: 100), weight: [Double](repeating: 1, count: 100), process: "data")
        let cs = ControlSample(name: "t", binning: .init(observable: "m", low: 0, high: 2, bins: 2),
                               criteria: .init(maxRatioDeviation: 0.1, minChi2PValue: 0.01))
        let r = try ControlSampleValidator(search: ToySearch()).compare(cs, selection: ToySearch().selection, mc: mc, data: data)
        XCTAssertEqual(r.mcYield, 100); XCTAssertEqual(r.mcUncertainty, 160.0.squareRoot(), accuracy: 1e-12); XCTAssertEqual(r.dataYield, 100)
        XCTAssertEqual(r.ratio, 1, accuracy: 1e-12)
        XCTAssertEqual(r.ratioUncertainty, (0.01 + 0.016).squareRoot(), accuracy: 1e-12)
        let s = try XCTUnwrap(r.shape)
        XCTAssertEqual(s.pulls[0], 20 / 180.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(s.pulls[1], -20 / 80.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(s.chi2, 400 / 180.0 + 5, accuracy: 1e-12)
        XCTAssertEqual(s.ndf, 2)
        XCTAssertEqual(s.pValue, exp(-(400 / 180.0 + 5) / 2), accuracy: 1e-12)
        XCTAssertTrue(r.passed, "\(r.failures)")
        // Tighter criterion on the p-value (0.027 here) fails and says why.
        var strict = cs; strict.criteria.minChi2PValue = 0.05
        let f = try ControlSampleValidator(search: ToySearch()).compare(strict, selection: ToySearch().selection, mc: mc, data: data)
        XCTAssertFalse(f.passed)
        XCTAssertTrue(f.failures[0].contains("p ="))
    }

    /// The corrections' relative uncertainty s enters as a fully correlated term,
    /// V = diag(v) + s^2 m m^T: the closed form in `compare` against numpy's full inverse of
    /// the same matrix (Fixtures/analysis/normalisation_chi2.py), and s in the ratio's error.
    func testNormalisationUncertaintyEntersTheChi2AsACorrelatedTerm() throws {
        struct Reference: Decodable { struct Case: Decodable { let s: Double; let chi2: Double }; let cases: [Case] }
        let url = fixtures.appendingPathComponent("normalisation_chi2.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        XCTAssertEqual(reference.cases.count, 4, "fixture \(url.path)")
        let mc = Toy.table(m: [Double](repeating: 0.5, count: 30) + [Double](repeating: 1.5, count: 40),
                           q: [Double](repeating: 0.1, count: 70),
                           weight: [Double](repeating: 2, count: 30) + [Double](repeating: 1, count: 40), process: "bkg")
        let dm = [Double](repeating: 0.5, count: 80) + [Double](repeating: 1.5, count: 20)
        let data = Toy.table(m: dm, q: [Double](repeating: 0.1, count: 100), weight: [Double](repeating: 1, count: 100), process: "data")
        let cs = ControlSample(name: "t", binning: .init(observable: "m", low: 0, high: 2, bins: 2),
                               criteria: .init(maxRatioDeviation: 0.1, minChi2PValue: 0.01))
        for c in reference.cases {
            let r = try ControlSampleValidator(search: ToySearch()).compare(cs, selection: ToySearch().selection, mc: mc, data: data,
                                                                           normalisation: c.s)
            XCTAssertEqual(try XCTUnwrap(r.shape).chi2, c.chi2, accuracy: 1e-10 * c.chi2, "s = \(c.s)")
            XCTAssertEqual(r.ratioUncertainty, (0.01 + 0.016 + c.s * c.s).squareRoot(), accuracy: 1e-12)
            XCTAssertEqual(r.normalisationUncertainty, c.s > 0 ? c.s : nil)
        }
    }

    /// Bins with fewer than 10 effective MC entries are merged with the next before the chi2:
    /// MC 3 x weight 2 (3 effective) and 4 x weight 1 (4 effective) make one group of 10 +- 4
    /// against 10 data events, chi2 = 0 with ndf = 1; the per-bin pulls are still reported.
    func testSparseBinsAreMergedForTheChi2() throws {
        let mc = Toy.table(m: [0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5], q: [Double](repeating: 0.1, count: 7),
                           weight: [2, 2, 2, 1, 1, 1, 1], process: "bkg")
        let dm = [Double](repeating: 0.5, count: 8) + [1.5, 1.5]
        let data = Toy.table(m: dm, q: [Double](repeating: 0.1, count: 10), weight: [Double](repeating: 1, count: 10), process: "data")
        let cs = ControlSample(name: "t", binning: .init(observable: "m", low: 0, high: 2, bins: 2),
                               criteria: .init(maxRatioDeviation: 0.1, minChi2PValue: 0.5))
        let r = try ControlSampleValidator(search: ToySearch()).compare(cs, selection: ToySearch().selection, mc: mc, data: data)
        let s = try XCTUnwrap(r.shape)
        XCTAssertEqual(s.pulls[0], 2 / 18.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(s.ndf, 1)
        XCTAssertEqual(s.chi2, 0, accuracy: 1e-12)
        XCTAssertEqual(s.pValue, 1)
    }

    func testYAMLDefinitionAndDerivedSelection() throws {
        let samples = try ControlSample.load(path: fixtures.appendingPathComponent("toy_control.yaml").path)
        XCTAssertEqual(samples.map(\.name), ["pi0_reversed", "sideband_loose"])
        let sel = try samples[0].selection(from: ToySearch().selection, search: "toy")
        XCTAssertEqual(sel.cut(named: "pi0_veto")?.inverted, true)
        XCTAssertTrue(sel.cut(named: "pi0_veto")!.passes(1))
        let loose = try samples[1].selection(from: ToySearch().selection, search: "toy")
        XCTAssertEqual(loose.cut(named: "q_cut")?.threshold, 0.8)
        XCTAssertEqual(samples[1].sidebands, [.interval(observable: "m", low: 10.5, high: 12)])
        XCTAssertEqual(samples[0].criteria.minChi2PValue, 0.01)
    }

    func testBadDefinitionsNameFileAndKey() throws {
        let bad = """
        control_samples:
          - name: x
            reverse: [muon_idd]
        """
        let cs = try ControlSample.parse(try ConfigurationNode.parse(yaml: bad, file: "cs.yaml").required("control_samples").items()[0])
        XCTAssertThrowsError(try cs.selection(from: ToySearch().selection, search: "toy", file: "cs.yaml")) { e in
            XCTAssertEqual(e as? AnalysisError, .unknownCut(name: "muon_idd", search: "toy", file: "cs.yaml", key: "control_samples.x.reverse"))
        }
        let typo = """
        control_samples:
          - name: x
            criteria: {max_ratio_deviaton: 0.1}
        """
        XCTAssertThrowsError(try ControlSample.parse(try ConfigurationNode.parse(yaml: typo, file: "cs.yaml").required("control_samples").items()[0])) { e in
            guard case AnalysisError.invalidConfiguration(let file, let key, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(file, "cs.yaml")
            XCTAssertEqual(key, "control_samples[0].criteria.max_ratio_deviaton")
        }
    }

    func testValidatorStreamsMCAndBlindedData() throws {
        // MC and data with the same content in the pi0-reversed sample: ratio 1 exactly.
        let evs: [ToyEvent] = (0..<40).map { (i: Int) -> ToyEvent in
            let n: Int32 = i % 2 == 0 ? 1 : 0
            return ToyEvent(id: Int64(i), m: Double(i % 10) + 0.5, q: 0.1, n: n)
        }
        let search = ToySearch()
        let h = try search.hypotheses(on: MassGrid(axes: ["m_x": [3]]))
        let data = try BlindedData(search: search, hypotheses: h, configurationHash: "h",
                                   sources: [Toy.source(evs, process: "data", conditions: "data")])
        let cs = ControlSample(name: "pi0", reverse: ["pi0_veto"], criteria: .init(maxRatioDeviation: 0.01))
        let outcome = try ControlSampleValidator(search: search).validate([cs], mc: [Toy.source(evs, process: "bkg")], data: data,
                                                                          targetLuminosityInvFb: 1)
        XCTAssertEqual(outcome.results[0].dataYield, 20)
        XCTAssertEqual(outcome.results[0].mcYield, 20, accuracy: 1e-12)
        XCTAssertTrue(outcome.passed)
    }
}
