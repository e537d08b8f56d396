/// A column heading with an optional unit, rendered as `name [unit]`.
public struct ColumnHeader: Sendable, Codable, Equatable, Hashable {
    public var name: String
    public var unit: String?
    /// Optional LaTeX for the heading (e.g. `$M_{Z'}$ [GeV]`), used verbatim by the LaTeX
    /// renderer; without it the plain label is escaped.
    public var latex: String?

    public init(_ name: String, unit: String? = nil, latex: String? = nil) {
        self.name = name
        self.unit = unit
        self.latex = latex
    }

    /// `name [unit]`, or `name` when there is no unit.
    public var label: String {
        guard let unit, !unit.isEmpty else { return name }
        return "\(name) [\(unit)]"
    }
}

extension ColumnHeader: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

/// A titled table of numbers and text: the one shape behind cut flows, systematics tables,
/// yield tables and limit summaries, so every renderer (CSV, Markdown, LaTeX, HEPData) is
/// written once.
public struct ResultTable: Sendable, Codable, Equatable {
    public var title: String
    public var columns: [ColumnHeader]
    public var rows: [[TableCell]]
    public var caption: String?

    /// - Throws: `ReportingError.invalidData` if a row's length differs from the column count.
    public init(title: String, columns: [ColumnHeader], rows: [[TableCell]], caption: String? = nil) throws {
        for (i, row) in rows.enumerated() where row.count != columns.count {
            throw ReportingError.invalidData(
                what: "table \"\(title)\"",
                reason: "row \(i) has \(row.count) cells but there are \(columns.count) columns")
        }
        self.title = title
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }

    /// Appends a row, checking its length.
    public mutating func append(_ row: [TableCell]) throws {
        guard row.count == columns.count else {
            throw ReportingError.invalidData(
                what: "table \"\(title)\"",
                reason: "new row has \(row.count) cells but there are \(columns.count) columns")
        }
        rows.append(row)
    }
}
