import ArgumentParser
import Foundation
import Provenance

/// `darksector audit`: every recorded unblinding (who, when, which configuration, code,
/// shards and validation), and with `--verify` a check of the audit hash chains.
///
/// The database must exist: a mistyped `--db` would otherwise create an empty database and
/// report a clean trail.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit",
        abstract: "List recorded unblindings, or verify the audit trail's hash chains (--verify).")
    @Option(help: "Only this search.") var search: String?
    @Flag(help: "Recompute the hash chains of unblindings and validations; exit non-zero naming the first edited or missing row.")
    var verify = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable { let unblindings: [UnblindingRecord] }
    struct Verification: Encodable { let intact: Bool; let unblindings: Int; let validations: Int; let problems: [String] }

    func run() throws {
        let db = try database.openExisting()
        if verify { return try runVerify(db) }
        let records = try db.unblindings(search: search)
        if output.json { try JSONOutput.print(Listing(unblindings: records)); return }
        if records.isEmpty { print("No unblindings recorded."); return }
        let f = ISO8601DateFormatter()
        for r in records {
            let digest = r.validationDigest.isEmpty ? "none" : String(r.validationDigest.prefix(12))
            print("#\(r.id.map(String.init) ?? "?")  \(f.string(from: r.time))  \(r.search)  run \(r.runID)  config \(r.configHash.prefix(12))  code \(r.codeVersion)  \(r.user)@\(r.host)  shards \(Self.shardCount(r.shards))  validation \(digest)")
        }
    }

    func runVerify(_ db: ProvenanceDatabase) throws {
        let v = try db.verifyAudit()
        if output.json {
            try JSONOutput.print(Verification(intact: v.intact, unblindings: v.unblindings, validations: v.validations, problems: v.problems))
        } else if v.intact {
            print("audit trail intact: \(v.unblindings) unblindings, \(v.validations) validations")
        }
        if !v.intact { throw AuditTampered(path: db.path, problems: v.problems) }
    }

    /// Elements of the JSON array of shard fingerprints; "?" if the column is not one.
    static func shardCount(_ json: String) -> String {
        guard let array = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any] else { return "?" }
        return String(array.count)
    }
}

/// `audit --verify` found edited or missing rows. The message starts with the first bad row,
/// one problem per line, then what to do.
struct AuditTampered: Error, CustomStringConvertible {
    let path: String
    let problems: [String]

    var description: String {
        (problems + ["audit trail of \(path) is NOT intact (\(problems.count) problem(s)); compare with a copy you trust before relying on any unblinding or validation in it"])
            .joined(separator: "\n")
    }
}
