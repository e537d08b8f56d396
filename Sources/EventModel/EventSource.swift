
/// Anything that yields event batches with sample metadata: an event file, or batches in
/// memory (tests, generators feeding the analysis directly).
///
/// The framework never looks at a source's data directly: simulation goes through
/// `MonteCarloSelection`, which refuses data, and data goes through `BlindedData`, which
/// applies the blinding mask before anything else sees the events. Defined here, below the
/// event store (whose `EventFileReader` conforms), so that analysis code needs no HDF5.
public protocol EventSource {
    /// Where the events come from (file path), for error messages.
    var path: String { get }
    var metadata: SampleMetadata { get }
    func forEachBatch(size: Int, _ body: (EventBatch) throws -> Void) throws
    /// SHA-256 of the bytes behind the source (an event file's), nil for a source with no
    /// bytes of its own (batches in memory): what a validation records and an unblinding
    /// compares.
    func contentSHA256() throws -> String?
}

/// Batches held in memory.
public struct InMemoryEventSource: EventSource, Sendable {
    public let path: String
    public let metadata: SampleMetadata
    public let batch: EventBatch

    public init(metadata: SampleMetadata, batch: EventBatch, path: String? = nil) {
        self.metadata = metadata
        self.batch = batch
        self.path = path ?? "<memory:\(metadata.process)/\(metadata.conditions)>"
    }

    public func contentSHA256() throws -> String? { nil }

    public func forEachBatch(size: Int, _ body: (EventBatch) throws -> Void) throws {
        precondition(size > 0)
        var start = 0
        while start < batch.count {
            let end = min(start + size, batch.count)
            try body(start == 0 && end == batch.count ? batch : Self.slice(batch, start..<end))
            start = end
        }
    }

    /// Events `range` of a batch (only the event-level and jagged columns the framework
    /// passes on; rebuilt through `event(at:)` for simplicity, memory sources are small).
    static func slice(_ b: EventBatch, _ range: Range<Int>) -> EventBatch {
        var out = EventBatch()
        for i in range { out.append(b.event(at: i)) }
        return out
    }
}
