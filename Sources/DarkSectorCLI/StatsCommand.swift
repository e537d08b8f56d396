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

/// A bad value on the `stats` command line. The message names the option and the value and
/// says what is expected, e.g. "--observed must be a non-negative integer, got -3".
struct StatsInputError: Error, CustomStringConvertible {
    let description: String
}

/// Parsing and validation of the `stats` options. Numbers are taken as text (with
/// `.unconditional` parsing, so that "-3" is a value and not an unknown flag) and checked
/// here, so that every bad value gets one message naming its option, also as JSON.
enum StatsInput {
    /// A required option's text, or an error naming it.
    static func required(_ text: String?, option: String) throws -> String {
        guard let text else { throw StatsInputError(description: "missing \(option); see --help") }
        return text
    }

    /// A finite number (decimal or scientific notation).
    static func number(_ text: String, option: String, expected: String = "a finite number") throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw StatsInputError(description: "\(option) must be \(expected), got \(text)")
        }
        return value
    }

    /// A finite number >= 0 (a background or a relative uncertainty).
    static func nonNegative(_ text: String, option: String, what: String = "a finite number >= 0") throws -> Double {
        let value = try number(text, option: option, expected: what)
        guard value >= 0 else { throw StatsInputError(description: "\(option) must be \(what), got \(text)") }
        return value == 0 ? 0 : value   // -0 -> 0
    }

    /// A non-negative integer below `limit` ("1e6" is accepted: it is an integer).
    static func integer(_ text: String, option: String, atLeast minimum: Int = 0, below limit: Double = Double(Int32.max),
                        expected: String = "a non-negative integer") throws -> Int {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite,
              value == value.rounded(), value >= Double(minimum) else {
            throw StatsInputError(description: "\(option) must be \(expected), got \(text)")
        }
        guard value < limit else {
            throw StatsInputError(description: "\(option) must be below \(Int(limit)), got \(text)")
        }
        return Int(value)
    }

    /// A confidence / credibility level strictly between 0 and 1.
    static func level(_ text: String) throws -> Double {
        let value = try number(text, option: "--cl", expected: "a level strictly between 0 and 1 (e.g. 0.9)")
        guard value > 0, value < 1 else {
            throw StatsInputError(description: "--cl must be a level strictly between 0 and 1 (e.g. 0.9), got \(text)")
        }
        return value
    }

    /// The `--toys` count: an integer >= 10.
    static func toys(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        return try integer(text, option: "--toys", atLeast: 10, below: 1e12, expected: "an integer >= 10 (1000+ for results)")
    }

    /// The random seed: a non-negative integer.
    static func seed(_ text: String) throws -> UInt {
        UInt(try integer(text, option: "--seed", below: 9.0e18))
    }
}

/// Work above this estimated time is refused unless `--force` is given: a typo such as
/// `--toys 1e8` or `--observed 100000` with Feldman-Cousins should fail in a second with the
/// estimate, not start an hours-long computation. The estimates come from pilots timed on the
/// running machine and build (see `FeldmanCousins.estimatedSeconds`, `ToyCLs.estimatedSeconds`).
/// Measured (release build, 2-core CI machine): Feldman-Cousins at 90% CL, b = 2, takes
/// 0.18 s at n = 100, 1.4 s at n = 1000, 4.6 s at n = 3000 and 16 s at n = 10^4 (the pilot
/// estimated 0.18, 1.2, 4.5 and 14 s), so the bound falls near n = 4 x 10^4 in release.
enum WorkBudget {
    static let seconds = 60.0

    /// "45 s", "12 min", "3.1 h", "2.0 days".
    static func format(_ seconds: Double) -> String {
        if seconds < 100 { return String(format: "%.0f s", seconds) }
        if seconds < 6000 { return String(format: "%.0f min", seconds / 60) }
        if seconds < 172_800 { return String(format: "%.1f h", seconds / 3600) }
        return String(format: "%.1f days", seconds / 86_400)
    }

    /// Throws unless `estimate` fits the budget or `force` is set.
    static func check(_ estimate: Double, what: String, alternative: String, force: Bool) throws {
        guard !force, estimate > seconds else { return }
        throw StatsInputError(description: "\(what) would take about \(format(estimate)) (estimated from a pilot "
            + "on this machine; the limit is \(format(seconds))); \(alternative), or add --force to run it anyway")
    }
}

/// `darksector stats upper-limit`: counting-experiment upper limit on the signal (events).
struct StatsUpperLimitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upper-limit",
        abstract: "Upper limit on the signal (events) of a counting experiment n ~ Poisson(e s + b).")

    enum Method: String, CaseIterable { case bayes, cls, fc }

    @Option(help: "Method: bayes (flat prior, marginalised nuisances), cls (profile likelihood), fc (Feldman-Cousins).")
    var method: String?
    @Option(parsing: .unconditional, help: "Observed number of events (a non-negative integer).") var observed: String?
    @Option(parsing: .unconditional, help: "Expected background (events).") var background: String?
    @Option(parsing: .unconditional, help: "Relative Gaussian uncertainty on the background (e.g. 0.1).")
    var backgroundUncertainty: String = "0"
    @Option(parsing: .unconditional, help: "Relative Gaussian uncertainty on the signal efficiency (e.g. 0.1).")
    var signalUncertainty: String = "0"
    @Option(parsing: .unconditional, help: "Confidence / credibility level.") var cl: String = "0.9"
    @Option(parsing: .unconditional, help: "CLs with this many toys per hypothesis instead of asymptotic formulae.")
    var toys: String?
    @Option(parsing: .unconditional, help: "Random seed for toys.") var seed: String = "12345"
    @Option(help: "Feldman-Cousins convention: published (FC tables, default) or plain.")
    var fcConvention: String = "published"
    @Flag(help: "Run even when the estimated time exceeds \(Int(WorkBudget.seconds)) s (Feldman-Cousins at large counts, many toys).")
    var force = false
    @Flag(help: "Print one JSON object on stdout (also for an error: {\"error\": ...}).") var json = false

    func run() throws {
        try JSONOutput.reportingErrors(json: json) { try compute() }
    }

    private func compute() throws {
        let methodText = try StatsInput.required(method, option: "--method")
        guard let method = Method(rawValue: methodText) else {
            throw StatsInputError(description: "--method must be one of bayes, cls, fc, got \(methodText)")
        }
        let experiment = try CountingExperiment(
            observed: StatsInput.integer(StatsInput.required(observed, option: "--observed"), option: "--observed"),
            background: StatsInput.nonNegative(StatsInput.required(background, option: "--background"),
                                               option: "--background", what: "a finite number of events >= 0"),
            backgroundRelativeUncertainty: StatsInput.nonNegative(
                backgroundUncertainty, option: "--background-uncertainty", what: "a finite fraction >= 0 (e.g. 0.1)"),
            signalRelativeUncertainty: StatsInput.nonNegative(
                signalUncertainty, option: "--signal-uncertainty", what: "a finite fraction >= 0 (e.g. 0.1)"))
        let cl = try StatsInput.level(cl)
        let toys = try StatsInput.toys(toys)
        let seed = try StatsInput.seed(seed)
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
                let estimate = try ToyCLs.estimatedSeconds(model: CountingCLs.model(experiment), cl: cl, toys: toys)
                try WorkBudget.check(estimate, what: "CLs with --toys \(toys) (x \(ToyCLs.defaultScanPoints) scan points)",
                                     alternative: "use fewer toys or the asymptotic calculator (omit --toys)", force: force)
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
                throw StatsInputError(description: "--method fc assumes a known background: drop --background-uncertainty "
                    + "and --signal-uncertainty, or use --method cls or bayes")
            }
            guard let convention = FeldmanCousins.Convention(rawValue: fcConvention) else {
                throw StatsInputError(description: "--fc-convention must be published or plain, got \(fcConvention)")
            }
            let estimate = try FeldmanCousins.estimatedSeconds(observed: experiment.observed, background: experiment.background,
                                                               cl: cl, convention: convention)
            try WorkBudget.check(estimate, what: "Feldman-Cousins for --observed \(experiment.observed) "
                                    + "--background \(background ?? "")",
                                 alternative: "at large counts use --method bayes or cls (FC's advantage is at small counts)",
                                 force: force)
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
            throw StatsInputError(description: "--interpolation must be pyhf or code1-code0, got \(interpolation)")
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

    enum Method: String, CaseIterable { case cls, bayes }

    @OptionGroup var input: WorkspaceInput
    @Option(help: "cls (q~_mu, asymptotic or toys) or bayes (MCMC, flat prior on the POI).") var method: String = "cls"
    @Option(parsing: .unconditional, help: "Confidence / credibility level.") var cl: String = "0.95"
    @Option(parsing: .unconditional, help: "CLs with toys (per hypothesis and scan point) instead of asymptotics.")
    var toys: String?
    @Option(parsing: .unconditional, help: "Random seed for toys / Markov chains.") var seed: String = "12345"
    @Option(parsing: .unconditional, help: "MCMC steps per chain after burn-in.") var steps: String = "20000"
    @Flag(help: "Run even when the estimated time exceeds \(Int(WorkBudget.seconds)) s (many toys).") var force = false
    @Flag(help: "Print one JSON object on stdout (also for an error: {\"error\": ...}).") var json = false

    func run() throws {
        try JSONOutput.reportingErrors(json: json) { try compute() }
    }

    private func compute() throws {
        guard let method = Method(rawValue: method) else {
            throw StatsInputError(description: "--method must be cls or bayes, got \(self.method)")
        }
        let cl = try StatsInput.level(cl)
        let toys = try StatsInput.toys(toys)
        let seed = try StatsInput.seed(seed)
        let steps = try StatsInput.integer(steps, option: "--steps", atLeast: 100, below: 1e9, expected: "an integer >= 100")
        let model = try input.model()
        if let toys {
            let estimate = try ToyCLs.estimatedSeconds(model: model, cl: cl, toys: toys)
            try WorkBudget.check(estimate, what: "CLs with --toys \(toys) (x \(ToyCLs.defaultScanPoints) scan points)",
                                 alternative: "use fewer toys or the asymptotic calculator (omit --toys)", force: force)
        }
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
    @Flag(help: "Print one JSON object on stdout (also for an error: {\"error\": ...}).") var json = false

    func run() throws {
        try JSONOutput.reportingErrors(json: json) { try compute() }
    }

    private func compute() throws {
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
