import Foundation
import Provenance

/// A work unit of a fanned-out run records itself in its own provenance database (`--db`,
/// one file per job; `darksector merge --job-db` imports them into the run's database): a
/// run row with its command line, configuration hash, code version, host and pid, finished
/// `succeeded` or `failed`, and marked `interrupted` by a signal like any run.
enum JobRecord {
    @discardableResult
    static func around<T>(_ db: ProvenanceDatabase, command: String, configHash: String, _ body: () throws -> T) throws -> T {
        let record = try db.startRun(command: command, configHash: configHash)
        RunLifecycle.begin(runID: record.id, database: db)
        defer { RunLifecycle.end(runID: record.id) }
        do {
            let value = try body()
            try db.finishRun(id: record.id, succeeded: true)
            return value
        } catch {
            RunLifecycle.fail(runID: record.id, database: db)
            throw error
        }
    }
}
