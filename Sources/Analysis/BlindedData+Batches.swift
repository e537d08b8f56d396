import EventModel

extension BlindingPolicy {
    /// The events of `batch` the policy leaves visible, as a batch. Applied to data before a
    /// calibration sees tracks and clusters, and to simulation likewise, so that data and
    /// simulation lose the same events.
    public func visible(_ batch: EventBatch, search: any Search) throws -> EventBatch {
        let cols = try search.checkedObservables(of: batch)
        let hidden = try hiddenMask(cols, count: batch.count, search: search.id)
        return batch.subset(events: hidden.indices.filter { !hidden[$0] })
    }
}

extension BlindedData {
    /// Visible data events as whole batches (tracks, clusters, triggers), for calibrations
    /// that need more than a search's observables. The blinding mask is applied to every
    /// batch before anything else, exactly as for `candidates(selection:)`.
    public func forEachVisibleBatch(_ body: (EventBatch) throws -> Void) throws {
        for s in sources {
            try s.forEachBatch(size: batchSize) { batch in
                try body(try policy.visible(batch, search: search))
            }
        }
    }

    /// The same, one accumulator per data file, files in parallel (merged by the caller in
    /// file order, so that the result does not depend on scheduling).
    public func reduceVisibleBatches<T>(initial: @escaping @Sendable () -> T,
                                        _ add: @escaping @Sendable (inout T, EventBatch) throws -> Void) throws -> [T] {
        let policy = self.policy, search = self.search, batchSize = self.batchSize
        return try ConcurrentMap.map(each: sources) { s -> T in
            var acc = initial()
            try s.forEachBatch(size: batchSize) { batch in
                try add(&acc, try policy.visible(batch, search: search))
            }
            return acc
        }
    }

    /// The data shards behind this door (their paths and metadata, never their events).
    public var sourceMetadata: [SampleMetadata] { sources.map(\.metadata) }
}
