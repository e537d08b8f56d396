import Foundation

/// One HEPData table: metadata for `submission.yaml` plus the variables of its data file.
public struct HEPDataTable: Sendable, Codable, Equatable {
    /// Table name, at most 64 characters (HEPData schema), unique within the submission.
    public var name: String
    public var description: String
    /// Optional pointer into the paper, e.g. "Figure 3 (left)".
    public var location: String?
    public var keywords: [HEPDataKeyword]
    public var additionalResources: [HEPDataResource]
    /// PNG images of the table (hepdata_lib's `Table.add_image`): each is copied as
    /// `<name>.png` with a thumbnail `thumb_<name>.png`, both listed in the table's
    /// `additional_resources` ("Image file", "Thumbnail image file").
    public var images: [URL] = []
    public var independentVariables: [HEPDataIndependentVariable]
    public var dependentVariables: [HEPDataDependentVariable]

    public init(name: String, description: String, location: String? = nil,
                keywords: [HEPDataKeyword] = [HEPDataKeyword.belleIIEnergy],
                additionalResources: [HEPDataResource] = [],
                independentVariables: [HEPDataIndependentVariable],
                dependentVariables: [HEPDataDependentVariable]) {
        self.name = name
        self.description = description
        self.location = location
        self.keywords = keywords
        self.additionalResources = additionalResources
        self.independentVariables = independentVariables
        self.dependentVariables = dependentVariables
    }

    /// The data file name: the table name lower-cased with everything but letters, digits,
    /// `-` and `_` turned into `_` (hepdata_lib's convention, made file-system safe).
    public var dataFileName: String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("_") {
                out += "_"
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return (trimmed.isEmpty ? "table" : trimmed) + ".yaml"
    }
}
