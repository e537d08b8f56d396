import EventModel
import Foundation
import Kinematics

/// Reads a HepMC3 ASCII file (the "HepMC::Asciiv3" format that HepMC3's WriterAscii and
/// pyhepmc write) one event at a time, holding only the current event in memory, so that a
/// generator run of any size can be simulated.
///
/// Lines: `HepMC::Version`, `HepMC::Asciiv3-START_EVENT_LISTING`, run information (`W` weight
/// names separated by `\|`, `T` tools, `A` run attributes), then per event `E number
/// vertices particles [@ x y z t]`, `U` units, `W` weights, `A id name value` attributes
/// (`GenCrossSection` read, the rest skipped), `P id parent pdg px py pz e m status` and
/// `V id status [incoming] [@ x y z t]`, and finally `HepMC::Asciiv3-END_EVENT_LISTING`.
/// A file without the end line is refused when its end is reached: a generator that was
/// killed leaves exactly such a file, and its last event may be cut.
public final class HepMC3Reader {
    public let path: String
    /// The file name as messages show it.
    private let name: String
    /// Weight names from the run information (empty when the file has none).
    public private(set) var weightNames: [String] = []
    /// The `GenCrossSection` of the last event read that had one.
    public private(set) var lastCrossSection: HepMC3CrossSection?
    public private(set) var eventsRead = 0
    private let lines: LineReader
    /// An `E` line read while finishing the previous event.
    private var pendingEvent: (text: String, line: Int)?
    private var finished = false

    public static let startLine = "HepMC::Asciiv3-START_EVENT_LISTING"
    public static let endLine = "HepMC::Asciiv3-END_EVENT_LISTING"

    public init(path: String) throws {
        self.path = path
        name = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HepMC3Error(file: path, line: 0, problem: "cannot open the file",
                              remedy: "check the path and that it is readable")
        }
        lines = LineReader(handle: handle)
        try readHeader()
    }

    private func error(_ line: Int, _ problem: String,
                       _ remedy: String = "the file is truncated or not HepMC3 Asciiv3; rewrite it with the generator") -> HepMC3Error {
        HepMC3Error(file: name, line: line, problem: problem, remedy: remedy)
    }

    /// Everything up to the first event: the version, the start line, the run information.
    private func readHeader() throws {
        var started = false
        while let text = try lines.next() {
            let n = lines.lineNumber
            let line = text.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("HepMC::Version") { continue }
            if line.hasPrefix("HepMC::") && line.hasSuffix("-START_EVENT_LISTING") {
                guard line == Self.startLine else {
                    throw error(n, "'\(line)' is not the HepMC3 Asciiv3 format",
                                "convert it to HepMC3 ASCII (HepMC3's convert_example, or pyhepmc) first")
                }
                started = true
                continue
            }
            guard started else {
                throw error(n, "expected '\(Self.startLine)' before '\(line.prefix(40))'",
                            "this is not a HepMC3 ASCII file; give a file written by HepMC3's WriterAscii")
            }
            if line == Self.endLine { finished = true; return }
            switch line.first {
            case "E": pendingEvent = (line, n); return
            case "W": weightNames = line.dropFirst().trimmingCharacters(in: .whitespaces)
                                        .components(separatedBy: "\\|").filter { !$0.isEmpty }
            case "T", "A": continue
            default: throw error(n, "unexpected line '\(line.prefix(40))' in the run information")
            }
        }
        throw error(lines.lineNumber, started ? "the file ends without '\(Self.endLine)'" : "no '\(Self.startLine)' line",
                    started ? "the file is truncated (was the generator stopped?); regenerate it"
                            : "this is not a HepMC3 ASCII file; give a file written by HepMC3's WriterAscii")
    }

    /// The next event, nil after the end line.
    public func next() throws -> HepMC3Event? {
        guard !finished else { return nil }
        guard let start = pendingEvent else { return nil }
        pendingEvent = nil
        var record = try parseEventLine(start.text, line: start.line)
        var last = start.line
        while let text = try lines.next() {
            let n = lines.lineNumber
            let line = text.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            last = n
            if line == Self.endLine {
                finished = true
                return try complete(record, lastLine: n)
            }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            switch fields[0] {
            case "E":
                pendingEvent = (line, n)
                return try complete(record, lastLine: n - 1)
            case "U":
                guard fields.count == 3, let units = HepMC3Units.parse(momentum: fields[1], length: fields[2]) else {
                    throw error(n, "unknown units '\(line)'", "HepMC3 units are 'U MEV|GEV MM|CM'; fix the U line")
                }
                record.units = units
            case "W":
                var weights: [Double] = []
                for f in fields.dropFirst() {
                    guard let w = Double(f), w.isFinite else { throw error(n, "weight '\(f)' is not a finite number") }
                    weights.append(w)
                }
                record.weights = weights
            case "A":
                guard fields.count >= 3 else { throw error(n, "attribute line without id and name") }
                if fields[1] == "0" && fields[2] == "GenCrossSection" {
                    let value = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
                    guard value.count == 4, let xs = HepMC3CrossSection.parse(value[3]) else {
                        throw error(n, "GenCrossSection needs a value and an error in pb")
                    }
                    record.crossSection = xs
                }
            case "P":
                record.particles.append(try parseParticle(fields, line: n, record: record))
            case "V":
                record.vertices.append(try parseVertex(fields, line: n, record: record))
            case "T":
                continue
            default:
                throw error(n, "unexpected line '\(line.prefix(40))' in event \(record.eventNumber)")
            }
        }
        throw error(last, "the file ends without '\(Self.endLine)' (inside event \(record.eventNumber), line \(record.line))",
                    "the file is truncated (was the generator stopped?); regenerate it or cut it after the last complete event and add the end line")
    }

    private func complete(_ record: HepMC3EventRecord, lastLine: Int) throws -> HepMC3Event {
        let event = try record.finish(file: name, lastLine: lastLine)
        if let xs = event.crossSection { lastCrossSection = xs }
        eventsRead += 1
        return event
    }

    /// `E number vertices particles [@ x y z t]`.
    private func parseEventLine(_ line: String, line n: Int) throws -> HepMC3EventRecord {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 4, let number = Int64(fields[1]), let nv = Int(fields[2]), let np = Int(fields[3]),
              nv >= 0, np >= 0 else {
            throw error(n, "event line '\(line.prefix(40))' needs 'E number vertices particles'")
        }
        var record = HepMC3EventRecord(eventNumber: number, line: n, declaredVertices: nv, declaredParticles: np)
        if fields.count > 4 {
            // In the units of the U line that follows: scaled when the event is finished.
            guard fields.count == 9, fields[4] == "@", let pos = numbers(fields[5...8]) else {
                throw error(n, "event position must be '@ x y z t'")
            }
            record.rawEventPosition = (ThreeVector(x: pos[0], y: pos[1], z: pos[2]), pos[3])
        }
        return record
    }

    /// `P id parent pdg px py pz e m status`, momenta scaled to GeV.
    private func parseParticle(_ f: [Substring], line n: Int, record: HepMC3EventRecord) throws -> HepMC3EventRecord.RawParticle {
        guard f.count == 10, let id = Int(f[1]), let parent = Int(f[2]), let pdg = Int32(f[3]),
              let p = numbers(f[4...8]), let status = Int(f[9]) else {
            throw error(n, "particle line needs 'P id parent pdg px py pz e m status' (9 numbers), got \(f.count - 1) fields")
        }
        guard id == record.particles.count + 1 else {
            throw error(n, "particle id \(id) out of order (expected \(record.particles.count + 1))")
        }
        let k = record.units.toGeV
        return .init(parent: parent, pdg: pdg,
                     momentum: FourVector(e: p[3] * k, px: p[0] * k, py: p[1] * k, pz: p[2] * k),
                     status: status, line: n)
    }

    /// `V id status [p1,p2,...] [@ x y z t]`, the position scaled to cm.
    private func parseVertex(_ f: [Substring], line n: Int, record: HepMC3EventRecord) throws -> HepMC3EventRecord.RawVertex {
        guard f.count == 4 || f.count == 9, let id = Int(f[1]), Int(f[2]) != nil,
              f[3].first == "[", f[3].last == "]" else {
            throw error(n, "vertex line needs 'V id status [incoming] [@ x y z t]'")
        }
        guard id == -(record.vertices.count + 1) else {
            throw error(n, "vertex id \(id) out of order (expected \(-(record.vertices.count + 1)))")
        }
        var incoming: [Int] = []
        for item in f[3].dropFirst().dropLast().split(separator: ",") {
            guard let pid = Int(item) else { throw error(n, "incoming particle '\(item)' is not an id") }
            incoming.append(pid)
        }
        var position: (ThreeVector, Double)?
        if f.count == 9 {
            guard f[4] == "@", let x = numbers(f[5...8]) else { throw error(n, "vertex position must be '@ x y z t'") }
            let k = record.units.toCm
            position = (ThreeVector(x: x[0] * k, y: x[1] * k, z: x[2] * k), x[3] * k)
        }
        return .init(incoming: incoming, position: position, line: n)
    }

    private func numbers(_ fields: ArraySlice<Substring>) -> [Double]? {
        var out: [Double] = []
        for f in fields {
            guard let x = Double(f), x.isFinite else { return nil }
            out.append(x)
        }
        return out
    }
}
