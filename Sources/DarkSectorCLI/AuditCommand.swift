import ArgumentParser
import Foundation
import Provenance

/// `darksector audit`: every recorded unblinding (who, when, which configuration and code).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "List recorded unblindings.")
    @Option(help: "Only this search.") var search: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable { let unblindings: [UnblindingRecord] }

    func run() throws {
        let records = try database.open().unblindings(search: search)
        if output.json { try JSONOutput.print(Listing(unblindings: records)); return }
        if records.isEmpty { print("No unblindings recorded."); return }
        let f = ISO8601DateFormatter()
        for r in records {
            print("\(f.string(from: r.time))  \(r.search)  run \(r.runID)  config \(r.configHash.prefix(12))  code \(r.codeVersion)  \(r.user)@\(r.host)")
        }
    }
}
