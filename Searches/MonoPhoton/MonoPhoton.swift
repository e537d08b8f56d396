import Analysis
import EventModel
import Foundation
import Kinematics

/// e+e- -> gamma A', A' -> invisible: one photon of CMS energy E* = (s - m^2)/(2 sqrt(s)) and
/// nothing else, limits on the kinetic mixing eps versus m_A' (BF(A' -> invisible) = 1).
///
/// After BaBar PRL 119 (2017) 131804 and the single-photon selection of the Belle II Physics
/// Book (arXiv:1808.10567, dark-sector chapter):
/// - preselection: no track, the single-photon trigger (E* > 1 GeV in the barrel), the
///   candidate photon in the ECL barrel (32.2-128.7 deg lab, away from the gaps) with
///   E* > 1 GeV, and the KLM veto (no KLM cluster without a track or an ECL cluster in
///   front: a photon that crossed a gap or punched through the crystals; BaBar's IFR veto);
/// - three cuts Punzi optimises per mass: `extra_energy` (all other clusters, below t; the
///   second photon of gamma gamma, radiative Bhabha leptons' showers) and `partner_margin`
///   (the back-to-back direction of the photon enters the instrumented ECL at least t deg from
///   an edge: closes the gamma gamma events whose other photon is lost in a gap or past an
///   endcap, the main door of the background; `MonoPhotonObservables`) and `beam_escape`
///   (the photon's transverse momentum is more than t times what particles escaping outside
///   the ECL coverage could balance: t = 1 removes radiative Bhabha with both leptons down
///   the beam pipe; the loosest t = 0 removes nothing, for high masses where the signal is
///   confined the same way);
/// - signal region per mass: M2_miss in m^2 +- 2 sigma (`MissingMassWindows`).
/// Not done (issue #17): random (beam-induced) KLM clusters, which would cost the veto some
/// signal efficiency; a template fit.
public struct MonoPhoton: Search {
    public let id = "mono-photon"
    public let name = "Invisible dark photon in e+e- -> gamma A' (single photon)"
    public var observableNames: [String] { MonoPhotonObservables.names }
    public let windows: MissingMassWindows
    public let signalModel: any SignalModel
    public let requiredControlSamples: [String]

    public static let massParameter = "m_aprime"

    public init(signalModel: any SignalModel, windowSigmas: Double = 2,
                resolution: PhotonEnergyResolution = .belleIIECL,
                requiredControlSamples: [String] = ["two_photon_seen", "high_m2_sideband"]) {
        self.signalModel = signalModel
        windows = MissingMassWindows(resolution: resolution, windowSigmas: windowSigmas, sqrtS: BelleIIBeams.y4S.sqrtS)
        self.requiredControlSamples = requiredControlSamples
    }

    /// 0-8 GeV, BaBar's range. Above 8 GeV E* < 2.3 GeV, approaching the 1 GeV trigger
    /// threshold where the radiative-Bhabha and three-photon backgrounds rise steeply.
    public var parameterRanges: [String: ClosedRange<Double>] { [Self.massParameter: 0.0...8.0] }

    public var selection: Selection {
        Selection(
            preselection: [
                Cut(name: "no_tracks", observable: "n_tracks", comparison: .less, threshold: 0.5),
                Cut(name: "trigger", observable: "trigger_single_photon", comparison: .greater, threshold: 0.5),
                Cut(name: "barrel_forward", observable: "photon_theta_lab_deg", comparison: .greater, threshold: 32.2),
                Cut(name: "barrel_backward", observable: "photon_theta_lab_deg", comparison: .less, threshold: 128.7),
                Cut(name: "photon_energy", observable: "photon_e_cms", comparison: .greater, threshold: 1.0),
                Cut(name: "klm_veto", observable: "n_klm_neutral", comparison: .less, threshold: 0.5),
            ],
            cuts: [
                Cut(name: "extra_energy", observable: "extra_energy", comparison: .less, threshold: 0.3,
                    tunable: .init(low: 0.1, high: 0.6, step: 0.1)),
                Cut(name: "partner_margin", observable: "partner_ecl_margin_deg", comparison: .greater, threshold: 1.0,
                    tunable: .init(low: 0.0, high: 4.0, step: 0.5)),
                Cut(name: "beam_escape", observable: "escape_pt_ratio", comparison: .greater, threshold: 1.0,
                    tunable: .init(low: 0.0, high: 1.2, step: 0.1)),
            ])
    }

    public func observables(of batch: EventBatch) -> ObservableColumns { MonoPhotonObservables.compute(batch) }

    public func hypotheses(on grid: MassGrid) throws -> [MassHypothesis] {
        try windows.hypotheses(on: grid, parameter: Self.massParameter, search: id)
    }

    public func blindedRegion(of hypotheses: [MassHypothesis]) -> SignalRegion {
        MissingMassWindows.envelope(of: hypotheses)
    }

    /// Process name of the signal sample at a mass.
    public static func signalProcess(mass: Double) -> String { String(format: "gammaAPrime_m%.2f", mass) }

    /// gamma gamma (gamma) with photons lost and radiative Bhabha with both leptons lost
    /// (docs/physics/generators.md). The irreducible nu nubar gamma is used when present but
    /// not required: 1.4 fb in the single-photon skim, 7e-5 events at 0.05 fb^-1 in the
    /// emptiest window's 1e1-1e2, and a pseudo-data production below one expected event writes
    /// no nunugamma data shard at all, which would make unblinding impossible (it requires data
    /// of every listed process).
    public var backgroundProcesses: [String] { ["gammagamma", "gammagammagamma", "eegamma"] }

    /// Luminosity 0.7% (arXiv:1910.05365, as the other searches); single-photon trigger 2%
    /// and photon reconstruction 2%: half the spread of the 95-99% figures of shared/PHYSICS.md
    /// (assumptions, to be replaced by the two_photon_seen control sample's measurement).
    /// Named `single_photon_trigger`, not `trigger`: `MeasuredSystematics` replaces a row named
    /// `trigger` by the two-track trigger's measured uncertainty, which says nothing about the
    /// single-photon line this search uses.
    public var systematics: [SystematicSource] {
        [
            SystematicSource(name: "single_photon_trigger", affects: .signalEfficiency, value: .constant(0.02),
                             origin: "assumption: half the 95-99% single-photon trigger range (PHYSICS.md)"),
            SystematicSource(name: "photon_efficiency", affects: .signalEfficiency, value: .constant(0.02),
                             origin: "assumption: half the 95-99% barrel photon-efficiency range (PHYSICS.md)"),
            SystematicSource(name: "luminosity", affects: .luminosity, value: .constant(0.007), origin: "arXiv:1910.05365"),
        ]
    }
}
