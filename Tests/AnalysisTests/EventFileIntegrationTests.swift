import EventModel
import XCTest
import Foundation
import EventStore
@testable import Analysis

/// The framework on real HDF5 event files (EventFileWriter -> EventFileReader as EventSource).
final class EventFileIntegrationTests: XCTestCase {
    func write(_ events: [ToyEvent], process: String, conditions: String, to dir: URL) throws -> EventFileReader {
        let url = dir.appendingPathComponent("\(process)_\(conditions).h5")
        let writer = try EventFileWriter(destination: url, options: EventFileOptions(chunkRows: 64))
        try writer.append(Toy.batch(events))
        try writer.finish(metadata: Toy.metadata(process: process, conditions: conditions, crossSectionFb: 10,
                                                 luminosityInvFb: 2, generated: Int64(events.count)))
        return try EventFileReader(path: url.path)
    }

    func testStreamsFilesForSelectionAndBlinding() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("anafile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let evs = SelectionTests.events(count: 1_000, seed: 5, weight: 0.02)
        let mc = try write(evs, process: "bkg", conditions: "mc", to: dir)
        let data = try write(evs.map { var e = $0; e.weight = 1; return e }, process: "data", conditions: "data", to: dir)
        let search = ToySearch()
        // Weights scaled by L_target / L_file = 10 / 2.
        let out = try MonteCarloSelection(search: search, targetLuminosityInvFb: 10, batchSize: 100).run([mc])
        let direct = evs.filter { $0.q != nil && $0.q! < 0.5 && $0.n == 0 }.map { $0.weight * 5 }.reduce(0, +)
        XCTAssertEqual(out.cutFlow.yield(process: "bkg", cut: "pi0_veto")!, direct, accuracy: 1e-9)
        XCTAssertThrowsError(try MonteCarloSelection(search: search, targetLuminosityInvFb: 10).run([data]))

        let config = try SearchConfiguration.parse(yaml: "search: toy\nluminosity_inv_fb: 10\nmass_grid: {m_x: [3]}\n",
                                                   file: "t.yaml", search: search)
        let blinded = try BlindedData(search: search, configuration: config, sources: [data], batchSize: 100)
        let visible = try blinded.candidates(selection: search.selection).candidates
        // Hidden: inside the toy search's envelope (m in [-0.5, 10.5), whatever the grid) and
        // passing the loosest selection.
        let hidden = evs.filter { $0.m >= -0.5 && $0.m < 10.5 && $0.q != nil && $0.q! < 1.0 && $0.n == 0 }.count
        XCTAssertGreaterThan(hidden, 0)
        XCTAssertEqual(visible.count, evs.filter { $0.q != nil }.count - hidden)
    }
}
