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

    /// Writes all files into `directory` (created if needed), each atomically: the YAML, then
    /// the attached files copied and every image's thumbnail made, as hepdata_lib's
    /// `Submission.create_files` does.
    ///
    /// - Parameters:
    ///   - significantDigits: digits kept per number; nil keeps full precision.
    ///   - removeOld: first delete every file of `directory` this submission does not write
    ///     (hepdata_lib's `remove_old`): hepdata-validator rejects a folder holding a file the
    ///     submission does not reference, e.g. a plot of an earlier report.
    ///   - thumbnail: makes `thumb_<name>.png` from an image (tests replace gnuplot).
    /// - Returns: the URLs written, `submission.yaml` first.
    /// - Throws: `ReportingError` if the submission is inconsistent, an attached file is
    ///   missing, or a file cannot be written.
    @discardableResult
    public static func write(_ submission: HEPDataSubmission, to directory: URL,
                             significantDigits: Int? = defaultSignificantDigits, removeOld: Bool = false,
                             thumbnail: (URL, URL) throws -> Void = { try PlotThumbnail.make(from: $0, to: $1) }) throws -> [URL] {
        let files = try render(submission, significantDigits: significantDigits)
        let attached = try attachments(submission)
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        var urls: [URL] = []
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try AtomicFile.write(text, to: url)
            urls.append(url)
        }
        for a in attached {
            let url = directory.appendingPathComponent(a.name)
            if let source = a.copyOf {
                guard let data = fm.contents(atPath: source.path) else {
                    throw ReportingError.writeFailed(path: url.path, reason: "cannot read \(source.path)")
                }
                try AtomicFile.write(data, to: url)
            } else if let image = a.thumbnailOf {
                try thumbnail(image, url)
            }
            urls.append(url)
        }
        if removeOld {
            let kept = Set(urls.map(\.lastPathComponent))
            for name in try fm.contentsOfDirectory(atPath: directory.path) where !kept.contains(name) {
                try fm.removeItem(at: directory.appendingPathComponent(name))
            }
        }
        return urls
    }

    /// Largest attached file hepdata_lib accepts (`check_file_size(..., upper_limit=100)`, MB).
    public static let maximumAttachmentBytes = 100_000_000

    /// The files written besides the YAML: copies of attached files and images, and the
    /// thumbnails (made from the original image), in submission order.
    static func attachments(_ submission: HEPDataSubmission) throws -> [(name: String, copyOf: URL?, thumbnailOf: URL?)] {
        var out: [(name: String, copyOf: URL?, thumbnailOf: URL?)] = []
        var owner: [String: String] = ["submission.yaml": "the submission"]
        for t in submission.tables { owner[t.dataFileName] = "table \"\(t.name)\"" }
        func add(_ name: String, copyOf: URL?, thumbnailOf: URL?, by who: String) throws {
            if let other = owner[name] {
                // The same file attached twice (e.g. one workspace to two tables) is one copy.
                if out.contains(where: { $0.name == name && $0.copyOf == copyOf && $0.thumbnailOf == thumbnailOf }) { return }
                throw ReportingError.invalidData(what: "HEPData attachment \(name) of \(who)",
                                                 reason: "its file name is already used by \(other); rename one of them")
            }
            if let source = copyOf ?? thumbnailOf {
                guard let size = (try? FileManager.default.attributesOfItem(atPath: source.path))?[.size] as? Int else {
                    throw ReportingError.invalidData(what: "HEPData attachment of \(who)", reason: "the file \(source.path) does not exist")
                }
                guard size <= maximumAttachmentBytes else {
                    throw ReportingError.invalidData(what: "HEPData attachment of \(who)",
                                                     reason: "\(source.path) has \(size) bytes, more than the 100 MB HEPData accepts")
                }
            }
            owner[name] = who
            out.append((name, copyOf, thumbnailOf))
        }
        func attach(_ resources: [HEPDataResource], _ images: [URL], by who: String) throws {
            for r in resources { if let f = r.sourceFile { try add(r.location, copyOf: f, thumbnailOf: nil, by: who) } }
            for image in images {
                guard image.pathExtension.lowercased() == "png" else {
                    throw ReportingError.invalidData(what: "image \(image.path) of \(who)", reason: "only PNG images are attached (hepdata_lib converts others with ImageMagick; we do not)")
                }
                try add(image.lastPathComponent, copyOf: image, thumbnailOf: nil, by: who)
                try add(thumbnailName(image), copyOf: nil, thumbnailOf: image, by: who)
            }
        }
        try attach(submission.additionalResources, submission.images, by: "the submission")
        for t in submission.tables { try attach(t.additionalResources, t.images, by: "table \"\(t.name)\"") }
        return out
    }

    /// hepdata_lib's thumbnail name: `thumb_` before the PNG's file name.
    public static func thumbnailName(_ image: URL) -> String { "thumb_" + image.deletingPathExtension().lastPathComponent + ".png" }

    /// The resources listed for a record or table: its own, then for each image the image and
    /// its thumbnail with hepdata_lib's descriptions.
    static func listedResources(_ resources: [HEPDataResource], images: [URL]) -> [HEPDataResource] {
        resources + images.flatMap { image in
            [HEPDataResource(location: image.lastPathComponent, description: "Image file"),
             HEPDataResource(location: thumbnailName(image), description: "Thumbnail image file")]
        }
    }

    /// The file names and contents of the submission, `submission.yaml` first.
    public static func render(_ submission: HEPDataSubmission,
                              significantDigits: Int? = defaultSignificantDigits) throws -> [(name: String, contents: String)] {
        try validate(submission)
        let submission = significantDigits.map { submission.rounded(toSignificantDigits: $0) } ?? submission
        var documents: [Node] = []
        var first: [(Node, Node)] = [(key("comment"), string(submission.comment))]
        let recordResources = listedResources(submission.additionalResources, images: submission.images)
        if !recordResources.isEmpty {
            first.append((key("additional_resources"), resources(recordResources)))
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
            let tableResources = listedResources(table.additionalResources, images: table.images)
            if !tableResources.isEmpty {
                pairs.append((key("additional_resources"), resources(tableResources)))
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
        try validateResources(submission.additionalResources, of: "the HEPData submission")
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
            try validateResources(table.additionalResources, of: what)
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
                    let zero = y.errors.allSatisfy { e in
                        switch e {
                        case let .symmetric(d, _): return d == 0
                        case let .asymmetric(p, m, _): return p == 0 && m == 0
                        }
                    }
                    if !y.errors.isEmpty && zero {
                        throw ReportingError.invalidData(what: "a value of \"\(v.header.name)\" in \(what)",
                                                         reason: "its uncertainties are all zero, which HEPData rejects; leave them out")
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

    /// A resource is a link (http...) or a file this writer copies; a bare file name would be
    /// a file nobody puts there, and a path with '/' is refused by hepdata.net.
    static func validateResources(_ list: [HEPDataResource], of what: String) throws {
        for r in list {
            if r.location.hasPrefix("http") { continue }
            guard r.sourceFile != nil else {
                throw ReportingError.invalidData(what: "additional resource \"\(r.location)\" of \(what)",
                                                 reason: "it is neither a link (http...) nor a file to copy; use HEPDataResource.file(_:description:)")
            }
            guard !r.location.contains("/"), !r.location.isEmpty else {
                throw ReportingError.invalidData(what: "additional resource \"\(r.location)\" of \(what)",
                                                 reason: "a file's location must be a bare file name (HEPData archives are flat)")
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
            var pairs = [(key("location"), string(r.location)), (key("description"), string(r.description))]
            if let type = r.type { pairs.append((key("type"), string(type))) }
            return mapping(pairs)
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
