import Foundation
import Yams

/// A YAML node that knows where it came from (file and dotted key path), so that every
/// configuration error names the file and the key, e.g. `zprime.yaml: key 'cuts.muon_id'`.
public struct ConfigurationNode {
    public let node: Node
    public let file: String
    /// Dotted key path from the document root; `[i]` for sequence items.
    public let key: String

    public init(node: Node, file: String, key: String = "") {
        self.node = node
        self.file = file
        self.key = key
    }

    /// Parses a YAML document.
    public static func parse(yaml: String, file: String) throws -> ConfigurationNode {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            // Yams quotes the offending line and marks it with a caret on lines of their own;
            // one line is what a terminal and a log need (the position is in the message).
            let lines = "\(error)".split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.allSatisfy { $0 == "^" || $0 == "~" } }
            throw AnalysisError.unreadableConfiguration(file: file, reason: lines.joined(separator: " | "))
        }
        guard let node else { throw AnalysisError.unreadableConfiguration(file: file, reason: "the document is empty") }
        return ConfigurationNode(node: node, file: file)
    }

    func error(_ reason: String, key k: String? = nil) -> AnalysisError {
        .invalidConfiguration(file: file, key: k ?? (key.isEmpty ? "<root>" : key), reason: reason)
    }

    func child(_ name: String) -> String { key.isEmpty ? name : "\(key).\(name)" }

    /// Entries of a mapping, in file order.
    public func entries() throws -> [(String, ConfigurationNode)] {
        guard case .mapping(let m) = node else { throw error("expected a mapping") }
        return try m.map { k, v in
            guard let name = k.string else { throw error("mapping keys must be strings") }
            return (name, ConfigurationNode(node: v, file: file, key: child(name)))
        }
    }

    /// Refuses keys not in `allowed` (catches typos such as `treshold`).
    public func checkKeys(_ allowed: Set<String>) throws {
        for (k, v) in try entries() where !allowed.contains(k) {
            throw v.error("unknown key; allowed keys here: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    public func optional(_ name: String) throws -> ConfigurationNode? {
        try entries().first { $0.0 == name }?.1
    }

    public func required(_ name: String) throws -> ConfigurationNode {
        guard let v = try optional(name) else { throw error("missing required key", key: child(name)) }
        return v
    }

    public func items() throws -> [ConfigurationNode] {
        guard case .sequence(let s) = node else { throw error("expected a list") }
        return s.enumerated().map { ConfigurationNode(node: $1, file: file, key: "\(key)[\($0)]") }
    }

    public func double() throws -> Double {
        guard case .scalar = node, let v = node.float ?? node.int.map(Double.init), v.isFinite else {
            throw error("expected a finite number, found '\(node.string ?? "a non-scalar")'")
        }
        return v
    }

    public func int() throws -> Int {
        guard case .scalar = node, let v = node.int else { throw error("expected an integer, found '\(node.string ?? "a non-scalar")'") }
        return v
    }

    public func string() throws -> String {
        guard case .scalar = node, let v = node.string else { throw error("expected a string") }
        return v
    }

    public func strings() throws -> [String] { try items().map { try $0.string() } }
    public func doubles() throws -> [Double] { try items().map { try $0.double() } }

    public var isSequence: Bool { if case .sequence = node { return true } else { return false } }
}
