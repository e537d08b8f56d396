import Foundation
import GRDB

/// The provenance of a fanned-out run (issue #21): every job of a workflow writes its own
/// SQLite file (no database is shared between machines or written by two jobs at once), and
/// `darksector merge` imports them all into the run's database in one transaction, so the
/// run's database holds all or none of them.
///
/// What a job records is imported: its runs, the shards it registered, the corrections it
/// measured and its results. Importing is idempotent (runs and shards by key, corrections
/// and results skipped when an identical row is there), so a retried merge adds nothing
/// twice. A job database holding validations or unblindings is refused: those rows are hash
/// chains that only the run's own database may grow (validate and unblind run against it).
public struct JobDatabaseImport: Sendable, Equatable {
    public var databases = 0
    public var runs = 0
    public var samples = 0
    public var corrections = 0
    public var results = 0
}

extension ProvenanceDatabase {
    @discardableResult
    public func importJobDatabases(paths: [String]) throws -> JobDatabaseImport {
        struct Contents {
            var runs: [RunRecord], samples: [SampleRecord], corrections: [CorrectionsRecord], results: [ResultRecord]
        }
        var all: [Contents] = []
        for path in paths {
            guard URL(fileURLWithPath: path).standardizedFileURL.path != URL(fileURLWithPath: self.path).standardizedFileURL.path else {
                throw ProvenanceError.failed(path: path, detail: "a database cannot import itself")
            }
            let job = try ProvenanceDatabase.openExisting(path: path)
            let contents = try job.read { db -> Contents in
                let audit = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM validations) + (SELECT COUNT(*) FROM unblindings)") ?? 0
                guard audit == 0 else {
                    throw ProvenanceError.failed(path: path, detail: "it holds validations or unblindings, which only the run's own database records; run validate and unblind with --db \(self.path)")
                }
                return Contents(runs: try RunRecord.order(Column("started_at")).fetchAll(db),
                                samples: try SampleRecord.fetchAll(db),
                                corrections: try CorrectionsRecord.order(Column("id")).fetchAll(db),
                                results: try ResultRecord.fetchAll(db))
            }
            all.append(contents)
        }
        return try write { db in
            var summary = JobDatabaseImport(databases: paths.count)
            for c in all {
                for r in c.runs {
                    try r.upsert(db)
                    summary.runs += 1
                }
                for s in c.samples {
                    try s.upsert(db)
                    summary.samples += 1
                }
                for var k in c.corrections {
                    let known = try CorrectionsRecord.filter(Column("search") == k.search && Column("run_id") == k.runID
                        && Column("time") == k.time && Column("table_json") == k.tableJSON).fetchCount(db)
                    guard known == 0 else { continue }
                    k.id = nil
                    try k.insert(db)
                    summary.corrections += 1
                }
                for r in c.results {
                    let known = try ResultRecord.filter(Column("run_id") == r.runID && Column("quantity") == r.quantity
                        && Column("point") == r.point && Column("payload") == r.payload).fetchCount(db)
                    guard known == 0 else { continue }
                    try r.insert(db)
                    summary.results += 1
                }
            }
            return summary
        }
    }
}
