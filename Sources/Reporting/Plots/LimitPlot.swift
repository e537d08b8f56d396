import Foundation

/// A band drawn on a limit plot in addition to the expected bands, e.g. the region where a
/// Z' would explain (g-2)_mu: filled between `lower` and `upper` at `massesGeV`.
public struct LimitPlotBand: Sendable, Codable, Equatable {
    public var label: String
    public var massesGeV: [Double]
    public var lower: [Double]
    public var upper: [Double]
    /// gnuplot colour, e.g. "#ff9999".
    public var colour: String

    public init(label: String, massesGeV: [Double], lower: [Double], upper: [Double], colour: String = "#f4a3a3") {
        self.label = label
        self.massesGeV = massesGeV
        self.lower = lower
        self.upper = upper
        self.colour = colour
    }
}

/// A published curve drawn as points for comparison (e.g. the Belle II 2020 Z' limit).
public struct ReferenceCurve: Sendable, Codable, Equatable {
    public var label: String
    public var massesGeV: [Double]
    public var values: [Double]

    public init(label: String, massesGeV: [Double], values: [Double]) {
        self.label = label
        self.massesGeV = massesGeV
        self.values = values
    }
}

/// Coupling (or cross section) limit versus mass: the Brazil plot.
///
/// Log y always (limits span decades); log x by default, since the searches cover
/// 0.1-10 GeV. Bands: +-2 sigma yellow under +-1 sigma green, dashed median, solid observed
/// only when the curve has one (unblinded), extra bands translucent, reference curves as points.
public struct LimitPlot: GnuplotPlot {
    public var curve: LimitCurve
    public var title: String
    /// Enhanced-text axis labels; defaults are built from the curve's names and units.
    public var xLabel: String
    public var yLabel: String
    public var logX: Bool
    public var extraBands: [LimitPlotBand]
    public var references: [ReferenceCurve]
    public var keyPosition: KeyPosition
    public var canvas: PlotCanvas
    /// Experiment label ("blinded" when `stamp.blinded`, i.e. a blinded run's expected limits).
    public var stamp: PlotStamp?

    public init(curve: LimitCurve, title: String, xLabel: String? = nil, yLabel: String? = nil,
                logX: Bool = true, extraBands: [LimitPlotBand] = [], references: [ReferenceCurve] = [],
                keyPosition: KeyPosition = .topLeft, canvas: PlotCanvas = PlotCanvas(widthPixels: 900, heightPixels: 700),
                stamp: PlotStamp? = nil) {
        self.curve = curve
        self.title = title
        self.xLabel = xLabel ?? "\(curve.massName) [GeV]"
        self.yLabel = yLabel ?? (curve.quantityUnit.map { "\(curve.quantity) [\($0)]" } ?? curve.quantity)
        self.logX = logX
        self.extraBands = extraBands
        self.references = references
        self.keyPosition = keyPosition
        self.canvas = canvas
        self.stamp = stamp
    }

    public func dataFiles(baseName: String) throws -> [(name: String, contents: String)] {
        for b in extraBands where b.lower.count != b.massesGeV.count || b.upper.count != b.massesGeV.count {
            throw ReportingError.invalidData(what: "band \"\(b.label)\"", reason: "lower/upper must have one value per mass")
        }
        for r in references where r.values.count != r.massesGeV.count {
            throw ReportingError.invalidData(what: "reference curve \"\(r.label)\"", reason: "needs one value per mass")
        }
        let n = GnuplotText.number as (Double) -> String
        var limit = "# mass_GeV expected minus1sigma plus1sigma minus2sigma plus2sigma observed\n"
        for i in curve.massesGeV.indices {
            limit += [curve.massesGeV[i], curve.expected[i], curve.expectedMinus1Sigma[i], curve.expectedPlus1Sigma[i],
                      curve.expectedMinus2Sigma[i], curve.expectedPlus2Sigma[i]].map(n).joined(separator: " ")
            limit += " " + GnuplotText.number(curve.observed?[i]) + "\n"
        }
        var files = [("\(baseName).dat", limit)]
        if !extraBands.isEmpty || !references.isEmpty {
            // One indexed block per band, then per reference curve (two blank lines apart).
            var extra = ""
            for b in extraBands {
                extra += "# band: \(b.label)\n# mass_GeV lower upper\n"
                for i in b.massesGeV.indices { extra += "\(n(b.massesGeV[i])) \(n(b.lower[i])) \(n(b.upper[i]))\n" }
                extra += "\n\n"
            }
            for r in references {
                extra += "# reference: \(r.label)\n# mass_GeV value\n"
                for i in r.massesGeV.indices { extra += "\(n(r.massesGeV[i])) \(n(r.values[i]))\n" }
                extra += "\n\n"
            }
            files.append(("\(baseName)_extra.dat", extra))
        }
        return files
    }

    public func commands(baseName: String) -> [String] {
        let all = curve.expectedMinus2Sigma + curve.expectedPlus2Sigma + (curve.observed ?? [])
            + extraBands.flatMap { $0.lower + $0.upper } + references.flatMap(\.values)
        let positive = all.filter { $0 > 0 && $0.isFinite }
        let masses = (curve.massesGeV + extraBands.flatMap(\.massesGeV) + references.flatMap(\.massesGeV))
        var c = [
            "set title \(GnuplotText.quoted(title))",
            "set xlabel \(GnuplotText.quoted(xLabel))",
            "set ylabel \(GnuplotText.quoted(yLabel))",
            "set logscale y",
            "set grid xtics ytics mxtics mytics lc rgb \"#dddddd\" lw 1, lc rgb \"#f0f0f0\" lw 1",
            "set key \(keyPosition.rawValue) opaque box samplen 3 spacing 1.1 invert",
            "set border lw 1.5",
            "set tics front",
        ]
        if let stamp { c += stamp.commands() }
        if let lo = positive.min(), let hi = positive.max(),
           let r = AxisScale.logRange(min: lo, max: hi, headroom: 0.45) {
            c.append("set yrange \(AxisScale.range(r))")
            c += AxisScale.logTicks(axis: "y", min: r.0, max: r.1, plainNumbers: false)
        }
        if let xlo = masses.min(), let xhi = masses.max(), xhi > xlo {
            c.append("set xrange \(AxisScale.range((xlo, xhi)))")
            // A log axis inside less than a factor 3 gets no decade ticks and reads worse
            // than a linear one (a slice of a 2D scan over 8-9.6 GeV had no x labels).
            if logX, xlo > 0, xhi / xlo >= 3 {
                c.append("set logscale x")
                c += AxisScale.logTicks(axis: "x", min: xlo, max: xhi, plainNumbers: true)
            }
        }
        var plots: [String] = []
        let dat = GnuplotText.quoted("\(baseName).dat")
        let extra = GnuplotText.quoted("\(baseName)_extra.dat")
        for (k, b) in extraBands.enumerated() {
            plots.append("\(extra) index \(k) using 1:2:3 with filledcurves fc rgb \(GnuplotText.quoted(b.colour)) fs transparent solid 0.5 noborder title \(GnuplotText.quoted(b.label))")
        }
        plots.append("\(dat) using 1:5:6 with filledcurves fc rgb \"#ffdf00\" fs solid 1.0 noborder title \"Expected ±2σ\"")
        plots.append("\(dat) using 1:3:4 with filledcurves fc rgb \"#00b140\" fs solid 1.0 noborder title \"Expected ±1σ\"")
        plots.append("\(dat) using 1:2 with lines lw 2.5 dt 2 lc rgb \"black\" title \"Expected median\"")
        if curve.observed != nil {
            plots.append("\(dat) using 1:7 with lines lw 3 lc rgb \"black\" title \"Observed\"")
        }
        let markers = [7, 5, 9, 13, 11]
        for (k, r) in references.enumerated() {
            plots.append("\(extra) index \(extraBands.count + k) using 1:2 with points pt \(markers[k % markers.count]) ps 1.1 lc rgb \(GnuplotText.quoted(PlotWriter.palette[(k + 2) % PlotWriter.palette.count])) title \(GnuplotText.quoted(r.label))")
        }
        c.append("plot " + plots.joined(separator: ", \\\n       "))
        return c
    }
}
