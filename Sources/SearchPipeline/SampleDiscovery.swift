import Analysis
import EventStore
import Foundation

/// The event files of a samples directory (e.g. Samples/demo), split into simulation and
/// pseudo-data by their own metadata (`conditions`), never by path.
public struct SampleSet {
    public let directory: String
    public let mc: [EventFileReader]
    public let data: [EventFileReader]

    public init(directory: String) throws {
        self.directory = directory
        var paths: [String] = []
        if let e = FileManager.default.enumerator(atPath: directory) {
            for case let p as String in e where p.hasSuffix(".h5") { paths.append((directory as NSString).appendingPathComponent(p)) }
        }
        let readers = try paths.sorted().map { try EventFileReader(path: $0) }
        mc = readers.filter { $0.metadata.conditions == "mc" }
        data = readers.filter { $0.metadata.conditions == "data" }
    }

    /// `process/conditions shard path` lines for the report's provenance.
    public var catalogLines: [String] {
        (mc + data).map { "\($0.metadata.process)/\($0.metadata.conditions) shard \($0.metadata.shardIndex): \($0.path)" }
    }
}
