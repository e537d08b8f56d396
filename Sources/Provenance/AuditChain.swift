import Crypto
import Foundation
import GRDB

/// The hash chain that makes the audit tables (unblindings, validations) tamper-evident.
///
/// Each row stores `previous_hash` (the `row_hash` of the row recorded before it, or
/// `genesis` for the first) and `row_hash`, the SHA-256 of a canonical serialisation of
/// every other column except `id`. The serialisation is built from the values exactly as
/// SQLite stores them (a row is read back inside the transaction that inserts it), so a
/// hash can always be recomputed from the file: dates are hashed as GRDB's stored text, not
/// as a `Date` whose sub-millisecond part the database never kept.
///
/// `audit_heads` holds, per table, how many rows were recorded and the last `row_hash`, so
/// that deleting the newest row (which no later row points to) is detected too.
///
/// The column lists are frozen: a future migration that adds a column to an audit table
/// must leave these lists alone (or introduce a new chain format with its own tag), or
/// every existing row would stop verifying.
enum AuditChain {
    /// `previous_hash` of a table's first row.
    static let genesis = String(repeating: "0", count: 64)
    /// Tag at the start of every serialisation, so that the format can change without
    /// colliding with this one.
    static let formatTag = "darksector-audit-chain/1"

    /// An audit table and the columns its rows are hashed over, in hashing order.
    struct Table: Sendable {
        let name: String
        let hashedColumns: [String]
    }

    static let unblindings = Table(name: "unblindings", hashedColumns: [
        "search", "run_id", "user", "host", "time", "config_hash", "code_version",
        "shards", "validation_digest", "previous_hash",
    ])
    static let validations = Table(name: "validations", hashedColumns: [
        "search", "run_id", "config_hash", "passed", "digest", "time", "code_version",
        "config_text", "criteria", "shards", "previous_hash",
    ])
    static let tables = [unblindings, validations]

    /// SHA-256 (lower-case hex) of the row's canonical serialisation.
    static func hash(_ row: Row, in table: Table) -> String {
        var values: [String: DatabaseValue] = [:]
        for (name, value) in row { values[name] = value }
        return hash(values, in: table)
    }

    static func hash(_ values: [String: DatabaseValue], in table: Table) -> String {
        var text = "\(formatTag)\ntable=\(table.name)\n"
        for column in table.hashedColumns {
            text += column + "=" + canonical(values[column] ?? .null) + "\n"
        }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A typed, length-prefixed rendering of one stored value: a text "1" and an integer 1
    /// differ, and no string content can imitate a column boundary.
    static func canonical(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "n"
        case .int64(let i): return "i\(i)"
        case .double(let d): return "d" + String(d.bitPattern, radix: 16)
        case .string(let s): return "s\(s.utf8.count):\(s)"
        case .blob(let b): return "b\(b.count):" + b.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Inserts one row at the end of the chain and returns it as stored. Runs inside the
    /// caller's write transaction, so the row, its hash and the head change together.
    ///
    /// `insert` receives the `previous_hash` to store and must insert exactly one row (with
    /// any `row_hash`); this function then hashes the row read back and sets `row_hash`.
    static func append(_ db: Database, to table: Table, path: String, insert: (String) throws -> Void) throws {
        guard let head = try Row.fetchOne(db, sql: "SELECT row_count, last_hash FROM audit_heads WHERE table_name = ?",
                                          arguments: [table.name]) else {
            throw ProvenanceError.failed(path: path, detail: "the audit head of \(table.name) is missing from audit_heads, so the trail was edited outside DarkSector; nothing was recorded. Run `darksector audit --verify --db \(path)` and restore the database from a copy you trust")
        }
        let count: Int64 = head["row_count"]
        let previous: String = head["last_hash"]
        try insert(previous)
        let id = db.lastInsertedRowID
        guard let stored = try Row.fetchOne(db, sql: "SELECT * FROM \(table.name) WHERE id = ?", arguments: [id]) else {
            throw ProvenanceError.failed(path: path, detail: "\(table.name) row \(id) vanished while it was being recorded")
        }
        let rowHash = hash(stored, in: table)
        try db.execute(sql: "UPDATE \(table.name) SET row_hash = ? WHERE id = ?", arguments: [rowHash, id])
        try db.execute(sql: "UPDATE audit_heads SET row_count = ?, last_hash = ? WHERE table_name = ?",
                       arguments: [count + 1, rowHash, table.name])
    }

    /// Chains every row already in `table` in id order and writes its head; used once, by the
    /// migration that introduced the chain.
    static func chainExistingRows(_ db: Database, of table: Table) throws {
        var previous = genesis
        var count: Int64 = 0
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.name) ORDER BY id") {
            let id: Int64 = row["id"]
            var values: [String: DatabaseValue] = [:]
            for (name, value) in row { values[name] = value }
            values["previous_hash"] = previous.databaseValue
            let rowHash = hash(values, in: table)
            try db.execute(sql: "UPDATE \(table.name) SET previous_hash = ?, row_hash = ? WHERE id = ?",
                           arguments: [previous, rowHash, id])
            previous = rowHash
            count += 1
        }
        try db.execute(sql: "INSERT INTO audit_heads (table_name, row_count, last_hash) VALUES (?, ?, ?)",
                       arguments: [table.name, count, previous])
    }
}
