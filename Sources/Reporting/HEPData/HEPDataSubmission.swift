import Foundation

/// A HEPData submission in the shape hepdata_lib writes: one `submission.yaml` (a first
/// document with the record-wide `comment` and `additional_resources`, then one document per
/// table) plus one data YAML file per table.
///
/// These are plain values; `HEPDataWriter` turns them into files and
/// `HEPDataTable.init(limitCurve:...)` and friends build tables from DarkSector results.
public struct HEPDataSubmission: Sendable, Codable, Equatable {
    /// Record-wide comment (typically the paper abstract or a description of the analysis).
    public var comment: String
    public var additionalResources: [HEPDataResource]
    public var tables: [HEPDataTable]

    public init(comment: String, additionalResources: [HEPDataResource] = [], tables: [HEPDataTable] = []) {
        self.comment = comment
        self.additionalResources = additionalResources
        self.tables = tables
    }
}

/// A link or file attached to the record or a table (code, pyhf workspace, plot).
public struct HEPDataResource: Sendable, Codable, Equatable {
    public var location: String
    public var description: String

    public init(location: String, description: String) {
        self.location = location
        self.description = description
    }
}
