import Analysis
import Foundation
import Reporting

/// Report of a two-parameter window scan: every window in limits.csv, the expected (and
/// observed) limit as a 2D map over the two parameters, 1D slices at fixed values of the
/// second one as published, maps of the Punzi-chosen cuts and window sizes, and HEPData
/// tables of the map and the slices. The map's range, allowed region and slices come from
/// the package's `ScanGeometry`; nothing here knows which search it draws.
enum Scan2DReport {
    static func write(_ ps: any SearchPackage, secondaryParameter second: String, geometry: ScanGeometry, directory: URL,
                      provenance: ProvenanceInfo, optimisation: OptimisationOutput, limits: LimitsOutput,
                      hepdata hepTables: inout [HEPDataTable],
                      plot: (any GnuplotPlot, String) -> Void) throws -> [(ReportDocument) -> ReportDocument] {
        let p = ps.presentation
        let mapCell = geometry.mapCell
        let secondLabel = p.secondary ?? PhysicsLabel(latex: second)
        let x = limits.rows.map { $0.point.hypothesis.parameters[p.massParameter] ?? .nan }
        let y = limits.rows.map { $0.point.hypothesis.parameters[second] ?? .nan }
        let cl = "\(Int(limits.confidenceLevel * 100))% CL"

        // Every window, as CSV (not in report.md: thousands of rows).
        var rows: [[TableCell]] = []
        for (k, r) in limits.rows.enumerated() {
            let e = r.point.expectedCoupling
            let punzi = optimisation.results[k].punzi
            rows.append([.value(x[k]), .value(y[k]), .value(punzi.windowScale), .value(r.input.signalEfficiency),
                         .value(r.input.expectedBackground), .value(r.point.expectedCrossSectionFb.median),
                         .value(e.minus2), .value(e.minus1), .value(e.median), .value(e.plus1), .value(e.plus2),
                         r.point.observedCoupling.map { .value($0) } ?? .text("blinded"),
                         r.localPValue.map { .value($0) } ?? .text("blinded")])
        }
        let table = try ResultTable(
            title: "\(cl) upper limits on \(p.coupling.plain) per window",
            columns: [ColumnHeader(p.massParameter, unit: "GeV"), ColumnHeader(second, unit: "GeV"), "window scale",
                      "efficiency", "expected background", ColumnHeader("expected sigma x BF", unit: "fb"),
                      "-2 sigma", "-1 sigma", "expected", "+1 sigma", "+2 sigma", "observed", "local p-value"],
            rows: rows, caption: limits.method)
        let csv = CSVRenderer.render(table)
        try AtomicFile.write(Data(csv.utf8), to: directory.appendingPathComponent("limits.csv"))

        // Maps: each cell (inside the allowed region) shows the window nearest to its centre in units
        // of the window's own size (smallest `SignalRegion.radius`), so the map has no holes
        // where windows are wider than a cell.
        let xs = geometry.mapX.map { $0 }, ys = geometry.mapY.map { $0 }
        let regions = optimisation.results.map(\.hypothesis.signalRegion)
        var nearest = [[Int?]](repeating: [Int?](repeating: nil, count: xs.count), count: ys.count)
        for (iy, cy) in ys.enumerated() {
            for (ix, cx) in xs.enumerated() where geometry.isAllowed(x: cx, y: cy) {
                var best: (Double, Int)? = nil
                for k in regions.indices {
                    let r = regions[k].radius { $0 == geometry.xObservable ? cx : cy }
                    if r < 1, best == nil || r < best!.0 { best = (r, k) }
                }
                nearest[iy][ix] = best?.1
            }
        }
        func map(_ value: (Int) -> Double?, quantity: String) throws -> LimitMap2D? {
            var grid = [[Double?]](repeating: [Double?](repeating: nil, count: xs.count), count: ys.count)
            for iy in ys.indices {
                for ix in xs.indices {
                    if let k = nearest[iy][ix], let v = value(k), v.isFinite { grid[iy][ix] = v }
                }
            }
            guard grid.contains(where: { $0.contains { $0 != nil } }) else { return nil }
            return try LimitMap2D(x: xs, y: ys, values: grid, xName: p.mass.gnuplot, yName: secondLabel.gnuplot,
                                  quantity: quantity, confidenceLevel: limits.confidenceLevel, method: limits.method)
        }
        let phrases = HEPDataRecord.limitPhrases(ps, unblinded: limits.unblinded)
        func attach(_ t: HEPDataTable, image: String) {
            var t = t
            t.images = HEPDataRecord.image(directory, image)
            hepTables.append(t)
        }
        var images: [(String, String)] = []
        // Blank map cells, explained under each map: grey outside the allowed region, white
        // where no window is near or the nearest one selects no signal (infinite limit).
        let forbidden = ys.map { cy in xs.map { cx in !geometry.isAllowed(x: cx, y: cy) } }
        let emptyMeaning = "no window here, or none with selected signal"
        let forbiddenMeaning = "outside the allowed region"
        let stamp = PlotStamp(luminosityInvFb: optimisation.luminosityInvFb)
        let limitStamp = PlotStamp(luminosityInvFb: optimisation.luminosityInvFb, pseudoData: limits.unblinded, blinded: !limits.unblinded)
        if let m = try map({ limits.rows[$0].point.expectedCoupling.median }, quantity: p.coupling.gnuplot) {
            plot(MapPlot(map: m, title: "\(ps.search.id): expected \(cl) limit on \(p.coupling.gnuplot)", forbidden: forbidden,
                         emptyCellMeaning: emptyMeaning, forbiddenCellMeaning: forbiddenMeaning, stamp: limitStamp), "limit_map_expected")
            images.append(("limit_map_expected.png", "expected limit map"))
            attach(HEPDataTable(limitMap: p.forHEPData(m, secondary: secondLabel), name: "Expected upper limits on \(p.coupling.inlineLaTeX)",
                                description: "Median expected \(cl) upper limit on \(p.coupling.inlineLaTeX) in (\(p.mass.inlineLaTeX), \(secondLabel.inlineLaTeX)); each \(mapCell) GeV cell shows the window nearest to its centre (in units of the window size). \(limits.method).",
                                reactions: ps.hepdataReactions, phrases: phrases), image: "limit_map_expected")
        }
        if limits.unblinded, let m = try map({ limits.rows[$0].point.observedCoupling }, quantity: p.coupling.gnuplot) {
            plot(MapPlot(map: m, title: "\(ps.search.id): observed \(cl) limit on \(p.coupling.gnuplot)", forbidden: forbidden,
                         emptyCellMeaning: emptyMeaning, forbiddenCellMeaning: forbiddenMeaning, stamp: limitStamp), "limit_map_observed")
            images.append(("limit_map_observed.png", "observed limit map"))
            attach(HEPDataTable(limitMap: p.forHEPData(m, secondary: secondLabel), name: "Observed upper limits on \(p.coupling.inlineLaTeX)",
                                description: "Observed \(cl) upper limit on \(p.coupling.inlineLaTeX). \(limits.method).",
                                reactions: ps.hepdataReactions, phrases: phrases), image: "limit_map_observed")
        }
        if let m = try map({ optimisation.results[$0].punzi.windowScale }, quantity: "window scale") {
            plot(MapPlot(map: m, title: "Punzi-chosen window scale (fraction of the largest window)",
                         colourLabel: "window scale", logColour: false, forbidden: forbidden,
                         emptyCellMeaning: "no window", forbiddenCellMeaning: forbiddenMeaning, stamp: stamp), "punzi_window_scale")
            images.append(("punzi_window_scale.png", "Punzi window scale"))
        }
        for cut in Set(optimisation.results.flatMap { $0.punzi.cutThresholds.keys }).sorted() {
            if let m = try map({ optimisation.results[$0].punzi.cutThresholds[cut] }, quantity: cut) {
                plot(MapPlot(map: m, title: "Punzi-chosen threshold of \(GnuplotText.literal(cut))", colourLabel: GnuplotText.literal(cut), logColour: false,
                             forbidden: forbidden, emptyCellMeaning: "no window, or the cut is not used there",
                             forbiddenCellMeaning: forbiddenMeaning, stamp: stamp), "punzi_\(cut)")
                images.append(("punzi_\(cut).png", "Punzi \(cut)"))
            }
        }

        // Slices at fixed values of the second parameter.
        var slices: [(Double, LimitCurve)] = []
        for h in geometry.slices {
            var byColumn: [Double: Int] = [:]
            for k in limits.rows.indices where abs(y[k] - h) <= max(geometry.sliceTolerance.relative * h, geometry.sliceTolerance.absolute)
                && limits.rows[k].point.expectedCoupling.plus2.isFinite {
                if let j = byColumn[x[k]], abs(y[j] - h) <= abs(y[k] - h) { continue }
                byColumn[x[k]] = k
            }
            let ks = byColumn.keys.sorted().map { byColumn[$0]! }
            guard ks.count >= 2 else { continue }
            let r = ks.map { limits.rows[$0] }
            let curve = try LimitCurve(
                massesGeV: ks.map { x[$0] }, expected: r.map(\.point.expectedCoupling.median),
                expectedMinus1Sigma: r.map(\.point.expectedCoupling.minus1), expectedPlus1Sigma: r.map(\.point.expectedCoupling.plus1),
                expectedMinus2Sigma: r.map(\.point.expectedCoupling.minus2), expectedPlus2Sigma: r.map(\.point.expectedCoupling.plus2),
                observed: limits.unblinded ? r.map { $0.point.observedCoupling ?? .nan } : nil,
                quantity: p.coupling.gnuplot, massName: p.mass.gnuplot, confidenceLevel: limits.confidenceLevel, method: "Bayesian counting")
            slices.append((h, curve))
            let name = String(format: "\(geometry.sliceFileStem)%.1f", h)
            plot(LimitPlot(curve: curve, title: "\(ps.search.id): \(p.coupling.gnuplot) vs \(p.mass.gnuplot) at \(secondLabel.gnuplot) = \(String(format: "%.1f", h)) GeV",
                           stamp: limitStamp), name)
            images.append(("\(name).png", "slice at \(secondLabel.plain) = \(String(format: "%.1f", h)) GeV"))
            attach(HEPDataTable(limitCurve: p.forHEPData(curve), name: "Upper limits on \(p.coupling.inlineLaTeX) at \(secondLabel.inlineLaTeX) = \(String(format: "%.1f", h)) GeV",
                                description: "\(cl) upper limits on \(p.coupling.inlineLaTeX) versus \(p.mass.inlineLaTeX) for the windows nearest to \(secondLabel.inlineLaTeX) = \(String(format: "%.1f", h)) GeV. \(limits.method).",
                                reactions: ps.hepdataReactions, phrases: phrases), image: name)
        }

        // Showcase windows (nearest to the generated points) as a readable table.
        let showcase = Set(ps.search.showcaseHypotheses(optimisation.results.map(\.punzi.hypothesis)).map(\.label))
        let showcaseRows = limits.rows.indices.filter { showcase.contains(optimisation.results[$0].punzi.hypothesis.label) }.map { rows[$0] }
        let showcaseTable = try ResultTable(title: "Windows nearest to the generated signal points", columns: table.columns,
                                            rows: showcaseRows, caption: "All \(limits.rows.count) windows: limits.csv")
        try TableWriter.write(showcaseTable, to: directory, baseName: "limits_showcase")
        let finite = limits.rows.map(\.point.expectedCoupling.median).filter(\.isFinite)
        var summary = String(format: "%d windows, %d with selected signal; expected limits on %@ from %.2e to %.2e.",
                             limits.rows.count, finite.count, p.coupling.plain, finite.min() ?? .nan, finite.max() ?? .nan)
        // Trials-factor cross-check of the look-elsewhere toys: the scanned area over the mean
        // (Punzi-sized) window area counts the independent windows N; Sidak's
        // 1 - (1 - 0.05)^(1/N) is the local p-value for a global 0.05 if they were independent
        // and continuous (the toys include the overlaps and the Poisson discreteness).
        let scannedCells = nearest.reduce(0) { $0 + $1.filter { $0 != nil }.count }
        let windowAreas = optimisation.results.compactMap { r -> Double? in
            guard case let .ellipse(_, _, _, _, a, b, _) = r.hypothesis.signalRegion else { return nil }
            return Double.pi * a * b
        }
        if let lee = limits.lookElsewhere, !windowAreas.isEmpty, scannedCells > 0 {
            let n = Double(scannedCells) * mapCell * mapCell / (windowAreas.reduce(0, +) / Double(windowAreas.count))
            let sidak = 1 - pow(0.95, 1 / n)
            summary += String(format: " Trials-factor cross-check: the scanned area holds %.0f independent windows of the mean Punzi-sized area, so independent windows would need a local p-value of %.1e for a global 0.05; the toys give %.1e.",
                              n, sidak, lee.localThreshold(globalP: 0.05))
        }
        return [
            { d in
                var d = d
                d.paragraph(summary)
                for (path, alt) in images where path.hasPrefix("limit") { d.image(path: path, alt: alt) }
                d.table(showcaseTable)
                return d
            },
            { d in
                var d = d
                for (path, alt) in images where path.hasPrefix("punzi") { d.image(path: path, alt: alt) }
                return d
            },
        ]
    }
}
