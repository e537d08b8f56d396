import Foundation
import GRDB

/// One invocation of a DarkSector command that produced something.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "runs"
    public var id: String
    public var command: String
    public var configHash: String
    public var codeVersion: String
    public var startedAt: Date
    public var finishedAt: Date?
    /// running, succeeded, failed or interrupted (`RunStatus`). A `running` row whose process
    /// is gone is marked `interrupted` the next time the database is opened on its host.
    public var status: String
    /// The process that started the run and the host it ran on (nil for runs recorded before
    /// schema v3), so that a later process can tell a live run from one that was killed.
    public var pid: Int64?
    public var host: String?

    enum CodingKeys: String, CodingKey {
        case id, command, status, pid, host
        case configHash = "config_hash", codeVersion = "code_version"
        case startedAt = "started_at", finishedAt = "finished_at"
    }
}

/// One sample shard known to the catalog.
public struct SampleRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "samples"
    public var path: String
    public var process: String
    public var conditions: String
    public var shardIndex: Int64
    public var events: Int64
    public var generatedEvents: Int64
    public var crossSectionFb: Double
    public var luminosityInvFb: Double
    public var seed: Int64
    public var filter: String
    public var sha256: String
    public var sizeBytes: Int64
    public var codeVersion: String
    public var runID: String?
    public var registeredAt: Date

    public init(path: String, process: String, conditions: String, shardIndex: Int64, events: Int64,
                generatedEvents: Int64, crossSectionFb: Double, luminosityInvFb: Double, seed: Int64,
                filter: String, sha256: String, sizeBytes: Int64, codeVersion: String, runID: String?,
                registeredAt: Date = Date()) {
        self.path = path
        self.process = process
        self.conditions = conditions
        self.shardIndex = shardIndex
        self.events = events
        self.generatedEvents = generatedEvents
        self.crossSectionFb = crossSectionFb
        self.luminosityInvFb = luminosityInvFb
        self.seed = seed
        self.filter = filter
        self.sha256 = sha256
        self.sizeBytes = sizeBytes
        self.codeVersion = codeVersion
        self.runID = runID
        self.registeredAt = registeredAt
    }

    enum CodingKeys: String, CodingKey {
        case path, process, conditions, events, seed, filter, sha256
        case shardIndex = "shard_index", generatedEvents = "generated_events"
        case crossSectionFb = "cross_section_fb", luminosityInvFb = "luminosity_inv_fb"
        case sizeBytes = "size_bytes", codeVersion = "code_version", runID = "run_id"
        case registeredAt = "registered_at"
    }
}

/// A number a run produced (a limit at one mass, a yield, a scale factor).
public struct ResultRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "results"
    public var runID: String
    public var search: String
    /// What the number is, e.g. `expected_limit_gprime`.
    public var quantity: String
    /// Mass hypothesis label, e.g. `M_Z'=3.000`; empty if none.
    public var point: String
    public var value: Double
    /// Anything else, as JSON.
    public var payload: String

    public init(runID: String, search: String, quantity: String, point: String = "", value: Double, payload: String = "{}") {
        self.runID = runID
        self.search = search
        self.quantity = quantity
        self.point = point
        self.value = value
        self.payload = payload
    }

    enum CodingKeys: String, CodingKey {
        case search, quantity, point, value, payload
        case runID = "run_id"
    }
}

/// The audit trail of unblinding: who looked at a signal region, when, with which configuration,
/// which data shards and which validation.
///
/// Rows form a hash chain (`AuditChain`): `previousHash` and `rowHash` are set by
/// `ProvenanceDatabase.record(unblinding:)`, whatever the caller put there.
public struct UnblindingRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "unblindings"
    /// The row id (nil until recorded); `darksector audit --verify` names rows by it.
    public var id: Int64?
    public var search: String
    public var runID: String
    public var user: String
    public var host: String
    public var time: Date
    public var configHash: String
    public var codeVersion: String
    /// JSON array of the fingerprints (catalog SHA-256) of the shards that were unblinded;
    /// opaque to this module.
    public var shards: String
    /// Digest of the passed validation this unblinding relied on.
    public var validationDigest: String
    public var previousHash: String
    public var rowHash: String

    public init(search: String, runID: String, user: String, host: String, time: Date = Date(),
                configHash: String, codeVersion: String, shards: String = "[]", validationDigest: String = "",
                previousHash: String = "", rowHash: String = "") {
        self.search = search
        self.runID = runID
        self.user = user
        self.host = host
        self.time = time
        self.configHash = configHash
        self.codeVersion = codeVersion
        self.shards = shards
        self.validationDigest = validationDigest
        self.previousHash = previousHash
        self.rowHash = rowHash
    }

    enum CodingKeys: String, CodingKey {
        case id, search, user, host, time, shards
        case runID = "run_id", configHash = "config_hash", codeVersion = "code_version"
        case validationDigest = "validation_digest", previousHash = "previous_hash", rowHash = "row_hash"
    }
}

/// One control-sample validation as the validate stage recorded it: whether it passed, and
/// the SHA-256 digest of the outcome it wrote, so that an unblinding can check that the
/// validation it is shown is the one that was run.
public struct ValidationRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "validations"
    /// The row id (nil until recorded); `darksector audit --verify` names rows by it.
    public var id: Int64?
    public var search: String
    public var runID: String
    public var configHash: String
    public var passed: Bool
    public var digest: String
    public var time: Date
    public var codeVersion: String
    /// The configuration's full text, so that what was validated can be read back, not only
    /// its hash.
    public var configText: String
    /// JSON of the control-sample criteria that were applied; opaque to this module.
    public var criteria: String
    /// JSON array of the fingerprints of every data and MC shard the validation read.
    public var shards: String
    public var previousHash: String
    public var rowHash: String

    public init(search: String, runID: String, configHash: String, passed: Bool, digest: String, time: Date = Date(),
                codeVersion: String, configText: String = "", criteria: String = "[]", shards: String = "[]",
                previousHash: String = "", rowHash: String = "") {
        self.search = search
        self.runID = runID
        self.configHash = configHash
        self.passed = passed
        self.digest = digest
        self.time = time
        self.codeVersion = codeVersion
        self.configText = configText
        self.criteria = criteria
        self.shards = shards
        self.previousHash = previousHash
        self.rowHash = rowHash
    }

    enum CodingKeys: String, CodingKey {
        case id, search, passed, digest, time, shards, criteria
        case runID = "run_id", configHash = "config_hash", codeVersion = "code_version"
        case configText = "config_text", previousHash = "previous_hash", rowHash = "row_hash"
    }
}
