import Analysis
import DimuonRecoil
import EventModel
import Foundation

/// e+e- -> A' h', A' -> mu+ mu-, h' invisible (M_h' < M_A'): a peak in the plane of the
/// dimuon mass and the mass recoiling against it, in events with a muon pair and nothing else.
///
/// Follows Belle II PRL 130 (2023) 071804 (8.34 fb^-1; seminar seeds/002: "9000 sliding
/// elliptical windows", Bayesian counting, M_mumu > 1.65 GeV for the trigger). Choices:
/// - Selection: the shared `DimuonPreselection` of the invisible-Z' search plus
///   M_mumu > 1.65 GeV; the Z' tau suppression (a muon collinear with the recoil) has no
///   meaning here, so the background suppression is re-optimised for this topology with two
///   tunable cuts: dimuon CMS pT above t (radiative mu mu and e e mu mu have their missing
///   momentum along the beams) and |cos theta| of the recoil in the CMS below t (same
///   reason; the signal's A' h' axis follows lambda sin^2 theta + 8 m_A'^2/s).
/// - Windows: ellipses in (M_mumu, M_rec) centred on (M_A', M_h') with the covariance of the
///   measured resolutions (`DarkHiggsResolution`, correlation included), `window_semi_axis_sigmas`
///   standard deviations at most; the Punzi optimiser shrinks each one (configuration
///   `punzi.window_scale`). Centres slide by `window_step` times the semi-axis in each
///   direction, so neighbouring windows overlap; the defaults give about 9000 windows over
///   the triangle, as published.
/// - Signal between generated points: `SignalMorphing` of the four surrounding samples of
///   `DarkHiggsSignalGrid` (bilinear weights, peaks moved and stretched to the window).
public struct DarkHiggsstrahlung: Search {
    public let id = "dark-higgsstrahlung"
    public let name = "Dark Higgsstrahlung e+e- -> A' h' (A' -> mu+ mu-, h' invisible)"
    public var observableNames: [String] { DimuonRecoilObservables.names + DarkHiggsRecoilAcceptance.names }
    public let resolution: DarkHiggsResolution
    public let signalModel: any SignalModel

    public static let darkPhotonParameter = "m_aprime"
    public static let darkHiggsParameter = "m_hprime"

    public init(resolution: DarkHiggsResolution = .standard, signalModel: any SignalModel) {
        self.resolution = resolution
        self.signalModel = signalModel
    }

    public var parameterRanges: [String: ClosedRange<Double>] {
        [Self.darkPhotonParameter: DarkHiggsSignalGrid.minimumDarkPhotonMass...DarkHiggsSignalGrid.maxMassSum,
         Self.darkHiggsParameter: 0...DarkHiggsSignalGrid.maxMassSum]
    }

    public var scanOptionDefaults: [String: Double] {
        ["window_semi_axis_sigmas": 2.5, "window_step": 0.6]
    }

    public var selection: Selection {
        Selection(
            preselection: DimuonPreselection.cuts + [
                Cut(name: "dimuon_mass_trigger", observable: "m_mumu", comparison: .greater,
                    threshold: DarkHiggsSignalGrid.minimumDarkPhotonMass),
            ],
            cuts: DimuonPreselection.vetoes + Self.undetectedPhotonVetoes + [
                // Tuned from 0.4 GeV up: below it lies the control sample mumu_low_pt (the cut
                // reversed), which must stay outside every selection the optimiser can choose
                // (`ControlSampleRules`); until 2026-12 the range started at 0 and the sample
                // overlapped the signal selection.
                Cut(name: "pt_mumu", observable: "pt_mumu_cms", comparison: .greater, threshold: 0.4,
                    tunable: .init(low: 0.4, high: 2.0, step: 0.2)),
                Cut(name: "recoil_angle", observable: "recoil_abs_cos_theta_cms", comparison: .less, threshold: 0.95,
                    tunable: .init(low: 0.6, high: 1.0, step: 0.05)),
            ])
    }

    /// Radiative mu mu with a photon that left no ECL cluster (issue #23): the recoil must
    /// point into the ECL crystals, at least `recoilCrystalMarginDeg` inside their edges (there
    /// a photon always showers and the closest-photon and extra-energy vetoes see it), and no
    /// KLM cluster may lack a track or ECL cluster in front (a photon that crossed a gap).
    /// The margin: the recoil's lab direction comes from the two tracks; with mc.yaml's
    /// sigma(pT)/pT = 0.0011 pT (+) 0.0025, two ~4 GeV muons give sigma(p_rec) ~ 0.03 GeV, so
    /// the direction of a 2 GeV recoil is known to ~0.6 deg (0.25 deg at 5 GeV; the track
    /// angles add < 0.1 deg): 1 deg keeps a photon whose recoil is mismeasured into the
    /// crystals by up to ~2 sigma out. docs/physics/dark-higgsstrahlung.md gives the limits
    /// before and after.
    public static let recoilCrystalMarginDeg = 1.0
    public static var undetectedPhotonVetoes: [Cut] {
        [Cut(name: "klm_veto", observable: "n_klm_neutral", comparison: .less, threshold: 0.5),
         Cut(name: "recoil_in_ecl_crystals", observable: "recoil_ecl_crystal_distance_deg", comparison: .greater,
             threshold: recoilCrystalMarginDeg)]
    }

    public func observables(of batch: EventBatch) -> ObservableColumns {
        DimuonRecoilObservables.compute(batch).merging(DarkHiggsRecoilAcceptance.compute(batch)) { a, _ in a }
    }

    /// Sliding windows over the part of the triangle inside the configured axis ranges (the
    /// axes give the range; the window spacing comes from the resolution, not the grid).
    public func hypotheses(on grid: MassGrid) throws -> [MassHypothesis] {
        guard let a = grid.axes[Self.darkPhotonParameter], let h = grid.axes[Self.darkHiggsParameter],
              let aLo = a.min(), let aHi = a.max(), let hLo = h.min(), let hHi = h.max() else {
            throw AnalysisError.invalidArgument("mass grid of '\(id)' needs the axes '\(Self.darkPhotonParameter)' and '\(Self.darkHiggsParameter)' (their ranges)")
        }
        let k = grid.options["window_semi_axis_sigmas"] ?? 2.5, step = grid.options["window_step"] ?? 0.6
        // Windows of 0.5-5 sigma, stepped by 0.1-2 window sizes: beyond these a scan is either
        // meaningless or endless (a step of 1e-320 never finishes; found by the fuzz campaign).
        guard (0.5...5).contains(k), (0.1...2).contains(step) else {
            throw AnalysisError.invalidArgument("scan options need 0.5 <= window_semi_axis_sigmas <= 5 and 0.1 <= window_step <= 2 (got \(k), \(step))")
        }
        var out: [MassHypothesis] = []
        var mA = max(aLo, DarkHiggsSignalGrid.minimumDarkPhotonMass)
        while mA <= aHi + 1e-12 {
            let hmax = min(hHi, DarkHiggsSignalGrid.maxHiggsMass(darkPhotonMass: mA))
            var mh = hLo
            while mh <= hmax + 1e-12 {
                let e = resolution.at(mA: mA, mh: mh)
                out.append(window(index: out.count, mA: mA, mh: mh, entry: e, sigmas: k))
                mh += step * k * e.sigmaRecoil
            }
            mA += step * k * resolution.at(mA: mA, mh: 0.5 * DarkHiggsSignalGrid.maxHiggsMass(darkPhotonMass: mA)).sigmaMuMu
        }
        return out
    }

    func window(index: Int, mA: Double, mh: Double, entry e: DarkHiggsResolution.Entry, sigmas k: Double) -> MassHypothesis {
        let (ax, ay, angle) = DarkHiggsResolution.ellipse(e, sigmas: k)
        return MassHypothesis(index: index, parameters: [Self.darkPhotonParameter: mA, Self.darkHiggsParameter: mh],
                              signalRegion: .ellipse(x: "m_mumu", y: "m_recoil", centreX: mA, centreY: mh,
                                                     semiAxisX: ax, semiAxisY: ay, angle: angle))
    }

    /// Process name of the signal sample at a point (for cut flows and messages; its
    /// parameters travel in the sample's metadata).
    public static func signalProcess(mA: Double, mh: Double) -> String { String(format: "dh_mA%.3f_mh%.3f", mA, mh) }

    /// Interpolated signal: the four generated samples around the window, morphed to it.
    public func signalInput(for hypothesis: MassHypothesis, from signal: SignalSampleSet) throws -> PunziOptimiser.SignalInput {
        let mA = try hypothesis.parameter(Self.darkPhotonParameter), mh = try hypothesis.parameter(Self.darkHiggsParameter)
        let target = resolution.at(mA: mA, mh: mh)
        let components = DarkHiggsSignalGrid.interpolation(mA: mA, mh: mh).map { i, j, w in
            let g = DarkHiggsSignalGrid.point(i, j), r = resolution.entries[i][j]
            return SignalMorphing.Component(generatedAt: [Self.darkPhotonParameter: g.mA, Self.darkHiggsParameter: g.mh], weight: w, shifts: [
                .init(observable: "m_mumu", generatedCentre: g.mA, generatedSigma: r.sigmaMuMu,
                      targetCentre: mA, targetSigma: target.sigmaMuMu),
                .init(observable: "m_recoil", generatedCentre: g.mh, generatedSigma: r.sigmaRecoil,
                      targetCentre: mh, targetSigma: target.sigmaRecoil),
            ])
        }
        return try SignalMorphing.input(components, from: signal)
    }

    /// Blinded while blinded: one box per column of windows (M_A' band x M_rec range of the
    /// column's ellipses). A superset of the union of ellipses, and ~100 simple intervals to
    /// test per event instead of thousands of ellipses.
    public func blindedRegion(of hypotheses: [MassHypothesis]) -> SignalRegion {
        var columns: [Double: (ClosedRange<Double>, ClosedRange<Double>)] = [:]
        for h in hypotheses {
            guard let mA = h.parameters[Self.darkPhotonParameter], let bx = h.signalRegion.bounds(of: "m_mumu"),
                  let by = h.signalRegion.bounds(of: "m_recoil") else { return .any(hypotheses.map(\.signalRegion)) }
            if let (x, y) = columns[mA] {
                columns[mA] = (min(x.lowerBound, bx.lowerBound)...max(x.upperBound, bx.upperBound),
                               min(y.lowerBound, by.lowerBound)...max(y.upperBound, by.upperBound))
            } else { columns[mA] = (bx, by) }
        }
        return .any(columns.keys.sorted().map { mA in
            let (x, y) = columns[mA]!
            return .all([.interval(observable: "m_mumu", low: x.lowerBound, high: x.upperBound.nextUp),
                         .interval(observable: "m_recoil", low: y.lowerBound, high: y.upperBound.nextUp)])
        })
    }

    public var backgroundProcesses: [String] { DimuonPreselection.backgroundProcesses }
    /// The three samples of ControlSamples/dark-higgsstrahlung/control_samples.yaml.
    public var requiredControlSamples: [String] { ["ee", "mumu_gamma", "mumu_low_pt"] }

    /// The window nearest to each generated point gets a cut flow in the report.
    public func showcaseHypotheses(_ all: [MassHypothesis]) -> [MassHypothesis] {
        var chosen: [Int: MassHypothesis] = [:]
        for (i, j) in DarkHiggsSignalGrid.allPoints {
            let g = DarkHiggsSignalGrid.point(i, j)
            let best = all.min { a, b in
                func d(_ h: MassHypothesis) -> Double {
                    let x = (h.parameters[Self.darkPhotonParameter] ?? 0) - g.mA, y = (h.parameters[Self.darkHiggsParameter] ?? 0) - g.mh
                    return x * x + y * y
                }
                return d(a) < d(b)
            }
            if let best { chosen[best.index] = best }
        }
        return chosen.keys.sorted().map { chosen[$0]! }
    }

    /// PRL 124 (2020) 141801 Table I, carried over because the selection core (two barrel
    /// muons, two-track trigger, muon ID, luminosity) is the same: trigger 6%, tracking 4%,
    /// muon ID 4% on the signal efficiency, luminosity 0.7% (arXiv:1910.05365), background
    /// before suppression 2%. The tau-suppression systematic does not carry over (no such
    /// cut); the low-pT mu mu control sample measures the suppression's instead.
    public var systematics: [SystematicSource] {
        TwoTrackSystematics.prl124TableI(.muonPair, origin: "PRL 124 (2020) 141801 Table I (same dimuon selection)") + [
            // Interpolating the efficiency between generated points (bilinear, morphed peaks):
            // our own estimate, the size of the morphing test's tolerance.
            SystematicSource(name: "signal_interpolation", affects: .signalEfficiency, value: .constant(0.05),
                             origin: "DarkHiggsstrahlungTests morphing check"),
        ]
    }

}
