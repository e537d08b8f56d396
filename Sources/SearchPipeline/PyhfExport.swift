import Analysis
import Foundation
import Statistics

/// One pyhf workspace per mass point (`pyhf/<label>.json`), the counting experiment the
/// Bayesian limit used, so that it can be redone with pyhf (CLs) or shared.
///
/// Signal: nominal yield eps x L x sigma(g'_ref) x BF at the reference coupling, scaled by the
/// POI `mu` (= (g'/g'_ref)^2 for a sigma proportional to g'^2), with a `histosys` of +-r_s;
/// background: the MC expectation with a `histosys` of +-r_b. Linear (`histosys`), not
/// exponential (`normsys`), because a relative Gaussian uncertainty on a yield is linear in its
/// nuisance, as docs/STATS.md ("Counting CLs") and the suite's counting CLs have it; the
/// down variation is floored at zero events. Observations: in a blinded run
/// the background expectation (an Asimov background-only dataset, named so), never data;
/// the observed count only in an unblinded run.
public enum PyhfExport {
    public static func workspace(row: LimitsOutput.Row, model: any SignalModel) throws -> PyhfWorkspace {
        let h = row.input.hypothesis
        let sigmaRef = try model.crossSectionFb(parameters: h.parameters, coupling: model.referenceCoupling)
        let s = row.input.signalEfficiency * row.input.luminosityInvFb * sigmaRef
        let b = row.input.expectedBackground
        let rs = row.input.relativeSignalUncertainty, rb = row.input.relativeBackgroundUncertainty
        let channel = "signal_region"
        let signal = PyhfWorkspace.Sample(name: "signal", data: [s], modifiers: [
            .init(name: "mu", kind: .normfactor),
            .init(name: "signal_syst", kind: .histosys(hiData: [s * (1 + rs)], loData: [s * max(1 - rs, 0)])),
        ])
        let background = PyhfWorkspace.Sample(name: "background", data: [b], modifiers: [
            .init(name: "background_syst", kind: .histosys(hiData: [b * (1 + rb)], loData: [b * max(1 - rb, 0)])),
        ])
        let observed = row.observed.map { Double($0) }
        let observation = PyhfWorkspace.Observation(name: channel, data: [observed ?? b])
        return PyhfWorkspace(channels: [.init(name: channel, samples: [signal, background])],
                             observations: [observation],
                             measurements: [.init(name: observed == nil ? "asimov_background_only_blinded" : "observed",
                                                  poi: "mu", parameters: [.init(name: "mu", bounds: [[0, 1e6]])])])
    }

    /// What the POI of one exported workspace means: the cross section (fb) and the coupling
    /// at mu = 1, so that any pyhf limit on mu converts to the quantities the report quotes
    /// (mu scales the cross section; a coupling with sigma proportional to its square scales
    /// as sqrt(mu)).
    public struct POIMeaning: Codable, Sendable {
        public var workspace: String
        public var method: String
        public var meaning: String
        public var crossSectionFbAtMuOne: Double
        public var coupling: String
        public var couplingAtMuOne: Double

        enum CodingKeys: String, CodingKey {
            case workspace, method, meaning, coupling
            case crossSectionFbAtMuOne = "cross_section_fb_at_mu_1", couplingAtMuOne = "coupling_at_mu_1"
        }
    }

    /// Writes every mass point's counting workspace under `directory/pyhf/` (`<label>.json`),
    /// the template-fit workspaces when the run has them (`<label>_template_fit.json`), and
    /// `poi.json`: for each file, what mu = 1 is in cross section and coupling.
    /// `rows`: only these rows (indices into `limits.rows`); nil: all.
    public static func write(_ limits: LimitsOutput, model: any SignalModel, to directory: URL, rows only: [Int]? = nil) throws {
        let dir = directory.appendingPathComponent("pyhf")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var meanings: [POIMeaning] = []
        for i in only ?? Array(limits.rows.indices) {
            let row = limits.rows[i]
            let h = row.input.hypothesis
            let name = h.label.replacingOccurrences(of: "=", with: "_").replacingOccurrences(of: ",", with: "__")
            try workspace(row: row, model: model).write(to: dir.appendingPathComponent("\(name).json"))
            let sigmaRef = try model.crossSectionFb(parameters: h.parameters, coupling: model.referenceCoupling)
            meanings.append(POIMeaning(workspace: "\(name).json", method: "counting (the Bayesian limit's experiment)",
                                       meaning: "mu scales the signal yield at the reference coupling",
                                       crossSectionFbAtMuOne: sigmaRef, coupling: model.couplingName,
                                       couplingAtMuOne: model.referenceCoupling))
            guard let input = limits.templateFitInputs?[i] else { continue }
            let efficiency = input.templates.signalEfficiency.reduce(0, +)
            guard efficiency > 0 else { continue }
            let ws = try TemplateFitLimits.workspace(input.templates, luminosityInvFb: row.input.luminosityInvFb,
                                                     relativeSignalUncertainty: input.relativeSignalUncertainty,
                                                     relativeBackgroundUncertainty: input.relativeBackgroundUncertainty,
                                                     observed: input.observed)
            try ws.write(to: dir.appendingPathComponent("\(name)_template_fit.json"))
            let sigmaAtOne = TemplateFitLimits.signalEventsAtUnitStrength / (efficiency * row.input.luminosityInvFb)
            meanings.append(POIMeaning(workspace: "\(name)_template_fit.json", method: "binned template fit (asymptotic CLs)",
                                       meaning: "mu = 1 is \(Int(TemplateFitLimits.signalEventsAtUnitStrength)) signal events in the fit range",
                                       crossSectionFbAtMuOne: sigmaAtOne, coupling: model.couplingName,
                                       couplingAtMuOne: try model.couplingLimit(crossSectionLimitFb: sigmaAtOne, parameters: h.parameters)))
        }
        try StageFile.write(meanings, to: dir.appendingPathComponent("poi.json"))
    }
}
