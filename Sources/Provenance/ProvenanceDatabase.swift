import Foundation
import GRDB

/// The SQLite database that remembers what DarkSector did: runs, the sample catalog,
/// results and the unblinding audit.
///
/// Opened in WAL mode (a DatabasePool) with a busy timeout so that parallel jobs can share
/// it; every multi-row write is one transaction, so a killed run leaves either all or none
/// of its rows; the schema evolves only through numbered migrations.
public final class ProvenanceDatabase: Sendable {
    public let path: String
    private let pool: DatabasePool

    /// `DARKSECTOR_DB` if set, else `Results/darksector.sqlite` below the working directory.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["DARKSECTOR_DB"], !p.isEmpty { return p }
        return "Results/darksector.sqlite"
    }

    public init(path: String, busyTimeoutSeconds: Double = 5) throws {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ProvenanceError.cannotOpen(path: path, detail: "cannot create \(directory.path): \(error.localizedDescription)")
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeoutSeconds)
        config.foreignKeysEnabled = true
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        } catch {
            throw ProvenanceError.cannotOpen(path: path, detail: "\(error)")
        }
        // Housekeeping, not a condition of opening: a read-only or busy database must still be
        // readable (e.g. by `audit --verify`); the next open tries again.
        _ = try? markInterruptedRuns()
    }

    /// Opens a database that must already exist, for commands that only read one (`audit`):
    /// a mistyped path must be an error, not a new, empty and therefore "clean" database.
    public static func openExisting(path: String, busyTimeoutSeconds: Double = 5) throws -> ProvenanceDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ProvenanceError.missing(path: path)
        }
        return try ProvenanceDatabase(path: path, busyTimeoutSeconds: busyTimeoutSeconds)
    }

    /// Versioned schema. Append migrations; never edit a released one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "runs") { t in
                t.column("id", .text).primaryKey()
                t.column("command", .text).notNull()
                t.column("config_hash", .text).notNull()
                t.column("code_version", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
                t.column("status", .text).notNull()
            }
            try db.create(table: "samples") { t in
                t.column("path", .text).primaryKey()
                t.column("process", .text).notNull().indexed()
                t.column("conditions", .text).notNull()
                t.column("shard_index", .integer).notNull()
                t.column("events", .integer).notNull()
                t.column("generated_events", .integer).notNull()
                t.column("cross_section_fb", .double).notNull()
                t.column("luminosity_inv_fb", .double).notNull()
                t.column("seed", .integer).notNull()
                t.column("filter", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("size_bytes", .integer).notNull()
                t.column("code_version", .text).notNull()
                t.column("run_id", .text).references("runs", onDelete: .setNull)
                t.column("registered_at", .datetime).notNull()
            }
            try db.create(table: "results") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("run_id", .text).notNull().references("runs", onDelete: .cascade).indexed()
                t.column("search", .text).notNull()
                t.column("quantity", .text).notNull()
                t.column("point", .text).notNull()
                t.column("value", .double).notNull()
                t.column("payload", .text).notNull()
            }
            try db.create(table: "unblindings") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("search", .text).notNull().indexed()
                t.column("run_id", .text).notNull()
                t.column("user", .text).notNull()
                t.column("host", .text).notNull()
                t.column("time", .datetime).notNull()
                t.column("config_hash", .text).notNull()
                t.column("code_version", .text).notNull()
            }
        }
        // v2: control-sample validations, so that unblinding trusts this audit trail, not a
        // validation.json that anyone could edit.
        m.registerMigration("v2") { db in
            try db.create(table: "validations") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("search", .text).notNull().indexed()
                t.column("run_id", .text).notNull()
                t.column("config_hash", .text).notNull()
                t.column("passed", .boolean).notNull()
                t.column("digest", .text).notNull()
                t.column("time", .datetime).notNull()
                t.column("code_version", .text).notNull()
            }
        }
        // v3: the audit tables become hash chains (AuditChain) and record what an unblinding
        // was bound to (shards, validation digest; the configuration text and criteria of a
        // validation); runs record their process so that a killed run can be recognised.
        m.registerMigration("v3") { db in
            try db.alter(table: "unblindings") { t in
                t.add(column: "shards", .text).notNull().defaults(to: "[]")
                t.add(column: "validation_digest", .text).notNull().defaults(to: "")
                t.add(column: "previous_hash", .text).notNull().defaults(to: "")
                t.add(column: "row_hash", .text).notNull().defaults(to: "")
            }
            try db.alter(table: "validations") { t in
                t.add(column: "config_text", .text).notNull().defaults(to: "")
                t.add(column: "criteria", .text).notNull().defaults(to: "[]")
                t.add(column: "shards", .text).notNull().defaults(to: "[]")
                t.add(column: "previous_hash", .text).notNull().defaults(to: "")
                t.add(column: "row_hash", .text).notNull().defaults(to: "")
            }
            try db.alter(table: "runs") { t in
                t.add(column: "pid", .integer)
                t.add(column: "host", .text)
            }
            try db.create(table: "audit_heads") { t in
                t.column("table_name", .text).primaryKey()
                t.column("row_count", .integer).notNull()
                t.column("last_hash", .text).notNull()
            }
            for table in AuditChain.tables { try AuditChain.chainExistingRows(db, of: table) }
        }
        // v4: the data/MC corrections each run measured in control samples (the table as
        // JSON), so that a result can be traced to the corrections its simulation carried.
        m.registerMigration("v4") { db in
            try db.create(table: "corrections") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("search", .text).notNull().indexed()
                t.column("run_id", .text).notNull()
                t.column("config_hash", .text).notNull()
                t.column("code_version", .text).notNull()
                t.column("time", .datetime).notNull()
                t.column("table_json", .text).notNull()
            }
        }
        return m
    }

    /// Names of the applied migrations (for `store info` and tests).
    public func appliedMigrations() throws -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }

    // MARK: runs

    /// Records the start of a run (with this process's pid and host) and returns it; call
    /// `finishRun` when done. `id`: a run id chosen by the caller (a workflow that names its
    /// run before any job starts); a fresh time-sorted id when nil.
    public func startRun(command: String, configHash: String, codeVersion: String = CodeVersion.build,
                         id: String? = nil) throws -> RunRecord {
        let run = RunRecord(id: id ?? Self.newRunID(), command: command, configHash: configHash, codeVersion: codeVersion,
                            startedAt: Date(), finishedAt: nil, status: RunStatus.running.rawValue,
                            pid: ProcessIdentity.currentPID, host: ProcessIdentity.hostName)
        try write { db in try run.insert(db) }
        return run
    }

    public func finishRun(id: String, succeeded: Bool) throws {
        try finishRun(id: id, status: succeeded ? .succeeded : .failed)
    }

    /// Sets a run's final status and finish time. Only a run still `running` changes, so a
    /// late `failed` from an error path does not overwrite `interrupted` from a signal.
    public func finishRun(id: String, status: RunStatus) throws {
        try write { db in
            try db.execute(sql: "UPDATE runs SET finished_at = ?, status = ? WHERE id = ? AND status = ?",
                           arguments: [Date(), status.rawValue, id, RunStatus.running.rawValue])
        }
    }

    /// Marks `interrupted` every `running` run of this host whose process no longer exists,
    /// in one transaction, and returns their ids. Called when the database is opened, so a
    /// run killed outright (kill -9) does not stay `running` forever.
    @discardableResult
    public func markInterruptedRuns() throws -> [String] {
        let host = ProcessIdentity.hostName
        let candidates = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, pid FROM runs WHERE status = ? AND host = ? AND pid IS NOT NULL",
                             arguments: [RunStatus.running.rawValue, host])
        }
        let dead: [String] = candidates.compactMap { row in
            let pid: Int64 = row["pid"]
            return ProcessIdentity.isAlive(pid: pid) ? nil : row["id"]
        }
        guard !dead.isEmpty else { return [] }
        let now = Date()
        try write { db in
            for id in dead {
                try db.execute(sql: "UPDATE runs SET status = ?, finished_at = ? WHERE id = ? AND status = ?",
                               arguments: [RunStatus.interrupted.rawValue, now, id, RunStatus.running.rawValue])
            }
        }
        return dead
    }

    public func runs() throws -> [RunRecord] {
        try read { db in try RunRecord.order(Column("started_at")).fetchAll(db) }
    }

    public func run(id: String) throws -> RunRecord? {
        try read { db in try RunRecord.fetchOne(db, key: id) }
    }

    /// A sortable, human-readable run id: UTC time plus a random suffix.
    static func newRunID() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return "\(f.string(from: Date()))-\(UUID().uuidString.prefix(6).lowercased())"
    }

    // MARK: samples

    /// Registers (or re-registers) shards in one transaction.
    public func register(samples: [SampleRecord]) throws {
        try write { db in
            for s in samples { try s.upsert(db) }
        }
    }

    public func samples(process: String? = nil, conditions: String? = nil) throws -> [SampleRecord] {
        try read { db in
            var request = SampleRecord.all()
            if let process { request = request.filter(Column("process") == process) }
            if let conditions { request = request.filter(Column("conditions") == conditions) }
            return try request.order(Column("process"), Column("conditions"), Column("shard_index")).fetchAll(db)
        }
    }

    public func sample(path: String) throws -> SampleRecord? {
        try read { db in try SampleRecord.fetchOne(db, key: path) }
    }

    // MARK: results and audit

    public func record(results: [ResultRecord]) throws {
        try write { db in
            for r in results { try r.insert(db) }
        }
    }

    public func results(runID: String) throws -> [ResultRecord] {
        try read { db in try ResultRecord.filter(Column("run_id") == runID).fetchAll(db) }
    }

    /// Appends an unblinding to its hash chain: `id`, `previousHash` and `rowHash` of the
    /// argument are ignored and set here, in the same transaction as the row.
    public func record(unblinding: UnblindingRecord) throws {
        var row = unblinding
        row.id = nil
        try write { db in
            try AuditChain.append(db, to: AuditChain.unblindings, path: path) { previous in
                row.previousHash = previous
                row.rowHash = ""
                try row.insert(db)
            }
        }
    }

    /// Unblindings in the order they were recorded.
    public func unblindings(search: String? = nil) throws -> [UnblindingRecord] {
        try read { db in
            var request = UnblindingRecord.all()
            if let search { request = request.filter(Column("search") == search) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// Appends a validation to its hash chain (see `record(unblinding:)`).
    public func record(validation: ValidationRecord) throws {
        var row = validation
        row.id = nil
        try write { db in
            try AuditChain.append(db, to: AuditChain.validations, path: path) { previous in
                row.previousHash = previous
                row.rowHash = ""
                try row.insert(db)
            }
        }
    }

    /// Validations of a search (optionally of one configuration) in the order they were recorded.
    public func validations(search: String, configHash: String? = nil) throws -> [ValidationRecord] {
        try read { db in
            var request = ValidationRecord.filter(Column("search") == search)
            if let configHash { request = request.filter(Column("config_hash") == configHash) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// Every validation, in the order recorded (for `darksector audit`).
    public func allValidations() throws -> [ValidationRecord] {
        try read { db in try ValidationRecord.order(Column("id")).fetchAll(db) }
    }

    // MARK: access with errors that name the database

    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> ProvenanceError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_NOTADB: return .cannotOpen(path: path, detail: "not an SQLite database")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return .cannotOpen(path: path, detail: error.message ?? "\(error.resultCode)")
        default:
            if let m = error.message, m.contains("migration") { return .newerSchema(path: path, detail: m) }
            return .failed(path: path, detail: error.message ?? "\(error)")
        }
    }
}
