import Analysis
import Foundation
import SearchPipeline
import Testing

/// The select stage's candidate files give back every value bit for bit (NaN for "no
/// candidate" included), and a damaged file is refused, not read.
@Suite struct CandidateFileTests {
    func table() throws -> CandidateTable {
        var t = CandidateTable(columns: ["m": [1.5, .nan, -0.0, 1e-300], "q": [0.1, 0.2, .infinity, 3]],
                               eventID: [1, 2, 3, Int64.max], weight: [0.5, 1, 2.25, 1e-9], process: "bkg")
        t.append(CandidateTable(columns: ["m": [7], "q": [8]], eventID: [9], weight: [3], process: "sig"))
        return t
    }

    @Test func roundTripIsBitForBit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cand-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("candidates/background.cand")
        let original = try table()
        try CandidateFile.write(original, to: url)
        let back = try CandidateFile.read(from: url, stage: "select")
        #expect(back.count == 5 && back.processes == ["bkg", "sig"])
        for name in ["m", "q"] {
            #expect(try back.column(name).map(\.bitPattern) == original.column(name).map(\.bitPattern))
        }
        #expect(back.eventID == original.eventID && back.weight == original.weight)
        #expect((0..<5).map { back.process(ofRow: $0) } == ["bkg", "bkg", "bkg", "bkg", "sig"])
    }

    @Test func damagedFileIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cand-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("signal.cand")
        try CandidateFile.write(try table(), to: url)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count - 3] ^= 0x01
        try bytes.write(to: url)
        #expect(throws: PipelineError.self) { try CandidateFile.read(from: url, stage: "select") }
        try bytes.prefix(bytes.count - 10).write(to: url)
        #expect(throws: PipelineError.self) { try CandidateFile.read(from: url, stage: "select") }
    }
}
