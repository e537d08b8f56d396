/// Every failure a caller of the statistics core can cause or meet.
///
/// Each case carries enough context to name the offending input and say what to do about
/// it, because these errors end up on a physicist's terminal via the `darksector stats`
/// command, not in a debugger.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input number is outside its domain (negative count, NaN, CL outside (0, 1), ...).
    case invalidArgument(name: String, value: String, reason: String)
    /// A pyhf workspace could not be read; `path` is a JSON path such as
    /// `channels[0].samples[2].modifiers[1].type`.
    case invalidWorkspace(path: String, reason: String)
    /// A numerical integral did not reach the requested precision.
    case integrationFailed(what: String, detail: String)
    /// A maximum-likelihood fit (or a root finder built on fits) did not converge.
    case fitDidNotConverge(what: String, detail: String)
    /// A root could not be bracketed (for example the CLs curve never crosses 1 - CL).
    case rootNotBracketed(what: String, lower: Double, upper: Double)
    /// A GSL routine reported an error (recorded by `GSLErrorHandler` instead of aborting):
    /// `function` and `arguments` name the call, `reason` is GSL's text and status code.
    case numericalFailure(function: String, arguments: String, reason: String)
    /// Markov chains did not mix (Gelman-Rubin R-hat above the threshold).
    case chainsNotConverged(rHat: Double, threshold: Double)

    public var description: String {
        switch self {
        case let .invalidArgument(name, value, reason):
            return "invalid \(name) = \(value): \(reason)"
        case let .invalidWorkspace(path, reason):
            return "\(path.isEmpty ? "<root>" : path): \(reason)"
        case let .integrationFailed(what, detail):
            return "numerical integration failed for \(what): \(detail); "
                + "try a smaller uncertainty or report the inputs"
        case let .fitDidNotConverge(what, detail):
            return "fit did not converge (\(what)): \(detail); check the model (bounds, "
                + "empty bins, degenerate modifiers) or loosen the tolerance"
        case let .rootNotBracketed(what, lower, upper):
            return "could not bracket \(what) in [\(lower), \(upper)]; widen the search range "
                + "(for a workspace, raise the POI upper bound)"
        case let .numericalFailure(function, arguments, reason):
            return "\(function)(\(arguments)) failed: \(reason); report these inputs"
        case let .chainsNotConverged(rHat, threshold):
            return "Markov chains did not converge: Gelman-Rubin R-hat = \(rHat) > \(threshold); "
                + "run more steps or more chains"
        }
    }
}

extension StatisticsError {
    /// Throws unless `value` is finite.
    static func requireFinite(_ value: Double, _ name: String) throws {
        guard value.isFinite else {
            throw StatisticsError.invalidArgument(name: name, value: "\(value)",
                                                  reason: "must be a finite number")
        }
    }

    /// Throws unless `cl` is a confidence or credibility level strictly inside (0, 1).
    static func requireConfidenceLevel(_ cl: Double) throws {
        guard cl.isFinite, cl > 0, cl < 1 else {
            throw StatisticsError.invalidArgument(
                name: "cl", value: "\(cl)", reason: "must lie strictly between 0 and 1 (e.g. 0.9 or 0.95)")
        }
    }
}
