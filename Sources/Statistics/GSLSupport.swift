import CGSL

/// One-time GSL setup. GSL's default error handler calls `abort()`; a statistics library
/// embedded in a command-line tool must instead turn GSL status codes into Swift errors,
/// so every entry point that calls GSL touches `GSLSetup.ready` first (the public
/// `GSLSetup.install()` lets a program do it once at start-up).
public enum GSLSetup {
    static let ready: Void = GSLErrorHandler.installed

    /// Replaces GSL's aborting error handler by one that records errors for
    /// `GSLErrorHandler.checked` (see there). Safe to call any number of times.
    public static func install() { _ = ready }
}

/// Adaptive Gauss-Kronrod quadrature (GSL QAG) over a finite interval.
///
/// A workspace is reused across calls because the nested (e, b) integrals of the Bayesian
/// limit call this thousands of times; allocating per call would dominate the run time.
/// Not `Sendable`: one instance belongs to one computation on one thread.
final class AdaptiveQuadrature {
    private let workspace: UnsafeMutablePointer<gsl_integration_workspace>
    private let limit: Int
    let relativeTolerance: Double
    let absoluteTolerance: Double
    let rule: Int32

    init(relativeTolerance: Double = 1e-10, absoluteTolerance: Double = 0,
         rule: Int32 = Int32(GSL_INTEG_GAUSS61), limit: Int = 200) {
        _ = GSLSetup.ready
        self.workspace = gsl_integration_workspace_alloc(limit)
        self.limit = limit
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.rule = rule
    }

    deinit { gsl_integration_workspace_free(workspace) }

    /// Integrates `f` over [a, b]. A result whose status is only "roundoff limited" is
    /// accepted when its error estimate is within 1e3 times the requested tolerance,
    /// because that happens for integrands that are already exact to machine precision.
    func integrate(_ a: Double, _ b: Double, what: String,
                   _ f: (Double) -> Double) throws -> Double {
        if a == b { return 0 }
        var result = 0.0
        var error = 0.0
        let status: Int32 = withoutActuallyEscaping(f) { escaping in
            var closure = escaping
            return withUnsafeMutablePointer(to: &closure) { context in
                var function = gsl_function(
                    function: { x, params in
                        params!.assumingMemoryBound(to: ((Double) -> Double).self).pointee(x)
                    },
                    params: UnsafeMutableRawPointer(context))
                return gsl_integration_qag(&function, a, b, absoluteTolerance, relativeTolerance,
                                           limit, rule, workspace, &result, &error)
            }
        }
        // The status is judged below; drop the handler's record of it so that it cannot be
        // blamed on a later, unrelated GSL call.
        _ = GSLErrorHandler.takeFailure()
        if status != GSL_SUCCESS {
            // Roundoff-limited results are accepted when GSL's error estimate is still far below
            // what any limit needs (1e-7 relative): with n ~ b ~ 10^4 the integrands are
            // products of very peaked factors and QAG stops at ~1e-8 relative.
            let allowed = max(1e3 * max(absoluteTolerance, relativeTolerance * abs(result)), 1e-7 * abs(result))
            if !(result.isFinite && error <= allowed) {
                throw StatisticsError.integrationFailed(
                    what: what, detail: "GSL status \(status) (\(String(cString: gsl_strerror(status)))), "
                        + "result \(result) +- \(error)")
            }
        }
        guard result.isFinite else {
            throw StatisticsError.integrationFailed(what: what, detail: "non-finite result")
        }
        return result
    }
}

/// Mersenne-Twister random stream (GSL `gsl_rng_mt19937`), so that every toy and Markov
/// chain is reproducible from a recorded seed, bit for bit, across platforms.
/// Not `Sendable`: give each task its own stream (derived seeds), never share one.
public final class MersenneTwister {
    let rng: UnsafeMutablePointer<gsl_rng>
    public let seed: UInt

    public init(seed: UInt) {
        _ = GSLSetup.ready
        rng = gsl_rng_alloc(Self.mt19937Type())
        self.seed = seed
        gsl_rng_set(rng, seed)
    }

    deinit { gsl_rng_free(rng) }

    /// Looks the generator type up by name: GSL exposes it as a mutable global variable,
    /// which Swift 6 strict concurrency does not allow us to read directly.
    private static func mt19937Type() -> UnsafePointer<gsl_rng_type> {
        guard var cursor = gsl_rng_types_setup() else { fatalError("GSL has no generator table") }
        while let type = cursor.pointee {
            if String(cString: type.pointee.name) == "mt19937" { return type }
            cursor += 1
        }
        fatalError("GSL lacks mt19937")
    }

    /// Uniform on (0, 1), never 0 (safe inside logarithms).
    public func uniform() -> Double { gsl_rng_uniform_pos(rng) }
    /// Standard normal deviate.
    public func gaussian() -> Double { gsl_ran_gaussian_ziggurat(rng, 1.0) }
    /// Poisson deviate with mean `mean` (0 for a non-positive mean).
    public func poisson(_ mean: Double) -> Double {
        mean > 0 ? Double(gsl_ran_poisson(rng, mean)) : 0
    }
    /// A fresh seed for a child stream, drawn from this one.
    public func childSeed() -> UInt { UInt(gsl_rng_get(rng)) &+ 1 }
}
