import Foundation

/// Punzi's figure of merit versus one cut's threshold, one curve per mass hypothesis, the
/// chosen threshold marked on each in the curve's colour: whether the optimum is sharp or
/// flat, and whether a regularised choice sits off its own curve's maximum, is seen at once.
public struct FOMScanPlot: GnuplotPlot {
    public struct Curve: Sendable, Codable, Equatable {
        /// Legend text (enhanced text), e.g. `M_{Z'} = 2.0 GeV`.
        public var label: String
        public var thresholds: [Double]
        public var fom: [Double]
        /// The chosen threshold and the FOM there.
        public var chosen: Double
        public var chosenFOM: Double

        public init(label: String, thresholds: [Double], fom: [Double], chosen: Double, chosenFOM: Double) {
            self.label = label
            self.thresholds = thresholds
            self.fom = fom
            self.chosen = chosen
            self.chosenFOM = chosenFOM
        }
    }

    public var curves: [Curve]
    public var title: String
    /// The cut's axis label (enhanced text), e.g. `threshold of pt\_mumu [GeV]`.
    public var xLabel: String
    /// The Punzi constant a, for the y label.
    public var a: Double
    public var stamp: PlotStamp?
    public var canvas: PlotCanvas

    public init(curves: [Curve], title: String, xLabel: String, a: Double, stamp: PlotStamp? = nil, canvas: PlotCanvas = PlotCanvas()) {
        self.curves = curves
        self.title = title
        self.xLabel = xLabel
        self.a = a
        self.stamp = stamp
        self.canvas = canvas
    }

    /// Log y when the positive FOM values span more than two decades (mass points far apart
    /// in sensitivity), as the other plots decide.
    public var logY: Bool {
        let ys = curves.flatMap { $0.fom + [$0.chosenFOM] }.filter { $0 > 0 && $0.isFinite }
        guard let lo = ys.min(), let hi = ys.max() else { return false }
        return hi / lo > 100
    }

    public func dataFiles(baseName: String) throws -> [(name: String, contents: String)] {
        var text = ""
        for c in curves {
            guard c.thresholds.count == c.fom.count else {
                throw ReportingError.invalidData(what: "FOM curve \"\(c.label)\" of plot \"\(title)\"",
                                                 reason: "\(c.thresholds.count) thresholds but \(c.fom.count) FOM values")
            }
            // Block 2k: the curve; block 2k+1: its chosen point. Zero FOM (no signal left) is
            // missing on a log axis.
            text += "# curve: \(c.label)\n# threshold fom\n"
            for (x, y) in zip(c.thresholds, c.fom) {
                text += GnuplotText.number(x) + " " + GnuplotText.number(logY && y <= 0 ? .nan : y) + "\n"
            }
            text += "\n\n# chosen: \(c.label)\n" + GnuplotText.number(c.chosen) + " " + GnuplotText.number(c.chosenFOM) + "\n\n\n"
        }
        return [("\(baseName).dat", text)]
    }

    public func commands(baseName: String) -> [String] {
        var c = [
            "set title \(GnuplotText.quoted(title))",
            "set xlabel \(GnuplotText.quoted(xLabel))",
            "set ylabel \(GnuplotText.quoted("Punzi FOM  {/Symbol e}/(\(String(format: "%g", a))/2 + √{/:Italic B})"))",
            "set border lw 1.5", "set tics front",
            "set grid lc rgb \"#dddddd\"",
            // Below the graph, two columns: six long mass labels on the right squeezed the
            // graph to a third of the canvas and the stamp's two labels into each other.
            "set key below box samplen 2 spacing 1.0 maxcols 2 width -2",
            "set offsets graph 0.02, graph 0.02, graph 0.05, graph 0.05",
        ]
        if let stamp { c += stamp.commands() }
        if logY {
            let ys = curves.flatMap { $0.fom + [$0.chosenFOM] }.filter { $0 > 0 && $0.isFinite }
            c.append("set logscale y")
            if let lo = ys.min(), let hi = ys.max() {
                // The data's own range with a little room, not gnuplot's whole decades.
                let r = (lo / 1.5, hi * 2)
                c.append("set yrange \(AxisScale.range(r))")
                c += AxisScale.logTicks(axis: "y", min: r.0, max: r.1, plainNumbers: false)
            }
        } else {
            c.append("set yrange [0:*]")
        }
        // The scanned grid is the x range (no padding out to the next tick).
        c.append("set autoscale xfix")
        let dat = GnuplotText.quoted("\(baseName).dat")
        var plots: [String] = []
        for (k, curve) in curves.enumerated() {
            let colour = GnuplotText.quoted(PlotWriter.palette[k % PlotWriter.palette.count])
            plots.append("\(dat) index \(2 * k) using 1:2 with lines lw 2.5 lc rgb \(colour) title \(GnuplotText.quoted(curve.label))")
            plots.append("\(dat) index \(2 * k + 1) using 1:2 with points pt 7 ps 2.2 lc rgb \(colour) notitle")
        }
        // One legend entry for all chosen points.
        plots.append("NaN with points pt 7 ps 2.2 lc rgb \"black\" title \"chosen cut\"")
        c.append("plot " + plots.joined(separator: ", \\\n       "))
        return c
    }
}
