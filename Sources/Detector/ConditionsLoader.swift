import Foundation
import Yams

/// Reads a conditions YAML file into validated numbers.
///
/// A conditions file is a tree of mappings whose leaves are `{value: ..., source: "..."}`.
/// The loader first flattens the tree into dotted key paths, then `DetectorConditions`
/// asks for each key it needs through the typed accessors below, which check type and range.
/// Whatever the file holds that nobody asked for is an unknown key. The schema is therefore
/// the reading code itself, so it cannot drift from what the simulation uses.
final class ConditionReader {
    /// One leaf of the conditions tree.
    struct Leaf {
        enum Value {
            case number(Double)
            case numbers([Double])
            case text(String)
        }
        let value: Value
        /// nil when the leaf is a bare scalar (allowed only for text such as `purpose`).
        let source: String?
    }

    let file: String
    private(set) var leaves: [String: Leaf] = [:]
    /// Key paths in file order, so that "unknown key" reports the first offender.
    private var order: [String] = []
    private var consumed: Set<String> = []
    /// Every figure's source, for documentation and provenance.
    private(set) var sources: [String: String] = [:]

    init(yaml: String, file: String) throws {
        self.file = file
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw DetectorConditionsError(file: file, keyPath: "", kind: .malformedYAML("\(error)"))
        }
        guard let root, case .mapping(let mapping) = root else {
            throw DetectorConditionsError(file: file, keyPath: "",
                                          kind: .malformedYAML("top level must be a mapping"))
        }
        try flatten(mapping, prefix: "")
    }

    private func flatten(_ mapping: Node.Mapping, prefix: String) throws {
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw DetectorConditionsError(file: file, keyPath: prefix,
                                              kind: .wrongType(expected: "string keys"))
            }
            let path = prefix.isEmpty ? key : prefix + "." + key
            guard seen.insert(key).inserted else {
                throw DetectorConditionsError(file: file, keyPath: path, kind: .duplicateKey)
            }
            switch valueNode {
            case .mapping(let child):
                if child.keys.contains(where: { $0.scalar?.string == "value" }) {
                    try addFigure(child, path: path)
                } else {
                    try flatten(child, prefix: path)
                }
            default:
                try add(path, Leaf(value: try parseValue(valueNode, path: path), source: nil))
            }
        }
    }

    private func addFigure(_ mapping: Node.Mapping, path: String) throws {
        var value: Leaf.Value?
        var source: String?
        for (keyNode, valueNode) in mapping {
            switch keyNode.scalar?.string {
            case "value": value = try parseValue(valueNode, path: path + ".value")
            case "source":
                guard let s = valueNode.scalar?.string else {
                    throw DetectorConditionsError(file: file, keyPath: path + ".source",
                                                  kind: .wrongType(expected: "a string"))
                }
                source = s
            default:
                throw DetectorConditionsError(file: file,
                                              keyPath: path + "." + (keyNode.scalar?.string ?? "?"),
                                              kind: .unknownKey)
            }
        }
        guard let source, !source.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DetectorConditionsError(file: file, keyPath: path, kind: .missingSource)
        }
        try add(path, Leaf(value: value!, source: source))
    }

    private func add(_ path: String, _ leaf: Leaf) throws {
        leaves[path] = leaf
        order.append(path)
        if let s = leaf.source { sources[path] = s }
    }

    private func parseValue(_ node: Node, path: String) throws -> Leaf.Value {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, let d = Self.number(scalar.string) { return .number(d) }
            return .text(scalar.string)
        case .sequence(let seq):
            var out: [Double] = []
            for item in seq {
                guard let s = item.scalar, let d = Self.number(s.string) else {
                    throw DetectorConditionsError(file: file, keyPath: path,
                                                  kind: .wrongType(expected: "a list of numbers"))
                }
                out.append(d)
            }
            return .numbers(out)
        default:
            throw DetectorConditionsError(file: file, keyPath: path,
                                          kind: .wrongType(expected: "a number, list or string"))
        }
    }

    private static func number(_ s: String) -> Double? {
        guard let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite else { return nil }
        return d
    }

    // MARK: Typed accessors used by DetectorConditions

    private func leaf(_ path: String) throws -> Leaf {
        guard let l = leaves[path] else {
            throw DetectorConditionsError(file: file, keyPath: path, kind: .missingKey)
        }
        consumed.insert(path)
        return l
    }

    private func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)"
    }

    /// A sourced number with optional inclusive bounds.
    func number(_ path: String, min lo: Double? = nil, max hi: Double? = nil) throws -> Double {
        let l = try leaf(path)
        guard case .number(let d) = l.value else {
            throw DetectorConditionsError(file: file, keyPath: path, kind: .wrongType(expected: "a number"))
        }
        guard l.source != nil else {
            throw DetectorConditionsError(file: file, keyPath: path, kind: .missingSource)
        }
        if let lo, d < lo {
            throw DetectorConditionsError(file: file, keyPath: path,
                                          kind: .outOfRange(constraint: "must be >= \(format(lo))", got: "\(d)"))
        }
        if let hi, d > hi {
            throw DetectorConditionsError(file: file, keyPath: path,
                                          kind: .outOfRange(constraint: "must be <= \(format(hi))", got: "\(d)"))
        }
        return d
    }

    /// A probability (efficiency, fake rate, fraction): 0...1.
    func probability(_ path: String) throws -> Double { try number(path, min: 0, max: 1) }

    /// A resolution, width or threshold: >= 0.
    func nonNegative(_ path: String) throws -> Double { try number(path, min: 0) }

    /// A strictly positive quantity (widths used as divisors).
    func positive(_ path: String) throws -> Double {
        let d = try number(path, min: 0)
        if d == 0 {
            throw DetectorConditionsError(file: file, keyPath: path,
                                          kind: .outOfRange(constraint: "must be > 0", got: "0.0"))
        }
        return d
    }

    /// A `[low, high]` pair with low <= high, inside optional bounds.
    func interval(_ path: String, within bounds: ClosedRange<Double>? = nil) throws -> ClosedRange<Double> {
        let l = try leaf(path)
        guard case .numbers(let xs) = l.value, xs.count == 2 else {
            throw DetectorConditionsError(file: file, keyPath: path,
                                          kind: .wrongType(expected: "a [low, high] pair of numbers"))
        }
        guard l.source != nil else {
            throw DetectorConditionsError(file: file, keyPath: path, kind: .missingSource)
        }
        guard xs[0] <= xs[1] else {
            throw DetectorConditionsError(file: file, keyPath: path,
                                          kind: .outOfRange(constraint: "low must not exceed high", got: "\(xs)"))
        }
        if let bounds, !(bounds.contains(xs[0]) && bounds.contains(xs[1])) {
            throw DetectorConditionsError(
                file: file, keyPath: path,
                kind: .outOfRange(constraint: "must lie within [\(format(bounds.lowerBound)), \(format(bounds.upperBound))]",
                                  got: "\(xs)"))
        }
        return xs[0]...xs[1]
    }

    /// A text field; a bare scalar is allowed (no source needed for labels).
    func text(_ path: String) throws -> String {
        let l = try leaf(path)
        guard case .text(let s) = l.value else {
            throw DetectorConditionsError(file: file, keyPath: path, kind: .wrongType(expected: "a string"))
        }
        return s
    }

    /// Fails on the first key in the file that no accessor asked for.
    func finish() throws {
        for path in order where !consumed.contains(path) {
            throw DetectorConditionsError(file: file, keyPath: path, kind: .unknownKey)
        }
    }
}
