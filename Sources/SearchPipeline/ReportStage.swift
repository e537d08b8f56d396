import Analysis
import Corrections
import Foundation
import Reporting

/// Stage 4: everything a reader needs from the JSON of the earlier stages: limits.csv,
/// HEPData record (hepdata/: limit, cut-flow, control-sample and Punzi tables with their
/// plots, the pyhf workspaces attached; `HEPDataRecord`), one pyhf workspace per mass point (pyhf/), tables (cut flow, systematics, Punzi cuts) in CSV/Markdown/LaTeX,
/// plots (limit curve with the (g-2)_mu band, cut flow, Punzi cuts vs mass, control samples
/// data vs MC) and report.md with provenance. Plots need gnuplot; without it the data and
/// scripts are written and the report says so.
public enum ReportStage {
    public static func run(_ ps: any SearchPackage, directory: URL, provenance: ProvenanceInfo,
                           optimisation: OptimisationOutput, validation: ValidationStageOutput?,
                           limits: LimitsOutput, allWorkspaces: Bool = false) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        var doc = ReportDocument(title: "\(ps.search.name) (\(ps.search.id))", provenance: provenance)
        if let missing = optimisation.missingBackgrounds, !missing.isEmpty {
            doc.paragraph("**Warning: incomplete background.** The simulation lacked \(missing.joined(separator: ", ")), which this search needs; the run went on because `--allow-missing-background` was given, so every expected background and limit below leaves these processes out.")
        }
        var plotNotes: [String] = []
        func plot(_ p: some GnuplotPlot, _ name: String) {
            do { try PlotWriter.write(p, to: directory, baseName: name) } catch { plotNotes.append("\(name): \(error)") }
        }

        // Limits and Punzi cuts: a curve for a 1D scan, maps and slices for a 2D one.
        var limitSections: [(ReportDocument) -> ReportDocument] = []
        var hepTables: [HEPDataTable] = []
        if let second = ps.presentation.secondaryParameter, let geometry = ps.scanGeometry {
            limitSections = try Scan2DReport.write(ps, secondaryParameter: second, geometry: geometry, directory: directory, provenance: provenance,
                                                   optimisation: optimisation, limits: limits, hepdata: &hepTables, plot: { p, n in plot(p, n) })
            // A scan of thousands of windows exports the showcase windows' workspaces; all of
            // them on request (`darksector report SEARCH --run-id ID --all-workspaces`).
            let showcase = Set(ps.search.showcaseHypotheses(optimisation.results.map(\.punzi.hypothesis)).map(\.label))
            let rows = allWorkspaces ? nil : limits.rows.indices.filter { showcase.contains(optimisation.results[$0].punzi.hypothesis.label) }
            try PyhfExport.write(limits, model: ps.search.signalModel, to: directory, rows: rows)
            limitSections.append { d in
                var d = d
                d.paragraph(allWorkspaces ? "pyhf/: the counting workspace of every window (pyhf/poi.json: what mu = 1 is)."
                            : "pyhf/: the counting workspaces of the \(rows?.count ?? 0) windows nearest to the generated points (pyhf/poi.json: what mu = 1 is); `darksector report \(ps.search.id) --run-id \(provenance.runID) --all-workspaces` writes all \(limits.rows.count).")
                return d
            }
        } else {
            limitSections = try oneDimensional(ps, directory: directory, provenance: provenance, optimisation: optimisation,
                                               limits: limits, hepdata: &hepTables, plot: { p, n in plot(p, n) })
        }

        // Cut flow: MC at default thresholds, per process.
        let flow = optimisation.mcCutFlow
        let flowTable = try ResultTable(
            title: "Cut flow (simulation, \(optimisation.luminosityInvFb) fb^-1, default thresholds)",
            columns: [ColumnHeader("cut")] + flow.processes.map { ColumnHeader($0) },
            rows: flow.cuts.enumerated().map { j, cut in
                [.text(cut)] + flow.processes.map { p in .measured(flow.yields[p]![j], flow.sumW2[p]![j].squareRoot()) }
            })
        try TableWriter.write(flowTable, to: directory, baseName: "cutflow")
        let signalProcesses = Set(optimisation.signalProcesses ?? [])
        let bkgProcesses = flow.processes.filter { !signalProcesses.contains($0) }
        let totals = flow.total(processes: bkgProcesses).yields
        plot(LinePlot.cutFlow(names: flow.cuts, counts: totals, title: "Cut flow, all backgrounds",
                              stamp: PlotStamp(luminosityInvFb: optimisation.luminosityInvFb)), "cutflow")
        var flowHEPData = try HEPDataTable(resultTable: flowTable, name: "Cut flow",
                                           description: "Simulated yields (events at \(optimisation.luminosityInvFb) fb$^{-1}$) of each process after each cut of the preselection and the selection at its default thresholds; uncertainties from the simulation's sum of squared weights.",
                                           reactions: [], observables: ["N"])
        flowHEPData.images = HEPDataRecord.image(directory, "cutflow")
        hepTables.append(flowHEPData)

        // Systematics at each mass point (first, middle, last).
        if let table = validation?.systematics {
            let picks = Array(Set([0, limits.rows.count / 2, limits.rows.count - 1])).sorted().map { limits.rows[$0] }
            let names = table.sources.map(\.name)
            var rows: [[TableCell]] = []
            for (k, s) in table.sources.enumerated() {
                var row: [TableCell] = [.text(names[k]), .text(s.affects.rawValue), .text(s.origin)]
                for p in picks { row.append(.value((try? s.value.value(at: p.point.hypothesis.parameters, source: s.name)) ?? .nan)) }
                rows.append(row)
            }
            let sysTable = try ResultTable(
                title: "Relative systematic uncertainties",
                columns: ["source", "affects", "origin"] + picks.map { ColumnHeader($0.point.hypothesis.label) }, rows: rows)
            try TableWriter.write(sysTable, to: directory, baseName: "systematics")
            doc.section("Systematic uncertainties")
            doc.table(sysTable)
        }

        // Corrections measured in control samples, and what they do to the validation.
        if let v = validation, let set = v.corrections {
            doc.section("Data/MC corrections (measured in control samples)")
            doc.paragraph("Measured in calibration samples of data and simulation (`darksector calibrate`; each sample chosen so that no event of it lies in a blinded region) and applied to all simulation (backgrounds and signal) as per-event weights, momentum re-smearing or beam-background overlay. The control samples below judge them without the calibration samples' events (`CalibrationSampleVeto`). Table: corrections.csv / .md / .tex.")
            try CalibrateStage.writeTable(set, to: directory)
            if let t = try? ResultTable(title: "Corrections", columns: ["correction", "bin", "data", "MC", "factor", "stat.", "syst."],
                                        rows: set.corrections.map { c in
                                            [.text(c.name), .text(c.bin), .measured(c.dataValue, c.dataUncertainty),
                                             .measured(c.mcValue, c.mcUncertainty), .value(c.value, format: .fixed(4)),
                                             .value(c.statUncertainty, format: .fixed(4)), .value(c.systUncertainty, format: .fixed(4))]
                                        }) {
                doc.table(t)
            }
            if !set.notes.isEmpty { doc.bullets(set.notes) }
            if let before = v.uncorrected {
                var rows: [[TableCell]] = []
                for after in v.outcome.results {
                    guard let b = before.first(where: { $0.name == after.name }) else { continue }
                    func chi(_ r: ControlSampleResult) -> TableCell { r.shape.map { .text(String(format: "%.1f/%d", $0.chi2, $0.ndf)) } ?? .text("-") }
                    rows.append([.text(after.name), .measured(b.ratio, b.ratioUncertainty, format: .fixed(3)), chi(b), .text(b.passed ? "pass" : "fail"),
                                 .measured(after.ratio, after.ratioUncertainty, format: .fixed(3)), chi(after), .text(after.passed ? "pass" : "fail")])
                }
                if let t = try? ResultTable(title: "Control samples before and after correction (calibration events removed)",
                                            columns: ["control sample", "data/MC before", "chi2/ndf before", "before",
                                                      "data/MC after", "chi2/ndf after", "after"], rows: rows) {
                    try TableWriter.write(t, to: directory, baseName: "validation_before_after")
                    doc.table(t)
                }
            }
        }

        // Control samples.
        if let v = validation {
            doc.section("Control samples (data vs simulation, signal regions blinded)")
            var bullets: [String] = []
            for r in v.outcome.results {
                bullets.append("\(r.name): data \(r.dataYield), MC \(String(format: "%.1f", r.mcYield)) +- \(String(format: "%.1f", r.mcUncertainty)), ratio \(String(format: "%.3f +- %.3f", r.ratio, r.ratioUncertainty)), \(r.passed ? "PASS" : "FAIL: " + r.failures.joined(separator: "; "))")
                for c in r.resolutions {
                    bullets.append(String(format: "%@: core width of %@ (half the central 68%%): data %.4g +- %.2g, MC %.4g +- %.2g, data/MC %.3f +- %.3f",
                                          r.name, c.observable, c.data, c.dataUncertainty, c.mc, c.mcUncertainty, c.ratio, c.ratioUncertainty))
                }
                let q = ps.presentation.quantity(of: r.shape?.observable ?? "")
                if let s = r.shape, let mc = try? Histogram1D(binEdges: s.edges, values: s.mc, sumw2: s.mcUncertainty.map { $0 * $0 }, label: "MC", xName: q.label.gnuplot, unit: q.unit),
                   let data = try? Histogram1D(binEdges: s.edges, values: s.data, label: "pseudo-data", xName: q.label.gnuplot, unit: q.unit) {
                    // MC stacked per process, smallest yield at the bottom (mplhep's sort="yield");
                    // the total keeps the validation's MC uncertainty, the chi2 is the validation's.
                    let processes = (s.mcByProcess ?? [:]).sorted { ($0.value.reduce(0, +), $0.key) < ($1.value.reduce(0, +), $1.key) }
                        .compactMap { try? Histogram1D(binEdges: s.edges, values: $0.value, sumw2: $0.value.map { _ in 0 }, label: $0.key, xName: q.label.gnuplot, unit: q.unit) }
                    let chi2 = StackPlot.Chi2Summary(chi2: s.chi2, ndf: s.ndf,
                                                     note: String(format: "bins grouped to ≥ %g eff. MC events", ControlSampleValidator.minimumEffectiveEntries))
                    plot(StackPlot(mc: processes, mcTotal: mc, data: data, chi2: chi2, title: "Control sample \(GnuplotText.literal(r.name))",
                                   stamp: PlotStamp(luminosityInvFb: optimisation.luminosityInvFb, pseudoData: true)), "control_\(r.name)")
                    doc.image(path: "control_\(r.name).png", alt: "control sample \(r.name)")
                    if let latexData = try? Histogram1D(binEdges: s.edges, values: s.data, label: "pseudo-data", xName: q.label.inlineLaTeX, unit: q.unit),
                       let latexMC = try? Histogram1D(binEdges: s.edges, values: s.mc, sumw2: s.mcUncertainty.map { $0 * $0 }, label: "simulation (all processes)", xName: q.label.inlineLaTeX, unit: q.unit),
                       var t = try? HEPDataTable(histograms: [latexData, latexMC], name: "Control sample \(r.name)",
                                                 description: String(format: "Control sample %@ (signal regions blinded): pseudo-data and simulation; chi2/ndf = %.1f/%d with bins grouped to at least %g effective simulated events.",
                                                                     r.name, s.chi2, s.ndf, ControlSampleValidator.minimumEffectiveEntries),
                                                 reactions: []) {
                        t.images = HEPDataRecord.image(directory, "control_\(r.name)")
                        hepTables.append(t)
                    }
                }
            }
            doc.bullets(bullets + v.notes)
            doc.paragraph(v.outcome.passed ? "Validation passed for configuration \(v.outcome.configurationHash)."
                                           : "Validation FAILED: unblinding is refused for this configuration.")
        }

        doc.section("Limits")
        doc.paragraph(limits.unblinded ? "UNBLINDED run: observed limits shown." : "Blinded run: expected limits only.")
        let untestable = limits.rows.filter { $0.notTestable != nil }
        if !untestable.isEmpty {
            let examples = untestable.prefix(3).map(\.point.hypothesis.label).joined(separator: "; ")
            doc.paragraph("\(untestable.count) of \(limits.rows.count) hypotheses are not testable (\(untestable[0].notTestable!)); they are left out of curves and maps, and their limits are null in limits.json (e.g. \(examples)).")
        }
        if let lee = limits.lookElsewhere {
            doc.paragraph(String(format: "Look-elsewhere effect from %d background-only pseudo-experiments over all %d windows: a local p-value of %.2e is needed for a global p-value of 0.05, and %.2e for 0.00135 (3 sigma).",
                                 lee.toys, optimisation.results.count, lee.localThreshold(globalP: 0.05), lee.localThreshold(globalP: 0.00135)))
        }
        if let x = limits.largestExcess {
            doc.paragraph(String(format: "Largest excess: %@, %d observed on %.2f expected; local p = %.2e (%.2f sigma), global p = %@ (%@ sigma, %@ toys).",
                                 x.hypothesis, x.observed, x.background, x.localPValue, x.localSignificance,
                                 x.globalPValue.map { String(format: "%.3f", $0) } ?? "n/a",
                                 x.globalSignificance.map { String(format: "%.2f", $0) } ?? "n/a", x.toys.map(String.init) ?? "no"))
        }
        for add in limitSections.prefix(1) { doc = add(doc) }
        doc.section("Selection")
        doc.table(flowTable)
        doc.image(path: "cutflow.png", alt: "cut flow")
        for add in limitSections.dropFirst() { doc = add(doc) }
        let fomImages = PunziScanReport.write(ps, optimisation: optimisation, plot: { p, n in plot(p, n) })
        if !fomImages.isEmpty {
            doc.paragraph("Punzi figure of merit versus each tunable cut, the other cuts at their chosen thresholds, on the training half; the dot is the chosen cut (off the maximum where regularised). Every kept scan: optimisation.json, results[].punzi.scan.")
            for (path, alt) in fomImages { doc.image(path: path, alt: alt) }
        }
        try HEPDataRecord.write(ps, tables: hepTables, directory: directory, provenance: provenance,
                                luminosityInvFb: optimisation.luminosityInvFb, unblinded: limits.unblinded, notes: &plotNotes)
        if !plotNotes.isEmpty {
            doc.section("Plots not drawn")
            doc.bullets(plotNotes)
        }
        try doc.write(to: directory.appendingPathComponent("report.md"))
    }

    /// Limit curve, tables, HEPData and pyhf workspaces of a one-parameter scan; returns the
    /// report sections (limits, then Punzi cuts).
    static func oneDimensional(_ ps: any SearchPackage, directory: URL, provenance: ProvenanceInfo,
                               optimisation: OptimisationOutput, limits: LimitsOutput, hepdata hepTables: inout [HEPDataTable],
                               plot: (any GnuplotPlot, String) -> Void) throws -> [(ReportDocument) -> ReportDocument] {
        let fm = FileManager.default
        let p = ps.presentation
        let masses = limits.rows.map { (try? $0.point.hypothesis.parameter(p.massParameter)) ?? .nan }
        var limitRows: [[TableCell]] = []
        // The efficiency column is the signal MC's: for a model-independent search (limits on
        // eps x sigma) that is the proxy's, which chose the cuts but is not in the limit.
        let mcEfficiency = Dictionary(optimisation.results.map { ($0.hypothesis.index, $0.signalEfficiency) }, uniquingKeysWith: { a, _ in a })
        let modelIndependent = ps.search.limitQuantity == .efficiencyTimesCrossSection
        for (m, r) in zip(masses, limits.rows) {
            let e = r.point.expectedCoupling
            let eff = mcEfficiency[r.point.hypothesis.index] ?? r.input.signalEfficiency
            limitRows.append([.value(m), .value(eff), .value(r.input.expectedBackground),
                              .value(r.point.expectedCrossSectionFb.median), .value(e.minus2), .value(e.minus1),
                              .value(e.median), .value(e.plus1), .value(e.plus2),
                              r.point.observedCoupling.map { .value($0) } ?? .text("blinded")])
        }
        let limitTable = try ResultTable(
            title: "\(Int(limits.confidenceLevel * 100))% CL upper limits on \(p.coupling.plain)",
            columns: [ColumnHeader(p.massParameter, unit: "GeV"), modelIndependent ? "signal-proxy efficiency (not in the limit)" : "efficiency",
                      "expected background",
                      ColumnHeader(modelIndependent ? "expected eff x sigma" : "expected sigma x BF", unit: "fb"), "-2 sigma", "-1 sigma", "expected",
                      "+1 sigma", "+2 sigma", "observed"],
            rows: limitRows, caption: modelIndependent
                ? limits.method + "; model-independent: limits on efficiency x cross section, the yield limit divided by the luminosity"
                : limits.method)
        let limitFiles = try TableWriter.write(limitTable, to: directory, baseName: "limits_table")
        try? fm.removeItem(at: directory.appendingPathComponent("limits.csv"))
        try fm.copyItem(at: limitFiles[0], to: directory.appendingPathComponent("limits.csv"))
        // Hypotheses without sensitivity (no selected signal: infinite limit) are left off the curve.
        let sensitive = limits.rows.indices.filter { limits.rows[$0].point.expectedCoupling.plus2.isFinite }
        let curveRows = sensitive.map { limits.rows[$0] }
        let curve = try LimitCurve(
            massesGeV: sensitive.map { masses[$0] }, expected: curveRows.map(\.point.expectedCoupling.median),
            expectedMinus1Sigma: curveRows.map(\.point.expectedCoupling.minus1),
            expectedPlus1Sigma: curveRows.map(\.point.expectedCoupling.plus1),
            expectedMinus2Sigma: curveRows.map(\.point.expectedCoupling.minus2),
            expectedPlus2Sigma: curveRows.map(\.point.expectedCoupling.plus2),
            observed: limits.unblinded ? curveRows.map { $0.point.observedCoupling ?? .nan } : nil,
            quantity: p.coupling.gnuplot, massName: p.mass.gnuplot, confidenceLevel: limits.confidenceLevel,
            method: "Bayesian counting")
        let stamp = PlotStamp(luminosityInvFb: optimisation.luminosityInvFb, pseudoData: limits.unblinded, blinded: !limits.unblinded)
        // The template fit (frequentist, asymptotic CLs) drawn over the Bayesian band.
        var references = ps.referenceCurves()
        var templateTable: ResultTable? = nil
        var templateCurve: LimitCurve? = nil
        if let tf = limits.templateFit {
            let ok = tf.indices.filter { tf[$0].expectedCoupling.plus2.isFinite }
            references.append(ReferenceCurve(label: "template fit, CLs: expected", massesGeV: ok.map { masses[$0] },
                                             values: ok.map { tf[$0].expectedCoupling.median }))
            if limits.unblinded {
                references.append(ReferenceCurve(label: "template fit, CLs: observed", massesGeV: ok.map { masses[$0] },
                                                 values: ok.map { tf[$0].observedCoupling ?? .nan }))
            }
            templateCurve = try LimitCurve(
                massesGeV: ok.map { masses[$0] }, expected: ok.map { tf[$0].expectedCoupling.median },
                expectedMinus1Sigma: ok.map { tf[$0].expectedCoupling.minus1 }, expectedPlus1Sigma: ok.map { tf[$0].expectedCoupling.plus1 },
                expectedMinus2Sigma: ok.map { tf[$0].expectedCoupling.minus2 }, expectedPlus2Sigma: ok.map { tf[$0].expectedCoupling.plus2 },
                observed: limits.unblinded ? ok.map { tf[$0].observedCoupling ?? .nan } : nil,
                quantity: p.coupling.gnuplot, massName: p.mass.gnuplot, confidenceLevel: limits.confidenceLevel,
                method: "binned template fit, asymptotic CLs")
            templateTable = try ResultTable(
                title: "\(Int(limits.confidenceLevel * 100))% CL upper limits on \(p.coupling.plain), binned template fit (asymptotic CLs)",
                columns: [ColumnHeader(p.massParameter, unit: "GeV"), ColumnHeader("expected sigma x BF", unit: "fb"),
                          "-2 sigma", "-1 sigma", "expected", "+1 sigma", "+2 sigma", "observed"],
                rows: tf.indices.map { i in
                    let e = tf[i].expectedCoupling
                    return [.value(masses[i]), .value(tf[i].expectedCrossSectionFb.median), .value(e.minus2), .value(e.minus1),
                            .value(e.median), .value(e.plus1), .value(e.plus2), tf[i].observedCoupling.map { .value($0) } ?? .text("blinded")]
                }, caption: [p.templateFitDescription, "HistFactory model with normsys and staterror; asymptotic CLs with q~_mu."].compactMap { $0 }.joined(separator: "; "))
            try TableWriter.write(templateTable!, to: directory, baseName: "limits_template_fit")
            plot(LimitPlot(curve: templateCurve!, title: "\(ps.search.id): \(p.coupling.gnuplot) vs \(p.mass.gnuplot), template fit (CLs)",
                           extraBands: ps.referenceBands(massesGeV: templateCurve!.massesGeV), stamp: stamp), "limit_coupling_template_fit")
        }
        plot(LimitPlot(curve: curve, title: "\(ps.search.id): \(p.coupling.gnuplot) vs \(p.mass.gnuplot)",
                       extraBands: ps.referenceBands(massesGeV: curve.massesGeV), references: references, stamp: stamp), "limit_coupling")
        let phrases = HEPDataRecord.limitPhrases(ps, unblinded: limits.unblinded)
        var table = HEPDataTable(limitCurve: p.forHEPData(curve), name: "Upper limits on \(p.coupling.inlineLaTeX)",
                                 description: "\(Int(limits.confidenceLevel * 100))% CL upper limits on \(p.coupling.inlineLaTeX) versus \(p.mass.inlineLaTeX), \(limits.method).",
                                 reactions: ps.hepdataReactions, phrases: phrases)
        table.images = HEPDataRecord.image(directory, "limit_coupling")
        hepTables.append(table)
        if let templateCurve {
            var t = HEPDataTable(limitCurve: p.forHEPData(templateCurve), name: "Upper limits on \(p.coupling.inlineLaTeX), template fit",
                                 description: "\(Int(limits.confidenceLevel * 100))% CL upper limits on \(p.coupling.inlineLaTeX) versus \(p.mass.inlineLaTeX) from a binned template fit with asymptotic CLs.",
                                 reactions: ps.hepdataReactions, phrases: phrases)
            t.images = HEPDataRecord.image(directory, "limit_coupling_template_fit")
            hepTables.append(t)
        }
        try PyhfExport.write(limits, model: ps.search.signalModel, to: directory)

        // Punzi cuts vs mass.
        let tunable = Array(Set(optimisation.results.flatMap { $0.punzi.thresholds.keys })).sorted()
        let punziTable = try ResultTable(
            title: "Punzi-optimal thresholds per signal region",
            columns: [ColumnHeader(ps.presentation.massParameter, unit: "GeV"), "window low", "window high"] + tunable.map { ColumnHeader($0) }
                + ["FOM (test)", "regularised"],
            rows: optimisation.results.map { r in
                var lo = Double.nan, hi = Double.nan
                if case let .interval(_, l, h) = r.hypothesis.signalRegion { lo = l; hi = h }
                // A region that is not one interval (the ALP's union over three pairings) has no single window: empty cells.
                return [.value(r.hypothesis.parameters[ps.presentation.massParameter] ?? .nan),
                        lo.isFinite ? .value(lo) : .empty, hi.isFinite ? .value(hi) : .empty]
                    + tunable.map { .value(r.punzi.thresholds[$0] ?? .nan) }
                    + [.value(r.punzi.test.fom), .text(r.punzi.regularised ? "yes" : "no")]
            })
        try TableWriter.write(punziTable, to: directory, baseName: "punzi_cuts")
        var punziHEPData = try HEPDataTable(resultTable: punziTable, name: "Punzi-optimal thresholds",
                                            description: "Thresholds chosen per \(p.mass.inlineLaTeX) by Punzi's figure of merit on the training half of the simulation, and the figure of merit on the test half.",
                                            reactions: ps.hepdataReactions)
        punziHEPData.images = HEPDataRecord.image(directory, "punzi_cuts")
        hepTables.append(punziHEPData)
        plot(LinePlot(series: tunable.map { name in
            LineSeries(label: name, x: masses, y: optimisation.results.map { $0.punzi.thresholds[name] ?? .nan })
        }, title: "Punzi-optimal cuts", xLabel: "\(ps.presentation.mass.gnuplot) [GeV]", yLabel: "threshold [GeV]",
           stamp: PlotStamp(luminosityInvFb: optimisation.luminosityInvFb)), "punzi_cuts")

        return [
            { d in
                var d = d
                d.image(path: "limit_coupling.png", alt: "limit on \(ps.presentation.coupling.plain)")
                d.table(limitTable)
                if let templateTable {
                    d.image(path: "limit_coupling_template_fit.png", alt: "template-fit limit")
                    d.table(templateTable)
                }
                return d
            },
            { d in var d = d; d.table(punziTable); d.image(path: "punzi_cuts.png", alt: "Punzi cuts"); return d },
        ]
    }
}
