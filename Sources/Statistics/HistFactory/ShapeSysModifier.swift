import Foundation

/// `shapesys`: an uncorrelated per-bin uncertainty of one sample, a factor gamma_i per bin
/// constrained by Poisson(tau_i | gamma_i tau_i) with tau_i = (nominal_i / delta_i)^2, the
/// number of "auxiliary events" matching the relative uncertainty (pyhf documentation,
/// "Modifiers: Uncorrelated Shape"; pyhf/modifiers/shapesys.py). Bins with zero yield or
/// zero uncertainty carry no information: gamma_i is fixed there.
struct ShapeSysModifier: ModifierBuilder {
    var kind: HistFactoryModel.ParameterKind { .shapesys }
    var isPerBin: Bool { true }

    /// tau_i comes from one sample's yields, so a shapesys name cannot be shared.
    func checkReuse(of modifier: PyhfWorkspace.Modifier, at path: String, existing: ModifierParameterSet) throws {
        throw StatisticsError.invalidWorkspace(
            path: path + ".name",
            reason: "shapesys '\(modifier.name)' appears on two samples; pyhf gives each sample "
                + "its own shapesys name")
    }

    /// A Gaussian placeholder until `constrain` sets the Poisson constraint.
    func parameter(named name: String, set setName: String) -> HistFactoryModel.Parameter {
        HistFactoryModel.Parameter(name: name, setName: setName, kind: kind, initial: 1, bounds: 1e-10...10,
                                   fixed: false, constraint: .gaussian(sigma: 1), auxiliary: 1)
    }

    func constrain(_ parameters: inout [HistFactoryModel.Parameter], set: ModifierParameterSet,
                   channel: PyhfWorkspace.Channel) {
        let nBins = channel.samples[0].data.count
        for sample in channel.samples {
            for modifier in sample.modifiers where modifier.name == set.name {
                guard case let .shapesys(u) = modifier.kind else { continue }
                for i in 0..<nBins {
                    let valid = sample.data[i] > 0 && u[i] > 0
                    let tau = valid ? (sample.data[i] * sample.data[i]) / (u[i] * u[i]) : 1
                    parameters[set.first + i].constraint = .poisson(tau: tau)
                    parameters[set.first + i].auxiliary = tau
                    parameters[set.first + i].fixed = !valid
                }
            }
        }
    }

    func term(for modifier: PyhfWorkspace.Modifier, sample: PyhfWorkspace.Sample, firstParameter: Int,
              interpolation: InterpolationSettings) -> ModifierTerm {
        .factor(.perBin(firstParameter: firstParameter))
    }
}
