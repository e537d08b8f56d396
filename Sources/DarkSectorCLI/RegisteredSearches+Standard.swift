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
    static let all: [PipelineSearch] = [zprimeInvisible, darkHiggsstrahlung]

    static func entry(id: String) throws -> PipelineSearch {
        guard let e = all.first(where: { $0.search.id == id }) else {
            throw AnalysisError.unknownSearch(id: id, known: all.map(\.search.id))
        }
        return e
    }

    /// Signal MC events per mass point; `DARKSECTOR_SIGNAL_EVENTS` overrides (tests, studies).
    static var signalEventsPerMass: Int {
        ProcessInfo.processInfo.environment["DARKSECTOR_SIGNAL_EVENTS"].flatMap(Int.init) ?? 3000
    }

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
        signalSamples: { _, _ in
            // Signal at the generated grid; windows between points are interpolated.
            let events = ProcessInfo.processInfo.environment["DARKSECTOR_SIGNAL_EVENTS"].flatMap(Int.init) ?? 2000
            return DarkHiggsSignalSamples(conditions: try mcConditions(), eventsPerPoint: events).all()
        })

    static let zprimeInvisible = PipelineSearch(
        search: ZPrimeInvisible(), defaultConfiguration: "Searches/ZPrimeInvisible/config/default.yaml",
        massParameter: ZPrimeInvisible.massParameter, massLabel: "M_{Z'}", couplingLabel: "g'",
        signalSamples: { hypotheses, _ in
            guard let dir = ResourceLocator.directory("Conditions") else {
                throw AnalysisError.invalidArgument("cannot find Conditions/mc.yaml; run from the repository root")
            }
            // The analysis loads the MC conditions only.
            let conditions = try DetectorConditions.load(.mc, from: dir.appendingPathComponent("mc.yaml"))
            let producer = ZPrimeSignalSamples(conditions: conditions, eventsPerMass: signalEventsPerMass)
            let masses = try hypotheses.map { try $0.parameter(ZPrimeInvisible.massParameter) }
            return masses.map { producer.sample(mass: $0) }
        },
        limitBands: { masses in
            // (g-2)_mu band, historical 251(59)e-11 at 2 sigma, as Belle II drew it (labelled historical).
            let bands = masses.map { MuonAnomalousMoment.historicalBand(mass: $0, nSigma: 2) }
            return [LimitPlotBand(label: "(g-2)_{/Symbol m} +-2{/Symbol s} (historical)", massesGeV: masses,
                                  lower: bands.map(\.lowerBound), upper: bands.map(\.upperBound))]
        })
}
