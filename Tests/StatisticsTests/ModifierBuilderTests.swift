import XCTest
@testable import Statistics

/// Each HistFactory modifier builder on a tiny workspace, against expected rates and
/// constraints computed by hand from pyhf's modifier formulas (pyhf documentation,
/// "Modifiers"), so a builder that drifts from pyhf fails here by name rather than only
/// through a fitted limit elsewhere.
final class ModifierBuilderTests: XCTestCase {
    /// One channel "SR": a signal with normfactor "mu" and a background with `modifiers`.
    private func model(background: [Double], modifiers: [PyhfWorkspace.Modifier],
                       settings: [PyhfWorkspace.ParameterSetting] = [],
                       interpolation: InterpolationSettings = .code1Code0) throws -> HistFactoryModel {
        let ws = PyhfWorkspace(
            channels: [.init(name: "SR", samples: [
                .init(name: "signal", data: background.map { _ in 1 }, modifiers: [.init(name: "mu", kind: .normfactor)]),
                .init(name: "background", data: background, modifiers: modifiers),
            ])],
            observations: [.init(name: "SR", data: background)],
            measurements: [.init(name: "meas", poi: "mu", parameters: settings)])
        return try HistFactoryModel(workspace: ws, interpolation: interpolation)
    }

    /// theta at the suggested init, with `values` set by parameter name.
    private func theta(_ model: HistFactoryModel, _ values: [String: Double]) -> [Double] {
        var t = model.suggestedInit
        for (name, v) in values { t[model.index(of: name)!] = v }
        return t
    }

    func testRegistryCoversTheSupportedTypesInPyhfParameterOrder() {
        XCTAssertEqual(ModifierRegistry.builders.map(\.kind.rawValue),
                       ["histosys", "lumi", "normfactor", "normsys", "shapesys", "staterror"])
        XCTAssertEqual(ModifierRegistry.builders.filter(\.isPerBin).map(\.kind), [.shapesys, .staterror])
    }

    /// normfactor: kappa = mu, unconstrained, init 1 in [0, 10].
    func testNormFactorScalesByMu() throws {
        let m = try model(background: [10, 20], modifiers: [])
        let mu = m.parameters[m.poiIndex]
        XCTAssertEqual(mu.constraint, .none)
        XCTAssertEqual(mu.bounds, 0...10)
        XCTAssertEqual(m.expectedMain(theta(m, ["mu": 2.5])), [12.5, 22.5])
    }

    /// normsys code 1: kappa(alpha) = hi^alpha (alpha >= 0), lo^-alpha (alpha < 0).
    func testNormSysCode1IsPiecewiseExponential() throws {
        let m = try model(background: [10, 20], modifiers: [.init(name: "n", kind: .normsys(hi: 1.2, lo: 0.9))])
        let up = m.expectedMain(theta(m, ["mu": 0, "n": 0.5]))
        let down = m.expectedMain(theta(m, ["mu": 0, "n": -0.5]))
        for (i, b) in [10.0, 20].enumerated() {
            XCTAssertEqual(up[i], b * pow(1.2, 0.5), accuracy: 1e-12)
            XCTAssertEqual(down[i], b * pow(0.9, 0.5), accuracy: 1e-12)
        }
        let alpha = m.parameters[m.index(of: "n")!]
        XCTAssertEqual(alpha.constraint, .gaussian(sigma: 1))
        XCTAssertEqual(alpha.auxiliary, 0)
        XCTAssertEqual(alpha.bounds, -5...5)
    }

    /// histosys code 0: delta_i(alpha) = alpha (hi_i - nom_i) for alpha >= 0, alpha (nom_i - lo_i) below.
    func testHistoSysCode0IsPiecewiseLinear() throws {
        let m = try model(background: [10, 20],
                          modifiers: [.init(name: "h", kind: .histosys(hiData: [12, 25], loData: [9, 14]))])
        XCTAssertEqual(m.expectedMain(theta(m, ["mu": 0, "h": 0.5])), [11, 22.5])
        XCTAssertEqual(m.expectedMain(theta(m, ["mu": 0, "h": -0.5])), [9.5, 17])
    }

    /// staterror: one gamma per bin shared by the samples carrying it, Gaussian with
    /// sigma_i = sqrt(sum_s delta_si^2) / sum_s nominal_si; a bin without uncertainty is fixed.
    func testStatErrorCombinesSamplesPerBin() throws {
        let ws = PyhfWorkspace(
            channels: [.init(name: "SR", samples: [
                .init(name: "signal", data: [2, 1], modifiers: [
                    .init(name: "mu", kind: .normfactor), .init(name: "stat", kind: .staterror(uncertainties: [1.5, 0]))]),
                .init(name: "background", data: [8, 3], modifiers: [
                    .init(name: "stat", kind: .staterror(uncertainties: [2, 0]))]),
            ])],
            observations: [.init(name: "SR", data: [10, 4])],
            measurements: [.init(name: "meas", poi: "mu")])
        let m = try HistFactoryModel(workspace: ws)
        let first = m.index(of: "stat[0]")!
        XCTAssertEqual(m.parameters[first].constraint, .gaussian(sigma: (1.5 * 1.5 + 2 * 2).squareRoot() / 10))
        XCTAssertEqual(m.parameters[first].auxiliary, 1)
        XCTAssertFalse(m.parameters[first].fixed)
        XCTAssertTrue(m.parameters[first + 1].fixed)
        XCTAssertEqual(m.parameters[first + 1].constraint, .gaussian(sigma: 1))
        XCTAssertEqual(m.expectedMain(theta(m, ["stat[0]": 1.1, "stat[1]": 0.5])), [2 * 1.1 + 8 * 1.1, 0.5 + 3 * 0.5])
    }

    /// shapesys: gamma_i with Poisson(tau_i | gamma_i tau_i), tau_i = (nominal_i / delta_i)^2.
    func testShapeSysPoissonConstraint() throws {
        let m = try model(background: [16, 0, 9], modifiers: [.init(name: "s", kind: .shapesys(uncertainties: [2, 1, 0]))])
        let first = m.index(of: "s[0]")!
        XCTAssertEqual(m.parameters[first].constraint, .poisson(tau: 64))
        XCTAssertEqual(m.parameters[first].auxiliary, 64)
        XCTAssertFalse(m.parameters[first].fixed)
        XCTAssertTrue(m.parameters[first + 1].fixed)   // zero yield
        XCTAssertTrue(m.parameters[first + 2].fixed)   // zero uncertainty
        XCTAssertEqual(m.expectedMain(theta(m, ["mu": 0, "s[0]": 1.25])), [20, 0, 9])
    }

    /// shapesys names cannot be shared: tau comes from one sample.
    func testShapeSysSharedBetweenSamplesIsRefused() {
        let ws = PyhfWorkspace(
            channels: [.init(name: "SR", samples: [
                .init(name: "signal", data: [1], modifiers: [
                    .init(name: "mu", kind: .normfactor), .init(name: "s", kind: .shapesys(uncertainties: [0.1]))]),
                .init(name: "background", data: [4], modifiers: [.init(name: "s", kind: .shapesys(uncertainties: [1]))]),
            ])],
            observations: [.init(name: "SR", data: [5])],
            measurements: [.init(name: "meas", poi: "mu")])
        XCTAssertThrowsError(try HistFactoryModel(workspace: ws)) { error in
            XCTAssertEqual("\(error)", "channels[0].samples[1].modifiers[0].name: shapesys 's' appears on two samples; "
                + "pyhf gives each sample its own shapesys name")
        }
    }

    /// lumi: kappa = lambda, Gaussian with the measurement's auxdata and sigmas, which are required.
    func testLumiTakesItsConstraintFromTheMeasurement() throws {
        let lumi = PyhfWorkspace.Modifier(name: "lumi", kind: .lumi)
        XCTAssertThrowsError(try model(background: [10], modifiers: [lumi])) { error in
            XCTAssertTrue("\(error)".hasPrefix("measurements[0].config.parameters: lumi modifier 'lumi' needs"), "\(error)")
        }
        let m = try model(background: [10], modifiers: [lumi],
                          settings: [.init(name: "lumi", auxdata: [1.05], sigmas: [0.02])])
        let p = m.parameters[m.index(of: "lumi")!]
        XCTAssertEqual(p.constraint, .gaussian(sigma: 0.02))
        XCTAssertEqual(p.auxiliary, 1.05)
        XCTAssertEqual(p.initial, 1.05)
        XCTAssertEqual(m.expectedMain(theta(m, ["mu": 0, "lumi": 1.1])), [10 * 1.1])
        // Every lumi parameter needs its setting, as in pyhf, not only the first.
        XCTAssertThrowsError(try model(background: [10], modifiers: [lumi, .init(name: "lumi_b", kind: .lumi)],
                                       settings: [.init(name: "lumi", auxdata: [1], sigmas: [0.02])])) { error in
            XCTAssertTrue("\(error)".contains("lumi modifier 'lumi_b' needs"), "\(error)")
        }
    }
}
