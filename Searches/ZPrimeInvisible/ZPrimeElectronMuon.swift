import Analysis
import DimuonRecoil
import EventModel
import Foundation

/// The lepton-flavour-violating channel of the invisible-Z' search: e+e- -> e+- mu-+ +
/// invisible, a peak in the mass recoiling against an electron-muon pair (PRL 124 (2020)
/// 141801, 276 pb^-1).
///
/// There is no model to translate into a coupling, so the limits are model-independent
/// 90% CL upper limits on efficiency x cross section per recoil-mass bin
/// (`LimitQuantity.efficiencyTimesCrossSection`), as published. Signal-like events come from
/// `ElectronMuonZPrimeProxy` (the L_mu - L_tau process with the radiating muon turned into an
/// electron); they choose the cuts and are never part of the limit.
///
/// What is shared with the mu mu channel, and why:
/// - the recoil-mass bins (`RecoilMassBins`, the mu mu resolution table): electron and muon
///   tracks have the same momentum resolution in our detector (no bremsstrahlung in the
///   tracker model) and the 2020 paper used one binning; a test measures the proxy's
///   resolution against the table;
/// - the vetoes and the two tunable cuts (pair pT and the tau suppression `pt_rec_min`),
///   re-optimised per bin with the Punzi figure of merit on e mu backgrounds (tau tau ->
///   e mu 4 nu dominates; Bhabha and mu mu enter through misidentification).
/// Different: electron + muon identification, the trigger (two-track or ECL energy), and
/// the systematics (the e mu column of PRL 124 Table I).
public struct ZPrimeElectronMuon: Search {
    public let id = "zprime-invisible-emu"
    public let name = "Lepton-flavour-violating invisible Z' in e+e- -> e+- mu-+ + missing energy"
    public var observableNames: [String] { ElectronMuonObservables.names }
    public let signalModel: any SignalModel = VisibleCrossSectionModel()
    public var limitQuantity: LimitQuantity { .efficiencyTimesCrossSection }
    public let bins: RecoilMassBins

    public init(resolution: ZPrimeResolution = .standard, windowSigmas: Double = 2) {
        bins = RecoilMassBins(resolution: resolution, windowSigmas: windowSigmas)
    }

    /// The recoil mass hypothesis, named as in the mu mu channel.
    public static let massParameter = ZPrimeInvisible.massParameter

    public var parameterRanges: [String: ClosedRange<Double>] { [Self.massParameter: 0.2...9.0] }

    public var selection: Selection {
        Selection(
            preselection: ElectronMuonPreselection.cuts,
            cuts: ElectronMuonPreselection.vetoes + [
                Cut(name: "pt_emu", observable: "pt_emu_cms", comparison: .greater, threshold: 0.0,
                    tunable: .init(low: 0.0, high: 2.0, step: 0.1)),
                Cut(name: "tau_suppression", observable: "pt_rec_min", comparison: .less, threshold: 3.0,
                    tunable: .init(low: 0.1, high: 3.0, step: 0.1)),
            ])
    }

    public func observables(of batch: EventBatch) -> ObservableColumns {
        ElectronMuonObservables.compute(batch)
    }

    public func hypotheses(on grid: MassGrid) throws -> [MassHypothesis] {
        try bins.hypotheses(on: grid, parameter: Self.massParameter, search: id)
    }

    /// Process name of the signal (proxy) sample at a mass.
    public static func signalProcess(mass: Double) -> String { String(format: "zprime_emu_m%.2f", mass) }

    public func blindedRegion(of hypotheses: [MassHypothesis]) -> SignalRegion {
        RecoilMassBins.envelope(of: hypotheses)
    }

    public var backgroundProcesses: [String] { DimuonPreselection.backgroundProcesses }
    /// The three samples of ControlSamples/zprime-invisible-emu/control_samples.yaml.
    public var requiredControlSamples: [String] { ["ee", "emu_gamma", "emu_tau_reversed"] }

    /// PRL 124 (2020) 141801 Table I, e mu column (also in the seminar /work/shared/seeds/002):
    /// trigger 1%, tracking 4%, PID 4% on the signal yield; luminosity 0.7% (arXiv:1910.05365);
    /// background before suppression 2%. The tau-suppression uncertainty (22% in 2020) is
    /// measured on the control sample with the suppression reversed (configuration
    /// `from_control_sample`); the mu mu yield discrepancy has no e mu counterpart ("-").
    public var systematics: [SystematicSource] {
        TwoTrackSystematics.prl124TableI(.electronMuon, origin: "PRL 124 (2020) 141801 Table I (e mu)")
    }

}
