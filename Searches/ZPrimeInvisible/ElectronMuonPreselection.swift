import Analysis
import DimuonRecoil

/// The selection core of the e mu channel: the mu mu one (`DimuonPreselection`) with one
/// muon replaced by an electron, as in PRL 124 (2020) 141801.
///
/// - exactly two opposite-charge tracks, the two-track or ECL-energy trigger;
/// - both tracks in the ECL barrel, 32.2-128.7 deg (lab), as for mu mu;
/// - the electron candidate identified as an electron (> 0.9), the muon candidate as a muon
///   (> 0.9) and not electron-like (< 0.9): Bhabha with an electron faking a muon must pay
///   the muon fake rate once, mu mu with a muon faking an electron the electron one;
/// - the analysis vetoes of the mu mu channel (closest photon, pi0, extra energy).
public enum ElectronMuonPreselection {
    public static let cuts: [Cut] = [
        Cut(name: "two_tracks", observable: "n_tracks", comparison: .window(centre: 2), threshold: 0.5),
        Cut(name: "opposite_charge", observable: "charge_product", comparison: .less, threshold: -0.5),
        Cut(name: "trigger", observable: "trigger_emu", comparison: .greater, threshold: 0.5),
        Cut(name: "barrel_forward", observable: "lepton_theta_min_deg", comparison: .greater, threshold: 32.2),
        Cut(name: "barrel_backward", observable: "lepton_theta_max_deg", comparison: .less, threshold: 128.7),
        Cut(name: "electron_id", observable: "electron_id_e", comparison: .greater, threshold: 0.9),
        Cut(name: "muon_id", observable: "muon_id_mu", comparison: .greater, threshold: 0.9),
        Cut(name: "muon_not_electron", observable: "electron_id_mu", comparison: .less, threshold: 0.9),
    ]

    /// The same vetoes as the mu mu channel: nothing but the lepton pair.
    public static var vetoes: [Cut] { DimuonPreselection.vetoes }
}
