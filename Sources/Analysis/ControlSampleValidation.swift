import EventModel
/// Data versus simulation in one control sample.
///
/// Yields: D data events (Poisson), M the MC prediction with sqrt(sum w^2). The ratio
/// r = D/M has sigma_r = r sqrt(1/D + (sigma_M/M)^2); with D = 0 we quote sigma_r = 1/M (one
/// event's worth) rather than zero. The ratio is the correction factor the control sample
/// measures. Shapes: Pearson chi2 over the bins, variance m_i + sigma_mi^2 (the expected
/// Poisson variance plus MC statistics; d_i where m_i = 0), ndf = bins used (the MC is
/// normalised absolutely, nothing is fitted), pulls (d_i - m_i)/sqrt(variance).
public struct ControlSampleResult: Sendable, Hashable, Codable {
    public struct Shape: Sendable, Hashable, Codable {
        /// The binned observable (nil in outputs written before it was recorded).
        public var observable: String? = nil
        public var edges: [Double]
        public var data: [Double]
        public var mc: [Double]
        public var mcUncertainty: [Double]
        /// The MC per process (sum of weights per bin, same binning), for stacked plots; the
        /// processes add up to `mc`. Nil in outputs written before it was recorded.
        public var mcByProcess: [String: [Double]]? = nil
        /// NaN for bins left out of the chi2 (empty in data and MC).
        public var pulls: [Double]
        public var chi2: Double
        public var ndf: Int
        public var pValue: Double
    }

    public let name: String
    public let dataYield: Double
    public let mcYield: Double
    public let mcUncertainty: Double
    /// Data/MC: the correction factor this sample measures.
    public let ratio: Double
    public let ratioUncertainty: Double
    public let shape: Shape?
    /// Core widths in data and MC (`ControlSample.ResolutionCheck`), one per requested check
    /// with enough events.
    public let resolutions: [ResolutionComparison]
    public let criteria: ControlSample.Criteria
    /// Why the sample fails its criteria; empty when it passes.
    public let failures: [String]
    /// The relative simulation-yield uncertainty from the data/MC corrections that the chi2
    /// and the ratio's uncertainty include (nil: none, uncorrected simulation).
    public var normalisationUncertainty: Double? = nil
    public var passed: Bool { failures.isEmpty }
}

/// Core width (half the central 68% interval, `CoreResolution.sigma`) of one observable in
/// data and simulation, each with its Gaussian-sample standard error 0.96 sigma / sqrt(N_eff),
/// and their ratio: the factor by which data resolution differs from the simulation's.
public struct ResolutionComparison: Sendable, Hashable, Codable {
    public let observable: String
    public let data: Double, dataUncertainty: Double
    public let mc: Double, mcUncertainty: Double
    public let ratio: Double, ratioUncertainty: Double

    /// nil when either side has fewer than 20 events.
    public init?(observable: String, dataValues: [Double], dataWeights: [Double], mcValues: [Double], mcWeights: [Double]) {
        guard let d = CoreResolution.sigma(values: dataValues, weights: dataWeights, truth: 0),
              let m = CoreResolution.sigma(values: mcValues, weights: mcWeights, truth: 0), m > 0 else { return nil }
        func nEff(_ w: [Double], _ x: [Double]) -> Double {
            var s = 0.0, s2 = 0.0
            for (v, wi) in zip(x, w) where v.isFinite && wi > 0 { s += wi; s2 += wi * wi }
            return s2 > 0 ? s * s / s2 : 0
        }
        let rd = CoreResolution.relativeStandardError(effectiveEntries: nEff(dataWeights, dataValues))
        let rm = CoreResolution.relativeStandardError(effectiveEntries: nEff(mcWeights, mcValues))
        self.observable = observable
        data = d; dataUncertainty = d * rd
        mc = m; mcUncertainty = m * rm
        ratio = d / m; ratioUncertainty = d / m * (rd * rd + rm * rm).squareRoot()
    }
}

/// Runs control samples: the same selection on MC (all processes) and on visible data.
public struct ControlSampleValidator: Sendable {
    /// Effective MC entries a chi2 term needs (adjacent bins are merged until they have it).
    public static let minimumEffectiveEntries = 10.0
    public let search: any Search
    public let baseSelection: Selection
    public init(search: any Search, baseSelection: Selection? = nil) {
        self.search = search
        self.baseSelection = baseSelection ?? search.selection
    }

    /// Streams MC and blinded data for each control sample and compares them.
    /// The outcome carries the configuration hash the data were opened with.
    /// `corrections` are applied to the simulation; `filter` drops events from both data and
    /// simulation (the calibration samples the corrections were measured in);
    /// `normalisation` is each control sample's relative simulation-yield uncertainty from
    /// the corrections (see `compare`).
    public func validate(_ samples: [ControlSample], mc: [any EventSource], data: BlindedData,
                         targetLuminosityInvFb: Double, corrections: [any SimulationCorrection] = [],
                         filter: (any EventFilter)? = nil,
                         normalisation: [String: Double] = [:]) throws -> ValidationOutcome {
        let dataTables = try self.dataTables(samples, data: data, filter: filter)
        let mcTables = try self.mcTables(samples, mc: mc, data: data, targetLuminosityInvFb: targetLuminosityInvFb,
                                         corrections: corrections, filter: filter)
        return try outcome(samples, mcTables: mcTables, dataTables: dataTables, data: data, shards: try fingerprints(mc: mc, data: data),
                           normalisation: normalisation)
    }

    /// The visible data of each control sample (one pass over the data for all of them).
    public func dataTables(_ samples: [ControlSample], data: BlindedData, filter: (any EventFilter)? = nil) throws -> [CandidateTable] {
        let selections = try samples.map { try $0.selection(from: baseSelection, search: search.id) }
        return try data.candidates(selections: selections, filter: filter).map(\.candidates)
    }

    /// The simulation of each control sample (one pass), without the events blinding hides
    /// in data: a control sample that reaches into the blinded region (e.g. a reversed cut
    /// Punzi may also loosen) would otherwise show a data deficit that is only blinding.
    public func mcTables(_ samples: [ControlSample], mc: [any EventSource], data: BlindedData, targetLuminosityInvFb: Double,
                         corrections: [any SimulationCorrection] = [], filter: (any EventFilter)? = nil,
                         variations: [WeightVariation] = []) throws -> [CandidateTable] {
        let selections = try samples.map { try $0.selection(from: baseSelection, search: search.id) }
        let mcOut = try MonteCarloSelection(search: search, targetLuminosityInvFb: targetLuminosityInvFb,
                                            corrections: corrections, filter: filter, variations: variations)
            .run(mc, selections: selections)
        return try mcOut.map { m in
            let hidden = try data.policy.hiddenMask(m.candidates.columns, count: m.candidates.count, search: search.id)
            return m.candidates.filtered(hidden.map { !$0 })
        }
    }

    /// The shards a validation read (simulation and data), fingerprinted once.
    public func fingerprints(mc: [any EventSource], data: BlindedData) throws -> [ShardFingerprint] {
        try ConcurrentMap.map(each: mc + data.sources) { try ShardFingerprint.of($0) }
    }

    /// Compares tables made by `mcTables` and `dataTables`: several simulations (corrected,
    /// uncorrected, varied) are compared with one reading of the data.
    public func outcome(_ samples: [ControlSample], mcTables: [CandidateTable], dataTables: [CandidateTable], data: BlindedData,
                        shards: [ShardFingerprint], normalisation: [String: Double] = [:]) throws -> ValidationOutcome {
        let selections = try samples.map { try $0.selection(from: baseSelection, search: search.id) }
        var results: [ControlSampleResult] = []
        for (k, cs) in samples.enumerated() {
            results.append(try compare(cs, selection: selections[k], mc: mcTables[k], data: dataTables[k],
                                       normalisation: normalisation[cs.name] ?? 0))
        }
        return ValidationOutcome(search: search.id, configurationHash: data.configurationHash, results: results, shards: shards)
    }

    /// The simulated yield of a control sample (its full selection and sidebands), with each
    /// candidate's weight multiplied by column `factorColumn` when given (a weight variation).
    public func selectedYield(_ cs: ControlSample, mc: CandidateTable, factorColumn: String? = nil) throws -> Double {
        let selection = try cs.selection(from: baseSelection, search: search.id)
        var mask = try Selection.mask(selection.cuts, on: mc)
        if !cs.sidebands.isEmpty {
            let inside = try SignalRegion.any(cs.sidebands).mask(mc)
            for i in mask.indices { mask[i] = mask[i] && inside[i] }
        }
        let factor = try factorColumn.map { try mc.column($0) }
        var sum = 0.0
        for i in 0..<mc.count where mask[i] { sum += mc.weight[i] * (factor?[i] ?? 1) }
        return sum
    }

    /// Compares preselected tables under the control sample's full selection and sidebands.
    ///
    /// `normalisation`: a relative uncertainty of the simulation's overall yield, common to
    /// all bins (the data/MC corrections' own uncertainties). It enters the chi2 as a fully
    /// correlated term of the covariance, V = diag(v_i) + s^2 m m^T, inverted in closed form
    /// (Sherman-Morrison): chi2 = sum r_i^2/v_i - s^2 (sum r_i m_i/v_i)^2 / (1 + s^2 sum m_i^2/v_i),
    /// r_i = d_i - m_i; with s = 0 it is the Pearson sum. The data/MC ratio's uncertainty
    /// gets s in quadrature. Zero (the default) for uncorrected simulation.
    public func compare(_ cs: ControlSample, selection: Selection, mc: CandidateTable,
                        data: CandidateTable, normalisation: Double = 0) throws -> ControlSampleResult {
        func selected(_ t: CandidateTable) throws -> [Bool] {
            var mask = try Selection.mask(selection.cuts, on: t)
            if !cs.sidebands.isEmpty {
                let inside = try SignalRegion.any(cs.sidebands).mask(t)
                for i in mask.indices { mask[i] = mask[i] && inside[i] }
            }
            return mask
        }
        let mMask = try selected(mc), dMask = try selected(data)
        let my = mc.weightedYield(mMask), dy = data.weightedYield(dMask)
        let M = my.sum, sM = my.sumW2.squareRoot(), D = dy.sum
        let ratio = M > 0 ? D / M : .nan
        let sR: Double
        if M <= 0 { sR = .nan } else if D > 0 {
            sR = ratio * (1 / D + (sM / M) * (sM / M) + normalisation * normalisation).squareRoot()
        } else { sR = 1 / M }

        var shape: ControlSampleResult.Shape? = nil
        if let b = cs.binning {
            var dh = [Double](repeating: 0, count: b.bins), mh = dh, mh2 = dh
            var byProcess: [String: [Double]] = [:]
            let mx = try mc.column(b.observable), dx = try data.column(b.observable)
            for i in 0..<mc.count where mMask[i] {
                if let k = b.bin(mx[i]) {
                    mh[k] += mc.weight[i]; mh2[k] += mc.weight[i] * mc.weight[i]
                    byProcess[mc.process(ofRow: i), default: dh.map { _ in 0 }][k] += mc.weight[i]
                }
            }
            for i in 0..<data.count where dMask[i] { if let k = b.bin(dx[i]) { dh[k] += data.weight[i] } }
            // Pulls per bin (for the plots); the chi2 over groups of adjacent bins holding at
            // least `minimumEffectiveEntries` effective MC events, (sum w)^2 / sum w^2: with a
            // weighted sample a bin of 2-3 heavy events has a Gaussian error that understates
            // how far it can fluctuate (the closure test found a 4.5-sigma "pull" of that kind).
            var pulls = [Double](repeating: .nan, count: b.bins)
            for k in 0..<b.bins {
                let variance = mh[k] > 0 ? mh[k] + mh2[k] : dh[k]
                guard variance > 0 else { continue }
                pulls[k] = (dh[k] - mh[k]) / variance.squareRoot()
            }
            var chi2 = 0.0, ndf = 0
            var groups: [(d: Double, m: Double, m2: Double)] = []
            var open = (d: 0.0, m: 0.0, m2: 0.0)
            for k in 0..<b.bins {
                open.d += dh[k]; open.m += mh[k]; open.m2 += mh2[k]
                if open.m2 > 0, open.m * open.m / open.m2 >= Self.minimumEffectiveEntries {
                    groups.append(open); open = (0, 0, 0)
                }
            }
            if open.d > 0 || open.m > 0 {
                if groups.isEmpty { groups.append(open) } else {
                    groups[groups.count - 1].d += open.d; groups[groups.count - 1].m += open.m; groups[groups.count - 1].m2 += open.m2
                }
            }
            var rm = 0.0, mm = 0.0
            for g in groups {
                let variance = g.m > 0 ? g.m + g.m2 : g.d
                guard variance > 0 else { continue }
                chi2 += (g.d - g.m) * (g.d - g.m) / variance; ndf += 1
                rm += (g.d - g.m) * g.m / variance; mm += g.m * g.m / variance
            }
            let s2 = normalisation * normalisation
            if s2 > 0 { chi2 -= s2 * rm * rm / (1 + s2 * mm) }
            let edges = (0...b.bins).map { b.low + (b.high - b.low) * Double($0) / Double(b.bins) }
            shape = .init(observable: b.observable, edges: edges, data: dh, mc: mh, mcUncertainty: mh2.map { $0.squareRoot() },
                          mcByProcess: byProcess, pulls: pulls,
                          chi2: chi2, ndf: ndf, pValue: ChiSquare.pValue(chi2: chi2, ndf: ndf))
        }

        var resolutions: [ResolutionComparison] = []
        var failures: [String] = []
        for r in cs.resolutions {
            let mx = try mc.column(r.observable), dx = try data.column(r.observable)
            let inRange = { (x: Double) in x >= r.low && x < r.high }
            let mi = (0..<mc.count).filter { mMask[$0] && inRange(mx[$0]) }
            let di = (0..<data.count).filter { dMask[$0] && inRange(dx[$0]) }
            let c = ResolutionComparison(observable: r.observable,
                                         dataValues: di.map { dx[$0] }, dataWeights: di.map { data.weight[$0] },
                                         mcValues: mi.map { mx[$0] }, mcWeights: mi.map { mc.weight[$0] })
            if let c { resolutions.append(c) }
            guard let x = r.maxDeviation else { continue }
            if let c {
                if !(abs(c.ratio - 1) < x) {
                    failures.append("\(cs.name): core width of \(r.observable) in data / MC = \(c.ratio) deviates from 1 by more than \(x)")
                }
            } else {
                failures.append("\(cs.name): fewer than 20 events in data or MC to compare the width of \(r.observable)")
            }
        }
        if M <= 0 { failures.append("\(cs.name): no MC events selected; the control sample cannot be validated") }
        if let x = cs.criteria.maxRatioDeviation, M > 0, !(abs(ratio - 1) < x) {
            failures.append("\(cs.name): data/MC = \(ratio) deviates from 1 by more than \(x)")
        }
        if let y = cs.criteria.minChi2PValue {
            if let s = shape {
                if !(s.pValue > y) { failures.append("\(cs.name): chi2/ndf = \(s.chi2)/\(s.ndf), p = \(s.pValue) <= \(y)") }
            } else {
                failures.append("\(cs.name): min_chi2_p_value is set but the sample has no binning")
            }
        }
        var result = ControlSampleResult(name: cs.name, dataYield: D, mcYield: M, mcUncertainty: sM, ratio: ratio,
                                         ratioUncertainty: sR, shape: shape, resolutions: resolutions, criteria: cs.criteria,
                                         failures: failures)
        result.normalisationUncertainty = normalisation > 0 ? normalisation : nil
        return result
    }
}
