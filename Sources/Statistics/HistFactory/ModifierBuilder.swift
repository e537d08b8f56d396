import Foundation

/// One HistFactory modifier kind, as pyhf organises them (pyhf/modifiers/normsys.py,
/// histosys.py, staterror.py, ...: each module knows the parameters its modifier needs, their
/// constraint, and how it changes the expected rates). `HistFactoryModel.init` loops over a
/// workspace's modifiers and asks the builder registered for each type (`ModifierRegistry`);
/// it holds no per-kind logic itself.
///
/// The duties, in the order the model calls them:
/// 1. `checkReuse`: kind-specific rules when a parameter name appears again (the generic ones,
///    same kind and per-bin sets within one channel, are checked by the model).
/// 2. `parameter(named:set:)`: a parameter's defaults (init, bounds, constraint, auxiliary datum).
/// 3. `constrain`: constraint widths derived from the channel's data (staterror, shapesys).
/// 4. `adopt` / `checkMeasurement`: what the measurement configuration means for this kind
///    beyond the generic overrides (lumi).
/// 5. `term`: the compiled modification of one sample's rates (`ModifierTerm`).
protocol ModifierBuilder: Sendable {
    /// pyhf's `type` string, as the kind of the parameters this modifier creates.
    var kind: HistFactoryModel.ParameterKind { get }

    /// One parameter per bin of the sample (true) or one for all bins (false).
    var isPerBin: Bool { get }

    /// Checks that `modifier` (at JSON `path`) may reuse the parameter set `existing`, which is
    /// already of this kind. Throws `StatisticsError.invalidWorkspace` naming `path + ".name"`.
    func checkReuse(of modifier: PyhfWorkspace.Modifier, at path: String, existing: ModifierParameterSet) throws

    /// The parameter `name` (element of the set `setName`) before data and measurement overrides.
    func parameter(named name: String, set setName: String) -> HistFactoryModel.Parameter

    /// Sets constraint widths of `set` from the yields of `channel`, one of the channels using
    /// it (called once per channel, in channel order).
    func constrain(_ parameters: inout [HistFactoryModel.Parameter], set: ModifierParameterSet,
                   channel: PyhfWorkspace.Channel)

    /// Applies the kind-specific meaning of a measurement `setting` of `set`, after the generic
    /// overrides (bounds, inits, fixed, auxdata, sigmas) have been applied.
    func adopt(_ setting: PyhfWorkspace.ParameterSetting, set: ModifierParameterSet,
               parameters: inout [HistFactoryModel.Parameter])

    /// Checks that the measurement configures what this kind requires of `set`.
    func checkMeasurement(_ measurement: PyhfWorkspace.Measurement, index: Int, set: ModifierParameterSet) throws

    /// The modification `modifier` makes to `sample`'s rates, with its parameters starting at
    /// `firstParameter`.
    func term(for modifier: PyhfWorkspace.Modifier, sample: PyhfWorkspace.Sample, firstParameter: Int,
              interpolation: InterpolationSettings) -> ModifierTerm
}

extension ModifierBuilder {
    var isPerBin: Bool { false }
    func checkReuse(of modifier: PyhfWorkspace.Modifier, at path: String, existing: ModifierParameterSet) throws {}
    func constrain(_ parameters: inout [HistFactoryModel.Parameter], set: ModifierParameterSet,
                   channel: PyhfWorkspace.Channel) {}
    func adopt(_ setting: PyhfWorkspace.ParameterSetting, set: ModifierParameterSet,
               parameters: inout [HistFactoryModel.Parameter]) {}
    func checkMeasurement(_ measurement: PyhfWorkspace.Measurement, index: Int, set: ModifierParameterSet) throws {}

    /// HistFactory's default for a nuisance parameter alpha: init 0, bounds [-5, 5], Gaussian
    /// constraint of width 1 around auxiliary datum 0 (pyhf's `constrained_by_normal` paramset).
    func alphaParameter(named name: String, set setName: String) -> HistFactoryModel.Parameter {
        HistFactoryModel.Parameter(name: name, setName: setName, kind: kind, initial: 0, bounds: -5...5,
                                   fixed: false, constraint: .gaussian(sigma: 1), auxiliary: 0)
    }
}

/// The parameters one modifier name creates (pyhf's paramset): where they start in the model's
/// parameter vector, how many, and where the name first appeared.
struct ModifierParameterSet: Sendable {
    let name: String
    let builder: any ModifierBuilder
    let size: Int
    /// Channel of the first appearance (per-bin sets live in one channel only).
    let channel: Int
    /// JSON path of the first appearance, for error messages.
    let path: String
    /// Index of the first parameter in the model (set once the parameter order is known).
    var first = 0

    var kind: HistFactoryModel.ParameterKind { builder.kind }
    var indices: Range<Int> { first..<(first + size) }
}
