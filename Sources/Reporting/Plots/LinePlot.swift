import Foundation

/// One curve on a `LinePlot`.
public struct LineSeries: Sendable, Codable, Equatable {
    public enum Style: String, Sendable, Codable, Equatable {
        case lines, points, linesPoints, steps, errorBars
    }

    public var label: String
    public var x: [Double]
    public var y: [Double]
    /// Symmetric y errors; drawn as error bars when given (or when style is `errorBars`).
    public var yErrors: [Double]?
    public var style: Style
    /// Dashed line (e.g. "test" next to a solid "train").
    public var dashed: Bool

    public init(label: String, x: [Double], y: [Double], yErrors: [Double]? = nil,
                style: Style = .linesPoints, dashed: Bool = false) {
        self.label = label
        self.x = x
        self.y = y
        self.yErrors = yErrors
        self.style = style
        self.dashed = dashed
    }
}

/// Generic x-y curves: cut-flow efficiencies, Punzi-optimal cut value versus mass,
/// train-versus-test figures of merit, signal efficiency versus mass.
public struct LinePlot: GnuplotPlot {
    public var series: [LineSeries]
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var logX: Bool
    public var logY: Bool
    /// Fixed y range (e.g. 0...1 for efficiencies); automatic when nil.
    public var yRange: ClosedRange<Double>?
    public var keyPosition: KeyPosition
    public var canvas: PlotCanvas
    /// Tick labels for the x axis at x = 0, 1, 2, ... (used by cut flows); nil for numbers.
    public var xTickLabels: [String]?
    /// Experiment label above the frame.
    public var stamp: PlotStamp?

    public init(series: [LineSeries], title: String, xLabel: String, yLabel: String,
                logX: Bool = false, logY: Bool = false, yRange: ClosedRange<Double>? = nil,
                keyPosition: KeyPosition = .topRight, canvas: PlotCanvas = PlotCanvas(),
                xTickLabels: [String]? = nil, stamp: PlotStamp? = nil) {
        self.series = series
        self.stamp = stamp
        self.xTickLabels = xTickLabels
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logX = logX
        self.logY = logY
        self.yRange = yRange
        self.keyPosition = keyPosition
        self.canvas = canvas
    }

    /// A cut flow as a plot: efficiency of each successive cut relative to the first row.
    /// The x axis is the cut index with the cut names as tick labels.
    public static func cutFlow(names: [String], counts: [Double], title: String,
                               label: String = "Efficiency", logY: Bool = true, stamp: PlotStamp? = nil) -> LinePlot {
        let first = counts.first ?? 1
        let eff = counts.map { first > 0 ? $0 / first : .nan }
        var plot = LinePlot(series: [LineSeries(label: label, x: names.indices.map(Double.init), y: eff, style: .linesPoints)],
                            title: title, xLabel: "", yLabel: "Cumulative efficiency", logY: logY,
                            yRange: logY ? nil : 0...1.05, keyPosition: .topRight, stamp: stamp)
        plot.xTickLabels = names
        return plot
    }


    public func dataFiles(baseName: String) throws -> [(name: String, contents: String)] {
        var text = ""
        for s in series {
            guard s.x.count == s.y.count, s.yErrors.map({ $0.count == s.x.count }) ?? true else {
                throw ReportingError.invalidData(what: "series \"\(s.label)\" of plot \"\(title)\"",
                                                 reason: "x, y (and yErrors) must have the same length")
            }
            text += "# series: \(s.label)\n# x y\(s.yErrors == nil ? "" : " y_error")\n"
            for i in s.x.indices {
                text += GnuplotText.number(s.x[i]) + " " + GnuplotText.number(s.y[i])
                if let e = s.yErrors { text += " " + GnuplotText.number(e[i]) }
                text += "\n"
            }
            text += "\n\n"
        }
        return [("\(baseName).dat", text)]
    }

    public func commands(baseName: String) -> [String] {
        var c = [
            "set title \(GnuplotText.quoted(title))",
            "set xlabel \(GnuplotText.quoted(xLabel))",
            "set ylabel \(GnuplotText.quoted(yLabel))",
            "set border lw 1.5", "set tics front",
            "set grid lc rgb \"#dddddd\"",
            "set key \(keyPosition.rawValue) opaque box samplen 2 spacing 1.1",
            "set offsets graph 0.02, graph 0.02, graph 0.05, graph 0.05",
        ]
        if let stamp { c += stamp.commands() }
        if logX {
            c.append("set logscale x")
            let xs = series.flatMap(\.x).filter { $0 > 0 && $0.isFinite }
            if let lo = xs.min(), let hi = xs.max() {
                c += AxisScale.logTicks(axis: "x", min: lo, max: hi, plainNumbers: true)
            }
        }
        // The y extent includes error bars so none is clipped.
        var extent: [Double] = []
        for s in series {
            for (i, y) in s.y.enumerated() {
                let e = s.yErrors?[i] ?? 0
                extent += [y - e, y + e]
            }
        }
        let ys = extent.filter { $0.isFinite && (!logY || $0 > 0) }
        if logY {
            c.append("set logscale y")
            if let lo = ys.min(), let hi = ys.max() {
                // gnuplot widens a log range to whole decades when autoscaling; label that.
                let r = (pow(10, floor(log10(lo))), pow(10, ceil(log10(hi))))
                c += AxisScale.logTicks(axis: "y", min: r.0, max: r.1, plainNumbers: false)
            }
        }
        if let r = yRange {
            c.append("set yrange [\(r.lowerBound):\(r.upperBound)]")
        } else if !logY, let lo = ys.min(), let hi = ys.max() {
            // Headroom above the data for the legend.
            let span = max(hi - lo, abs(hi) * 0.1, 1e-12)
            c.append("set yrange \(AxisScale.range((lo - 0.05 * span, hi + 0.35 * span)))")
        }
        if let ticks = xTickLabels, !ticks.isEmpty {
            let items = ticks.enumerated().map { "\(GnuplotText.quoted(GnuplotText.literal($0.element))) \($0.offset)" }
            c.append("set xtics (\(items.joined(separator: ", "))) rotate by -30 left")
            // Rotated labels run down and to the right: room below for the longest one and
            // on the right for the last one (about 0.8 character widths per character).
            let longest = ticks.map(\.count).max() ?? 0
            c.append("set bmargin \(max(6, Int((Double(longest) * 0.3).rounded(.up)) + 2))")
            c.append("set rmargin \(max(10, Int((Double(ticks.last?.count ?? 0) * 0.8).rounded(.up))))")
        }
        let dat = GnuplotText.quoted("\(baseName).dat")
        let markers = [7, 5, 9, 13, 11, 15]
        var plots: [String] = []
        for (k, s) in series.enumerated() {
            let colour = GnuplotText.quoted(PlotWriter.palette[k % PlotWriter.palette.count])
            let dash = s.dashed ? " dt 2" : ""
            let pt = markers[k % markers.count]
            let how: String
            if s.yErrors != nil || s.style == .errorBars {
                let using = s.yErrors != nil ? "1:2:3" : "1:2:(0)"
                let kind = s.style == .lines || s.style == .linesPoints ? "yerrorlines" : "yerrorbars"
                how = "using \(using) with \(kind) pt \(pt) ps 1.0 lw 2\(dash)"
            } else {
                switch s.style {
                case .lines: how = "using 1:2 with lines lw 2.5\(dash)"
                case .points: how = "using 1:2 with points pt \(pt) ps 1.2"
                case .linesPoints, .errorBars: how = "using 1:2 with linespoints pt \(pt) ps 1.0 lw 2\(dash)"
                case .steps: how = "using 1:2 with histeps lw 2.5\(dash)"
                }
            }
            plots.append("\(dat) index \(k) \(how) lc rgb \(colour) title \(GnuplotText.quoted(GnuplotText.literal(s.label)))")
        }
        c.append("plot " + plots.joined(separator: ", \\\n       "))
        return c
    }
}
