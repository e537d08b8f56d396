import ArgumentParser
import Foundation
import Statistics

/// `darksector stats ...`: limits, fits and significances from the statistics core, for a
/// counting experiment given on the command line or a pyhf JSON workspace.
public struct StatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Upper limits (Bayesian, CLs, Feldman-Cousins), workspace fits and significances.",
        subcommands: [StatsUpperLimitCommand.self, StatsWorkspaceCommand.self, StatsSignificanceCommand.self])

    public init() {}
}

/// Expected-band JSON object with keys "-2", "-1", "0", "1", "2".
private func bandObject(_ values: [Double]) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: zip(["-2", "-1", "0", "1", "2"], values).map { ($0, $1) })
}

/// Parses a number given on the command line, naming the option when it is not one.
private func parseNumber(_ text: String, option: String) throws -> Double {
    guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
        throw StatisticsError.invalidArgument(name: option, value: text, reason: "not a number")
    }
    return value
}

/// `darksector stats upper-limit`: counting-experiment upper limit on the signal (events).
struct StatsUpperLimitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upper-limit",
        abstract: "Upper limit on the signal (events) of a counting experiment n ~ Poisson(e s + b).")

    enum Method: String, ExpressibleByArgument, CaseIterable { case bayes, cls, fc }

    @Option(help: "Method: bayes (flat prior, marginalised nuisances), cls (profile likelihood), fc (Feldman-Cousins).")
    var method: Method
    @Option(help: "Observed number of events (a non-negative integer).") var observed: String
    @Option(help: "Expected background (events).") var background: String
    @Option(help: "Relative Gaussian uncertainty on the background (e.g. 0.1).") var backgroundUncertainty: String = "0"
    @Option(help: "Relative Gaussian uncertainty on the signal efficiency (e.g. 0.1).") var signalUncertainty: String = "0"
    @Option(help: "Confidence / credibility level.") var cl: Double = 0.9
    @Option(help: "CLs with this many toys per hypothesis instead of asymptotic formulae.") var toys: Int?
    @Option(help: "Random seed for toys.") var seed: UInt = 12345
    @Option(help: "Feldman-Cousins convention: published (FC tables, default) or plain.")
    var fcConvention: String = "published"
    @Flag(help: "Print one JSON object on stdout.") var json = false

    func run() throws {
        let experiment = try CountingExperiment(
            observedCount: parseNumber(observed, option: "--observed"),
            background: parseNumber(background, option: "--background"),
            backgroundRelativeUncertainty: parseNumber(backgroundUncertainty, option: "--background-uncertainty"),
            signalRelativeUncertainty: parseNumber(signalUncertainty, option: "--signal-uncertainty"))
        if let toys, toys < 10 {
            throw StatisticsError.invalidArgument(name: "--toys", value: "\(toys)", reason: "use at least 10 (1000+ for results)")
        }
        switch method {
        case .bayes:
            let limit = try BayesianUpperLimit.compute(experiment, cl: cl)
            if json {
                try JSONOutput.print(BayesOutput(method: "bayes", cl: cl, upper_limit: limit,
                                                 s_max: BayesianUpperLimit.defaultSMax(experiment)))
            } else {
                print(String(format: "Bayesian %.0f%% CL upper limit: s < %.6g events", cl * 100, limit))
            }
        case .cls:
            let observedLimit: Double
            let expected: [Double]
            if let toys {
                let limits = try CountingCLs.toyUpperLimit(experiment, cl: cl, toys: toys, seed: seed)
                observedLimit = limits.observed; expected = limits.expected
            } else {
                let limits = try CountingCLs.asymptoticUpperLimit(experiment, cl: cl)
                observedLimit = limits.observed; expected = limits.expected
            }
            if json {
                try JSONOutput.print(CLsOutput(method: "cls", cl: cl, upper_limit: observedLimit,
                                               expected: bandObject(expected),
                                               calculator: toys == nil ? "asymptotic" : "toys", toys: toys))
            } else {
                print(String(format: "CLs %.0f%% CL upper limit (%@): s < %.6g events; expected %@", cl * 100,
                             toys == nil ? "asymptotic" : "\(toys!) toys", observedLimit,
                             expected.map { String(format: "%.4g", $0) }.joined(separator: " / ")))
            }
        case .fc:
            guard experiment.backgroundRelativeUncertainty == 0, experiment.signalRelativeUncertainty == 0 else {
                throw StatisticsError.invalidArgument(
                    name: "--method fc", value: "with uncertainties",
                    reason: "Feldman-Cousins here assumes a known background; drop the uncertainties or use cls/bayes")
            }
            guard let convention = FeldmanCousins.Convention(rawValue: fcConvention) else {
                throw StatisticsError.invalidArgument(name: "--fc-convention", value: fcConvention,
                                                      reason: "use 'published' or 'plain'")
            }
            let interval = try FeldmanCousins.interval(observed: experiment.observed, background: experiment.background,
                                                       cl: cl, convention: convention)
            if json {
                try JSONOutput.print(FCOutput(method: "fc", cl: cl, lower: interval.lower, upper: interval.upper,
                                              convention: convention.rawValue))
            } else {
                print(String(format: "Feldman-Cousins %.0f%% CL interval (%@): [%.4f, %.4f] events", cl * 100,
                             convention.rawValue, interval.lower, interval.upper))
            }
        }
    }

    struct BayesOutput: Encodable { let method: String; let cl: Double; let upper_limit: Double; let s_max: Double }
    struct CLsOutput: Encodable {
        let method: String; let cl: Double; let upper_limit: Double; let expected: [String: Double]
        let calculator: String; let toys: Int?
    }
    struct FCOutput: Encodable { let method: String; let cl: Double; let lower: Double; let upper: Double; let convention: String }
}

/// Options shared by the workspace commands.
struct WorkspaceInput: ParsableArguments {
    @Argument(help: "pyhf JSON workspace.") var file: String
    @Option(help: "Interpolation codes: pyhf (normsys code4, histosys code4p, pyhf.Model's defaults) or code1-code0.")
    var interpolation: String = "pyhf"

    func model() throws -> HistFactoryModel {
        let settings: InterpolationSettings
        switch interpolation {
        case "pyhf": settings = .pyhfDefault
        case "code1-code0": settings = .code1Code0
        default:
            throw StatisticsError.invalidArgument(name: "--interpolation", value: interpolation,
                                                  reason: "use 'pyhf' or 'code1-code0'")
        }
        let workspace = try PyhfWorkspace.load(contentsOf: URL(fileURLWithPath: file))
        return try HistFactoryModel(workspace: workspace, interpolation: settings)
    }
}

/// `darksector stats workspace`: limit on the POI of a pyhf workspace.
struct StatsWorkspaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace",
        abstract: "Upper limit on the parameter of interest of a pyhf JSON workspace (CLs or Bayesian MCMC).")

    enum Method: String, ExpressibleByArgument, CaseIterable { case cls, bayes }

    @OptionGroup var input: WorkspaceInput
    @Option(help: "cls (q~_mu, asymptotic or toys) or bayes (MCMC, flat prior on the POI).") var method: Method = .cls
    @Option(help: "Confidence / credibility level.") var cl: Double = 0.95
    @Option(help: "CLs with toys (per hypothesis and scan point) instead of asymptotics.") var toys: Int?
    @Option(help: "Random seed for toys / Markov chains.") var seed: UInt = 12345
    @Option(help: "MCMC steps per chain after burn-in.") var steps: Int = 20_000
    @Flag(help: "Print one JSON object on stdout.") var json = false

    func run() throws {
        let model = try input.model()
        let fit = try MaximumLikelihoodFit(model: model).fit(data: model.observed, uncertainties: true)
        let significance = try Significance.discovery(model: model)
        let muHat = fit.parameters[model.poiIndex]
        var output = Output(method: method.rawValue, cl: cl, observed_limit: 0, expected: nil,
                            mu_hat: muHat, mu_hat_uncertainty: fit.uncertainties?[model.poiIndex],
                            p0: significance.p0, poi: model.poiName, status: "ok", calculator: nil, r_hat: nil)
        switch method {
        case .cls:
            if let toys {
                let limits = try ToyCLs.upperLimit(model: model, cl: cl, toys: toys, seed: seed)
                output.observed_limit = limits.observed
                output.expected = bandObject(limits.expected)
                output.calculator = "toys (\(toys) per hypothesis and scan point, seed \(seed))"
            } else {
                let limits = try AsymptoticCLs.upperLimit(model: model, cl: cl)
                output.observed_limit = limits.observed
                output.expected = bandObject(limits.expected)
                output.calculator = "asymptotic (q~_mu, Asimov band)"
            }
        case .bayes:
            let result = try MarkovChainMonteCarlo.upperLimit(
                model: model, cl: cl, settings: .init(burnIn: max(1000, steps / 5), steps: steps, seed: seed))
            output.observed_limit = result.upperLimit
            output.r_hat = result.rHat
            output.calculator = "MCMC (4 chains x \(steps) steps, adaptive Metropolis-Hastings); expected band not computed"
        }
        if json { return try JSONOutput.print(output) }
        print(String(format: "%@ %.0f%% CL upper limit on %@: %.6g  (mu_hat = %.4g, p0 = %.4g)", method.rawValue,
                     cl * 100, model.poiName, output.observed_limit, muHat, significance.p0))
        if let expected = output.expected {
            print("expected: " + ["-2", "-1", "0", "1", "2"].map { "\($0): " + String(format: "%.4g", expected[$0]!) }
                .joined(separator: ", "))
        }
    }

    struct Output: Encodable {
        let method: String
        let cl: Double
        var observed_limit: Double
        var expected: [String: Double]?
        let mu_hat: Double
        let mu_hat_uncertainty: Double?
        let p0: Double
        let poi: String
        let status: String
        var calculator: String?
        var r_hat: Double?
    }
}

/// `darksector stats significance`: local discovery significance of a workspace.
struct StatsSignificanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "significance",
        abstract: "Local p0 and Z (asymptotic q0) of a pyhf JSON workspace.")

    @OptionGroup var input: WorkspaceInput
    @Flag(help: "Print one JSON object on stdout.") var json = false

    func run() throws {
        let model = try input.model()
        let result = try Significance.discovery(model: model)
        let fit = try MaximumLikelihoodFit(model: model).fit(data: model.observed)
        let output = Output(q0: result.q0, p0: result.p0, z: result.z, expected_p0: result.expectedP0,
                            mu_hat: fit.parameters[model.poiIndex], poi: model.poiName)
        if json { return try JSONOutput.print(output) }
        print(String(format: "local p0 = %.4g, Z = %.3f (expected p0 for %@ = 1: %.4g)", result.p0, result.z,
                     model.poiName, result.expectedP0))
    }

    struct Output: Encodable {
        let q0: Double; let p0: Double; let z: Double; let expected_p0: Double; let mu_hat: Double; let poi: String
    }
}
