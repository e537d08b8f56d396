import Foundation
import Yams

/// Reads back a written HEPData folder and checks what hepdata-validator checks of files
/// (schema 1.1): every file an `additional_resources` entry names is there under a bare name,
/// and every file in the folder is named by the submission. The report runs it on its own
/// record, so a stale or missing attachment is said in report.md, not found at upload.
public enum HEPDataFolderCheck {
    /// One attached file or link as the submission lists it.
    public struct Resource: Sendable, Equatable {
        /// "submission" or the table's name.
        public var owner: String
        public var location: String
        public var description: String
        public var type: String?
    }

    /// The submission's documents as read back.
    public struct Summary: Sendable {
        /// Keys of the record's document (the first) and of each table's.
        public var recordKeys: Set<String>
        public var tableKeys: [String: Set<String>]
        /// Keyword names and values per table.
        public var keywords: [String: [String: [String]]]
        public var resources: [Resource]
        /// Data files named by the tables.
        public var dataFiles: Set<String>
        /// Files in the folder.
        public var files: Set<String>
    }

    public static func read(_ directory: URL) throws -> Summary {
        let url = directory.appendingPathComponent("submission.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ReportingError.invalidData(what: url.path, reason: "no submission.yaml to check")
        }
        var summary = Summary(recordKeys: [], tableKeys: [:], keywords: [:], resources: [], dataFiles: [],
                              files: Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)))
        for (k, doc) in try Yams.load_all(yaml: text).enumerated() {
            guard let doc = doc as? [String: Any] else { continue }
            let owner = doc["name"] as? String ?? "submission"
            if k == 0 { summary.recordKeys = Set(doc.keys) } else { summary.tableKeys[owner] = Set(doc.keys) }
            if let file = doc["data_file"] as? String { summary.dataFiles.insert(file) }
            for kw in doc["keywords"] as? [[String: Any]] ?? [] {
                summary.keywords[owner, default: [:]][kw["name"] as? String ?? ""] = (kw["values"] as? [Any] ?? []).map { "\($0)" }
            }
            for r in doc["additional_resources"] as? [[String: Any]] ?? [] {
                summary.resources.append(Resource(owner: owner, location: r["location"] as? String ?? "",
                                                  description: r["description"] as? String ?? "", type: r["type"] as? String))
            }
        }
        return summary
    }

    /// What hepdata-validator would reject about the folder's files (empty when none).
    public static func problems(in directory: URL) throws -> [String] {
        let s = try read(directory)
        var out: [String] = []
        var referenced: Set<String> = s.dataFiles.union(["submission.yaml"])
        for r in s.resources where !r.location.hasPrefix("http") {
            referenced.insert(r.location)
            if r.location.contains("/") { out.append("\(r.owner): resource location \(r.location) contains '/'") }
            else if !s.files.contains(r.location) { out.append("\(r.owner): missing resource file \(r.location)") }
        }
        for f in s.dataFiles where !s.files.contains(f) { out.append("missing data file \(f)") }
        for f in s.files.subtracting(referenced).sorted() { out.append("\(f) is not referenced in the submission") }
        return out
    }
}
