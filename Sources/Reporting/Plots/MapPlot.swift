import Foundation

/// A 2D limit map (a coupling versus two masses) as a
/// `pm3d map` with a logarithmic colour scale, since such limits span several decades.
/// Grid points without a value are left blank.
public struct MapPlot: GnuplotPlot {
    public var map: LimitMap2D
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var colourLabel: String
    public var logColour: Bool
    public var canvas: PlotCanvas

    public init(map: LimitMap2D, title: String, xLabel: String? = nil, yLabel: String? = nil,
                colourLabel: String? = nil, logColour: Bool = true,
                canvas: PlotCanvas = PlotCanvas(widthPixels: 950, heightPixels: 750)) {
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
        // gnuplot grid format: one scan line per y value, blank line between scans.
        var text = "# x y value (NaN = no value)\n"
        for (iy, y) in map.y.enumerated() {
            for (ix, x) in map.x.enumerated() {
                var v = map.values[iy][ix]
                if logColour, let z = v, z <= 0 { v = nil }
                text += "\(GnuplotText.number(x)) \(GnuplotText.number(y)) \(GnuplotText.number(v))\n"
            }
            text += "\n"
        }
        return [("\(baseName).dat", text)]
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
        if logColour {
            c.append("set logscale cb")
            if let lo = values.min(), let hi = values.max() {
                c += AxisScale.logTicks(axis: "cb", min: lo, max: hi, plainNumbers: false)
                if hi > lo { c.append("set cbrange [\(lo):\(hi)]") }
            }
        }
        c.append("splot \(GnuplotText.quoted("\(baseName).dat")) using 1:2:3 with pm3d notitle")
        return c
    }
}
