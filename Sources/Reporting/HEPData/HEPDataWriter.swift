import Foundation
import Yams

/// Writes a `HEPDataSubmission` as hepdata_lib does: `submission.yaml` plus one data file per
/// table, all in one directory that can be zipped and uploaded (or checked with
/// `hepdata-validate -d DIR`).
///
/// The YAML is built as a Yams node tree rather than encoded from the Swift types, for two
/// reasons: the key order must be the conventional one (people read these files), and numbers
/// must be written so that *PyYAML* (used by hepdata-validator and hepdata.net) reads them as
/// floats. PyYAML follows YAML 1.1, where `1e-05` is a string; we always write a decimal point
/// (`1.0e-05`). Strings that would otherwise read as numbers or booleans are quoted.
public enum HEPDataWriter {
    /// Significant digits kept by default. Arithmetic noise such as `6.300000000000001e-05`
    /// (from band offsets `plus1sigma - median`) is unreadable on hepdata.net; hepdata_lib
    /// rounds too (its `Variable.digits`). Six digits is far below any uncertainty we quote.
    public static let defaultSignificantDigits = 6

    /// Writes all files into `directory` (created if needed), each atomically.
    ///
    /// - Parameter significantDigits: digits kept per number; nil keeps full precision.
    /// - Returns: the URLs written, `submission.yaml` first.
    /// - Throws: `ReportingError` if the submission is inconsistent or a file cannot be written.
    @discardableResult
    public static func write(_ submission: HEPDataSubmission, to directory: URL,
                             significantDigits: Int? = defaultSignificantDigits) throws -> [URL] {
        let files = try render(submission, significantDigits: significantDigits)
        var urls: [URL] = []
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try AtomicFile.write(text, to: url)
            urls.append(url)
        }
        return urls
    }

    /// The file names and contents of the submission, `submission.yaml` first.
    public static func render(_ submission: HEPDataSubmission,
                              significantDigits: Int? = defaultSignificantDigits) throws -> [(name: String, contents: String)] {
        try validate(submission)
        let submission = significantDigits.map { submission.rounded(toSignificantDigits: $0) } ?? submission
        var documents: [Node] = []
        var first: [(Node, Node)] = [(key("comment"), string(submission.comment))]
        if !submission.additionalResources.isEmpty {
            first.append((key("additional_resources"), resources(submission.additionalResources)))
        }
        documents.append(mapping(first))
        var files: [(String, String)] = []
        for table in submission.tables {
            var pairs: [(Node, Node)] = [
                (key("name"), string(table.name)),
            ]
            if let location = table.location { pairs.append((key("location"), string(location))) }
            pairs.append((key("description"), string(table.description)))
            pairs.append((key("keywords"), .sequence(.init(table.keywords.map { kw in
                mapping([(key("name"), string(kw.name)),
                         (key("values"), .sequence(.init(kw.values.map(scalar))))])
            }))))
            if !table.additionalResources.isEmpty {
                pairs.append((key("additional_resources"), resources(table.additionalResources)))
            }
            pairs.append((key("data_file"), string(table.dataFileName)))
            documents.append(mapping(pairs))
            files.append((table.dataFileName, try dump(data(table))))
        }
        let submissionText = try Yams.serialize(nodes: documents, width: -1, allowUnicode: true, explicitStart: true)
        return [("submission.yaml", submissionText)] + files
    }

    // MARK: - Validation

    static func validate(_ submission: HEPDataSubmission) throws {
        var seen: [String: String] = [:]
        for table in submission.tables {
            let what = "HEPData table \"\(table.name)\""
            guard !table.name.isEmpty, table.name.count <= 64 else {
                throw ReportingError.invalidData(what: what, reason: "the name must have 1 to 64 characters (HEPData schema)")
            }
            if let other = seen[table.dataFileName] {
                throw ReportingError.invalidData(what: what,
                    reason: "its data file \(table.dataFileName) clashes with table \"\(other)\"; rename one of them")
            }
            seen[table.dataFileName] = table.name
            let allowed: Set<String> = ["cmenergies", "observables", "reactions", "phrases"]
            for kw in table.keywords where !allowed.contains(kw.name) {
                throw ReportingError.invalidData(what: what,
                    reason: "keyword \"\(kw.name)\" is not one of cmenergies, observables, reactions, phrases")
            }
            guard !table.independentVariables.isEmpty || !table.dependentVariables.isEmpty else {
                throw ReportingError.invalidData(what: what, reason: "it has no variables")
            }
            let lengths = table.independentVariables.map(\.values.count) + table.dependentVariables.map(\.values.count)
            if let n = lengths.first, lengths.contains(where: { $0 != n }) {
                throw ReportingError.invalidData(what: what,
                    reason: "all variables must have the same number of values, got \(lengths)")
            }
            for v in table.independentVariables {
                for x in v.values {
                    switch x {
                    case let .value(d) where !d.isFinite,
                         let .bin(d, _, _) where !d.isFinite:
                        throw ReportingError.nonFiniteValue(what: "an x value of \"\(v.header.name)\" in \(what)")
                    case let .bin(_, h, c) where !h.isFinite || !(c?.isFinite ?? true):
                        throw ReportingError.nonFiniteValue(what: "an x value of \"\(v.header.name)\" in \(what)")
                    default: break
                    }
                }
            }
            for v in table.dependentVariables {
                for y in v.values {
                    if case let .number(d)? = y.value, !d.isFinite {
                        throw ReportingError.nonFiniteValue(
                            what: "a value of \"\(v.header.name)\" in \(what) (use nil for a missing point)")
                    }
                    for e in y.errors {
                        switch e {
                        case let .symmetric(d, _) where !d.isFinite:
                            throw ReportingError.nonFiniteValue(what: "an error of \"\(v.header.name)\" in \(what)")
                        case let .asymmetric(p, m, _) where !p.isFinite || !m.isFinite:
                            throw ReportingError.nonFiniteValue(what: "an error of \"\(v.header.name)\" in \(what)")
                        default: break
                        }
                    }
                }
            }
        }
    }

    // MARK: - Data file

    static func data(_ table: HEPDataTable) -> Node {
        let independent = table.independentVariables.map { v in
            mapping([
                (key("header"), header(v.header)),
                (key("values"), .sequence(.init(v.values.map { x -> Node in
                    switch x {
                    case let .value(d): return mapping([(key("value"), number(d))])
                    case let .text(t): return mapping([(key("value"), string(t))])
                    case let .bin(low, high, value):
                        var pairs = [(key("low"), number(low)), (key("high"), number(high))]
                        if let value { pairs.append((key("value"), number(value))) }
                        return mapping(pairs)
                    }
                }))),
            ])
        }
        let dependent = table.dependentVariables.map { v in
            var pairs: [(Node, Node)] = [(key("header"), header(v.header))]
            if !v.qualifiers.isEmpty {
                pairs.append((key("qualifiers"), .sequence(.init(v.qualifiers.map { q in
                    var qp = [(key("name"), string(q.name))]
                    if let u = q.units { qp.append((key("units"), string(u))) }
                    qp.append((key("value"), scalar(q.value)))
                    return mapping(qp)
                }))))
            }
            pairs.append((key("values"), .sequence(.init(v.values.map { y -> Node in
                var yp = [(key("value"), y.value.map(scalar) ?? string("-"))]
                if !y.errors.isEmpty {
                    yp.append((key("errors"), .sequence(.init(y.errors.map { e -> Node in
                        switch e {
                        case let .symmetric(d, label):
                            var ep = [(key("symerror"), number(d))]
                            if let label { ep.append((key("label"), string(label))) }
                            return mapping(ep)
                        case let .asymmetric(p, m, label):
                            var ep = [(key("asymerror"), mapping([(key("minus"), number(m)), (key("plus"), number(p))]))]
                            if let label { ep.append((key("label"), string(label))) }
                            return mapping(ep)
                        }
                    }))))
                }
                return mapping(yp)
            }))))
            return mapping(pairs)
        }
        return mapping([
            (key("independent_variables"), .sequence(.init(independent))),
            (key("dependent_variables"), .sequence(.init(dependent))),
        ])
    }

    // MARK: - Node helpers

    static func dump(_ node: Node) throws -> String {
        try Yams.serialize(node: node, width: -1, allowUnicode: true)
    }

    static func key(_ s: String) -> Node { .scalar(.init(s, Tag(.str), .plain)) }

    static func header(_ h: HEPDataHeader) -> Node {
        var pairs = [(key("name"), string(h.name))]
        if let u = h.units { pairs.append((key("units"), string(u))) }
        return mapping(pairs)
    }

    static func resources(_ list: [HEPDataResource]) -> Node {
        .sequence(.init(list.map { r in
            mapping([(key("location"), string(r.location)), (key("description"), string(r.description))])
        }))
    }

    static func mapping(_ pairs: [(Node, Node)]) -> Node { .mapping(.init(pairs)) }

    static func scalar(_ s: HEPDataScalar) -> Node {
        switch s {
        case let .number(d): return number(d)
        case let .string(t): return string(t)
        }
    }

    /// A string scalar, quoted when a YAML 1.1 reader would otherwise take it for a number,
    /// boolean, null or date (`10.58`, `yes`, `~`, `2024-01-01`).
    static func string(_ s: String) -> Node {
        let plain = Node.scalar(.init(s))
        let style: Node.Scalar.Style = Resolver.default.resolveTag(of: plain) == .str && !s.isEmpty ? .any : .singleQuoted
        return .scalar(.init(s, Tag(.str), style))
    }

    static func number(_ d: Double) -> Node {
        .scalar(.init(yamlNumber(d), Tag(.float), .plain))
    }

    /// Decimal text for `d` that PyYAML (YAML 1.1) reads as a number: integers plain,
    /// otherwise Swift's shortest round-trip text with a decimal point forced before any
    /// exponent (`1e-05` -> `1.0e-05`).
    public static func yamlNumber(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var text = "\(d)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = text[..<e]
            var exponent = String(text[text.index(after: e)...])
            if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") { exponent = "+" + exponent }
            text = (mantissa.contains(".") ? String(mantissa) : mantissa + ".0") + "e" + exponent
        }
        return text
    }
}
