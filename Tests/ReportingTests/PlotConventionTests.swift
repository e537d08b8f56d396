import Foundation
import Testing
@testable import Reporting

/// The field's plotting conventions (issue #22, as mplhep and Belle II publications draw
/// them), checked on the written gnuplot script, data file and SVG text: stacked MC per
/// process with a legend, data with Garwood Poisson errors, log y when the content spans more
/// than two decades, a 0.5-1.5 ratio panel, the caller's chi2, literal sample names, the
/// "Belle II-like simulation" stamp with luminosity and sqrt(s), Brazil bands, "blinded",
/// explained empty map cells, and stacked sub/superscripts. Set DARKSECTOR_PLOT_DIR to keep
/// the images for looking at.
@Suite struct PlotConventionTests {
    /// True where gnuplot is installed, and always under DARKSECTOR_REQUIRE_TOOLS=1 (CI).
    static let gnuplotInstalled = RequiredTools.runGnuplotTests
    let runner = GnuplotRunner()

    func directory(_ name: String) throws -> URL {
        if let keep = ProcessInfo.processInfo.environment["DARKSECTOR_PLOT_DIR"] {
            let url = URL(fileURLWithPath: keep).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        return try temporaryDirectory(name)
    }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The text gnuplot's SVG terminal writes, with the markup removed (enhanced text is
    /// split into tspans), so a label can be searched as the reader sees it.
    func visibleText(_ svg: String) -> String {
        svg.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }

    @Test func garwoodIntervalsMatchScipy() {
        // scipy.stats.chi2.ppf(0.158655, 2n)/2 and chi2.ppf(0.841345, 2n+2)/2.
        let expected: [(Double, Double, Double)] = [(0, 0, 1.841021644577239), (1, 0.17275377910491826, 3.2995265585528957),
                                                    (2, 0.7081854400154777, 4.637859622796746), (5, 2.8403088560259757, 8.382472651278437),
                                                    (10, 6.891305561336379, 14.266949759891313), (100, 90.0167451797542, 111.03336093811723),
                                                    // Above shape 1000 (Wilson-Hilferty); 47313 aborted GSL's inverse.
                                                    (1000, 968.3825014065658, 1032.633323474849),
                                                    (47313, 47095.48524969795, 47531.517049297705)]
        for (n, lo, hi) in expected {
            let g = PoissonInterval.garwood(n)
            #expect(abs(g.lower - lo) < 1e-6 * max(1, lo), "lower bound for n = \(n): \(g.lower)")
            #expect(abs(g.upper - hi) < 1e-6 * hi, "upper bound for n = \(n): \(g.upper)")
        }
    }

    @Test func ratioAxisIsHalfToOneAndAHalfUnlessAPrecisePointLiesOutside() {
        // Imprecise points far away do not widen it.
        var r = AxisScale.ratioRange(ratios: [1.0, 2.4, 0.1], lows: [0.95, 1.2, 0.0], highs: [1.05, 3.6, 0.9])
        #expect(r.low == 0.5 && r.high == 1.5 && !r.widened)
        // A precise point at 1.6 does, to the next 0.25 step that shows it.
        r = AxisScale.ratioRange(ratios: [1.0, 1.6], lows: [0.95, 1.55], highs: [1.05, 1.65])
        #expect(r.low == 0.5 && r.high == 1.75 && r.widened)
        r = AxisScale.ratioRange(ratios: [0.35], lows: [0.3], highs: [0.4])
        #expect(r.low == 0.25 && r.high == 1.5 && r.widened)
    }

    /// A control distribution like the demo's mumu_gamma one: a peak of thousands and a tail
    /// of a few events, three processes, data with empty bins.
    static func controlStack(stamp: PlotStamp?) throws -> StackPlot {
        let edges = stride(from: -2.0, through: 10.0, by: 0.5).map { $0 }
        let centres = (0..<(edges.count - 1)).map { 0.5 * (edges[$0] + edges[$0 + 1]) }
        let mumu = centres.map { 2000 * exp(-pow($0, 2) / 0.3) + 0.2 }
        let tautau = centres.map { 3 * exp(-pow($0 - 5, 2) / 4) }
        let eemumu = centres.map { $0 > 8 ? 150.0 : 0.5 }
        let total = (0..<centres.count).map { mumu[$0] + tautau[$0] + eemumu[$0] }
        let data = total.enumerated().map { ($1 * (1 + 0.08 * sin(Double($0) * 1.3))).rounded(.down) }
        let x = "M_{rec}"
        let mcTotal = try Histogram1D(binEdges: edges, values: total, sumw2: total.map { $0 * 0.01 }, label: "MC", xName: x, unit: "GeV")
        return StackPlot(
            mc: [try Histogram1D(binEdges: edges, values: eemumu, sumw2: eemumu.map { _ in 0 }, label: "eemumu", xName: x, unit: "GeV"),
                 try Histogram1D(binEdges: edges, values: tautau, sumw2: tautau.map { _ in 0 }, label: "tau_tau", xName: x, unit: "GeV"),
                 try Histogram1D(binEdges: edges, values: mumu, sumw2: mumu.map { _ in 0 }, label: "mumu", xName: x, unit: "GeV")],
            mcTotal: mcTotal,
            data: try Histogram1D(binEdges: edges, values: data, label: "pseudo-data", xName: x, unit: "GeV"),
            chi2: .init(chi2: 242.2, ndf: 22, note: "bins grouped to ≥ 10 MC events"),
            title: "Control sample \(GnuplotText.literal("mumu_tau_reversed"))", stamp: stamp)
    }

    @Test(.enabled(if: PlotConventionTests.gnuplotInstalled, "gnuplot not installed"))
    func controlPlotFollowsTheConventions() throws {
        let plot = try Self.controlStack(stamp: PlotStamp(luminosityInvFb: 9))
        let out = try PlotWriter.write(plot, to: try directory("convention_control"), baseName: "control_mumu_tau_reversed", runner: runner)
        let script = try text(out.script), dat = try text(out.dataFiles[0])
        let svg = visibleText(try text(out.svg))
        // Stacked per process, each in the legend, data first in it.
        for label in ["eemumu", "tau_tau", "mumu", "pseudo-data", "MC stat. unc."] { #expect(svg.contains(label), "legend entry \(label)") }
        #expect(script.contains("keyentry with yerrorbars"))
        // Log y: the content spans more than two decades.
        #expect(plot.usesLogY())
        #expect(script.contains("\n  set logscale y\n"))
        // Garwood errors: an empty data bin has the upper bar at 1.841 and is drawn as a bar from the axis.
        #expect(dat.contains("Garwood"))
        #expect(dat.contains(" 1.84102"))
        #expect(script.contains("with vectors nohead"))
        // Ratio panel 0.5-1.5 and the caller's chi2, not a recomputation.
        #expect(script.contains("set yrange [0.5:1.5]"))
        #expect(svg.contains("χ2/ndf = 242.2/22"))
        #expect(svg.contains("(bins grouped to ≥ 10 MC events)"))
        // The title keeps the sample name's underscores.
        #expect(script.contains("mumu\\\\_tau\\\\_reversed"))
        #expect(svg.contains("Control sample mumu_tau_reversed"))
        // Stamp.
        #expect(svg.contains("Belle II-like simulation, pseudo-data"))
        #expect(svg.contains("fb-1") && svg.contains("= 9 fb") && svg.contains("s = 10.58 GeV"))
        #expect(!svg.contains("blinded"))
    }

    @Test(.enabled(if: PlotConventionTests.gnuplotInstalled, "gnuplot not installed"))
    func linearYWhenTheContentSpansLessThanTwoDecadesAndRatioWidensOnlyForPrecisePoints() throws {
        let edges = [0.0, 1, 2, 3, 4]
        let mc = try Histogram1D(binEdges: edges, values: [100, 120, 90, 60], sumw2: [1, 1, 1, 1], label: "mumu", xName: "M_{rec}", unit: "GeV")
        // Bin 2 is 1.7 times the MC with a 10% error: the axis must widen and say so.
        let data = try Histogram1D(binEdges: edges, values: [104, 118, 153, 58], label: "pseudo-data")
        let plot = StackPlot(mc: [mc], data: data, title: "Widened ratio", stamp: PlotStamp(luminosityInvFb: 0.5))
        #expect(!plot.usesLogY())
        let out = try PlotWriter.write(plot, to: try directory("convention_widened"), baseName: "widened", runner: runner)
        let script = try text(out.script)
        #expect(!script.contains("\n  set logscale y\n"))
        #expect(script.contains("set yrange [0.5:2.0]"))
        #expect(visibleText(try text(out.svg)).contains("axis widened from 0.5-1.5"))
        #expect(visibleText(try text(out.svg)).contains("= 0.5 fb"))
    }

    @Test(.enabled(if: PlotConventionTests.gnuplotInstalled, "gnuplot not installed"))
    func limitPlotIsABrazilPlotAndSaysBlinded() throws {
        let masses = [0.5, 1, 2, 4, 8]
        let e = [0.1, 0.12, 0.2, 0.5, 2]
        let curve = try LimitCurve(massesGeV: masses, expected: e, expectedMinus1Sigma: e.map { $0 * 0.7 },
                                   expectedPlus1Sigma: e.map { $0 * 1.4 }, expectedMinus2Sigma: e.map { $0 * 0.5 },
                                   expectedPlus2Sigma: e.map { $0 * 2 }, quantity: PhysicsLabel(latex: "g'").gnuplot,
                                   massName: PhysicsLabel(latex: "M_{Z'}").gnuplot, confidenceLevel: 0.9, method: "Bayesian")
        let plot = LimitPlot(curve: curve, title: "zprime-invisible: g' vs M_{Z'}",
                             stamp: PlotStamp(luminosityInvFb: 9, blinded: true))
        let out = try PlotWriter.write(plot, to: try directory("convention_limit"), baseName: "limit_coupling", runner: runner)
        let script = try text(out.script)
        #expect(script.contains("using 1:5:6 with filledcurves fc rgb \"#ffdf00\""), "yellow +-2 sigma")
        #expect(script.contains("using 1:3:4 with filledcurves fc rgb \"#00b140\""), "green +-1 sigma")
        #expect(script.contains("using 1:2 with lines lw 2.5 dt 2"), "dashed median expected")
        #expect(!script.contains("using 1:7"), "no observed line in a blinded run")
        let svg = visibleText(try text(out.svg))
        #expect(svg.contains("Belle II-like simulation, blinded"))
        #expect(svg.contains("s = 10.58 GeV"))

        var unblinded = curve
        unblinded.observed = e.map { $0 * 1.1 }
        let obs = LimitPlot(curve: unblinded, title: "observed", stamp: PlotStamp(luminosityInvFb: 9, blinded: false))
        let outObs = try PlotWriter.write(obs, to: try directory("convention_limit_observed"), baseName: "limit", runner: runner)
        #expect(try text(outObs.script).contains("using 1:7 with lines lw 3 lc rgb \"black\" title \"Observed\""), "solid observed")
        #expect(!visibleText(try text(outObs.svg)).contains("blinded"))
    }

    @Test(.enabled(if: PlotConventionTests.gnuplotInstalled, "gnuplot not installed"))
    func mapPlotExplainsItsEmptyCells() throws {
        let x = stride(from: 0.5, through: 9.5, by: 0.5).map { $0 }
        let y = stride(from: 0.5, through: 9.5, by: 0.5).map { $0 }
        let forbidden = y.map { my in x.map { mx in mx + my > 10.5 } }
        let values: [[Double?]] = y.enumerated().map { iy, my in x.enumerated().map { ix, mx in
            if forbidden[iy][ix] { return nil }
            if mx + my > 9.6 { return nil }  // near the kinematic limit: no selected signal
            return 1e-8 * pow(10, (mx + my) / 5)
        } }
        let map = try LimitMap2D(x: x, y: y, values: values, xName: PhysicsLabel(latex: "M_{A'}").gnuplot,
                                 yName: PhysicsLabel(latex: "M_{h'}").gnuplot,
                                 quantity: PhysicsLabel(latex: "\\epsilon^{2}\\alpha_{D}").gnuplot, confidenceLevel: 0.9, method: "Bayesian")
        let plot = MapPlot(map: map, title: "dark-higgsstrahlung: expected 90% CL limit", forbidden: forbidden,
                           emptyCellMeaning: "no window with selected signal",
                           forbiddenCellMeaning: "outside the kinematically allowed region",
                           stamp: PlotStamp(luminosityInvFb: 9, blinded: true))
        #expect(plot.emptyCellCaption == "white: no window with selected signal; grey: outside the kinematically allowed region")
        let out = try PlotWriter.write(plot, to: try directory("convention_map"), baseName: "limit_map_expected", runner: runner)
        let script = try text(out.script)
        #expect(script.contains("with pm3d fc rgb \"#d9d9d9\""))
        let svg = visibleText(try text(out.svg))
        #expect(svg.contains("white: no window with selected signal; grey: outside the kinematically allowed region"))
        #expect(svg.contains("Belle II-like simulation, blinded"))
    }

    @Test func physicsLabelsStackScriptsForGnuplot() {
        #expect(PhysicsLabel(latex: "M_{rec}").gnuplot == "M_{rec}")
        #expect(PhysicsLabel(latex: "M^{2}_{rec}").gnuplot == "M@^{2}_{rec}")
        #expect(PhysicsLabel(latex: "M_{\\mu\\mu}").gnuplot == "M_{{/Symbol m}{/Symbol m}}")
        #expect(PhysicsLabel(latex: "\\epsilon^{2}\\alpha_{D}").gnuplot == "{/Symbol e}^{2}{/Symbol a}_{D}")
        #expect(PhysicsLabel(latex: "M^{2}_{rec}").inlineLaTeX == "$M^{2}_{rec}$", "LaTeX unchanged")
    }

    @Test(.enabled(if: PlotConventionTests.gnuplotInstalled, "gnuplot not installed"))
    func subscriptsRenderAsScriptsInTheSVG() throws {
        let labels = ["M_{rec}", "M^{2}_{rec}", "M_{\\mu\\mu}"].map { PhysicsLabel(latex: $0).gnuplot }
        let plot = LinePlot(series: [LineSeries(label: "a", x: [1, 2], y: [1, 2])], title: labels.joined(separator: "  "),
                            xLabel: labels[1] + " [GeV^{2}]", yLabel: labels[0] + " [GeV]", stamp: PlotStamp(luminosityInvFb: 9))
        let out = try PlotWriter.write(plot, to: try directory("convention_labels"), baseName: "labels", runner: runner)
        let svg = try text(out.svg)
        // gnuplot writes a script as a smaller tspan shifted by dy; "rec" must be one whole script.
        #expect(svg.range(of: #"<tspan[^>]*font-size="[0-9.]+"[^>]*dy="[0-9.]+px"[^>]*>rec</tspan>"#, options: .regularExpression) != nil
                || svg.range(of: #"<tspan[^>]*dy="[0-9.]+px"[^>]*font-size="[0-9.]+"[^>]*>rec</tspan>"#, options: .regularExpression) != nil,
                "subscript rec")
        #expect(!visibleText(svg).contains("{/Symbol"), "Greek letters rendered, not printed as markup")
        #expect(visibleText(svg).contains("Belle II-like simulation"))
    }

    @Test(.enabled(if: PlotConventionTests.gnuplotInstalled, "gnuplot not installed"))
    func cutFlowKeepsCutNamesLiteralAndInsideTheImage() throws {
        let plot = LinePlot.cutFlow(names: ["all", "two_tracks", "muon_id", "tau_suppression"], counts: [1e6, 4e5, 1e4, 6e3],
                                    title: "Cut flow, all backgrounds", stamp: PlotStamp(luminosityInvFb: 0.05))
        let out = try PlotWriter.write(plot, to: try directory("convention_cutflow"), baseName: "cutflow", runner: runner)
        let script = try text(out.script)
        #expect(script.contains("set rmargin 12"), "room for the rotated last label")
        let svg = visibleText(try text(out.svg))
        #expect(svg.contains("tau_suppression") && svg.contains("two_tracks"))
        #expect(svg.contains("Belle II-like simulation") && svg.contains("= 0.05 fb"))
    }

    @Test(.enabled(if: PlotConventionTests.gnuplotInstalled, "gnuplot not installed"))
    func limitSliceOverLessThanAFactorThreeInMassHasALinearLabelledXAxis() throws {
        let masses = [8.03, 8.4, 8.8, 9.2, 9.58]
        let e = [2.6e-6, 2.1e-6, 1.8e-6, 1.9e-6, 3e-6]
        let curve = try LimitCurve(massesGeV: masses, expected: e, expectedMinus1Sigma: e, expectedPlus1Sigma: e.map { $0 * 1.5 },
                                   expectedMinus2Sigma: e, expectedPlus2Sigma: e.map { $0 * 2 }, quantity: "x",
                                   massName: "M_{A'}", confidenceLevel: 0.9, method: "Bayesian")
        let out = try PlotWriter.write(LimitPlot(curve: curve, title: "slice", stamp: PlotStamp(luminosityInvFb: 0.05, blinded: true)),
                                       to: try directory("convention_slice"), baseName: "slice", runner: runner)
        #expect(!(try text(out.script)).contains("set logscale x"))
        let ticks = visibleText(try text(out.svg))
        #expect(ticks.contains("8.4") && ticks.contains("9.2"), "x tick labels drawn")
    }
}
