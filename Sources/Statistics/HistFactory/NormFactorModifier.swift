import Foundation

/// `normfactor`: a free, unconstrained normalisation mu of a sample, kappa = mu in every bin
/// (pyhf documentation, "Modifiers: Normalisation Factor"; pyhf/modifiers/normfactor.py).
/// The parameter of interest is one of these.
struct NormFactorModifier: ModifierBuilder {
    var kind: HistFactoryModel.ParameterKind { .normfactor }

    /// pyhf's `unconstrained` paramset: init 1, bounds [0, 10].
    func parameter(named name: String, set setName: String) -> HistFactoryModel.Parameter {
        HistFactoryModel.Parameter(name: name, setName: setName, kind: kind, initial: 1, bounds: 0...10,
                                   fixed: false, constraint: .none, auxiliary: 0)
    }

    func term(for modifier: PyhfWorkspace.Modifier, sample: PyhfWorkspace.Sample, firstParameter: Int,
              interpolation: InterpolationSettings) -> ModifierTerm {
        .factor(.scalar(parameter: firstParameter))
    }
}
