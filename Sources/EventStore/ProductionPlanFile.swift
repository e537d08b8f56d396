import Foundation

/// The shard layout of a production, written by `darksector generate` beside its shards
/// (`<out>/production-plan.json`): every shard of every process and conditions in one fixed
/// order, numbered from 0. The order and the numbers depend only on the production
/// configuration (processes, conditions, luminosity, seed, shard size) and its cross
/// sections, never on which shards exist yet, so `generate --shards A:B` and
/// `select SEARCH --shards A:B` name the same work unit in every job of a fanned-out run
/// (issue #21), and the union of all work units is the full production.
public struct ProductionPlanFile: Codable, Sendable, Equatable {
    public static let fileName = "production-plan.json"

    public struct Shard: Codable, Sendable, Equatable {
        /// Position in the plan: what `--shards A:B` counts.
        public var index: Int
        public var process: String
        public var conditions: String
        /// The shard's own index within its process and conditions (its file name's number).
        public var shard: Int
        public var events: Int
        /// Path relative to the plan's folder.
        public var file: String

        public init(index: Int, process: String, conditions: String, shard: Int, events: Int, file: String) {
            self.index = index
            self.process = process
            self.conditions = conditions
            self.shard = shard
            self.events = events
            self.file = file
        }
    }

    /// The production configuration's fingerprint (a plan is only comparable with its own).
    public var configuration: String
    public var shards: [Shard]

    public init(configuration: String, shards: [Shard]) {
        self.configuration = configuration
        self.shards = shards
    }

    /// Writes the plan atomically (temporary file, then rename), so concurrent jobs of one
    /// production, which all write the same bytes, never leave half a file.
    public func write(to directory: URL) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try e.encode(self)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(Self.fileName)
        let tmp = directory.appendingPathComponent(".\(Self.fileName).\(getpid()).tmp")
        do {
            try data.write(to: tmp)
            guard rename(tmp.path, url.path) == 0 else {
                throw EventStoreError.writeFailed(path: url.path, detail: "rename: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }

    /// Reads `<directory>/production-plan.json`; a missing plan says how to make one.
    public static func read(from directory: URL) throws -> ProductionPlanFile {
        let url = directory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw EventStoreError.invalidContent(path: url.path, detail: "no production plan; run `darksector generate --out \(directory.path) --plan` (with the production's --config) first")
        }
        do {
            return try JSONDecoder().decode(ProductionPlanFile.self, from: data)
        } catch {
            throw EventStoreError.invalidContent(path: url.path, detail: "unreadable production plan (\(error)); write it again with `darksector generate --plan`")
        }
    }

    /// The shards `range` names, refusing a range beyond the plan.
    public func shards(in range: Range<Int>) throws -> [Shard] {
        guard range.lowerBound >= 0, range.upperBound <= shards.count else {
            throw EventStoreError.invalidContent(path: Self.fileName,
                                     detail: "--shards \(range.lowerBound):\(range.upperBound) is outside the plan's \(shards.count) shards (0:\(shards.count))")
        }
        return Array(shards[range])
    }
}
