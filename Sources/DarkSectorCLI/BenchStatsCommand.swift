import ArgumentParser
import Foundation
import Statistics

/// `darksector bench stats`: latency of the two statistics workhorses (run on a release
/// build): a counting Bayesian limit with two nuisances (target <= 1 ms) and an asymptotic
/// CLs upper limit with expected band on a 20-bin, 3-sample workspace with normsys, histosys
/// and staterror (target >= 50x faster than pyhf numpy; `Benchmarks/stats_vs_pyhf.py` times
/// pyhf on the same inputs and prints the ratio).
public struct BenchStatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Time a counting Bayesian limit and a 20-bin asymptotic CLs limit (use -c release).")

    @Option(help: "Workspace for the CLs benchmark (default: the 20-bin fixture, or an equivalent built in code).")
    var workspace: String = "Tests/Fixtures/statistics/pyhf_workspaces/benchmark_20bin.json"
    @Option(help: "Repetitions of the Bayesian limit.") var bayesRepeat: Int = 200
    @Option(help: "Repetitions of the CLs limit.") var clsRepeat: Int = 10
    @Flag(help: "Print one JSON object on stdout.") var json = false

    public init() {}

    public func validate() throws {
        guard bayesRepeat > 0, clsRepeat > 0 else { throw ValidationError("repetitions must be positive") }
    }

    public func run() throws {
        // Counting Bayesian limit with two nuisances: n = 10, b = 5, r_b = 0.1, r_s = 0.1, 90% CL.
        var bayesLimit = 0.0
        let bayesStart = DispatchTime.now().uptimeNanoseconds
        let bayesCPUStart = clock()
        for _ in 0..<bayesRepeat {
            bayesLimit = try BayesianUpperLimit.compute(observed: 10, background: 5, backgroundRelativeUncertainty: 0.1,
                                                        signalRelativeUncertainty: 0.1, cl: 0.9)
        }
        let bayesMs = Double(DispatchTime.now().uptimeNanoseconds - bayesStart) / 1e6 / Double(bayesRepeat)
        let bayesCPUMs = Double(clock() - bayesCPUStart) / Double(CLOCKS_PER_SEC) * 1e3 / Double(bayesRepeat)

        let source: String
        let ws: PyhfWorkspace
        if FileManager.default.fileExists(atPath: workspace) {
            ws = try PyhfWorkspace.load(contentsOf: URL(fileURLWithPath: workspace))
            source = workspace
        } else {
            ws = Self.benchmarkWorkspace()
            source = "built in code (same yields and modifiers as the fixture; observed = rounded expected)"
        }
        let model = try HistFactoryModel(workspace: ws)
        var limits: AsymptoticCLs.Limits?
        let clsStart = DispatchTime.now().uptimeNanoseconds
        let clsCPUStart = clock()
        for _ in 0..<clsRepeat { limits = try AsymptoticCLs.upperLimit(model: model, cl: 0.95) }
        let clsMs = Double(DispatchTime.now().uptimeNanoseconds - clsStart) / 1e6 / Double(clsRepeat)
        let clsCPUMs = Double(clock() - clsCPUStart) / Double(CLOCKS_PER_SEC) * 1e3 / Double(clsRepeat)

        let result = Result(
            bayes_ms_per_call: bayesMs, bayes_cpu_ms_per_call: bayesCPUMs, bayes_case: "n=10 b=5 r_b=0.1 r_s=0.1 cl=0.9", bayes_upper_limit: bayesLimit,
            bayes_repeats: bayesRepeat, bayes_target_ms: 1.0,
            cls_ms_per_call: clsMs, cls_cpu_ms_per_call: clsCPUMs, cls_workspace: source, cls_parameters: model.parameterCount,
            cls_bins: model.binCount, cls_observed_limit: limits!.observed, cls_expected_limits: limits!.expected,
            cls_repeats: clsRepeat)
        if json { return try JSONOutput.print(result) }
        print(String(format: "Bayesian counting limit (2 nuisances): %.3f ms/call wall, %.3f ms CPU (limit %.6f)",
                     bayesMs, bayesCPUMs, bayesLimit))
        print(String(format: "Asymptotic CLs limit, %d bins, %d parameters: %.2f ms/call wall, %.2f ms CPU (limit %.6f)",
                     model.binCount, model.parameterCount, clsMs, clsCPUMs, limits!.observed))
    }

    struct Result: Encodable {
        /// Wall-clock time per call; on a loaded machine compare the CPU time below.
        let bayes_ms_per_call: Double
        let bayes_cpu_ms_per_call: Double
        let bayes_case: String
        let bayes_upper_limit: Double
        let bayes_repeats: Int
        let bayes_target_ms: Double
        let cls_ms_per_call: Double
        let cls_cpu_ms_per_call: Double
        let cls_workspace: String
        let cls_parameters: Int
        let cls_bins: Int
        let cls_observed_limit: Double
        let cls_expected_limits: [Double]
        let cls_repeats: Int
    }

    /// The fixture's 20-bin workspace rebuilt in code (signal Gaussian peak, falling and flat
    /// backgrounds with normsys, histosys and staterror); the observed data are the rounded
    /// background-plus-0.4-signal expectation, since the fixture's numpy Poisson draw cannot
    /// be reproduced here.
    static func benchmarkWorkspace() -> PyhfWorkspace {
        let nb = 20
        let x = (0..<nb).map { (Double($0) + 0.5) / Double(nb) }
        func r4(_ v: [Double]) -> [Double] { v.map { ($0 * 1e4).rounded() / 1e4 } }
        let shape = x.map { exp(-0.5 * pow(($0 - 0.55) / 0.08, 2)) }
        let norm = shape.reduce(0, +)
        let sig = r4(shape.map { 25 * $0 / norm })
        let b1 = x.map { 120 * exp(-3 * $0) }
        let b2 = x.map { 6 + 2 * $0 }
        let b1hi = r4(zip(b1, x).map { $0 * (1 + 0.10 * ($1 - 0.5)) })
        let b1lo = r4(zip(b1, x).map { $0 * (1 - 0.08 * ($1 - 0.5)) })
        let b2hi = r4(zip(b2, x).map { $0 * (1 + 0.05 + 0.05 * $1) })
        let b2lo = r4(zip(b2, x).map { $0 * (1 - 0.04 - 0.06 * $1) })
        let b1stat = r4(b1.map { 0.04 * $0 + 0.3 })
        let b2stat = r4(b2.map { 0.08 * $0 })
        let observed = (0..<nb).map { (r4(b1)[$0] + r4(b2)[$0] + 0.4 * sig[$0]).rounded() }
        return PyhfWorkspace(
            channels: [.init(name: "SR", samples: [
                .init(name: "signal", data: sig, modifiers: [.init(name: "mu", kind: .normfactor)]),
                .init(name: "bkg_falling", data: r4(b1), modifiers: [
                    .init(name: "bkg_falling_norm", kind: .normsys(hi: 1.07, lo: 0.94)),
                    .init(name: "bkg_falling_shape", kind: .histosys(hiData: b1hi, loData: b1lo)),
                    .init(name: "staterror_SR", kind: .staterror(uncertainties: b1stat)),
                ]),
                .init(name: "bkg_flat", data: r4(b2), modifiers: [
                    .init(name: "bkg_flat_norm", kind: .normsys(hi: 1.2, lo: 0.85)),
                    .init(name: "bkg_flat_shape", kind: .histosys(hiData: b2hi, loData: b2lo)),
                    .init(name: "staterror_SR", kind: .staterror(uncertainties: b2stat)),
                ]),
            ])],
            observations: [.init(name: "SR", data: observed)],
            measurements: [.init(name: "meas", poi: "mu")])
    }
}
