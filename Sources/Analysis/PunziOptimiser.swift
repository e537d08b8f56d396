/// Per-hypothesis choice of cut thresholds maximising Punzi's figure of merit
/// FOM = eps / (a/2 + sqrt(B)) (Punzi, arXiv:physics/0308063; Belle II used a = 1.64 for
/// 90% CL searches).
///
/// Why this shape:
/// - Train/test split by event id: even ids choose the cuts, odd ids report efficiency,
///   background and FOM, so the quoted performance is not biased upward by the choice.
///   Each half's weights are doubled so yields refer to the full luminosity.
/// - Full grid over the tunable cuts when the grid is small (`maxFullGridPoints`), otherwise
///   coordinate ascent (one cut at a time over its grid, repeated until nothing changes):
///   exact where affordable, linear in the number of cuts where not.
/// - Regularisation: where the training background rests on fewer than
///   `minimumBackgroundEntries` MC events the optimum chases fluctuations, so the thresholds
///   are replaced by the per-cut median of the well-populated neighbours (the search's
///   `neighbours(of:)`); the point is flagged `regularised`.
/// - Signal-region membership and the fixed analysis cuts are applied once per hypothesis;
///   the scan only re-tests the tunable cuts on the surviving rows.
public struct PunziOptimiser: Sendable {
    public struct Settings: Sendable, Hashable, Codable {
        /// Number of sigmas in the Punzi denominator.
        public var a: Double
        public var maxFullGridPoints: Int
        public var maxCoordinateIterations: Int
        /// Fewer training background MC events than this after the optimal cuts: regularise.
        public var minimumBackgroundEntries: Int
        /// Neighbours either side consulted by the regularisation.
        public var regularisationHalfWidth: Int
        /// Scales of the signal region tried as one more tunable cut (`window_scale`, see
        /// `SignalRegion.radius`); nil keeps each region as declared. Scales above 1 are
        /// refused by the configuration: a region may shrink, never grow past what blinding hides.
        public var windowScale: Cut.Tuning?
        public init(a: Double = 1.64, maxFullGridPoints: Int = 20_000, maxCoordinateIterations: Int = 10,
                    minimumBackgroundEntries: Int = 10, regularisationHalfWidth: Int = 2,
                    windowScale: Cut.Tuning? = nil) {
            self.a = a
            self.maxFullGridPoints = maxFullGridPoints
            self.maxCoordinateIterations = maxCoordinateIterations
            self.minimumBackgroundEntries = minimumBackgroundEntries
            self.regularisationHalfWidth = regularisationHalfWidth
            self.windowScale = windowScale
        }
    }

    /// Signal MC for one hypothesis: preselected candidates and the expected number of
    /// produced signal events at the same luminosity (efficiency denominator).
    public struct SignalInput: Sendable {
        public var candidates: CandidateTable
        public var producedYield: Double
        public init(candidates: CandidateTable, producedYield: Double) {
            self.candidates = candidates
            self.producedYield = producedYield
        }
    }

    /// Efficiency, background and FOM of one half of the MC at given thresholds.
    public struct Yields: Sendable, Hashable, Codable {
        public var efficiency: Double
        public var efficiencyUncertainty: Double
        public var background: Double
        public var backgroundUncertainty: Double
        /// Raw MC events behind `background`.
        public var backgroundEntries: Int
        public var fom: Double
    }

    public struct Point: Sendable, Hashable, Codable {
        public var hypothesis: MassHypothesis
        /// Chosen threshold per tunable cut name.
        public var thresholds: [String: Double]
        /// Thresholds that maximised the training FOM before regularisation.
        public var optimalThresholds: [String: Double]
        public var train: Yields
        public var test: Yields
        /// Training background rests on fewer than `minimumBackgroundEntries` MC events.
        public var thinBackground: Bool
        /// Thresholds were replaced by the neighbours' median (false for a thin point
        /// without well-populated neighbours: it keeps its own optimum, flagged by `thinBackground`).
        public var regularised: Bool
        public var usedFullGrid: Bool
        /// FOM versus each tunable cut through the chosen thresholds; nil where not kept.
        public var scan: PunziScan? = nil

        /// Chosen scale of the signal region (1 when the window size is not tuned).
        public var windowScale: Double { thresholds[PunziOptimiser.windowScaleName] ?? 1 }
        /// Thresholds of the selection's cuts only (without the window scale).
        public var cutThresholds: [String: Double] { thresholds.filter { $0.key != PunziOptimiser.windowScaleName } }
        /// The hypothesis with its signal region scaled to the chosen window size.
        public var tunedHypothesis: MassHypothesis {
            var h = hypothesis
            if windowScale != 1 { h.signalRegion = h.signalRegion.scaled(by: windowScale) }
            return h
        }
    }

    /// Name of the pseudo-cut that scales the signal region.
    public static let windowScaleName = "window_scale"

    public let selection: Selection
    public let settings: Settings

    public init(selection: Selection, settings: Settings = Settings()) {
        self.selection = selection
        self.settings = settings
    }

    public static func fom(efficiency: Double, background: Double, a: Double) -> Double {
        efficiency / (a / 2 + max(background, 0).squareRoot())
    }

    /// Optimises every hypothesis, then regularises thin ones using the search's neighbours.
    /// `keepScan`: the hypotheses whose FOM profiles (`Point.scan`) are kept.
    public func optimise(search: any Search, hypotheses: [MassHypothesis], background: CandidateTable,
                         lookup: CandidateLookup? = nil, keepScan: (MassHypothesis) -> Bool = { _ in true },
                         signal: @Sendable (MassHypothesis) throws -> SignalInput) throws -> [Point] {
        try optimise(hypotheses: hypotheses, background: background, lookup: lookup, keepScan: keepScan, signal: signal) { h, all, k in
            search.neighbours(of: h, in: all, halfWidth: k)
        }
    }

    /// `lookup` (an index of `background` by one region observable) only saves time: rows
    /// outside the region's bounds are skipped before the exact test.
    public func optimise(hypotheses: [MassHypothesis], background: CandidateTable, lookup: CandidateLookup? = nil,
                         keepScan: (MassHypothesis) -> Bool = { _ in true },
                         signal: @Sendable (MassHypothesis) throws -> SignalInput,
                         neighbours: (MassHypothesis, [MassHypothesis], Int) -> [MassHypothesis]) throws -> [Point] {
        guard Set(hypotheses.map(\.index)).count == hypotheses.count else {
            throw AnalysisError.invalidArgument("mass hypotheses must have distinct indices")
        }
        // Hypotheses are independent until the regularisation: each on its own core.
        let perHypothesis = try ConcurrentMap.map(hypotheses.count) { i -> (point: Point, prepared: Prepared) in
            let h = hypotheses[i]
            let s = try signal(h)
            guard s.producedYield > 0 else {
                throw AnalysisError.emptySignalSample(process: h.label, detail: "produced signal yield is \(s.producedYield)")
            }
            let rows = lookup?.candidateRows(of: h.signalRegion, total: background.count)
            let needed = Set(selection.cuts.map(\.observable)).union(h.signalRegion.observables)
            let p = try prepare(h, signal: s, background: rows.map { background.rows(at: $0, columns: needed) } ?? background)
            let (best, full) = scan(p)
            let t = Dictionary(uniqueKeysWithValues: zip(p.tunable.map(\.name), best))
            return (Point(hypothesis: h, thresholds: t, optimalThresholds: t,
                          train: evaluate(p, best, half: 0), test: evaluate(p, best, half: 1),
                          thinBackground: false, regularised: false, usedFullGrid: full), p)
        }
        let points = perHypothesis.map(\.point)
        let prepared = perHypothesis.map(\.prepared)
        // Regularise thin points from their well-populated neighbours.
        let thin = Set(points.indices.filter { points[$0].train.backgroundEntries < settings.minimumBackgroundEntries })
        let indexOf = Dictionary(uniqueKeysWithValues: hypotheses.enumerated().map { ($1.index, $0) })
        var out = points
        for i in thin.sorted() {
            out[i].thinBackground = true
            let donors = neighbours(hypotheses[i], hypotheses, settings.regularisationHalfWidth)
                .compactMap { indexOf[$0.index] }.filter { !thin.contains($0) }
            guard !donors.isEmpty else { continue }
            var t: [String: Double] = [:]
            for cut in prepared[i].tunable {
                t[cut.name] = Self.median(donors.map { points[$0].optimalThresholds[cut.name]! })
            }
            let values = prepared[i].tunable.map { t[$0.name]! }
            out[i].thresholds = t
            out[i].train = evaluate(prepared[i], values, half: 0)
            out[i].test = evaluate(prepared[i], values, half: 1)
            out[i].regularised = true
        }
        for i in out.indices where keepScan(hypotheses[i]) {
            out[i].scan = profile(prepared[i], at: prepared[i].tunable.map { out[i].thresholds[$0.name]! })
        }
        return out
    }

    /// The training FOM along each tunable cut's grid, the other cuts at `thresholds`.
    func profile(_ p: Prepared, at thresholds: [Double]) -> PunziScan {
        PunziScan(profiles: p.tunable.indices.map { k in
            let grid = p.tunable[k].tuning!.values
            func yields(_ s: Subset) -> [Double] {
                var out = [Double](repeating: 0, count: grid.count)
                rows: for i in s.w.indices {
                    for c in p.tunable.indices where c != k && !p.tunable[c].passes(s.x[c][i], threshold: thresholds[c]) { continue rows }
                    for (j, t) in grid.enumerated() where p.tunable[k].passes(s.x[k][i], threshold: t) { out[j] += s.w[i] }
                }
                return out
            }
            let sig = yields(p.signal[0]), bkg = yields(p.background[0])
            return PunziScan.Profile(cut: p.tunable[k].name, observable: p.tunable[k].observable, thresholds: grid,
                                     fom: grid.indices.map { Self.fom(efficiency: sig[$0] / p.producedYield, background: bkg[$0], a: settings.a) },
                                     chosen: thresholds[k])
        }, a: settings.a)
    }

    // MARK: - Internals

    /// Rows of one half (0 even ids, 1 odd) of signal or background surviving region and
    /// fixed cuts, with the tunable observables column-wise.
    struct Subset {
        var x: [[Double]]      // x[cut][row]
        var w: [Double]
    }

    struct Prepared {
        var tunable: [Cut]
        var signal: [Subset]   // [train, test]
        var background: [Subset]
        var producedYield: Double
    }

    func prepare(_ h: MassHypothesis, signal: SignalInput, background: CandidateTable) throws -> Prepared {
        let cutTunable = selection.tunableCuts
        let fixed = selection.cuts.filter { !$0.isTunable }
        // The window size as a tunable cut on each row's region radius (< 1 inside).
        let tunable = cutTunable + (settings.windowScale.map {
            [Cut(name: Self.windowScaleName, observable: "<region radius>", comparison: .less, threshold: 1, tunable: $0)]
        } ?? [])
        func subsets(_ table: CandidateTable) throws -> [Subset] {
            let radius = try h.signalRegion.radii(table)
            let pass = try Selection.mask(fixed, on: table)
            let cols = try cutTunable.map { try table.column($0.observable) } + (settings.windowScale == nil ? [] : [radius])
            var halves = [Subset(x: tunable.map { _ in [] }, w: []), Subset(x: tunable.map { _ in [] }, w: [])]
            for i in 0..<table.count where radius[i] < 1 && pass[i] {
                let half = Int(table.eventID[i] & 1)
                halves[half].w.append(2 * table.weight[i])
                for k in tunable.indices { halves[half].x[k].append(cols[k][i]) }
            }
            return halves
        }
        return Prepared(tunable: tunable, signal: try subsets(signal.candidates),
                        background: try subsets(background), producedYield: signal.producedYield)
    }

    func evaluate(_ p: Prepared, _ thresholds: [Double], half: Int) -> Yields {
        func sum(_ s: Subset) -> (Double, Double, Int) {
            var y = 0.0, y2 = 0.0, n = 0
            rows: for i in s.w.indices {
                for k in p.tunable.indices where !p.tunable[k].passes(s.x[k][i], threshold: thresholds[k]) { continue rows }
                y += s.w[i]; y2 += s.w[i] * s.w[i]; n += 1
            }
            return (y, y2, n)
        }
        let (sy, sy2, _) = sum(p.signal[half])
        let (by, by2, bn) = sum(p.background[half])
        let eff = sy / p.producedYield
        return Yields(efficiency: eff, efficiencyUncertainty: sy2.squareRoot() / p.producedYield,
                      background: by, backgroundUncertainty: by2.squareRoot(), backgroundEntries: bn,
                      fom: Self.fom(efficiency: eff, background: by, a: settings.a))
    }

    /// Pass bitsets of one half: bits[cut][gridIndex][word], bit i = row i passes that cut
    /// at that grid value. Built once per hypothesis, so each grid point costs a few ANDs
    /// per 64 rows plus one addition per surviving row.
    struct GridBits {
        var bits: [[[UInt64]]]
        var weights: [Double]
        var words: Int

        init(_ s: Subset, cuts: [Cut], grids: [[Double]]) {
            weights = s.w
            words = (s.w.count + 63) / 64
            bits = cuts.indices.map { k in
                grids[k].map { t in
                    var b = [UInt64](repeating: 0, count: (s.w.count + 63) / 64)
                    for i in s.w.indices where cuts[k].passes(s.x[k][i], threshold: t) { b[i >> 6] |= 1 << UInt64(i & 63) }
                    return b
                }
            }
        }

        func yield(_ idx: [Int]) -> Double {
            var sum = 0.0
            for w in 0..<words {
                var word = UInt64.max
                for k in idx.indices { word &= bits[k][idx[k]][w] }
                while word != 0 {
                    sum += weights[(w << 6) + word.trailingZeroBitCount]
                    word &= word - 1
                }
            }
            return sum
        }
    }

    /// Best training thresholds; `true` when the full grid was used.
    func scan(_ p: Prepared) -> ([Double], Bool) {
        let grids = p.tunable.map { $0.tuning!.values }
        if grids.isEmpty { return ([], true) }
        let sig = GridBits(p.signal[0], cuts: p.tunable, grids: grids)
        let bkg = GridBits(p.background[0], cuts: p.tunable, grids: grids)
        func fom(_ idx: [Int]) -> Double {
            Self.fom(efficiency: sig.yield(idx) / p.producedYield, background: bkg.yield(idx), a: settings.a)
        }
        func thresholds(_ idx: [Int]) -> [Double] { idx.enumerated().map { grids[$0][$1] } }
        let size = grids.reduce(1) { $0 * $1.count }
        if size <= settings.maxFullGridPoints {
            var best = [Int](repeating: 0, count: grids.count), bestFOM = -Double.infinity
            var idx = best
            for _ in 0..<size {
                let f = fom(idx)
                if f > bestFOM { bestFOM = f; best = idx }
                var k = grids.count - 1
                while k >= 0 { idx[k] += 1; if idx[k] < grids[k].count { break }; idx[k] = 0; k -= 1 }
            }
            return (thresholds(best), true)
        }
        // Coordinate ascent from the grid values nearest the nominal thresholds.
        var idx = p.tunable.indices.map { k in
            grids[k].indices.min { abs(grids[k][$0] - p.tunable[k].threshold) < abs(grids[k][$1] - p.tunable[k].threshold) }!
        }
        var bestFOM = fom(idx)
        for _ in 0..<settings.maxCoordinateIterations {
            var changed = false
            for k in grids.indices {
                for j in grids[k].indices where j != idx[k] {
                    var trial = idx; trial[k] = j
                    let f = fom(trial)
                    if f > bestFOM { bestFOM = f; idx = trial; changed = true }
                }
            }
            if !changed { break }
        }
        return (thresholds(idx), false)
    }

    static func median(_ v: [Double]) -> Double {
        let s = v.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
}
