import Foundation
import GRDB
import Testing
@testable import Provenance

/// The unblindings and validations tables are hash chains: these tests edit and delete rows
/// behind DarkSector's back, as a user with sqlite3 would, and check that `verifyAudit`
/// names exactly the row that was touched.
@Suite struct AuditChainTests {
    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("prov-\(UUID().uuidString)/db.sqlite").path
    }

    /// A database with `n` unblindings (searches s1...sn, runs r1...rn) and `n` validations.
    func populated(_ n: Int = 5) throws -> ProvenanceDatabase {
        let db = try ProvenanceDatabase(path: scratch())
        for i in 1...n {
            try db.record(validation: ValidationRecord(search: "s\(i)", runID: "r\(i)", configHash: "c\(i)", passed: i % 2 == 1,
                                                       digest: "d\(i)", codeVersion: "1", configText: "grid: \(i)\n",
                                                       criteria: "[{\"max_ratio_deviation\":0.2}]", shards: "[\"a\(i)\",\"b\(i)\"]"))
            try db.record(unblinding: UnblindingRecord(search: "s\(i)", runID: "r\(i)", user: "u", host: "h", configHash: "c\(i)",
                                                       codeVersion: "1", shards: "[\"a\(i)\"]", validationDigest: "d\(i)"))
        }
        return db
    }

    /// Raw SQL on a second connection, as an editor of the file would do.
    func tamper(_ db: ProvenanceDatabase, _ sql: String) throws {
        let other = try DatabaseQueue(path: db.path)
        try other.write { try $0.execute(sql: sql) }
        try other.close()
    }

    @Test func freshChainIsIntactAndLinked() throws {
        let db = try populated(5)
        let v = try db.verifyAudit()
        #expect(v.intact, "\(v.problems)")
        #expect(v.unblindings == 5)
        #expect(v.validations == 5)
        let rows = try db.unblindings()
        #expect(rows.map(\.id) == [1, 2, 3, 4, 5])
        #expect(rows.first?.previousHash == AuditChain.genesis)
        for (a, b) in zip(rows, rows.dropFirst()) { #expect(b.previousHash == a.rowHash) }
        #expect(Set(rows.map(\.rowHash)).count == 5)
        #expect(rows.allSatisfy { $0.rowHash.count == 64 })
        // The new fields are stored and read back.
        #expect(rows[2].shards == "[\"a3\"]" && rows[2].validationDigest == "d3")
        let val = try db.validations(search: "s2")
        #expect(val.count == 1 && val[0].configText == "grid: 2\n" && val[0].shards == "[\"a2\",\"b2\"]" && !val[0].passed)
    }

    @Test func callerCannotChooseTheChainFields() throws {
        let db = try populated(2)
        try db.record(unblinding: UnblindingRecord(search: "x", runID: "r", user: "u", host: "h", configHash: "c", codeVersion: "1",
                                                   previousHash: AuditChain.genesis, rowHash: "forged"))
        #expect(try db.verifyAudit().intact)
        #expect(try db.unblindings(search: "x").first?.rowHash != "forged")
    }

    @Test func editedColumnIsDetectedAndTheRowNamed() throws {
        let db = try populated(5)
        try tamper(db, "UPDATE validations SET passed = 1 WHERE id = 4")
        let v = try db.verifyAudit()
        #expect(!v.intact)
        #expect(v.problems == ["validations row 4 (search s4, run r4): content changed since it was recorded"])
        // An edit of a date as stored (one millisecond) is caught too.
        try tamper(db, "UPDATE unblindings SET time = substr(time, 1, length(time) - 1) || CASE substr(time, -1) WHEN '0' THEN '1' ELSE '0' END WHERE id = 2")
        let w = try db.verifyAudit()
        #expect(w.problems.first == "unblindings row 2 (search s2, run r2): content changed since it was recorded")
        #expect(w.problems.count == 2)
    }

    @Test func deletedMiddleRowIsDetected() throws {
        let db = try populated(5)
        try tamper(db, "DELETE FROM unblindings WHERE id = 3")
        let v = try db.verifyAudit()
        #expect(v.problems.first == "unblindings: row(s) missing between id 2 and id 4")
        #expect(v.problems.contains("unblindings: 5 row(s) recorded, 4 present"))
        #expect(!v.problems.contains { $0.hasPrefix("validations") })
    }

    @Test func deletedFirstRowIsDetected() throws {
        let db = try populated(3)
        try tamper(db, "DELETE FROM validations WHERE id = 1")
        #expect(try db.verifyAudit().problems.first == "validations: row(s) missing before id 2 (the first row present does not start the chain)")
    }

    @Test func deletedLastRowIsDetected() throws {
        let db = try populated(5)
        let last = try #require(try db.unblindings().last)
        try tamper(db, "DELETE FROM unblindings WHERE id = 5")
        let v = try db.verifyAudit()
        #expect(v.problems.first == "unblindings: the last recorded row (hash \(last.rowHash.prefix(12))...) is missing")
        // A later unblinding links to the deleted row, so the gap stays visible.
        try db.record(unblinding: UnblindingRecord(search: "s6", runID: "r6", user: "u", host: "h", configHash: "c6", codeVersion: "1"))
        let w = try db.verifyAudit()
        #expect(w.problems.first == "unblindings: row(s) missing between id 4 and id 6")
    }

    @Test func rewrittenRowWithRecomputedHashBreaksTheNextLink() throws {
        // An editor who also recomputes the edited row's own hash (but not the rest of the
        // chain) is caught by the next row, which still points at the original.
        let db = try populated(4)
        try tamper(db, "UPDATE unblindings SET user = 'someone-else' WHERE id = 2")
        let edited = try db.read { try Row.fetchOne($0, sql: "SELECT * FROM unblindings WHERE id = 2")! }
        try tamper(db, "UPDATE unblindings SET row_hash = '\(AuditChain.hash(edited, in: AuditChain.unblindings))' WHERE id = 2")
        let v = try db.verifyAudit()
        #expect(v.problems == ["unblindings row 3 (search s3, run r3): does not follow row 2 in the chain (rows were replaced or re-linked)"])
    }

    @Test func deletedHeadIsDetectedAndBlocksFurtherRecording() throws {
        let db = try populated(2)
        try tamper(db, "DELETE FROM audit_heads WHERE table_name = 'validations'")
        #expect(try db.verifyAudit().problems == ["validations: its audit head (row count and last hash) is missing from audit_heads"])
        #expect { try db.record(validation: ValidationRecord(search: "s", runID: "r", configHash: "c", passed: true, digest: "d", codeVersion: "1")) }
            throws: { "\($0)".contains("audit head of validations is missing") && "\($0)".contains(db.path) }
    }

    @Test func rowInsertedWithRawSQLIsNamedAndItsNeighboursAreNotBlamed() throws {
        let db = try populated(3)
        try tamper(db, "INSERT INTO unblindings (search, run_id, user, host, time, config_hash, code_version) VALUES ('forged', 'rf', 'u', 'h', '2026-01-01 00:00:00.000', 'c', '1')")
        try db.record(unblinding: UnblindingRecord(search: "s5", runID: "r5", user: "u", host: "h", configHash: "c5", codeVersion: "1"))
        let v = try db.verifyAudit()
        #expect(v.problems == ["unblindings row 4 (search forged, run rf): added outside DarkSector (it has no hash)",
                               "unblindings: 4 row(s) recorded, 5 present"])
    }

    @Test func twoWritersKeepOneChain() throws {
        // Two processes (here: two pools on one file) recording at once must not fork the
        // chain: each append reads the head and writes in one IMMEDIATE transaction.
        let first = try populated(1)
        let second = try ProvenanceDatabase(path: first.path)
        DispatchQueue.concurrentPerform(iterations: 20) { i in
            let db = i % 2 == 0 ? first : second
            try? db.record(validation: ValidationRecord(search: "c\(i)", runID: "r\(i)", configHash: "h", passed: true, digest: "d", codeVersion: "1"))
        }
        let v = try first.verifyAudit()
        #expect(v.intact, "\(v.problems)")
        #expect(v.validations == 21)
    }

    @Test func versionTwoDatabaseMigratesAndVerifies() throws {
        let path = scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // A database as DarkSector 0.1 (schema v2) left it, filled with raw SQL.
        do {
            let old = try DatabaseQueue(path: path)
            try ProvenanceDatabase.migrator.migrate(old, upTo: "v2")
            try old.write { db in
                try db.execute(sql: "INSERT INTO runs (id, command, config_hash, code_version, started_at, status) VALUES ('r1', 'run', 'c', '0.1.0', '2025-01-02 03:04:05.678', 'succeeded')")
                for i in 1...3 {
                    try db.execute(sql: "INSERT INTO unblindings (search, run_id, user, host, time, config_hash, code_version) VALUES (?, 'r1', 'u', 'h', '2025-01-02 03:04:0\(i).000', 'c', '0.1.0')",
                                   arguments: ["s\(i)"])
                    try db.execute(sql: "INSERT INTO validations (search, run_id, config_hash, passed, digest, time, code_version) VALUES (?, 'r1', 'c', 1, 'd\(i)', '2025-01-02 03:04:0\(i).000', '0.1.0')",
                                   arguments: ["s\(i)"])
                }
            }
            try old.close()
        }
        let db = try ProvenanceDatabase(path: path)
        #expect(try db.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        let v = try db.verifyAudit()
        #expect(v.intact, "\(v.problems)")
        #expect(v.unblindings == 3 && v.validations == 3)
        let old = try db.unblindings()
        #expect(old.map(\.shards) == ["[]", "[]", "[]"])
        #expect(old.first?.previousHash == AuditChain.genesis)
        #expect(try db.run(id: "r1")?.pid == nil)
        // New rows extend the migrated chain; an edit of a migrated row is still found.
        try db.record(unblinding: UnblindingRecord(search: "s4", runID: "r1", user: "u", host: "h", configHash: "c", codeVersion: "1"))
        #expect(try db.unblindings().last?.previousHash == old.last?.rowHash)
        #expect(try db.verifyAudit().intact)
        try tamper(db, "UPDATE validations SET digest = 'other' WHERE id = 2")
        #expect(try db.verifyAudit().problems == ["validations row 2 (search s2, run r1): content changed since it was recorded"])
    }

    @Test func openExistingRefusesAMissingPath() throws {
        let path = scratch()
        #expect {
            _ = try ProvenanceDatabase.openExisting(path: path)
        } throws: { error in
            "\(error)" == "no provenance database at \(path); pass the path of an existing one with --db or DARKSECTOR_DB"
        }
        #expect(!FileManager.default.fileExists(atPath: path), "a missing database must not be created")
        let dir = (path as NSString).deletingLastPathComponent
        #expect(!FileManager.default.fileExists(atPath: dir))
        _ = try ProvenanceDatabase(path: path)
        #expect(try ProvenanceDatabase.openExisting(path: path).verifyAudit().intact)
    }
}
