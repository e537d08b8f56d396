import ALPThreePhoton
import Analysis
import Foundation
import SearchPipeline

/// The three-photon ALP search as the suite runs it.
public struct ALPThreePhotonPackage: SearchPackage {
    public let search: any Search = ALPThreePhoton.standard
    public let signalProduction: any SignalProduction
    public let configurationDirectory = "Searches/AxionLikeParticle/config"
    public let hepdataReactions = ["E+ E- --> GAMMA A", "A --> GAMMA GAMMA"]
    public let hepdataPhrases = ["Axion-like particle", "Three photons", "Photon coupling"]
    /// In `darksector demo`: the embedded default production has its three backgrounds
    /// (gammagammagamma, gammagamma, eegamma) and e+e- -> gamma P for the peak control samples.
    public let status = "working"

    /// `mcConditions`: the simulation's detector conditions (Conditions/mc.yaml).
    public init(mcConditions: URL) {
        signalProduction = ALPSignalProduction(mcConditions: mcConditions)
    }

    public var presentation: SearchPresentation {
        SearchPresentation(massParameter: ALPThreePhoton.massParameter, mass: "m_{a}", coupling: "g_{a\\gamma\\gamma}",
                           observables: [
                               "m_gg_1": .init("M_{\\gamma\\gamma}", unit: "GeV"),
                               "leading_pair_mass": .init("M_{\\gamma\\gamma}^{lead}", unit: "GeV"),
                               "energy_sum_ratio": .init("E_{\\gamma\\gamma\\gamma}/\\sqrt{s}"),
                               "min_photon_e_cms": .init("E^{*}_{min}", unit: "GeV"),
                               "pi0_pair_mass": .init("M_{\\gamma\\gamma}(\\pi^{0})", unit: "GeV"),
                               "eta_pair_mass": .init("M_{\\gamma\\gamma}(\\eta)", unit: "GeV"),
                               "etaprime_pair_mass": .init("M_{\\gamma\\gamma}(\\eta')", unit: "GeV"),
                           ])
    }
}
