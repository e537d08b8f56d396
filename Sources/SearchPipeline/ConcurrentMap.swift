import Foundation

/// `(0..<count).map(body)` on all cores, errors rethrown in index order. Each index writes
/// only its own slot, so the results box needs no lock.
enum ConcurrentMap {
    private final class Slots<T>: @unchecked Sendable {
        var values: [Result<T, Error>?]
        init(_ n: Int) { values = Array(repeating: nil, count: n) }
    }

    static func map<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let r = Result { try body(i) }
            slots.values.withUnsafeMutableBufferPointer { $0[i] = r }
        }
        return try slots.values.map { try $0!.get() }
    }
}
