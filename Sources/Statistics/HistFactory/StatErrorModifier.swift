import Foundation

/// `staterror`: the Monte Carlo statistical uncertainty of a channel (Barlow-Beeston lite), one
/// factor gamma_i per bin shared by every sample carrying the modifier, constrained by
/// N(1 | gamma_i, sigma_i) with sigma_i = sqrt(sum_s delta_si^2) / sum_s nominal_si over those
/// samples (pyhf documentation, "Modifiers: MC Statistical Uncertainty";
/// pyhf/modifiers/staterror.py). Bins where sigma_i = 0 have no uncertainty: gamma_i is fixed.
struct StatErrorModifier: ModifierBuilder {
    var kind: HistFactoryModel.ParameterKind { .staterror }
    var isPerBin: Bool { true }

    /// Width 1 until `constrain` computes the combined relative uncertainty.
    func parameter(named name: String, set setName: String) -> HistFactoryModel.Parameter {
        HistFactoryModel.Parameter(name: name, setName: setName, kind: kind, initial: 1, bounds: 1e-10...10,
                                   fixed: false, constraint: .gaussian(sigma: 1), auxiliary: 1)
    }

    func constrain(_ parameters: inout [HistFactoryModel.Parameter], set: ModifierParameterSet,
                   channel: PyhfWorkspace.Channel) {
        let nBins = channel.samples[0].data.count
        var nominal = Array(repeating: 0.0, count: nBins)
        var variance = Array(repeating: 0.0, count: nBins)
        for sample in channel.samples {
            for modifier in sample.modifiers where modifier.name == set.name {
                guard case let .staterror(u) = modifier.kind else { continue }
                for i in 0..<nBins { nominal[i] += sample.data[i]; variance[i] += u[i] * u[i] }
            }
        }
        for i in 0..<nBins {
            // pyhf: relerr^2 = sum_s (delta_si / sum_s nominal)^2; zero -> fixed, sigma 1.
            let sigma = nominal[i] > 0 ? variance[i].squareRoot() / nominal[i] : 0
            parameters[set.first + i].constraint = .gaussian(sigma: sigma > 0 ? sigma : 1)
            parameters[set.first + i].fixed = sigma == 0
        }
    }

    func term(for modifier: PyhfWorkspace.Modifier, sample: PyhfWorkspace.Sample, firstParameter: Int,
              interpolation: InterpolationSettings) -> ModifierTerm {
        .factor(.perBin(firstParameter: firstParameter))
    }
}
