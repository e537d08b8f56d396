import Foundation
import GRDB

/// What `ProvenanceDatabase.verifyAudit()` found: one sentence per problem, each naming the
/// table and the row (id, search, run) so that a reader can go and look at it.
public struct AuditVerification: Sendable, Equatable {
    /// Problems in table order (unblindings, then validations) and row order within a table,
    /// so the first names the first bad row.
    public var problems: [String]
    /// Rows present per table name.
    public var rowCounts: [String: Int]

    public var intact: Bool { problems.isEmpty }
    public var unblindings: Int { rowCounts["unblindings"] ?? 0 }
    public var validations: Int { rowCounts["validations"] ?? 0 }
}

extension AuditChain {
    /// Recomputes every row's hash, follows the links and compares the table's head.
    ///
    /// A row's stored `row_hash` (not the recomputed one) is what the next row must point
    /// to, so an edited row is named once, as changed, and its successor is not blamed.
    static func verify(_ db: Database, table: Table) throws -> (problems: [String], rows: Int) {
        var problems: [String] = []
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.name) ORDER BY id")
        var expectedPrevious = genesis
        var previousID: Int64? = nil
        var recorded: [(id: Int64, hash: String)] = []
        for row in rows {
            let id: Int64 = row["id"]
            let stored = (row["row_hash"] as String?) ?? ""
            let linked = (row["previous_hash"] as String?) ?? ""
            let label = "\(table.name) row \(id) (search \((row["search"] as String?) ?? "?"), run \((row["run_id"] as String?) ?? "?"))"
            if stored.isEmpty {
                // Inserted with raw SQL: say so once, and judge the next row's link against
                // the last row DarkSector did record.
                problems.append("\(label): added outside DarkSector (it has no hash)")
                continue
            }
            if hash(row, in: table) != stored {
                problems.append("\(label): content changed since it was recorded")
            }
            if linked != expectedPrevious {
                if let previousID {
                    if id != previousID + 1 {
                        problems.append("\(table.name): row(s) missing between id \(previousID) and id \(id)")
                    } else {
                        problems.append("\(label): does not follow row \(previousID) in the chain (rows were replaced or re-linked)")
                    }
                } else {
                    problems.append("\(table.name): row(s) missing before id \(id) (the first row present does not start the chain)")
                }
            }
            expectedPrevious = stored
            previousID = id
            recorded.append((id, stored))
        }
        if let head = try Row.fetchOne(db, sql: "SELECT row_count, last_hash FROM audit_heads WHERE table_name = ?",
                                       arguments: [table.name]) {
            let count: Int64 = head["row_count"]
            let last: String = head["last_hash"]
            if last != (recorded.last?.hash ?? genesis) {
                if let i = recorded.firstIndex(where: { $0.hash == last }) {
                    problems.append("\(table.name): rows after id \(recorded[i].id) were not recorded by DarkSector")
                } else if last != genesis {
                    problems.append("\(table.name): the last recorded row (hash \(last.prefix(12))...) is missing")
                }
            }
            if count != Int64(rows.count) {
                problems.append("\(table.name): \(count) row(s) recorded, \(rows.count) present")
            }
        } else {
            problems.append("\(table.name): its audit head (row count and last hash) is missing from audit_heads")
        }
        return (problems, rows.count)
    }
}

extension ProvenanceDatabase {
    /// Checks the hash chains of the unblindings and validations tables and their heads.
    ///
    /// This proves that nobody changed the trail by mistake or by a casual edit; it cannot
    /// prove that nobody with write access recomputed the whole chain (docs/DESIGN.md,
    /// "Trust boundary of the audit trail").
    public func verifyAudit() throws -> AuditVerification {
        try read { db in
            var result = AuditVerification(problems: [], rowCounts: [:])
            for table in AuditChain.tables {
                let (problems, rows) = try AuditChain.verify(db, table: table)
                result.problems += problems
                result.rowCounts[table.name] = rows
            }
            return result
        }
    }
}
