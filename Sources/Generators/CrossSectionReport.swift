import Foundation

/// Every process's cross section within its acceptance (and optional filter), with its MC
/// uncertainty: what `darksector generate --xsec-only --json` prints.
public struct CrossSectionReport: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public var estimate: CrossSectionEstimate
        /// The Belle II Physics Book value in nb for the same acceptance, when one exists
        /// (no filter), for comparison.
        public var referenceNb: Double?
    }

    public var sqrtSGeV: Double
    public var seed: UInt64
    public var trialsPerProcess: Int
    public var entries: [Entry]

    /// Computes the report. Each process uses stream k = its index of `RandomStream(seed:)`,
    /// so the report is reproducible and independent of which processes are included.
    public static func compute(processes: [StandardModelProcess] = StandardModelProcess.allCases,
                               filters: [StandardModelProcess: GeneratorFilter] = [:],
                               trials: Int = 200_000, seed: UInt64 = 1) -> CrossSectionReport {
        var entries: [Entry] = []
        var sqrtS = 0.0
        for p in processes {
            let filter = filters[p]
            let gen = p.makeGenerator(filter: filter)
            let stream = UInt64(StandardModelProcess.allCases.firstIndex(of: p) ?? 0)
            let est = gen.crossSection(trials: trials, using: RandomStream(seed: seed, stream: stream))
            entries.append(Entry(estimate: est, referenceNb: filter == nil ? p.physicsBookCrossSectionNb : nil))
            sqrtS = FrameTransform().sqrtS
        }
        return CrossSectionReport(sqrtSGeV: sqrtS, seed: seed, trialsPerProcess: trials, entries: entries)
    }

    /// One JSON object (sorted keys), for `--json`.
    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try enc.encode(self), as: UTF8.self)
    }

    /// A plain-text table.
    public var table: String {
        var lines = ["process       sigma [nb]            reference [nb]  acceptance"]
        for e in entries {
            let v = String(format: "%10.4f +- %-8.4f", e.estimate.valueNb, e.estimate.uncertaintyNb)
            let r = e.referenceNb.map { String(format: "%8.3f", $0) } ?? "       -"
            lines.append("\(e.estimate.process.padding(toLength: 12, withPad: " ", startingAt: 0))  \(v)  \(r)        \(e.estimate.acceptance)")
        }
        return lines.joined(separator: "\n")
    }
}
