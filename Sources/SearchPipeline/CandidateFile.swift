import Analysis
import Crypto
import Foundation

/// A `CandidateTable` on disk: what the select stage hands to the stages after it, so that
/// optimise, limits (templates, look-elsewhere toys) and report each run alone from disk.
///
/// Layout: the ASCII magic `DSCAND1\n`, an 8-byte little-endian header length, a JSON header
/// (rows, observable names in payload order, process names, SHA-256 of the payload), then the
/// payload: each observable as `rows` little-endian float64, then event ids (int64), weights
/// (float64) and process indices (int32). Doubles are stored bit for bit, so a stage reading
/// the file computes exactly what it would have from the table in memory. Written atomically
/// (temporary file, fsync, rename); a truncated or altered file is refused by its digest.
public enum CandidateFile {
    static let magic = Data("DSCAND1\n".utf8)

    struct Header: Codable {
        var rows: Int
        var observables: [String]
        var processes: [String]
        var payloadSHA256: String
    }

    public static func write(_ table: CandidateTable, to url: URL) throws {
        let names = table.observableNames
        var payload = Data()
        payload.reserveCapacity(table.count * (8 * names.count + 20))
        func append<T>(_ values: [T]) { values.withUnsafeBufferPointer { payload.append(Data(buffer: $0)) } }
        for name in names { append(try table.column(name).map { $0.bitPattern.littleEndian }) }
        append(table.eventID.map { $0.littleEndian })
        append(table.weight.map { $0.bitPattern.littleEndian })
        append(table.processIndex.map { $0.littleEndian })
        // Sorted keys: the same table gives the same bytes in every process (a fanned-out
        // selection and a single process write identical files).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = try encoder.encode(Header(rows: table.count, observables: names, processes: table.processes,
                                               payloadSHA256: digest(payload)))
        var data = magic
        appendUInt64(&data, UInt64(header.count).littleEndian)
        data.append(header)
        data.append(payload)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try data.write(to: tmp)
            guard rename(tmp.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw PipelineError.cannotWrite(file: url.path, reason: error.localizedDescription)
        }
    }

    public static func read(from url: URL, stage: String) throws -> CandidateTable {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PipelineError.missingStageOutput(file: url.path, stage: stage)
        }
        func bad(_ why: String) -> PipelineError {
            .corruptStageOutput(file: url.path, reason: "\(why); run `darksector \(stage)` again")
        }
        guard data.count >= magic.count + 8, data.prefix(magic.count) == magic else { throw bad("not a candidate file") }
        let headerLength = Int(data.subdata(in: magic.count..<(magic.count + 8)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian)
        let headerStart = magic.count + 8
        guard headerLength > 0, headerStart + headerLength <= data.count else { throw bad("header length out of range") }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data.subdata(in: headerStart..<(headerStart + headerLength))) } catch {
            throw bad("unreadable header")
        }
        let payload = data.subdata(in: (headerStart + headerLength)..<data.count)
        let n = header.rows
        guard n >= 0, payload.count == n * (8 * header.observables.count + 8 + 8 + 4) else { throw bad("payload has the wrong size") }
        guard digest(payload) == header.payloadSHA256 else { throw bad("payload SHA-256 differs from the header's") }
        var offset = 0
        func take<T>(_: T.Type) -> [T] {
            let bytes = n * MemoryLayout<T>.size
            defer { offset += bytes }
            return payload.subdata(in: offset..<(offset + bytes)).withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
        }
        var columns: ObservableColumns = [:]
        for name in header.observables { columns[name] = take(UInt64.self).map { Double(bitPattern: UInt64(littleEndian: $0)) } }
        let ids = take(Int64.self).map { Int64(littleEndian: $0) }
        let weights = take(UInt64.self).map { Double(bitPattern: UInt64(littleEndian: $0)) }
        let process = take(Int32.self).map { Int32(littleEndian: $0) }
        do {
            return try CandidateTable(columns: columns, eventID: ids, weight: weights, processIndex: process, processes: header.processes)
        } catch {
            throw bad("\(error)")
        }
    }

    static func digest(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    static func appendUInt64(_ data: inout Data, _ value: UInt64) {
        withUnsafeBytes(of: value) { data.append(contentsOf: $0) }
    }
}
