import XCTest
@testable import Statistics

/// Binned-likelihood results against pyhf 0.7.6 (numpy backend): the fixture
/// Tests/Fixtures/statistics/pyhf_reference.json and, always available, numbers obtained
/// from pyhf 0.7.6 for the STATS.md counting example (n = 5, b = 3, 30% as histosys / normsys).
final class HistFactoryTests: XCTestCase {
    /// pyhf 0.7.6, scipy SLSQP tolerance 1e-12: fit, q0 hypotest, upper_limit (toms748), hypotest(1).
    func testCountingExampleAgainstPyhf() throws {
        let cases: [(String, Double, Double, Double, [Double], Double, [Double])] = [
            ("counting_histosys", 5.31848143, 0.1777352756004003, 7.24599641,
             [2.48168917, 3.49811328, 5.22468572, 8.0302189, 12.06792286],
             0.73859515, [0.30602109, 0.45540683, 0.6460783, 0.83874226, 0.96015893]),
            ("counting_normsys", 5.31848143, 0.17606366415518826, 7.26077939,
             [2.46261952, 3.47729025, 5.20327055, 8.00894277, 12.04580732],
             0.73667623, [0.30185462, 0.45115829, 0.64255155, 0.83672517, 0.9595441]),
        ]
        for (name, twiceNLL, p0, limit, band, cls1, cls1Band) in cases {
            // The STATS.md example built in code (pyhf's default POI bounds [0, 10]).
            let background: PyhfWorkspace.ModifierKind = name == "counting_histosys"
                ? .histosys(hiData: [3.9], loData: [2.1]) : .normsys(hi: 1.3, lo: 0.7)
            let ws = PyhfWorkspace(
                channels: [.init(name: "SR", samples: [
                    .init(name: "signal", data: [1], modifiers: [.init(name: "mu", kind: .normfactor)]),
                    .init(name: "background", data: [3], modifiers: [.init(name: "bkg_unc", kind: background)]),
                ])],
                observations: [.init(name: "SR", data: [5])],
                measurements: [.init(name: "meas", poi: "mu")])
            let model = try HistFactoryModel(workspace: ws)
            let fit = try MaximumLikelihoodFit(model: model).fit(data: model.observed)
            XCTAssertEqual(fit.parameters[model.poiIndex], 2.0, accuracy: 1e-6, name)
            assertRelative(fit.twiceNLL, twiceNLL, 1e-8, name)
            assertRelative(try Significance.discovery(model: model).p0, p0, 1e-6, name)
            let limits = try AsymptoticCLs.upperLimit(model: model, cl: 0.95)
            assertRelative(limits.observed, limit, 1e-4, name)   // pyhf's toms748 rtol is 1e-4
            for k in 0..<5 { assertRelative(limits.expected[k], band[k], 1e-4, "\(name) band \(k)") }
            let test = try AsymptoticCLs.hypotest(model: model, mu: 1)
            assertRelative(test.clsObserved, cls1, 1e-6, name)
            for k in 0..<5 { assertRelative(test.clsExpected[k], cls1Band[k], 1e-6, "\(name) CLs(1) band \(k)") }
        }
    }

    /// Every workspace and interpolation variant of the pyhf reference.
    func testAgainstPyhfReference() throws {
        let reference = try Fixtures.json("pyhf_reference.json")
        let workspaces = reference["workspaces"] as? [String: Any] ?? [:]
        XCTAssertFalse(workspaces.isEmpty)
        var worst: [String: Double] = [:]
        func track(_ key: String, _ actual: Double, _ expected: Double) {
            worst[key] = max(worst[key] ?? 0, abs(actual - expected) / max(abs(expected), 1e-12))
        }
        for (name, entry) in workspaces.sorted(by: { $0.key < $1.key }) {
            let entry = entry as? [String: Any] ?? [:]
            let ws = try PyhfWorkspace.load(contentsOf: Fixtures.url(entry["file"] as? String ?? ""))
            for (variant, result) in (entry["results"] as? [String: Any] ?? [:]) {
                let r = result as? [String: Any] ?? [:]
                let settings: InterpolationSettings = variant == "code1_code0" ? .code1Code0 : .pyhfDefault
                let model = try HistFactoryModel(workspace: ws, interpolation: settings)
                let label = "\(name)/\(variant)"
                // The reference must describe this very workspace file (the fixture scripts
                // write both); otherwise report the fixture, not a wrong number.
                guard model.observed.main == doubles(r["main_data"]) else {
                    XCTFail("\(label): pyhf_reference.json was computed for different observed data than "
                            + "\(entry["file"] ?? "?"); regenerate the fixtures (python3 pyhf_reference.py)")
                    continue
                }
                // Parameter order and the likelihood at the suggested initial point.
                let order = (r["par_order"] as? [String]) ?? []
                var setNames: [String] = []
                for p in model.parameters where setNames.last != p.setName { setNames.append(p.setName) }
                XCTAssertEqual(setNames, order, label)
                XCTAssertEqual(model.suggestedInit, doubles(r["suggested_init"]), label)
                let fixed = (r["suggested_fixed"] as? [Any] ?? []).map { ($0 as? Bool) ?? ((($0 as? NSNumber)?.boolValue) ?? false) }
                XCTAssertEqual(model.suggestedFixed, fixed, label)
                // pyhf's auxdata: constrained parameters in parameter order.
                let aux = zip(model.parameters, model.nominalAuxiliary).filter { $0.0.constraint != .none }.map(\.1)
                for (a, e) in zip(aux, doubles(r["auxdata"])) { assertRelative(a, e, 1e-12, "\(label) auxdata") }
                XCTAssertEqual(aux.count, doubles(r["auxdata"]).count, "\(label) auxdata count")
                let logpdf = model.logLikelihood(model.suggestedInit, data: model.observed)
                assertRelative(logpdf, double(r["logpdf_at_init"]), 1e-9, "\(label) logpdf at init")
                let expectedInit = doubles(r["expected_actualdata_at_init"])
                for (a, e) in zip(model.expectedMain(model.suggestedInit), expectedInit) {
                    assertRelative(a, e, 1e-9, "\(label) expected data at init")
                }
                // Maximum-likelihood fit: mu_hat (scipy, tol 1e-12) and twice_nll; Hesse error (minuit).
                let fit = try MaximumLikelihoodFit(model: model).fit(data: model.observed, uncertainties: true)
                let scipy = r["fit_scipy"] as? [String: Any] ?? [:]
                let minuit = r["fit_minuit"] as? [String: Any] ?? [:]
                let muHat = fit.parameters[model.poiIndex]
                let refMuHat = double(scipy["mu_hat"])
                XCTAssertEqual(muHat, refMuHat, accuracy: 1e-3 * max(abs(refMuHat), 1e-2), "\(label) mu_hat")
                track("mu_hat", muHat, refMuHat)
                XCTAssertLessThanOrEqual(fit.twiceNLL, double(scipy["twice_nll"]) + 1e-7, "\(label) twice_nll")
                assertRelative(fit.twiceNLL, double(scipy["twice_nll"]), 1e-8, "\(label) twice_nll")
                // Hesse uncertainty: compare away from the POI bound (at a bound MINUIT's
                // internal transformation makes its error estimate differ by construction).
                if muHat > 1e-3 {
                    assertRelative(fit.uncertainties![model.poiIndex], double(minuit["mu_hat_uncertainty"]), 2e-2,
                                   "\(label) mu_hat uncertainty (minuit Hesse)")
                }
                // Discovery p0.
                let discovery = try Significance.discovery(model: model)
                let p0 = discovery.p0
                assertRelative(p0, double(r["p0_observed"]), 1e-3, "\(label) p0")
                assertRelative(discovery.expectedP0, double(r["p0_expected"]), 1e-3, "\(label) expected p0")
                track("p0", p0, double(r["p0_observed"]))
                // CLs at mu = 1.
                let calculator = try AsymptoticCLs.Calculator(model: model)
                let test = try calculator.hypotest(mu: 1)
                assertRelative(test.clsObserved, double(r["cls_mu1_observed"]), 1e-4, "\(label) CLs(1)")
                for (a, e) in zip(test.clsExpected, doubles(r["cls_mu1_expected"])) {
                    assertRelative(a, e, 1e-4, "\(label) CLs(1) expected")
                }
                // Upper limits at 95% and 90% CL (brentq reference, xtol 1e-9).
                for key in ["cl95", "cl90"] {
                    let ref = r[key] as? [String: Any] ?? [:]
                    let cl = 1 - double(ref["alpha"])
                    let limits = try calculator.upperLimits(cl: cl)
                    assertRelative(limits.observed, double(ref["observed_limit"]), 1e-3, "\(label) \(key) observed")
                    track("observed_limit", limits.observed, double(ref["observed_limit"]))
                    for (k, (a, e)) in zip(limits.expected, doubles(ref["expected_limits"])).enumerated() {
                        assertRelative(a, e, 1e-3, "\(label) \(key) expected[\(k)]")
                        track("expected_limits", a, e)
                    }
                }
            }
        }
        print("HistFactory vs pyhf reference, worst relative differences: \(worst)")
    }

    /// Interpolation codes at alpha = +-1 reproduce the variations, and code 4 / 4p are
    /// smooth (continuous first derivative) at the matching points, as in pyhf.
    func testInterpolationCodes() {
        for code in InterpolationSettings.NormsysCode.allCases {
            let interp = NormsysInterpolator(code: code, hi: 1.3, lo: 0.8)
            XCTAssertEqual(interp.evaluate(1).0, 1.3, accuracy: 1e-12)
            XCTAssertEqual(interp.evaluate(-1).0, 0.8, accuracy: 1e-12)
            XCTAssertEqual(interp.evaluate(0).0, 1, accuracy: 1e-12)
        }
        let code4 = NormsysInterpolator(code: .code4, hi: 1.3, lo: 0.8)
        XCTAssertEqual(code4.evaluate(1 - 1e-9).1, code4.evaluate(1 + 1e-9).1, accuracy: 1e-6)
        XCTAssertEqual(code4.evaluate(-1 + 1e-9).1, code4.evaluate(-1 - 1e-9).1, accuracy: 1e-6)
        for code in InterpolationSettings.HistosysCode.allCases {
            XCTAssertEqual(HistosysInterpolation.evaluate(code, alpha: 1, up: 2, down: 1).0, 2, accuracy: 1e-12)
            XCTAssertEqual(HistosysInterpolation.evaluate(code, alpha: -1, up: 2, down: 1).0, -1, accuracy: 1e-12)
        }
        let left = HistosysInterpolation.evaluate(.code4p, alpha: 1 - 1e-9, up: 2, down: 1).1
        XCTAssertEqual(left, 2, accuracy: 1e-6)
    }

    /// The analytic gradient agrees with finite differences of the NLL.
    func testAnalyticGradient() throws {
        let ws = try PyhfWorkspace.decode(Data("""
        {"channels": [{"name": "SR", "samples": [
            {"name": "signal", "data": [1.0, 2.0, 0.5], "modifiers": [{"name": "mu", "type": "normfactor", "data": null},
                {"name": "lumi", "type": "lumi", "data": null}]},
            {"name": "bkg", "data": [10, 8.5, 3], "modifiers": [
                {"name": "norm", "type": "normsys", "data": {"hi": 1.1, "lo": 0.85}},
                {"name": "shape", "type": "histosys", "data": {"hi_data": [11, 9, 3.5], "lo_data": [9, 8, 2.9]}},
                {"name": "stat", "type": "staterror", "data": [1, 1, 0.5]},
                {"name": "sys", "type": "shapesys", "data": [2, 2, 1]}]}]}],
         "observations": [{"name": "SR", "data": [12, 9, 4]}],
         "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": [
            {"name": "lumi", "auxdata": [1.0], "sigmas": [0.05]}]}}], "version": "1.0.0"}
        """.utf8))
        for settings in [InterpolationSettings.pyhfDefault, .code1Code0] {
            let model = try HistFactoryModel(workspace: ws, interpolation: settings)
            let evaluator = LikelihoodEvaluator(model: model)
            let theta = model.parameters.enumerated().map { k, p in p.initial + 0.13 * Double(k % 3) - 0.05 }
            var g = Array(repeating: 0.0, count: model.parameterCount)
            _ = evaluator.nllAndGradient(theta, data: model.observed, gradient: &g)
            for k in 0..<model.parameterCount {
                var tp = theta, tm = theta
                tp[k] += 1e-6; tm[k] -= 1e-6
                let numeric = (evaluator.nll(tp, data: model.observed) - evaluator.nll(tm, data: model.observed)) / 2e-6
                XCTAssertEqual(g[k], numeric, accuracy: 1e-5 * max(1, abs(numeric)), model.parameters[k].name)
            }
        }
    }
}
