import Foundation

/// A link or file attached to the record or a table (code, pyhf workspace, plot).
///
/// A link keeps its `location` (a URL). A local file is copied next to `submission.yaml`
/// when the submission is written and referenced by its file name, as hepdata_lib's
/// `add_additional_resource(..., copy_file=True)` does: hepdata.net takes only flat
/// archives (a location may not contain '/'), and hepdata-validator checks that every
/// referenced file is there and every file is referenced.
public struct HEPDataResource: Sendable, Codable, Equatable {
    public var location: String
    public var description: String
    /// hepdata_lib's `file_type`: "HistFactory" marks a pyhf workspace, which hepdata.net
    /// then offers as a likelihood.
    public var type: String?
    /// The local file to copy, nil for a link.
    public var sourceFile: URL?

    public init(location: String, description: String, type: String? = nil) {
        self.location = location
        self.description = description
        self.type = type
        self.sourceFile = nil
    }

    /// A local file, copied into the submission under its own name.
    public static func file(_ url: URL, description: String, type: String? = nil) -> HEPDataResource {
        var r = HEPDataResource(location: url.lastPathComponent, description: description, type: type)
        r.sourceFile = url
        return r
    }

    /// hepdata_lib's `file_type` for a pyhf (HistFactory JSON) workspace.
    public static let histFactoryType = "HistFactory"
}
