import Analysis
import DarkHiggsstrahlung
import Detector
import Foundation
import Generators
import Reporting
import SearchPipeline
import ZPrimeInvisible

/// The searches this build runs, by id: the one registration line per search.
extension SearchRegistry {
    static let standard: SearchRegistry = {
        do { return try SearchRegistry(StandardPipelines.all.map(\.search)) } catch {
            preconditionFailure("search registry: \(error)")
        }
    }()
}

/// What the pipeline needs beyond the `Search` for each registered search.
enum StandardPipelines {
    static let all: [PipelineSearch] = [zprimeInvisible, zprimeElectronMuon, darkHiggsstrahlung]

    static func entry(id: String) throws -> PipelineSearch {
        guard let e = all.first(where: { $0.search.id == id }) else {
            throw AnalysisError.unknownSearch(id: id, known: all.map(\.search.id))
        }
        return e
    }

    /// Signal MC events per mass point unless the configuration says
    /// (`signal_events_per_point`, inside the configuration hash).
    static let signalEventsPerMass = 3000

    /// The analysis loads the MC conditions only.
    static func mcConditions() throws -> DetectorConditions {
        guard let dir = ResourceLocator.directory("Conditions") else {
            throw AnalysisError.invalidArgument("cannot find Conditions/mc.yaml; run from the repository root")
        }
        return try DetectorConditions.load(.mc, from: dir.appendingPathComponent("mc.yaml"))
    }

    static let darkHiggsstrahlung = PipelineSearch(
        search: DarkHiggsstrahlung(), defaultConfiguration: "Searches/DarkHiggsstrahlung/config/default.yaml",
        massParameter: DarkHiggsstrahlung.darkPhotonParameter, massLabel: "M_{A'}", couplingLabel: "{/Symbol e}^2{/Symbol a}_D",
        secondaryParameter: DarkHiggsstrahlung.darkHiggsParameter, secondaryLabel: "M_{h'}",
        hepdataReactions: ["E+ E- --> A' H'", "A' --> MU+ MU-", "H' --> INVISIBLE"],
        signalSamples: { _, configuration in
            // Signal at the generated grid; windows between points are interpolated.
            let events = configuration.signalEventsPerPoint ?? 2000
            return DarkHiggsSignalSamples(conditions: try mcConditions(), eventsPerPoint: events).all()
        })

    static let zprimeInvisible = PipelineSearch(
        search: ZPrimeInvisible(), defaultConfiguration: "Searches/ZPrimeInvisible/config/default.yaml",
        massParameter: ZPrimeInvisible.massParameter, massLabel: "M_{Z'}", couplingLabel: "g'",
        hepdataReactions: ["E+ E- --> MU+ MU- Z'", "Z' --> INVISIBLE"],
        signalSamples: { hypotheses, configuration in
            let producer = ZPrimeSignalSamples(conditions: try mcConditions(),
                                               eventsPerMass: configuration.signalEventsPerPoint ?? signalEventsPerMass)
            let masses = try hypotheses.map { try $0.parameter(ZPrimeInvisible.massParameter) }
            return masses.map { producer.sample(mass: $0) }
        },
        limitBands: { masses in
            // (g-2)_mu band, historical 251(59)e-11 at 2 sigma, as Belle II drew it (labelled historical).
            let bands = masses.map { MuonAnomalousMoment.historicalBand(mass: $0, nSigma: 2) }
            return [LimitPlotBand(label: "(g-2)_{/Symbol m} +-2{/Symbol s} (historical)", massesGeV: masses,
                                  lower: bands.map(\.lowerBound), upper: bands.map(\.upperBound))]
        })

    /// The e mu channel: model-independent limits on efficiency x cross section; its signal
    /// MC is the LFV proxy and only guides the selection.
    static let zprimeElectronMuon = PipelineSearch(
        search: ZPrimeElectronMuon(), defaultConfiguration: "Searches/ZPrimeInvisible/config/emu_default.yaml",
        massParameter: ZPrimeElectronMuon.massParameter, massLabel: "M_{rec}",
        couplingLabel: "{/Symbol e} x {/Symbol s} [fb]",
        hepdataReactions: ["E+ E- --> E+ MU- Z'", "E+ E- --> E- MU+ Z'", "Z' --> INVISIBLE"],
        signalSamples: { hypotheses, configuration in
            let producer = ZPrimeElectronMuonSignalSamples(conditions: try mcConditions(),
                                                           eventsPerMass: configuration.signalEventsPerPoint ?? signalEventsPerMass)
            return try hypotheses.map { producer.sample(mass: try $0.parameter(ZPrimeElectronMuon.massParameter)) }
        })
}
