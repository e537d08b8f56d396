import Analysis
import Foundation
import Reporting

/// The Punzi figure-of-merit scans of the report: for each tunable cut, FOM versus its
/// threshold for up to `maxCurves` showcase hypotheses spread over the scan, the chosen
/// threshold marked (`punzi_fom_<cut>.png`). Every kept profile is in optimisation.json
/// (`results[].punzi.scan`).
enum PunziScanReport {
    /// More curves than this on one plot cannot be told apart.
    static let maxCurves = 6

    /// Draws the plots; returns (image file, alt text) for report.md.
    static func write(_ ps: any SearchPackage, optimisation: OptimisationOutput,
                      plot: (any GnuplotPlot, String) -> Void) -> [(String, String)] {
        let showcase = Set(ps.search.showcaseHypotheses(optimisation.results.map(\.punzi.hypothesis)).map(\.index))
        let kept = optimisation.results.filter { $0.punzi.scan != nil && showcase.contains($0.punzi.hypothesis.index) }
        guard let a = kept.first?.punzi.scan?.a else { return [] }
        // Evenly spread over the scan's order (first and last included).
        let picks = kept.count <= maxCurves ? kept
            : (0..<maxCurves).map { kept[Int((Double($0) * Double(kept.count - 1) / Double(maxCurves - 1)).rounded())] }
        let p = ps.presentation
        func label(_ h: MassHypothesis) -> String {
            var parts = [String(format: "%@ = %.2f GeV", p.mass.gnuplot, h.parameters[p.massParameter] ?? .nan)]
            if let second = p.secondaryParameter, let y = h.parameters[second] {
                parts.append(String(format: "%@ = %.2f GeV", (p.secondary ?? PhysicsLabel(latex: second)).gnuplot, y))
            }
            return parts.joined(separator: ", ")
        }
        var images: [(String, String)] = []
        let cuts = Array(Set(picks.flatMap { $0.punzi.scan!.profiles.map(\.cut) })).sorted()
        for cut in cuts {
            let curves = picks.compactMap { r -> FOMScanPlot.Curve? in
                guard let prof = r.punzi.scan?.profile(cut) else { return nil }
                return FOMScanPlot.Curve(label: label(r.punzi.hypothesis), thresholds: prof.thresholds, fom: prof.fom,
                                         chosen: prof.chosen, chosenFOM: r.punzi.train.fom)
            }
            let name = "punzi_fom_\(cut)"
            // The cut's observable, with its symbol and unit when the search gives them.
            let observable = picks.compactMap { $0.punzi.scan?.profile(cut)?.observable }.first ?? cut
            let what: String
            if cut == PunziOptimiser.windowScaleName {
                what = "window scale (fraction of the largest window)"
            } else if let q = p.observables[observable] {
                what = "threshold on \(q.label.gnuplot)" + (q.unit.isEmpty ? "" : " [\(q.unit)]")
            } else {
                what = "threshold on \(GnuplotText.literal(observable))"
            }
            plot(FOMScanPlot(curves: curves, title: "Punzi figure of merit, \(cut == PunziOptimiser.windowScaleName ? "window scale" : GnuplotText.literal(cut)) (training half)",
                             xLabel: what, a: a, stamp: PlotStamp(luminosityInvFb: optimisation.luminosityInvFb)), name)
            images.append(("\(name).png", "Punzi FOM vs \(cut)"))
        }
        return images
    }
}
