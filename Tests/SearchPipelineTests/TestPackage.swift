import EventModel
import Analysis
import SearchPipeline

/// A search package around a search under test, with signal samples made by a closure.
struct TestPackage: SearchPackage {
    struct ClosureProduction: SignalProduction {
        let make: @Sendable ([MassHypothesis]) throws -> [any EventSource]
        func samples(for hypotheses: [MassHypothesis], configuration: SearchConfiguration) throws -> [any EventSource] {
            try make(hypotheses)
        }
    }

    let search: any Search
    let signalProduction: any SignalProduction
    let presentation: SearchPresentation
    let hepdataReactions: [String] = ["E+ E- --> X"]
    let configurationDirectory = ""

    init(search: any Search, massParameter: String, signal: @escaping @Sendable ([MassHypothesis]) throws -> [any EventSource]) {
        self.search = search
        signalProduction = ClosureProduction(make: signal)
        presentation = SearchPresentation(massParameter: massParameter, mass: "M_{X}", coupling: "g'")
    }
}
