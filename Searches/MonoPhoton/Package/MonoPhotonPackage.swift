import Analysis
import Foundation
import MonoPhoton
import SearchPipeline

/// The mono-photon search as the suite runs it.
public struct MonoPhotonPackage: SearchPackage {
    public let search: any Search = MonoPhoton.standard
    public let signalProduction: any SignalProduction
    public let configurationDirectory = "Searches/MonoPhoton/config"
    public let hepdataReactions = ["E+ E- --> GAMMA A'", "A' --> INVISIBLE"]
    public let hepdataPhrases = ["Dark photon", "Single photon", "Invisible decay"]
    /// In `darksector demo`: the embedded default production has every background this
    /// search lists (gammagamma, gammagammagamma, eegamma; nunugamma as MC). On the demo's
    /// pseudo-data the validation refuses unblinding: partner_lost and klm_fired see the gap
    /// showering difference Conditions/data.yaml hides (data/MC 2.3 and 2.2 for an expected
    /// 2.0), and the photon-detection correction that would remove it needs more mu mu gamma
    /// in the gaps than 0.05 fb^-1 gives (docs/physics/mono-photon.md, "Demo").
    public let status = "working"

    /// `mcConditions`: the simulation's detector conditions (Conditions/mc.yaml).
    public init(mcConditions: URL) {
        signalProduction = MonoPhotonSignalProduction(mcConditions: mcConditions)
    }

    public var presentation: SearchPresentation {
        SearchPresentation(massParameter: MonoPhoton.massParameter, mass: "m_{A'}", coupling: "\\epsilon",
                           observables: [
                               "m2_miss": .init("M^{2}_{miss}", unit: "GeV^2"),
                               "photon_e_cms": .init("E^{*}_{\\gamma}", unit: "GeV"),
                               "photon_theta_lab_deg": .init("\\theta_{\\gamma}", unit: "deg"),
                               "extra_energy": .init("E_{extra}", unit: "GeV"),
                               "partner_ecl_margin_deg": .init("\\Delta\\theta_{partner}", unit: "deg"),
                           ])
    }
}
