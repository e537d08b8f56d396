import Foundation

/// Stacked MC processes with data points and a data/MC ratio panel: the standard control
/// plot for validating a selection on control samples.
///
/// The MC processes are drawn as filled boxes stacked in the order given (first at the
/// bottom), with the MC statistical uncertainty hatched on top; data are black points with
/// sqrt(sumw2) error bars. When data are present a lower panel shows data/MC with the data
/// error and a grey band for the MC relative uncertainty (see `RatioComparison`), and the
/// chi2/ndf is printed on the plot.
public struct StackPlot: GnuplotPlot {
    public var mc: [Histogram1D]
    public var data: Histogram1D?
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var logY: Bool
    public var keyPosition: KeyPosition
    public var canvas: PlotCanvas

    /// - Parameters:
    ///   - xLabel: defaults to the histograms' `xName [unit]`.
    ///   - yLabel: defaults to "Events / bin".
    public init(mc: [Histogram1D], data: Histogram1D? = nil, title: String, xLabel: String? = nil,
                yLabel: String = "Events / bin", logY: Bool = false, keyPosition: KeyPosition = .topRight,
                canvas: PlotCanvas = PlotCanvas(widthPixels: 900, heightPixels: 800)) {
        self.mc = mc
        self.data = data
        self.title = title
        let first = mc.first ?? data
        self.xLabel = xLabel ?? first.map { h in h.unit.map { "\(h.xName) [\($0)]" } ?? h.xName } ?? "x"
        self.yLabel = yLabel
        self.logY = logY
        self.keyPosition = keyPosition
        self.canvas = canvas
    }

    /// Sum of all MC processes (the denominator of the ratio).
    public func totalMC() throws -> Histogram1D {
        guard var total = mc.first else {
            throw ReportingError.invalidData(what: "stack plot \"\(title)\"", reason: "no MC histograms")
        }
        for h in mc.dropFirst() { total = try total.adding(h, label: "MC") }
        total.label = "MC"
        return total
    }

    public func dataFiles(baseName: String) throws -> [(name: String, contents: String)] {
        let total = try totalMC()
        if let data, data.binEdges != total.binEdges {
            throw ReportingError.invalidData(what: "stack plot \"\(title)\"",
                                             reason: "data histogram \"\(data.label)\" has different bin edges from the MC")
        }
        let ratio = try data.map { try RatioComparison(data: $0, mc: total) }
        let n = GnuplotText.number as (Double) -> String
        var header = "# centre low high"
        for (k, h) in mc.enumerated() { header += " cumulative\(k + 1):\(h.label.replacingOccurrences(of: " ", with: "_"))" }
        header += " mc_total mc_unc data data_unc ratio ratio_unc mc_rel_unc\n"
        var text = header
        var cumulative = [Double](repeating: 0, count: total.binCount)
        var columns: [[Double]] = []
        for h in mc {
            for i in 0..<h.binCount { cumulative[i] += h.values[i] }
            columns.append(cumulative)
        }
        for i in 0..<total.binCount {
            var row = [total.binCentres[i], total.binEdges[i], total.binEdges[i + 1]].map(n)
            row += columns.map { n($0[i]) }
            row += [n(total.values[i]), n(total.uncertainties[i])]
            if let data, let ratio {
                row += [n(data.values[i]), n(data.uncertainties[i]), GnuplotText.number(ratio.ratio[i]),
                        GnuplotText.number(ratio.ratioUncertainty[i]), GnuplotText.number(ratio.mcRelativeUncertainty[i])]
            } else {
                row += ["NaN", "NaN", "NaN", "NaN", "NaN"]
            }
            text += row.joined(separator: " ") + "\n"
        }
        return [("\(baseName).dat", text)]
    }

    public func commands(baseName: String) -> [String] {
        guard let total = try? totalMC() else { return [] }
        let nmc = mc.count
        // Column numbers in the data file.
        let cTotal = 4 + nmc, cUnc = cTotal + 1, cData = cUnc + 1, cDataUnc = cData + 1
        let cRatio = cDataUnc + 1, cRatioUnc = cRatio + 1, cRel = cRatioUnc + 1
        let dat = GnuplotText.quoted("\(baseName).dat")
        let top = zip(total.values, total.uncertainties).map { $0 + $1 } + (data.map { zip($0.values, $0.uncertainties).map { $0 + $1 } } ?? [])
        let hi = top.max() ?? 1
        var c: [String] = []
        let withRatio = data != nil
        if withRatio {
            c += ["set multiplot",
                  "set lmargin at screen 0.15", "set rmargin at screen 0.95",
                  "set tmargin at screen 0.92", "set bmargin at screen 0.34",
                  "set format x \"\"", "unset xlabel"]
        } else {
            c.append("set xlabel \(GnuplotText.quoted(xLabel))")
        }
        c += ["set title \(GnuplotText.quoted(title))",
              "set ylabel \(GnuplotText.quoted(yLabel))",
              "set border lw 1.5", "set tics front", "set mxtics",
              "set key \(keyPosition.rawValue) opaque box samplen 2 spacing 1.1",
              "set style fill solid 1.0 border lc rgb \"#404040\"",
              "set xrange [\(total.binEdges.first!):\(total.binEdges.last!)]"]
        if logY {
            let positive = (total.values + (data?.values ?? [])).filter { $0 > 0 }
            let lo = positive.min().map { $0 / 3 } ?? 0.1
            let top = max(hi, lo * 10) * pow(max(hi, lo * 10) / lo, 0.5)
            c += ["set logscale y", "set yrange \(AxisScale.range((lo, top)))"]
            c += AxisScale.logTicks(axis: "y", min: lo, max: top, plainNumbers: top < 1e5)
        } else {
            // 45% headroom keeps the legend clear of the tallest bin.
            c.append("set yrange \(AxisScale.range((0, hi * 1.45)))")
        }
        var ratioHalfWidth = 0.5
        if let data, let ratio = try? RatioComparison(data: data, mc: total) {
            ratioHalfWidth = AxisScale.ratioHalfWidth(ratios: ratio.ratio, errors: ratio.ratioUncertainty)
            let chi = String(format: "χ^2/ndf = %.1f/%d", ratio.chi2, ratio.ndf)
            c.append("set label 1 \(GnuplotText.quoted(chi)) at graph 0.03, graph 0.93 front")
        }
        var plots: [String] = []
        // Draw the tallest cumulative first so each lower process overdraws its share.
        for k in stride(from: nmc - 1, through: 0, by: -1) {
            let colour = PlotWriter.palette[k % PlotWriter.palette.count]
            plots.append("\(dat) using 1:\(4 + k):($3-$2) with boxes fc rgb \"\(colour)\" title \(GnuplotText.quoted(GnuplotText.literal(mc[k].label)))")
        }
        plots.append("\(dat) using 1:\(cTotal):2:3:($\(cTotal)-$\(cUnc)):($\(cTotal)+$\(cUnc)) with boxxyerror fs transparent pattern 4 border lc rgb \"#303030\" lc rgb \"#303030\" title \"MC stat. unc.\"")
        if let data {
            plots.append("\(dat) using 1:\(cData):\(cDataUnc) with yerrorbars pt 7 ps 1.0 lw 1.5 lc rgb \"black\" title \(GnuplotText.quoted(GnuplotText.literal(data.label)))")
        }
        c.append("plot " + plots.joined(separator: ", \\\n       "))
        if withRatio {
            c += ["unset title", "unset label 1", "unset logscale y", "set format y \"%g\"",
                  "set tmargin at screen 0.34", "set bmargin at screen 0.10",
                  "set format x \"%g\"", "set xlabel \(GnuplotText.quoted(xLabel))",
                  "set ylabel \"Data / MC\"",
                  // The top tick is left out so it cannot collide with the upper panel's lowest label.
                  "set yrange [\(1 - ratioHalfWidth):\(1 + ratioHalfWidth)]",
                  "set ytics \(1 - ratioHalfWidth), \(ratioHalfWidth / 2), \(1 + ratioHalfWidth / 2)", "set mytics 5",
                  "set grid ytics lc rgb \"#dddddd\"",
                  "unset key",
                  "plot \(dat) using 1:(1):2:3:(1-$\(cRel)):(1+$\(cRel)) with boxxyerror fs solid 0.35 noborder lc rgb \"#9c9ca1\" notitle, \\\n"
                    + "       1 with lines dt 2 lw 1.5 lc rgb \"black\" notitle, \\\n"
                    + "       \(dat) using 1:\(cRatio):\(cRatioUnc) with yerrorbars pt 7 ps 1.0 lw 1.5 lc rgb \"black\" notitle",
                  "unset multiplot"]
        }
        return c
    }
}
