/// Renders a `ResultTable` as RFC 4180 CSV.
///
/// CSV is the machine-readable output, so numbers keep full (round-trip) precision and an
/// uncertainty gets its own column(s) rather than being glued into a `a ± b` string that
/// pandas or ROOT's `TTree::ReadFile` could not parse. Lines end in CRLF as RFC 4180 says;
/// fields containing a comma, quote, CR or LF are quoted with inner quotes doubled.
public enum CSVRenderer {
    public static func render(_ table: ResultTable) -> String {
        // Which columns need uncertainty columns, and whether they are asymmetric.
        enum Extra { case none, symmetric, asymmetric }
        let extras: [Extra] = table.columns.indices.map { c in
            var kind = Extra.none
            for row in table.rows {
                if case let .number(_, u?, _) = row[c] {
                    if case .asymmetric = u { return .asymmetric }
                    kind = .symmetric
                }
            }
            return kind
        }
        var header: [String] = []
        for (c, column) in table.columns.enumerated() {
            header.append(column.label)
            switch extras[c] {
            case .none: break
            case .symmetric: header.append("\(column.label) error")
            case .asymmetric: header += ["\(column.label) error+", "\(column.label) error-"]
            }
        }
        var lines = [header.map(field).joined(separator: ",")]
        for row in table.rows {
            var fields: [String] = []
            for (c, cell) in row.enumerated() {
                var unc: Uncertainty?
                switch cell {
                case let .number(v, u, _):
                    fields.append(NumberFormatting.roundTrip(v)); unc = u
                case let .text(t): fields.append(field(t))
                case .empty: fields.append("")
                }
                switch (extras[c], unc) {
                case (.none, _): break
                case (.symmetric, .symmetric(let e)?): fields.append(NumberFormatting.roundTrip(e))
                case (.symmetric, _): fields.append("")
                case (.asymmetric, .symmetric(let e)?):
                    fields += [NumberFormatting.roundTrip(e), NumberFormatting.roundTrip(e)]
                case (.asymmetric, .asymmetric(let p, let m)?):
                    fields += [NumberFormatting.roundTrip(p), NumberFormatting.roundTrip(m)]
                case (.asymmetric, nil): fields += ["", ""]
                }
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when RFC 4180 requires it.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
