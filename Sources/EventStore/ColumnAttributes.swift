import EventModel

/// The `units` and `description` string attributes of a dataset, as the writer puts them on
/// every column and offsets dataset (from `EventSchema.ColumnSpec.unit` and `.doc`).
///
/// Files written before the attributes existed have none; readers do not require them
/// (`nil` here), and the schema itself still says what each column is.
public struct ColumnAttributes: Sendable, Hashable, Codable {
    /// Attribute names as stored in HDF5 (and read by h5py: `f["tracks/px"].attrs["units"]`).
    public enum Key {
        public static let units = "units"
        public static let description = "description"
    }

    /// "" for dimensionless quantities, counts, indices, scores and flags.
    public var units: String?
    public var description: String?

    public init(units: String?, description: String?) {
        self.units = units
        self.description = description
    }

    /// What the writer stores for `column`.
    public init(_ column: EventSchema.ColumnSpec) {
        self.init(units: column.unit, description: column.doc)
    }

    /// The attributes in the order they are written.
    var stored: [(String, String)] {
        [(Key.units, units ?? ""), (Key.description, description ?? "")]
    }
}

extension EventFileReader {
    /// The `units` and `description` attributes of `table/column` (`column` may be `offsets`),
    /// each nil if the file does not carry it (files written before they were added).
    public func columnAttributes(table: String, column: String) -> ColumnAttributes {
        let dataset = "\(table)/\(column)"
        return ColumnAttributes(units: file.attribute(ColumnAttributes.Key.units, of: dataset)?.stringValue,
                                description: file.attribute(ColumnAttributes.Key.description, of: dataset)?.stringValue)
    }
}
