import ArgumentParser
import Foundation
import Provenance

/// Options every command that touches the provenance database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Provenance database (default: $DARKSECTOR_DB or Results/darksector.sqlite).")
    var db: String?

    var path: String { db ?? ProvenanceDatabase.defaultPath() }

    func open() throws -> ProvenanceDatabase { try ProvenanceDatabase(path: path) }
}

/// `--json` and `--verbose`, shared by commands that print results.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON object on stdout instead of text.")
    var json = false

    @Flag(name: [.short, .long], help: "Log progress details to stderr.")
    var verbose = false
}
