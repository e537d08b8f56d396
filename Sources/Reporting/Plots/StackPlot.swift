import Foundation

/// Stacked MC processes with data points and a data/MC ratio panel: the standard control
/// plot for validating a selection on control samples, drawn as mplhep and Belle II
/// publications draw it.
///
/// - MC processes are filled boxes stacked in the order given (first at the bottom), each in
///   the legend, with the MC statistical uncertainty hatched on top.
/// - Data are black points with Poisson (Garwood, 68.27%) error bars (`DataErrors.poisson`,
///   the default) or sqrt(sumw2) ones.
/// - The y axis is logarithmic when the content spans more than two decades (`logY` nil,
///   the default), so a falling tail stays visible.
/// - The ratio panel shows data/MC with the data error and a grey band for the MC relative
///   uncertainty on 0.5-1.5; it is widened only when a point with a small error (below 0.25)
///   lies outside, and then says so. Points off the axis are drawn as triangles at its edge.
/// - The chi2/ndf printed is `chi2` when the caller gives it (the report's own, e.g. over
///   grouped bins); only without it is one computed here (`RatioComparison`, every bin).
public struct StackPlot: GnuplotPlot {
    /// How the data error bars are computed.
    public enum DataErrors: String, Sendable, Codable, Equatable {
        /// Garwood central 68.27% interval of a Poisson mean (counts).
        case poisson
        /// sqrt(sum of squared weights), symmetric.
        case sumw2
    }

    /// A chi2 computed elsewhere, printed as it is.
    public struct Chi2Summary: Sendable, Codable, Equatable {
        public var chi2: Double
        public var ndf: Int
        /// How it was computed, printed after the numbers, e.g. "bins grouped to ≥ 10 MC events".
        public var note: String?
        public init(chi2: Double, ndf: Int, note: String? = nil) {
            self.chi2 = chi2
            self.ndf = ndf
            self.note = note
        }
    }

    public var mc: [Histogram1D]
    /// Total MC with its uncertainty when the processes' sums of squared weights are not
    /// known (then their sum is used only for the stack); nil: the sum of `mc`.
    public var mcTotal: Histogram1D?
    public var data: Histogram1D?
    public var dataErrors: DataErrors
    public var chi2: Chi2Summary?
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// nil: logarithmic when the positive content spans more than two decades.
    public var logY: Bool?
    public var keyPosition: KeyPosition
    public var canvas: PlotCanvas
    /// Experiment label; "pseudo-data" is added when data are drawn.
    public var stamp: PlotStamp?

    /// - Parameters:
    ///   - xLabel: defaults to the histograms' `xName [unit]`.
    ///   - yLabel: defaults to "Events / bin".
    public init(mc: [Histogram1D], mcTotal: Histogram1D? = nil, data: Histogram1D? = nil,
                dataErrors: DataErrors = .poisson, chi2: Chi2Summary? = nil, title: String,
                xLabel: String? = nil, yLabel: String = "Events / bin", logY: Bool? = nil,
                keyPosition: KeyPosition = .topRight,
                canvas: PlotCanvas = PlotCanvas(widthPixels: 900, heightPixels: 850), stamp: PlotStamp? = nil) {
        self.mc = mc
        self.mcTotal = mcTotal
        self.data = data
        self.dataErrors = dataErrors
        self.chi2 = chi2
        self.title = title
        let first = mc.first ?? mcTotal ?? data
        self.xLabel = xLabel ?? first.map { h in h.unit.map { "\(h.xName) [\($0)]" } ?? h.xName } ?? "x"
        self.yLabel = yLabel
        self.logY = logY
        self.keyPosition = keyPosition
        self.canvas = canvas
        self.stamp = stamp
    }

    /// Total MC (the denominator of the ratio): `mcTotal`, else the sum of the processes.
    public func totalMC() throws -> Histogram1D {
        if let mcTotal {
            for h in mc where h.binEdges != mcTotal.binEdges {
                throw ReportingError.invalidData(what: "stack plot \"\(title)\"",
                                                 reason: "process \"\(h.label)\" has different bin edges from the MC total")
            }
            return mcTotal
        }
        guard var total = mc.first else {
            throw ReportingError.invalidData(what: "stack plot \"\(title)\"", reason: "no MC histograms")
        }
        for h in mc.dropFirst() { total = try total.adding(h, label: "MC") }
        total.label = "MC"
        return total
    }

    /// The processes to stack: `mc`, or the total as one block when none is given.
    var stack: [Histogram1D] {
        if !mc.isEmpty { return mc }
        return mcTotal.map { [$0] } ?? []
    }

    /// Lower and upper ends of each data error bar (absolute values).
    public func dataErrorBars() -> (low: [Double], high: [Double])? {
        guard let data else { return nil }
        switch dataErrors {
        case .poisson:
            let intervals = data.values.map { PoissonInterval.garwood(max($0, 0)) }
            return (intervals.map(\.lower), intervals.map(\.upper))
        case .sumw2:
            return (zip(data.values, data.uncertainties).map { $0 - $1 }, zip(data.values, data.uncertainties).map { $0 + $1 })
        }
    }

    /// True when the y axis is drawn logarithmically (given, or chosen from the content).
    public func usesLogY() -> Bool {
        if let logY { return logY }
        guard let total = try? totalMC() else { return false }
        let positive = (total.values + (data?.values ?? [])).filter { $0 > 0 }
        guard let lo = positive.min(), let hi = positive.max() else { return false }
        return hi / lo > 100
    }

    /// The ratio with the ends of its error bars (data error only, as `RatioComparison`).
    func ratioPoints(total: Histogram1D) -> (ratio: [Double?], low: [Double?], high: [Double?])? {
        guard let data, let bars = dataErrorBars() else { return nil }
        var r: [Double?] = [], lo: [Double?] = [], hi: [Double?] = []
        for i in 0..<data.binCount {
            let m = total.values[i]
            guard m != 0 else { r.append(nil); lo.append(nil); hi.append(nil); continue }
            r.append(data.values[i] / m); lo.append(bars.low[i] / m); hi.append(bars.high[i] / m)
        }
        return (r, lo, hi)
    }

    public func dataFiles(baseName: String) throws -> [(name: String, contents: String)] {
        let total = try totalMC()
        let stack = self.stack
        for h in stack where h.binEdges != total.binEdges {
            throw ReportingError.invalidData(what: "stack plot \"\(title)\"", reason: "process \"\(h.label)\" has different bin edges")
        }
        if let data, data.binEdges != total.binEdges {
            throw ReportingError.invalidData(what: "stack plot \"\(title)\"",
                                             reason: "data histogram \"\(data.label)\" has different bin edges from the MC")
        }
        let ratio = try data.map { try RatioComparison(data: $0, mc: total) }
        let bars = dataErrorBars()
        let points = ratioPoints(total: total)
        let n = GnuplotText.number as (Double) -> String
        let o = GnuplotText.number as (Double?) -> String
        var header = "# centre low high"
        for (k, h) in stack.enumerated() { header += " cumulative\(k + 1):\(h.label.replacingOccurrences(of: " ", with: "_"))" }
        header += " mc_total mc_unc data data_unc ratio ratio_unc mc_rel_unc data_err_low data_err_high ratio_err_low ratio_err_high\n"
        header += "# data_err_*: ends of the data error bar (\(dataErrors == .poisson ? "Garwood 68.27% Poisson interval" : "sqrt(sumw2)")); ratio_err_*: the same over the MC\n"
        var text = header
        var cumulative = [Double](repeating: 0, count: total.binCount)
        var columns: [[Double]] = []
        for h in stack {
            for i in 0..<h.binCount { cumulative[i] += h.values[i] }
            columns.append(cumulative)
        }
        for i in 0..<total.binCount {
            var row = [total.binCentres[i], total.binEdges[i], total.binEdges[i + 1]].map(n)
            row += columns.map { n($0[i]) }
            row += [n(total.values[i]), n(total.uncertainties[i])]
            if let data, let ratio, let bars, let points {
                row += [n(data.values[i]), n(data.uncertainties[i]), o(ratio.ratio[i]),
                        o(ratio.ratioUncertainty[i]), o(ratio.mcRelativeUncertainty[i]),
                        n(bars.low[i]), n(bars.high[i]), o(points.low[i]), o(points.high[i])]
            } else {
                row += Array(repeating: "NaN", count: 9)
            }
            text += row.joined(separator: " ") + "\n"
        }
        return [("\(baseName).dat", text)]
    }

    public func commands(baseName: String) -> [String] {
        guard let total = try? totalMC() else { return [] }
        let stack = self.stack
        let nmc = stack.count
        // Column numbers in the data file.
        let cTotal = 4 + nmc, cUnc = cTotal + 1, cData = cUnc + 1, cDataUnc = cData + 1
        let cRatio = cDataUnc + 1, cRatioUnc = cRatio + 1, cRel = cRatioUnc + 1
        let cDataLo = cRel + 1, cDataHi = cDataLo + 1, cRatioLo = cDataHi + 1, cRatioHi = cRatioLo + 1
        let dat = GnuplotText.quoted("\(baseName).dat")
        let bars = dataErrorBars()
        let top = zip(total.values, total.uncertainties).map { $0 + $1 } + (bars?.high ?? [])
        let hi = top.max() ?? 1
        let log = usesLogY()
        var stamp = self.stamp
        if data != nil { stamp?.pseudoData = true }
        var c: [String] = []
        let withRatio = data != nil
        let frameTop = stamp == nil ? 0.92 : 0.87
        if withRatio {
            c += ["set multiplot",
                  "set lmargin at screen 0.15", "set rmargin at screen 0.95",
                  "set tmargin at screen \(frameTop)", "set bmargin at screen 0.34",
                  "set format x \"\"", "unset xlabel"]
        } else {
            c.append("set xlabel \(GnuplotText.quoted(xLabel))")
            if stamp != nil { c.append("set tmargin at screen \(frameTop)") }
        }
        c += ["set title \(GnuplotText.quoted(title))\(stamp == nil ? "" : " offset 0, char 1.2")",
              "set ylabel \(GnuplotText.quoted(yLabel))",
              "set border lw 1.5", "set tics front", "set mxtics",
              "set key \(keyPosition.rawValue) opaque box samplen 2 spacing 1.05 font \",15\"",
              "set style fill solid 1.0 border lc rgb \"#404040\"",
              "set xrange [\(total.binEdges.first!):\(total.binEdges.last!)]"]
        if let stamp { c += stamp.labels() }
        var logBottom: Double? = nil
        if log {
            // Bottom: below the smallest non-empty bin (MC or data), but not below 10^-6 of
            // the top so a single tiny weight cannot squash the plot.
            let positive = (total.values + (data?.values ?? [])).filter { $0 > 0 }
            let lo = max(positive.min().map { $0 / 3 } ?? 0.1, hi * 1e-6)
            let upper = max(hi, lo * 10) * pow(max(hi, lo * 10) / lo, 0.6)
            logBottom = lo
            c += ["set logscale y", "set yrange \(AxisScale.range((lo, upper)))"]
            c += AxisScale.logTicks(axis: "y", min: lo, max: upper, plainNumbers: upper < 1e5 && lo >= 0.01)
        } else {
            // 45% headroom keeps the legend clear of the tallest bin.
            c.append("set yrange \(AxisScale.range((0, hi * 1.45)))")
        }
        if data != nil {
            let text: String
            if let chi2 {
                text = String(format: "χ^2/ndf = %.1f/%d", chi2.chi2, chi2.ndf)
                if let note = chi2.note {
                    c.append("set label 3 \(GnuplotText.quoted("(" + GnuplotText.literal(note) + ")")) at graph 0.03, graph 0.86 front font \",12\"")
                }
            } else if let data, let r = try? RatioComparison(data: data, mc: total) {
                text = String(format: "χ^2/ndf = %.1f/%d", r.chi2, r.ndf)
            } else {
                text = ""
            }
            if !text.isEmpty { c.append("set label 1 \(GnuplotText.quoted(text)) at graph 0.03, graph 0.93 front font \",15\"") }
        }
        var plots: [String] = []
        if let data {
            // Data first in the legend (a key entry), drawn last so it lies on top.
            plots.append("keyentry with yerrorbars pt 7 ps 1.0 lw 1.5 lc rgb \"black\" title \(GnuplotText.quoted(GnuplotText.literal(data.label)))")
        }
        // Draw the tallest cumulative first so each lower process overdraws its share.
        for k in stride(from: nmc - 1, through: 0, by: -1) {
            let colour = PlotWriter.palette[k % PlotWriter.palette.count]
            plots.append("\(dat) using 1:\(4 + k):($3-$2) with boxes fc rgb \"\(colour)\" title \(GnuplotText.quoted(GnuplotText.literal(stack[k].label)))")
        }
        plots.append("\(dat) using 1:\(cTotal):2:3:($\(cTotal)-$\(cUnc)):($\(cTotal)+$\(cUnc)) with boxxyerror fs transparent pattern 4 border lc rgb \"#303030\" lc rgb \"#303030\" title \"MC stat. unc.\"")
        if data != nil {
            // On a log axis an empty bin has no point, only its upper error bar (as mplhep).
            let y = log ? "($\(cData) > 0 ? $\(cData) : NaN)" : "\(cData)"
            plots.append("\(dat) using 1:\(y):\(cDataLo):\(cDataHi) with yerrorbars pt 7 ps 1.0 lw 1.5 lc rgb \"black\" notitle")
            if log, let bottom = logBottom {
                plots.append("\(dat) using 1:($\(cData) > 0 ? NaN : \(bottom)):(0):($\(cDataHi) - \(bottom)) with vectors nohead lw 1.5 lc rgb \"black\" notitle")
            }
        }
        c.append("plot " + plots.joined(separator: ", \\\n       "))
        if withRatio, let points = ratioPoints(total: total) {
            let range = AxisScale.ratioRange(ratios: points.ratio, lows: points.low, highs: points.high)
            let (rlo, rhi) = (range.low, range.high)
            let step = (rhi - rlo) <= 1.01 ? 0.25 : 0.5
            c += ["unset title", "unset label 1", "unset label 3"] + PlotStamp.unset + ["unset logscale y", "set format y \"%g\"",
                  "set tmargin at screen 0.34", "set bmargin at screen 0.10",
                  "set format x \"%g\"", "set xlabel \(GnuplotText.quoted(xLabel))",
                  "set ylabel \"Data / MC\"",
                  "set yrange [\(rlo):\(rhi)]",
                  // The top tick is left out so it cannot collide with the upper panel's lowest label.
                  "set ytics \(rlo), \(step), \(rhi - step / 2)", "set mytics 5",
                  "set grid ytics lc rgb \"#dddddd\"",
                  "unset key"]
            if range.widened {
                c.append("set label 2 \(GnuplotText.quoted(String(format: "axis widened from 0.5-1.5: a point with error < %.2g lies outside", AxisScale.ratioPreciseError))) at graph 0.02, graph 0.9 front font \",12\"")
            }
            let eps = 0.02 * (rhi - rlo)
            c.append("plot \(dat) using 1:(1):2:3:(1-$\(cRel)):(1+$\(cRel)) with boxxyerror fs solid 0.35 noborder lc rgb \"#9c9ca1\" notitle, \\\n"
                     + "       1 with lines dt 2 lw 1.5 lc rgb \"black\" notitle, \\\n"
                     + "       \(dat) using 1:\(cRatio):\(cRatioLo):\(cRatioHi) with yerrorbars pt 7 ps 1.0 lw 1.5 lc rgb \"black\" notitle, \\\n"
                     // Points beyond the axis: a triangle at the edge pointing to where they are.
                     + "       \(dat) using 1:($\(cRatio) > \(rhi) ? \(rhi - eps) : NaN) with points pt 9 ps 1.3 lc rgb \"#e42536\" notitle, \\\n"
                     + "       \(dat) using 1:($\(cRatio) < \(rlo) ? \(rlo + eps) : NaN) with points pt 11 ps 1.3 lc rgb \"#e42536\" notitle")
            c += ["unset label 2", "unset multiplot"]
        }
        return c
    }
}
