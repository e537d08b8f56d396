import Crypto
import Foundation
import Yams

/// SHA-256 of a configuration's canonical JSON form.
///
/// Canonical so that comments, key order, indentation, quoting style of plain scalars and
/// number spelling (`1`, `1.0`, `1e0`) do not change the hash, while every value that can
/// change a result does. Reports compare it with the hash recorded at unblinding to say
/// whether a configuration differs from the unblinded one.
public enum ConfigurationHash {
    /// Hex SHA-256 of the canonical forms of the documents, in order, followed by any
    /// `effective` strings (e.g. the JSON of the resolved selection).
    public static func sha256(_ documents: [ConfigurationNode], effective: [String] = []) -> String {
        sha256(text: canonicalText(documents, effective: effective))
    }

    /// The text `sha256(_:effective:)` hashes.
    public static func canonicalText(_ documents: [ConfigurationNode], effective: [String] = []) -> String {
        (documents.map { canonicalJSON($0.node) } + effective).joined(separator: "\n")
    }

    public static func sha256(text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Canonical JSON: mappings with sorted keys, plain scalars resolved to null, booleans
    /// or numbers (shortest round-trip Double form), everything else a JSON string.
    public static func canonicalJSON(_ node: Node) -> String {
        switch node {
        case .mapping(let m):
            let pairs = m.map { (k, v) in (k.string ?? canonicalJSON(k), canonicalJSON(v)) }.sorted { $0.0 < $1.0 }
            return "{" + pairs.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
        case .sequence(let s):
            return "[" + s.map(canonicalJSON).joined(separator: ",") + "]"
        case .scalar(let sc):
            if sc.style == .plain || sc.style == .any {
                if node.null != nil { return "null" }
                if let b = node.bool { return b ? "true" : "false" }
                if let i = node.int { return canonicalNumber(Double(i)) }
                if let d = node.float, d.isFinite { return canonicalNumber(d) }
            }
            return quote(sc.string)
        case .alias(let a):
            return quote("*alias:\(a)")
        }
    }

    static func canonicalNumber(_ d: Double) -> String {
        d == 0 ? "0" : (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)")
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
