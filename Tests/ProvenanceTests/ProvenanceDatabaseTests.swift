import Foundation
import GRDB
import Testing
@testable import Provenance

@Suite struct ProvenanceDatabaseTests {
    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("prov-\(UUID().uuidString)/db.sqlite").path
    }

    @Test func migrationsRunAndWALIsOn() throws {
        let db = try ProvenanceDatabase(path: scratch())
        #expect(try db.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        let mode = try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let tables = try db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        for t in ["results", "runs", "samples", "unblindings", "validations", "audit_heads"] { #expect(tables.contains(t)) }
        // Reopening applies nothing twice.
        #expect(try ProvenanceDatabase(path: db.path).appliedMigrations() == ["v1", "v2", "v3", "v4"])
    }

    @Test func runsResultsAndAuditQueries() throws {
        let db = try ProvenanceDatabase(path: scratch())
        let run = try db.startRun(command: "darksector run x", configHash: "abc")
        try db.record(results: [ResultRecord(runID: run.id, search: "x", quantity: "limit", point: "m=1", value: 0.5),
                                ResultRecord(runID: run.id, search: "x", quantity: "limit", point: "m=2", value: 0.7)])
        try db.finishRun(id: run.id, succeeded: true)
        #expect(try db.run(id: run.id)?.status == "succeeded")
        #expect(try db.results(runID: run.id).map(\.value).sorted() == [0.5, 0.7])
        try db.record(unblinding: UnblindingRecord(search: "x", runID: run.id, user: "u", host: "h", configHash: "abc", codeVersion: "1"))
        #expect(try db.unblindings(search: "x").count == 1)
        #expect(try db.unblindings(search: "y").isEmpty)
    }

    @Test func multiRowWriteIsAllOrNothing() throws {
        let db = try ProvenanceDatabase(path: scratch())
        let run = try db.startRun(command: "c", configHash: "h")
        // The second row violates the foreign key, so the first must not be kept either.
        #expect(throws: (any Error).self) {
            try db.record(results: [ResultRecord(runID: run.id, search: "s", quantity: "q", value: 1),
                                    ResultRecord(runID: "no-such-run", search: "s", quantity: "q", value: 2)])
        }
        #expect(try db.results(runID: run.id).isEmpty)
    }

    @Test func lockedDatabaseGivesAClearError() throws {
        let path = scratch()
        let db = try ProvenanceDatabase(path: path, busyTimeoutSeconds: 0.2)
        // Another process holds the write lock (simulated with a second connection).
        let other = try DatabaseQueue(path: path)
        try other.inDatabase { holder in
            try holder.execute(sql: "BEGIN EXCLUSIVE")
            do {
                _ = try db.startRun(command: "c", configHash: "h")
                Issue.record("expected the write to fail while locked")
            } catch let error as ProvenanceError {
                #expect("\(error)".contains(path))
                #expect("\(error)".contains("locked by another process"))
            }
            try holder.execute(sql: "ROLLBACK")
        }
        // Once released, writing works.
        _ = try db.startRun(command: "c", configHash: "h")
    }

    @Test func notADatabase() throws {
        let path = scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try ProvenanceDatabase(path: path)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("not an SQLite database")
        }
    }
}
