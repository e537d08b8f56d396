import Foundation

/// `lumi`: the luminosity lambda scaling a sample, kappa = lambda in every bin, constrained by
/// a Gaussian N(aux | lambda, sigma) whose auxiliary datum and width come from the
/// measurement configuration, not from the modifier (pyhf documentation, "Modifiers:
/// Luminosity"; pyhf/modifiers/lumi.py).
struct LumiModifier: ModifierBuilder {
    var kind: HistFactoryModel.ParameterKind { .lumi }

    /// Placeholders (aux 1, sigma 0.1) until the measurement's `auxdata` and `sigmas`, which
    /// `checkMeasurement` requires, replace them.
    func parameter(named name: String, set setName: String) -> HistFactoryModel.Parameter {
        HistFactoryModel.Parameter(name: name, setName: setName, kind: kind, initial: 1, bounds: 0...10,
                                   fixed: false, constraint: .gaussian(sigma: 0.1), auxiliary: 1)
    }

    /// pyhf starts lumi at its auxiliary datum unless `inits` says otherwise.
    func adopt(_ setting: PyhfWorkspace.ParameterSetting, set: ModifierParameterSet,
               parameters: inout [HistFactoryModel.Parameter]) {
        if setting.inits == nil, let aux = setting.auxdata?.first {
            parameters[set.first].initial = aux
        }
    }

    /// The lumi constraint is only defined by the measurement: without auxdata and sigmas there
    /// is no luminosity uncertainty to speak of.
    func checkMeasurement(_ measurement: PyhfWorkspace.Measurement, index: Int, set: ModifierParameterSet) throws {
        let lumi = set.name
        if !measurement.parameters.contains(where: { $0.name == lumi && $0.sigmas != nil && $0.auxdata != nil }) {
            throw StatisticsError.invalidWorkspace(
                path: "measurements[\(index)].config.parameters",
                reason: "lumi modifier '\(lumi)' needs a parameter setting with auxdata and sigmas "
                    + "(e.g. {\"name\": \"\(lumi)\", \"auxdata\": [1.0], \"sigmas\": [0.02]})")
        }
    }

    func term(for modifier: PyhfWorkspace.Modifier, sample: PyhfWorkspace.Sample, firstParameter: Int,
              interpolation: InterpolationSettings) -> ModifierTerm {
        .factor(.scalar(parameter: firstParameter))
    }
}
