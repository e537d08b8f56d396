import Foundation

/// Feldman-Cousins confidence intervals for a Poisson signal mu with known background b
/// (PRD 57 (1998) 3873).
///
/// For each mu the acceptance region in n is built by the likelihood-ratio ordering
/// R(n) = P(n | mu + b) / P(n | max(0, n - b) + b), adding n in decreasing R until the
/// probability reaches CL. The interval for an observed n0 is the set of mu whose acceptance
/// region contains n0. Its ends are located exactly: a fine scan in mu finds where the
/// acceptance of n0 changes, and bisection refines each change to 1e-7.
///
/// Two conventions (see STATS.md):
/// - `.plain`: the construction above; where the set of accepting mu is not one interval
///   its outer bounds are reported. Its n = 0 upper end is not monotonic in b.
/// - `.published` (default): as in the FC paper's Tables IV and V, the upper end is the
///   largest plain upper end over all backgrounds b' >= b, which makes it non-increasing
///   in b (e.g. n = 0, b = 3, 90%: 1.08 instead of the plain 0.953). The lower end is the
///   plain one.
public enum FeldmanCousins {
    public enum Convention: String, Sendable, CaseIterable, Codable {
        case plain
        case published
    }

    /// A confidence interval [lower, upper] on mu.
    public struct Interval: Sendable, Equatable {
        public let lower: Double
        public let upper: Double
    }

    /// FC interval for `observed` events over a known `background` at confidence `cl`.
    public static func interval(observed: Int, background: Double, cl: Double = 0.9,
                                convention: Convention = .published) throws -> Interval {
        let experiment = try CountingExperiment(observed: observed, background: background)
        try StatisticsError.requireConfidenceLevel(cl)
        try requireSupportedBackground(background)
        let n0 = experiment.observed
        let b = experiment.background
        let plain = plainInterval(n0: n0, b: b, cl: cl)
        switch convention {
        case .plain:
            return plain
        case .published:
            return Interval(lower: plain.lower, upper: max(plain.upper, maxUpperAbove(n0: n0, b: b, cl: cl)))
        }
    }

    // MARK: - Cost

    /// Number of plain Neyman constructions (`plainUpper` calls) `interval` makes: one, plus
    /// in the published convention the 0.1 grid over b' and the fine scans and bisections
    /// around the three best grid points (counted at their worst, every fine step a jump).
    public static func constructionCount(observed: Int, background: Double,
                                         convention: Convention = .published) -> Int {
        guard convention == .published else { return 2 }
        let span = 10 + 2 * (background + Double(max(0, observed))).squareRoot()
        return 2 + Int(span / 0.1) + 1 + 3 * (1 + 40)
    }

    /// Acceptance regions one plain construction builds: 2 starting points, ~45 bisection
    /// steps, up to 250 island probes and ~20 refinement steps.
    static let acceptancesPerConstruction = 320

    /// Estimated wall time of `interval(observed:background:cl:convention:)` on this machine,
    /// from a pilot: acceptance regions at mu = n0 - b (where they are widest for this n0) are
    /// built for at least 2 ms, and the time per region is multiplied by the regions the
    /// interval needs. Measured rather than modelled because the cost (~ sqrt(n + b) per
    /// region times sqrt(n + b) constructions) depends on the build (debug is ~20x slower)
    /// and the machine; the estimate is an upper bound within a factor of ~3 (not every
    /// construction probes all 250 islands).
    public static func estimatedSeconds(observed: Int, background: Double, cl: Double = 0.9,
                                        convention: Convention = .published) throws -> Double {
        let experiment = try CountingExperiment(observed: observed, background: background)
        try StatisticsError.requireConfidenceLevel(cl)
        try requireSupportedBackground(experiment.background)
        let mu = max(0, Double(experiment.observed) - experiment.background)
        let start = DispatchTime.now().uptimeNanoseconds
        var regions = 0, elapsed = 0.0
        repeat {
            _ = acceptance(mu: mu, b: experiment.background, cl: cl)
            regions += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        } while elapsed < 2e-3 && regions < 10_000
        let constructions = constructionCount(observed: observed, background: background, convention: convention)
        return elapsed / Double(regions) * Double(acceptancesPerConstruction * constructions)
    }

    /// Largest background the construction supports: beyond it the 0.005-wide scan steps in
    /// b' fall below the spacing of doubles and the scans would not advance.
    /// (The pilot of `estimatedSeconds` is also one region of ~3 sqrt(b) steps, 0.1 s at 10^10.)
    public static let maximumBackground = 1e10

    static func requireSupportedBackground(_ background: Double) throws {
        guard background <= maximumBackground else {
            throw StatisticsError.invalidArgument(
                name: "background", value: "\(background)",
                reason: "Feldman-Cousins supports backgrounds up to \(maximumBackground) events; use bayes or cls")
        }
    }

    // MARK: - Acceptance region

    /// The acceptance region [n1, n2] for signal mu over background b. Because R(n) is
    /// unimodal in n, the region grows outwards from the mode, always taking the neighbour
    /// with the larger R.
    static func acceptance(mu: Double, b: Double, cl: Double) -> (Int, Int) {
        let lambda = mu + b
        @inline(__always) func logP(_ n: Int) -> Double {
            SpecialFunctions.logPoisson(Double(n), lambda)
        }
        @inline(__always) func logR(_ n: Int) -> Double {
            let best = max(Double(n), b)
            return logP(n) - SpecialFunctions.logPoisson(Double(n), best)
        }
        // Mode of R: R is maximal where n - b is closest to mu; start at floor(lambda) or b.
        var start = max(0, Int(lambda.rounded(.down)))
        // Climb to the true maximum of R (few steps).
        while start > 0 && logR(start - 1) > logR(start) { start -= 1 }
        while logR(start + 1) > logR(start) { start += 1 }
        var n1 = start, n2 = start
        var sum = exp(logP(start))
        var left = n1 > 0 ? logR(n1 - 1) : -Double.infinity
        var right = logR(n2 + 1)
        // The region spans ~2 z sqrt(lambda) counts; the guard only stops a CL so close to 1
        // that rounding keeps the sum below it.
        var guardCount = 0
        let maxSteps = max(100_000, Int(min(1e9, 50 * lambda.squareRoot())))
        while sum < cl && guardCount < maxSteps {
            guardCount += 1
            if right >= left {
                n2 += 1
                sum += exp(logP(n2))
                right = logR(n2 + 1)
            } else {
                n1 -= 1
                sum += exp(logP(n1))
                left = n1 > 0 ? logR(n1 - 1) : -Double.infinity
            }
        }
        return (n1, n2)
    }

    static func accepts(_ n0: Int, mu: Double, b: Double, cl: Double) -> Bool {
        let (n1, n2) = acceptance(mu: mu, b: b, cl: cl)
        return n1 <= n0 && n0 <= n2
    }

    /// Bisection stops at `absolute` or, for large mu where that is below the spacing of
    /// doubles (mu ~ 10^9: one ulp is 1.2e-7), at a few ulps, so that it always ends.
    @inline(__always)
    static func bisectionTolerance(_ absolute: Double, _ x: Double) -> Double {
        max(absolute, 1e-14 * abs(x))
    }

    /// Bisection between an accepting and a rejecting mu, to 1e-7.
    private static func refine(_ n0: Int, b: Double, cl: Double, accepted: Double, rejected: Double) -> Double {
        var a = accepted, r = rejected
        while abs(a - r) > bisectionTolerance(1e-7, r) {
            let m = 0.5 * (a + r)
            if accepts(n0, mu: m, b: b, cl: cl) { a = m } else { r = m }
        }
        return a
    }

    /// Plain construction: outer bounds of the set of mu accepting n0.
    ///
    /// The acceptance edges move up with mu, so the ends are first located by bisection on
    /// "n0 lies below / above the acceptance region"; because the ordering can make the
    /// accepting set non-convex near its ends, a window of 1 unit beyond each end is then
    /// scanned on a 0.005 grid and any further accepting mu extends the outer bound.
    static func plainInterval(n0: Int, b: Double, cl: Double) -> Interval {
        let upper = plainUpper(n0: n0, b: b, cl: cl)
        var probe: Double
        // Lower end: smallest mu whose acceptance region reaches up to n0.
        var lower = 0.0
        if !accepts(n0, mu: 0, b: b, cl: cl) {
            var rejected = 0.0, accepted = upper
            while accepted - rejected > bisectionTolerance(1e-8, accepted) {
                let m = 0.5 * (accepted + rejected)
                let (_, n2) = acceptance(mu: m, b: b, cl: cl)
                if n2 >= n0 { accepted = m } else { rejected = m }
            }
            lower = accepted
            probe = max(0, lower - 1.0)
            while probe < lower {
                if accepts(n0, mu: probe, b: b, cl: cl) {
                    lower = probe == 0 ? 0 : refine(n0, b: b, cl: cl, accepted: probe, rejected: probe - 0.005)
                    break
                }
                probe += 0.005
            }
        }
        return Interval(lower: lower, upper: upper)
    }

    /// Upper end of the plain construction: bisection on "the acceptance region starts at or
    /// below n0", then a 0.5-wide window above it scanned on a 0.002 grid for further
    /// accepting mu (islands of acceptance: the set is not always one interval), refined by
    /// bisection. An island narrower than 0.002 can be missed; in the published convention
    /// that shifts the upper end by at most ~0.002.
    static func plainUpper(n0: Int, b: Double, cl: Double) -> Double {
        let n = Double(n0)
        let muMax = n + 10 * (n + b + 1).squareRoot() + 10
        var acc = 0.0, rej = muMax
        if !accepts(n0, mu: acc, b: b, cl: cl) {
            // n0 lies above the region at mu = 0 (large n0): find an accepting mu first. At
            // mu = n0 - b the likelihood ratio R is 1 (its maximum) at n0, so n0 is accepted
            // there; this avoids a scan from 0 in steps of 0.05 whose cost grew as n0^1.5.
            let centre = max(0, n - b)
            if centre > 0 && accepts(n0, mu: centre, b: b, cl: cl) {
                acc = centre
            } else {
                var mu = 0.0
                while mu <= muMax && !accepts(n0, mu: mu, b: b, cl: cl) { mu += 0.05 }
                acc = min(mu, muMax)
            }
        }
        while rej - acc > bisectionTolerance(1e-8, rej) {
            let m = 0.5 * (acc + rej)
            let (n1, _) = acceptance(mu: m, b: b, cl: cl)
            if n1 <= n0 { acc = m } else { rej = m }
        }
        var upper = acc
        var probe = upper + 0.5
        while probe > upper + 0.001 {
            if accepts(n0, mu: probe, b: b, cl: cl) {
                upper = refine(n0, b: b, cl: cl, accepted: probe, rejected: probe + 0.002)
                break
            }
            probe -= 0.002
        }
        return upper
    }

    /// Largest plain upper end over backgrounds b' > b (the published convention). The
    /// plain upper end falls with b between upward jumps, so a 0.1 grid in b' locates the
    /// candidate maxima, a 0.005 grid around the three best finds the jumps next to them and
    /// bisection locates each jump (the value just above a jump is the local maximum); the scan
    /// stops 10 + 2 sqrt(b + n0) above b, where the upper end has fallen for good.
    static func maxUpperAbove(n0: Int, b: Double, cl: Double) -> Double {
        let span = 10 + 2 * (b + Double(n0)).squareRoot()
        let gridStep = 0.1
        var grid: [(b: Double, upper: Double)] = []
        var bp = b
        while bp <= b + span {
            grid.append((bp, plainUpper(n0: n0, b: bp, cl: cl)))
            bp += gridStep
        }
        var best = grid.map(\.upper).max() ?? -Double.infinity
        for candidate in grid.sorted(by: { $0.upper > $1.upper }).prefix(3) {
            var left = max(b, candidate.b - gridStep)
            var uLeft = plainUpper(n0: n0, b: left, cl: cl)
            best = max(best, uLeft)
            while left < candidate.b + gridStep {
                let right = left + gridStep / 20
                let uRight = plainUpper(n0: n0, b: right, cl: cl)
                best = max(best, uRight)
                if uRight > uLeft + 1e-9 {
                    // An upward jump inside (left, right): between jumps the end falls with b',
                    // so bisect for the jump and take the value just right of it.
                    var lo = left, hi = right, uHi = uRight
                    for _ in 0..<40 {
                        let mid = 0.5 * (lo + hi)
                        let uMid = plainUpper(n0: n0, b: mid, cl: cl)
                        if uMid >= uHi { hi = mid; uHi = uMid } else { lo = mid }
                    }
                    best = max(best, uHi)
                }
                left = right
                uLeft = uRight
            }
        }
        return best
    }
}
