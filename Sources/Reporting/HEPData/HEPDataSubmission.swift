import Foundation

/// A HEPData submission in the shape hepdata_lib writes: one `submission.yaml` (a first
/// document with the record-wide `comment` and `additional_resources`, then one document per
/// table) plus one data YAML file per table, and next to them every file the record or a
/// table attaches (pyhf workspaces, images with their thumbnails).
///
/// These are plain values; `HEPDataWriter` turns them into files and
/// `HEPDataTable.init(limitCurve:...)` and friends build tables from DarkSector results.
public struct HEPDataSubmission: Sendable, Codable, Equatable {
    /// Record-wide comment (typically the paper abstract or a description of the analysis).
    public var comment: String
    public var additionalResources: [HEPDataResource]
    /// PNG images of the whole record (plots without a table of their own), attached like a
    /// table's `images`.
    public var images: [URL]
    public var tables: [HEPDataTable]

    public init(comment: String, additionalResources: [HEPDataResource] = [], images: [URL] = [], tables: [HEPDataTable] = []) {
        self.comment = comment
        self.additionalResources = additionalResources
        self.images = images
        self.tables = tables
    }
}
