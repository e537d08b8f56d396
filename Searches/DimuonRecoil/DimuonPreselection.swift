import Analysis

/// The event selection every dimuon + missing-momentum search starts from, so that the
/// invisible-Z' and dark-Higgsstrahlung searches cannot drift apart in what "a clean muon
/// pair and nothing else" means.
///
/// Sources (PRL 124 (2020) 141801; PRL 130 (2023) 071804, same selection core):
/// - exactly two opposite-charge tracks and the two-track trigger bit;
/// - both tracks in the ECL barrel, 32.2-128.7 deg (lab; barrel edges of basf2
///   `ECLCluster::getDetectorRegion`, as in Conditions/mc.yaml), so that a radiated photon
///   cannot escape through the barrel-endcap gaps unseen;
/// - muon ID > 0.9 on both tracks, and not both tracks electron-like (electron ID < 0.9 on
///   at least one): reversed together they define the ee control sample;
/// - analysis vetoes: no unmatched ECL cluster within 15 deg of the recoil direction (lab),
///   no pi0 candidate, extra energy in the rest of the event below 0.4 GeV (an assumption
///   of the order of the 2020 choice; configurable as `cuts.extra_energy`).
public enum DimuonPreselection {
    /// The Standard Model processes that enter a two-lepton + missing-momentum selection
    /// (mu mu (gamma), tau tau, e e mu mu, radiative Bhabha): a run without one of them would
    /// quote limits on a background that is not all there. gamma gamma is not listed: no
    /// two-track event comes from it at a rate the selection keeps (the 8.34 fb^-1
    /// production leaves it out).
    public static let backgroundProcesses = ["mumu", "tautau", "eemumu", "ee"]
    public static let cuts: [Cut] = [
        Cut(name: "two_tracks", observable: "n_tracks", comparison: .window(centre: 2), threshold: 0.5),
        Cut(name: "opposite_charge", observable: "charge_product", comparison: .less, threshold: -0.5),
        Cut(name: "trigger", observable: "trigger_two_track", comparison: .greater, threshold: 0.5),
        Cut(name: "barrel_forward", observable: "muon_theta_min_deg", comparison: .greater, threshold: 32.2),
        Cut(name: "barrel_backward", observable: "muon_theta_max_deg", comparison: .less, threshold: 128.7),
        Cut(name: "muon_id", observable: "muon_id_min", comparison: .greater, threshold: 0.9),
        Cut(name: "electron_veto", observable: "electron_id_min", comparison: .less, threshold: 0.9),
    ]

    /// Nothing but the muon pair: photon veto, pi0 veto, extra-energy cut.
    public static let vetoes: [Cut] = [
        Cut(name: "photon_veto", observable: "photon_veto_angle_deg", comparison: .greater, threshold: 15),
        Cut(name: "pi0_veto", observable: "n_pi0", comparison: .less, threshold: 0.5),
        Cut(name: "extra_energy", observable: "extra_energy", comparison: .less, threshold: 0.4),
    ]
}
