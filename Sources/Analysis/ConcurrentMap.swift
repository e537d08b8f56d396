import Foundation

/// `(0..<count).map(body)` on all cores, errors rethrown in index order. Each index writes
/// only its own slot, so the results box needs no lock.
public enum ConcurrentMap {
    private final class Slots<T>: @unchecked Sendable {
        var values: [Result<T, Error>?]
        init(_ n: Int) { values = Array(repeating: nil, count: n) }
    }

    public static func map<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let r = Result { try body(i) }
            slots.values.withUnsafeMutableBufferPointer { $0[i] = r }
        }
        return try slots.values.map { try $0!.get() }
    }

    private final class Items<S>: @unchecked Sendable {
        let values: [S]
        init(_ values: [S]) { self.values = values }
    }

    /// `items.map(body)` on all cores for items that are not `Sendable` but that each worker
    /// only uses alone: event sources, each owning its file (HDF5 calls are serialised by the
    /// event store's own lock, the decoding in between runs in parallel).
    public static func map<S, T>(each items: [S], _ body: @Sendable (S) throws -> T) throws -> [T] {
        let box = Items(items)
        return try map(items.count) { i in try body(box.values[i]) }
    }
}
