import ArgumentParser
import Foundation
import Provenance

/// Options every command that touches the provenance database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Provenance database (default: $DARKSECTOR_DB or Results/darksector.sqlite).")
    var db: String?

    var path: String { db ?? ProvenanceDatabase.defaultPath() }

    /// Opens the database, creating it if needed (commands that record something).
    func open() throws -> ProvenanceDatabase { try ProvenanceDatabase(path: path) }

    /// Opens a database that must exist (commands that only read, like `audit`), so that a
    /// mistyped path is an error naming it rather than a new, empty database.
    func openExisting() throws -> ProvenanceDatabase { try ProvenanceDatabase.openExisting(path: path) }
}

/// `--json` and `--verbose`, shared by commands that print results.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON object on stdout instead of text.")
    var json = false

    @Flag(name: [.short, .long], help: "Log progress details to stderr.")
    var verbose = false
}
