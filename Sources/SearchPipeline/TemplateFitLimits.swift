import Analysis
import Foundation
import Statistics

/// Frequentist limits from a binned template fit (method `template-fit`): the signal and
/// background templates of a hypothesis as a pyhf-style HistFactory model, 90% CL upper limit
/// on the signal strength with asymptotic CLs and the q~_mu test statistic (Cowan et al.,
/// EPJC 71 (2011) 1554), as PRL 130 (2023) 231801 did for the invisible Z'.
///
/// Model per channel (template-binning channel, e.g. a bin of a polar angle): signal =
/// mu x (10 events distributed as the signal efficiency template), background = simulation;
/// `signal_syst` and `background_syst` normsys shared by all channels (the r_s and r_b of the
/// systematics table, correlated across bins; the signal MC statistics join r_s through the
/// total efficiency's uncertainty, because a per-bin staterror on a weighted signal sample
/// with few events per bin lets the fit switch the signal off bin by bin), and a `mc_stat`
/// staterror per bin on the background from its simulation statistics.
/// mu = 1 is 10 signal events in the fit range, so sigma_lim = 10 mu_up / (eps_fit L), with
/// eps_fit the signal efficiency summed over the bins. Empty background bins are floored at
/// 1e-3 events (a Poisson mean of zero has no likelihood when data could appear there).
/// normsys "down" factors are floored at 0.1: an uncertainty of 100% or more (thin signal MC)
/// has no symmetric form, and a yield scaled to zero makes the fit degenerate.
public enum TemplateFitLimits {
    public static let signalEventsAtUnitStrength = 10.0
    static let backgroundFloor = 1e-3

    public static func workspace(_ t: HypothesisTemplates, luminosityInvFb: Double, relativeSignalUncertainty rs: Double,
                                 relativeBackgroundUncertainty rb: Double, observed: [Double]?) throws -> PyhfWorkspace {
        let totalEfficiency = t.signalEfficiency.reduce(0, +)
        guard totalEfficiency > 0 else {
            throw AnalysisError.invalidArgument("template fit: no selected signal in the fit range")
        }
        let k = signalEventsAtUnitStrength / totalEfficiency
        let effStat = (t.signalEfficiencyUncertainty.reduce(0) { $0 + $1 * $1 }).squareRoot() / totalEfficiency
        let rsTotal = (rs * rs + effStat * effStat).squareRoot()
        let n = t.binning.binsPerChannel
        var channels: [PyhfWorkspace.Channel] = [], observations: [PyhfWorkspace.Observation] = []
        for c in 0..<t.binning.channels {
            let r = (c * n)..<((c + 1) * n)
            let name = "channel_\(c)"
            let s = r.map { t.signalEfficiency[$0] * k }
            let b = r.map { max(t.background[$0], backgroundFloor) }
            // Empty simulated bins: the floor with a 10% uncertainty (staterror needs one).
            let bu = r.map { t.background[$0] > 0 ? t.backgroundUncertainty[$0] : 0.1 * backgroundFloor }
            channels.append(.init(name: name, samples: [
                .init(name: "signal", data: s, modifiers: [
                    .init(name: "mu", kind: .normfactor),
                    .init(name: "signal_syst", kind: .normsys(hi: 1 + rsTotal, lo: max(1 - rsTotal, 0.1))),
                ]),
                .init(name: "background", data: b, modifiers: [
                    .init(name: "background_syst", kind: .normsys(hi: 1 + rb, lo: max(1 - rb, 0.1))),
                    .init(name: "mc_stat_\(c)", kind: .staterror(uncertainties: bu)),
                ]),
            ]))
            observations.append(.init(name: name, data: observed.map { Array($0[r]) } ?? b))
        }
        return PyhfWorkspace(channels: channels, observations: observations,
                             measurements: [.init(name: observed == nil ? "asimov_background_only_blinded" : "observed",
                                                  poi: "mu", parameters: [.init(name: "mu", bounds: [[0, 1000]])])])
    }

    /// Cross-section and coupling limits of one hypothesis; infinite when no signal is selected.
    public static func limit(_ t: HypothesisTemplates, hypothesis: MassHypothesis, luminosityInvFb: Double,
                             relativeSignalUncertainty rs: Double, relativeBackgroundUncertainty rb: Double,
                             confidenceLevel cl: Double, model: any SignalModel, observed: [Double]?) throws -> LimitPoint {
        let eff = t.signalEfficiency.reduce(0, +)
        guard eff > 0 else {
            let none = ExpectedLimit(median: .infinity, minus2: .infinity, minus1: .infinity, plus1: .infinity, plus2: .infinity)
            return LimitPoint(hypothesis: hypothesis, expectedCrossSectionFb: none, observedCrossSectionFb: observed == nil ? nil : .infinity,
                              expectedCoupling: none, observedCoupling: observed == nil ? nil : .infinity)
        }
        let ws = try workspace(t, luminosityInvFb: luminosityInvFb, relativeSignalUncertainty: rs,
                               relativeBackgroundUncertainty: rb, observed: observed)
        let limits = try AsymptoticCLs.upperLimit(model: HistFactoryModel(workspace: ws), cl: cl)
        let toSigma = signalEventsAtUnitStrength / (eff * luminosityInvFb)
        let e = limits.expected.map { $0 * toSigma }
        let expected = ExpectedLimit(median: e[2], minus2: e[0], minus1: e[1], plus1: e[3], plus2: e[4])
        func g(_ x: Double) throws -> Double { try model.couplingLimit(crossSectionLimitFb: x, parameters: hypothesis.parameters) }
        let obs = observed == nil ? nil : limits.observed * toSigma
        return LimitPoint(hypothesis: hypothesis, expectedCrossSectionFb: expected, observedCrossSectionFb: obs,
                          expectedCoupling: ExpectedLimit(median: try g(expected.median), minus2: try g(expected.minus2),
                                                          minus1: try g(expected.minus1), plus1: try g(expected.plus1),
                                                          plus2: try g(expected.plus2)),
                          observedCoupling: try obs.map(g))
    }
}
