import Foundation

/// A 2D limit map (a coupling versus two masses) as a
/// `pm3d map` with a logarithmic colour scale, since such limits span several decades.
/// Grid points without a value are left white; those outside the region where hypotheses
/// can lie (`forbidden`) are drawn light grey; a caption under the map says which is which.
public struct MapPlot: GnuplotPlot {
    public var map: LimitMap2D
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var colourLabel: String
    public var logColour: Bool
    public var canvas: PlotCanvas
    /// `forbidden[iy][ix]`: the cell lies outside the allowed region (e.g. kinematically
    /// forbidden); nil when the map has no such region.
    public var forbidden: [[Bool]]?
    /// What a white (empty) cell inside the allowed region means.
    public var emptyCellMeaning: String
    /// What a grey (forbidden) cell means.
    public var forbiddenCellMeaning: String
    public var stamp: PlotStamp?

    public init(map: LimitMap2D, title: String, xLabel: String? = nil, yLabel: String? = nil,
                colourLabel: String? = nil, logColour: Bool = true,
                canvas: PlotCanvas = PlotCanvas(widthPixels: 950, heightPixels: 800),
                forbidden: [[Bool]]? = nil, emptyCellMeaning: String = "no value",
                forbiddenCellMeaning: String = "outside the allowed region", stamp: PlotStamp? = nil) {
        self.forbidden = forbidden
        self.emptyCellMeaning = emptyCellMeaning
        self.forbiddenCellMeaning = forbiddenCellMeaning
        self.stamp = stamp
        self.map = map
        self.title = title
        self.xLabel = xLabel ?? (map.xUnit.map { "\(map.xName) [\($0)]" } ?? map.xName)
        self.yLabel = yLabel ?? (map.yUnit.map { "\(map.yName) [\($0)]" } ?? map.yName)
        let pct = map.confidenceLevel * 100
        let cl = pct == pct.rounded() ? "\(Int(pct))%" : "\(pct)%"
        self.colourLabel = colourLabel ?? "\(cl) CL upper limit on \(map.quantity)"
        self.logColour = logColour
        self.canvas = canvas
    }

    public func dataFiles(baseName: String) throws -> [(name: String, contents: String)] {
        if let forbidden, forbidden.count != map.y.count || !forbidden.allSatisfy({ $0.count == map.x.count }) {
            throw ReportingError.invalidData(what: "map plot \"\(title)\"", reason: "the forbidden mask must have the shape of the map")
        }
        // gnuplot grid format: one scan line per y value, blank line between scans.
        // pm3d fills the quadrangle between four grid points only when all four have a value,
        // so the grey layer also takes the points next to a forbidden one: otherwise a strip
        // of white would separate the map from the grey region. The map is drawn over it.
        let grey = map.y.indices.map { iy in map.x.indices.map { ix in
            guard let forbidden else { return false }
            for dy in -1...1 {
                for dx in -1...1 where forbidden.indices.contains(iy + dy) && forbidden[iy + dy].indices.contains(ix + dx) {
                    if forbidden[iy + dy][ix + dx] { return true }
                }
            }
            return false
        } }
        var text = "# x y value (NaN = no value) grey (1 = outside the allowed region or next to it)\n"
        for (iy, y) in map.y.enumerated() {
            for (ix, x) in map.x.enumerated() {
                var v = map.values[iy][ix]
                if logColour, let z = v, z <= 0 { v = nil }
                let f = grey[iy][ix]
                text += "\(GnuplotText.number(x)) \(GnuplotText.number(y)) \(GnuplotText.number(v)) \(f ? 1 : 0)\n"
            }
            text += "\n"
        }
        return [("\(baseName).dat", text)]
    }

    /// True when some cell has no value (white) / lies outside the allowed region (grey).
    var hasEmptyCells: Bool {
        for iy in map.y.indices {
            for ix in map.x.indices where map.values[iy][ix] == nil || (logColour && (map.values[iy][ix] ?? 1) <= 0) {
                if !(forbidden?[iy][ix] ?? false) { return true }
            }
        }
        return false
    }
    var hasForbiddenCells: Bool { forbidden?.contains { $0.contains(true) } ?? false }

    /// The caption under the map explaining its blank cells; nil when there are none.
    public var emptyCellCaption: String? {
        var parts: [String] = []
        if hasEmptyCells { parts.append("white: \(emptyCellMeaning)") }
        if hasForbiddenCells { parts.append("grey: \(forbiddenCellMeaning)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    public func commands(baseName: String) -> [String] {
        let values = map.values.flatMap { $0 }.compactMap { $0 }.filter { !logColour || $0 > 0 }
        var c = [
            "set title \(GnuplotText.quoted(title))",
            "set xlabel \(GnuplotText.quoted(xLabel))",
            "set ylabel \(GnuplotText.quoted(yLabel))",
            "set cblabel \(GnuplotText.quoted(colourLabel)) offset 1,0",
            "set view map",
            "set pm3d map corners2color mean",
            "set border lw 1.5", "set tics front",
            "set xrange [\(map.x.min()!):\(map.x.max()!)]",
            "set yrange [\(map.y.min()!):\(map.y.max()!)]",
            "set rmargin at screen 0.80",
            // viridis: perceptually uniform and readable in grey-scale print.
            "set palette defined (0 \"#440154\", 1 \"#3b528b\", 2 \"#21918c\", 3 \"#5ec962\", 4 \"#fde725\")",
            "unset key",
        ]
        if let stamp { c += ["set tmargin at screen 0.86", "set title offset 0, char 1.2"] + stamp.labels() }
        if let caption = emptyCellCaption {
            c += ["set bmargin at screen 0.16",
                  "set label 903 \(GnuplotText.quoted(GnuplotText.literal(caption))) at screen 0.02, screen 0.03 left front font \",14\""]
        }
        if logColour {
            c.append("set logscale cb")
            if let lo = values.min(), let hi = values.max() {
                c += AxisScale.logTicks(axis: "cb", min: lo, max: hi, plainNumbers: false)
                if hi > lo { c.append("set cbrange [\(lo):\(hi)]") }
            }
        }
        let dat = GnuplotText.quoted("\(baseName).dat")
        var plots = ["\(dat) using 1:2:3 with pm3d notitle"]
        if hasForbiddenCells {
            // Grey cells where the hypothesis cannot lie, drawn with the map's own cells.
            plots.insert("\(dat) using 1:2:($4 > 0 ? 1 : NaN) with pm3d fc rgb \"#d9d9d9\" notitle", at: 0)
        }
        c.append("splot " + plots.joined(separator: ", \\\n      "))
        return c
    }
}
