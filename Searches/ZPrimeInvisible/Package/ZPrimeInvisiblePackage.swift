import EventModel
import Analysis
import Detector
import Foundation
import Generators
import Reporting
import SearchPipeline
import ZPrimeInvisible

/// The invisible-Z' search (mu mu channel) as the suite runs it.
public struct ZPrimeInvisiblePackage: SearchPackage {
    public let search: any Search = ZPrimeInvisible.lMuMinusLTau
    public let signalProduction: any SignalProduction
    public let configurationDirectory = "Searches/ZPrimeInvisible/config"
    public let hepdataReactions = ["E+ E- --> MU+ MU- Z'", "Z' --> INVISIBLE"]
    public let hepdataPhrases = ["Z' boson", "L_mu - L_tau", "Invisible decay"]

    /// `mcConditions`: the simulation's detector conditions (Conditions/mc.yaml).
    public init(mcConditions: URL) {
        signalProduction = ZPrimeSignalProduction(channel: .muonPair, mcConditions: mcConditions)
    }

    public var presentation: SearchPresentation {
        SearchPresentation(massParameter: ZPrimeInvisible.massParameter, mass: "M_{Z'}", coupling: "g'",
                           observables: ZPrimeInvisiblePresentation.recoilObservables,
                           templateFitDescription: "M2_rec templates in recoil polar-angle channels")
    }

    /// The (g-2)_mu band, historical 251(59)e-11 at 2 sigma, as Belle II drew it (labelled historical).
    public func referenceBands(massesGeV: [Double]) -> [LimitPlotBand] {
        let bands = massesGeV.map { MuonAnomalousMoment.historicalBand(mass: $0, nSigma: 2) }
        return [LimitPlotBand(label: "(g-2)_{/Symbol m} ±2{/Symbol s} (historical)", massesGeV: massesGeV,
                              lower: bands.map(\.lowerBound), upper: bands.map(\.upperBound))]
    }

}

/// The e mu channel: model-independent limits on efficiency x cross section; its signal MC
/// is the lepton-flavour-violating proxy and only guides the selection.
public struct ZPrimeElectronMuonPackage: SearchPackage {
    public let search: any Search = ZPrimeElectronMuon()
    public let signalProduction: any SignalProduction
    public let configurationDirectory = "Searches/ZPrimeInvisible/config"
    public let defaultConfigurationName = "emu_default.yaml"
    public let hepdataReactions = ["E+ E- --> E+ MU- Z'", "E+ E- --> E- MU+ Z'", "Z' --> INVISIBLE"]
    public let hepdataPhrases = ["Lepton flavour violation", "Invisible decay"]

    public init(mcConditions: URL) {
        signalProduction = ZPrimeSignalProduction(channel: .electronMuon, mcConditions: mcConditions)
    }

    public var presentation: SearchPresentation {
        SearchPresentation(massParameter: ZPrimeElectronMuon.massParameter, mass: "M_{rec}",
                           coupling: "\\epsilon \\times \\sigma\\ [\\mathrm{fb}]", observables: ZPrimeInvisiblePresentation.recoilObservables)
    }

}

/// Signal MC per scanned mass of either channel (`signal_events_per_point`, default 3000).
struct ZPrimeSignalProduction: SignalProduction {
    let channel: ZPrimeSignalSamples.Channel
    let mcConditions: URL
    func samples(for hypotheses: [MassHypothesis], configuration: SearchConfiguration) throws -> [any EventSource] {
        let producer = ZPrimeSignalSamples(conditions: try DetectorConditions.load(.mc, from: mcConditions), channel: channel,
                                           eventsPerMass: configuration.signalEventsPerPoint ?? 3000)
        return try hypotheses.map { producer.sample(mass: try $0.parameter(ZPrimeInvisible.massParameter)) }
    }
}

/// Symbols of the recoil observables both channels bin their control samples in.
enum ZPrimeInvisiblePresentation {
    static let recoilObservables: [String: SearchPresentation.Quantity] = [
        "m_recoil": .init("M_{rec}", unit: "GeV"),
        "m2_recoil": .init("M^{2}_{rec}", unit: "GeV^2"),
        "m_mumu": .init("M_{\\mu\\mu}", unit: "GeV"),
    ]
}

extension ZPrimeInvisible {
    /// The search with the L_mu - L_tau signal model of this package (what the suite runs).
    public static var lMuMinusLTau: ZPrimeInvisible { ZPrimeInvisible(signalModel: ZPrimeSignalModel.lMuMinusLTau) }
}
