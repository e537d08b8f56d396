import Foundation

/// Frequentist CLs limits on the signal s (in events) of a counting experiment, by writing
/// it as a one-bin HistFactory model and using the same profile-likelihood machinery as
/// binned fits:
/// - signal: nominal 1 event x normfactor `mu` (so mu = s), with the efficiency uncertainty
///   r_s as a histosys (1 +- r_s): linear in the nuisance, i.e. a Gaussian on e;
/// - background: b with the relative uncertainty r_b as a histosys (b (1 +- r_b)). STATS.md:
///   a Gaussian relative uncertainty is linear in the nuisance (histosys), not exponential
///   (normsys); at r_b = 0.3 the two differ by ~10% in the limit. For symmetric variations
///   pyhf's default histosys code (4p) equals the linear code 0 inside |alpha| <= 1 and
///   beyond, so both codes give the same numbers here.
public enum CountingCLs {
    /// The one-bin pyhf workspace equivalent to `experiment`.
    public static func workspace(_ experiment: CountingExperiment) -> PyhfWorkspace {
        var signalModifiers = [PyhfWorkspace.Modifier(name: "mu", kind: .normfactor)]
        let rs = experiment.signalRelativeUncertainty
        if rs > 0 {
            signalModifiers.append(.init(name: "signal_efficiency", kind: .histosys(hiData: [1 + rs], loData: [1 - rs])))
        }
        var backgroundModifiers: [PyhfWorkspace.Modifier] = []
        let b = experiment.background, rb = experiment.backgroundRelativeUncertainty
        if rb > 0 {
            backgroundModifiers.append(.init(name: "background_uncertainty",
                                             kind: .histosys(hiData: [b * (1 + rb)], loData: [b * (1 - rb)])))
        }
        let n = Double(experiment.observed)
        let muMax = max(10, 3 * (n + 5 * n.squareRoot() + 10))
        return PyhfWorkspace(
            channels: [.init(name: "counting", samples: [
                .init(name: "signal", data: [1], modifiers: signalModifiers),
                .init(name: "background", data: [b], modifiers: backgroundModifiers),
            ])],
            observations: [.init(name: "counting", data: [n])],
            measurements: [.init(name: "counting", poi: "mu",
                                 parameters: [.init(name: "mu", bounds: [[0, muMax]], inits: [1])])])
    }

    /// The compiled one-bin model.
    public static func model(_ experiment: CountingExperiment) throws -> HistFactoryModel {
        try HistFactoryModel(workspace: workspace(experiment))
    }

    /// Asymptotic CLs upper limit on s (observed and -2..+2 sigma expected band).
    public static func asymptoticUpperLimit(_ experiment: CountingExperiment, cl: Double = 0.95) throws -> AsymptoticCLs.Limits {
        try AsymptoticCLs.upperLimit(model: model(experiment), cl: cl)
    }

    /// CLs upper limit on s from toys.
    public static func toyUpperLimit(_ experiment: CountingExperiment, cl: Double = 0.95, toys: Int = 1000,
                                     seed: UInt = 12345, scan: [Double]? = nil,
                                     includeExpected: Bool = true) throws -> ToyCLs.Limits {
        try ToyCLs.upperLimit(model: model(experiment), cl: cl, toys: toys, seed: seed, scan: scan,
                              includeExpected: includeExpected)
    }
}
