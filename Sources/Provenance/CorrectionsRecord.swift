import Foundation
import GRDB

/// The corrections table one run measured (`darksector calibrate`), as stored JSON.
public struct CorrectionsRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "corrections"
    public var id: Int64?
    public var search: String
    public var runID: String
    public var configHash: String
    public var codeVersion: String
    public var time: Date
    public var tableJSON: String

    enum CodingKeys: String, CodingKey {
        case id, search, time
        case runID = "run_id"
        case configHash = "config_hash"
        case codeVersion = "code_version"
        case tableJSON = "table_json"
    }
}

extension ProvenanceDatabase {
    /// Stores a run's corrections table (one transaction).
    public func record(corrections json: String, search: String, runID: String, configHash: String,
                       codeVersion: String) throws {
        try write { db in
            try CorrectionsRecord(id: nil, search: search, runID: runID, configHash: configHash, codeVersion: codeVersion,
                                  time: Date(), tableJSON: json).insert(db)
        }
    }

    /// The corrections recorded for a search (optionally one run), oldest first.
    public func corrections(search: String, runID: String? = nil) throws -> [CorrectionsRecord] {
        try read { db in
            var request = CorrectionsRecord.filter(Column("search") == search)
            if let runID { request = request.filter(Column("run_id") == runID) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }
}
