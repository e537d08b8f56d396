/// Signal efficiency versus one hypothesis parameter, measured on the signal samples at the
/// generated masses and interpolated in between (`MassInterpolation`, monotone cubic by
/// default; extrapolation refused).
///
/// eps(m_gen) = (sum of selected signal weights in the hypothesis' signal region) /
/// (cross section x luminosity), so generator-level filters, detector acceptance,
/// preselection, analysis cuts and the signal-region window are all in it. Its MC
/// statistical uncertainty is sqrt(sum w^2) over the same denominator.
public struct SignalEfficiencyCurve: Sendable {
    public let parameter: String
    public let masses: [Double]
    public let efficiencies: [Double]
    public let uncertainties: [Double]
    public let interpolation: MassInterpolation

    public init(parameter: String, masses: [Double], efficiencies: [Double], uncertainties: [Double],
                method: MassInterpolation.Method = .monotoneCubic) throws {
        self.parameter = parameter
        let order = masses.indices.sorted { masses[$0] < masses[$1] }
        self.masses = order.map { masses[$0] }
        self.efficiencies = order.map { efficiencies[$0] }
        self.uncertainties = order.map { uncertainties[$0] }
        interpolation = try MassInterpolation(x: masses, y: efficiencies, method: method)
    }

    /// Measures the curve from a `MonteCarloSelection` output holding the signal samples.
    /// `hypothesis` gives, for the parameters of each generated sample, the hypothesis (signal
    /// region) and the final selection (e.g. Punzi thresholds) to apply.
    public static func measure(search: any Search, output: MonteCarloSelection.Output, parameter: String,
                               method: MassInterpolation.Method = .monotoneCubic,
                               hypothesis: ([String: Double]) throws -> (MassHypothesis, Selection)) throws -> SignalEfficiencyCurve {
        var m: [Double] = [], e: [Double] = [], u: [Double] = []
        for process in output.producedYield.keys.sorted() {
            guard let params = output.signalParameters[process], let x = params[parameter] else { continue }
            guard !m.contains(x) else {
                throw AnalysisError.invalidArgument("two signal processes have \(parameter) = \(x); name each generated mass once")
            }
            guard let produced = output.producedYield[process], produced > 0,
                  (output.generatedEvents[process] ?? 0) > 0 else {
                throw AnalysisError.emptySignalSample(process: process, detail: "no generated events or zero cross section x luminosity")
            }
            let (h, selection) = try hypothesis(params)
            let rows = output.candidates.rows(ofProcesses: [process])
            let pass = try Selection.mask(selection.cuts, on: rows)
            let inside = try h.signalRegion.mask(rows)
            let y = rows.weightedYield(pass.indices.map { pass[$0] && inside[$0] })
            m.append(x); e.append(y.sum / produced); u.append(y.sumW2.squareRoot() / produced)
        }
        guard m.count >= 2 else {
            throw AnalysisError.emptySignalSample(process: search.id,
                detail: "an efficiency curve in \(parameter) needs signal samples at two or more masses, found \(m.count)")
        }
        return try SignalEfficiencyCurve(parameter: parameter, masses: m, efficiencies: e, uncertainties: u, method: method)
    }

    /// Interpolated efficiency at a hypothesis.
    public func efficiency(at parameters: [String: Double]) throws -> Double {
        guard let x = parameters[parameter] else {
            throw AnalysisError.invalidArgument("efficiency curve in '\(parameter)' asked at \(parameters)")
        }
        return try interpolation(x)
    }
}
