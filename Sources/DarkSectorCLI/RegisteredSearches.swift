import ALPThreePhotonPackage
import Analysis
import DarkHiggsstrahlungPackage
import Foundation
import MonoPhotonPackage
import SearchPipeline
import ZPrimeInvisiblePackage

/// The searches this build runs: one line per search package (each defined in its own
/// folder under Searches/).
enum StandardPipelines {
    static let all: [any SearchPackage] = [
        ZPrimeInvisiblePackage(mcConditions: mcConditions),
        ZPrimeElectronMuonPackage(mcConditions: mcConditions),
        DarkHiggsstrahlungPackage(mcConditions: mcConditions),
        MonoPhotonPackage(mcConditions: mcConditions),
        ALPThreePhotonPackage(mcConditions: mcConditions),
    ]

    static func entry(id: String) throws -> any SearchPackage {
        guard let e = all.first(where: { $0.search.id == id }) else {
            throw AnalysisError.unknownSearch(id: id, known: all.map(\.search.id))
        }
        return e
    }

    /// The analysis loads the simulation's conditions only (a missing file is reported, with
    /// its path, when signal MC is first made).
    static var mcConditions: URL {
        (ResourceLocator.directory("Conditions") ?? URL(fileURLWithPath: "Conditions")).appendingPathComponent("mc.yaml")
    }
}

extension SearchRegistry {
    static let standard: SearchRegistry = {
        do { return try SearchRegistry(StandardPipelines.all.map(\.search)) } catch {
            preconditionFailure("search registry: \(error)")
        }
    }()
}
