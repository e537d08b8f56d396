import ArgumentParser

/// A work unit of a fanned-out run on the command line (issue #21): `A:B`, positions A up to
/// but not including B (0-based), or `k/n`, the k-th of n contiguous, nearly equal parts
/// (k from 1 to n), which a workflow can name before it knows how many shards or hypotheses
/// there are. Both resolve against the number of items to one `Range<Int>`.
struct WorkUnitRange: Sendable, CustomStringConvertible {
    enum Form: Sendable { case range(Int, Int), part(Int, Int) }
    let form: Form
    let text: String

    init(parsing text: String, option: String) throws {
        self.text = text
        let bad = ValidationError("\(option) '\(text)': expected A:B (positions A to B-1, from 0) or k/n (part k of n, k from 1 to n)")
        if let c = text.firstIndex(of: ":") {
            guard let a = Int(text[..<c]), let b = Int(text[text.index(after: c)...]), a >= 0, b >= a else { throw bad }
            form = .range(a, b)
        } else if let s = text.firstIndex(of: "/") {
            guard let k = Int(text[..<s]), let n = Int(text[text.index(after: s)...]), n >= 1, k >= 1, k <= n else { throw bad }
            form = .part(k, n)
        } else {
            throw bad
        }
    }

    /// The positions among `count` items; a range beyond them is an error naming the count.
    func resolve(count: Int, what: String) throws -> Range<Int> {
        switch form {
        case let .range(a, b):
            guard b <= count else { throw ValidationError("'\(text)' reaches beyond the \(count) \(what) (0:\(count))") }
            return a..<b
        case let .part(k, n):
            return (count * (k - 1) / n)..<(count * k / n)
        }
    }

    var description: String { text }
}
