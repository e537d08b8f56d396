import ArgumentParser

/// `darksector list`: the registered searches and their status.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the registered searches and their status.")

    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        let id: String
        let status: String
        let description: String
    }

    struct Listing: Encodable { let searches: [Entry] }

    func run() throws {
        let entries = RegisteredSearches.all.map { Entry(id: $0.id, status: $0.status, description: $0.summary) }
        if output.json {
            try JSONOutput.print(Listing(searches: entries))
            return
        }
        if entries.isEmpty {
            print("No searches are registered yet.")
            return
        }
        for e in entries {
            print("\(e.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(e.status.padding(toLength: 10, withPad: " ", startingAt: 0)) \(e.description)")
        }
    }
}

/// The searches this build of DarkSector knows, for `darksector list`.
enum RegisteredSearches {
    struct Info {
        let id: String
        let status: String
        let summary: String
    }

    /// Derived from `StandardPipelines`, the one place a search is registered.
    static var all: [Info] {
        StandardPipelines.all.map { Info(id: $0.search.id, status: $0.status, summary: $0.search.name) }
    }
}
