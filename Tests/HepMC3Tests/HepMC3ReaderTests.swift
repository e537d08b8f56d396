import EventModel
import Foundation
import HepMC3
import Kinematics
import Testing

/// The reader against a file written by pyhepmc (HepMC3's own WriterAscii) in MeV and mm,
/// compared with the values its script put in (expected.json, GeV and cm).
@Suite struct HepMC3ReaderTests {
    @Test func fixtureParticlesMomentaVerticesWeightsAndCrossSection() throws {
        let expected = try HepMC3Fixture.expected()
        let reader = try HepMC3Reader(path: HepMC3Fixture.events.path)
        #expect(reader.weightNames == expected.weight_names)
        var events: [HepMC3Event] = []
        while let e = try reader.next() { events.append(e) }
        #expect(try reader.next() == nil)
        #expect(reader.eventsRead == 4)
        try #require(events.count == expected.events.count)
        for (event, want) in zip(events, expected.events) {
            #expect(event.eventNumber == want.event_number)
            #expect(event.weights == want.weights)
            #expect(event.nominalWeight == want.weights[0])
            try #require(event.particles.count == want.particles.count, "event \(want.event_number)")
            for k in want.particles.indices {
                let p = event.particles[k], w = want.particles[k]
                #expect(p.pdg == w.pdg)
                let got = [p.momentum.px, p.momentum.py, p.momentum.pz, p.momentum.e]
                for i in 0..<4 {
                    // Written with 17 significant digits in MeV; read back in GeV.
                    #expect(abs(got[i] - w.p_gev[i]) <= 1e-12 * max(1, abs(w.p_gev[i])),
                            "event \(want.event_number) particle \(k) component \(i): \(got[i]) vs \(w.p_gev[i])")
                }
                let v = event.vertices[k]
                let gotV = [v.x, v.y, v.z]
                for i in 0..<3 {
                    #expect(abs(gotV[i] - w.vertex_cm[i]) <= 1e-12 * max(1, abs(w.vertex_cm[i])),
                            "event \(want.event_number) particle \(k) vertex \(i): \(gotV[i]) cm vs \(w.vertex_cm[i])")
                }
            }
            let xs = try #require(event.crossSection)
            #expect(abs(xs.valueFb - expected.cross_section_fb) <= 1e-9 * expected.cross_section_fb)
            #expect(abs(xs.uncertaintyFb - expected.cross_section_uncertainty_fb) <= 1e-9 * expected.cross_section_uncertainty_fb)
        }
        // The K_S of event 2 decayed 4 cm from the beam spot: both pions start there.
        let ks = events[1]
        let pions = ks.particles.indices.filter { abs(ks.particles[$0].pdg) == 211 }
        #expect(pions.count == 2)
        for i in pions { #expect(abs(ks.vertices[i].magnitude - 4.0) < 1e-9) }
        #expect(ks.particles.allSatisfy { $0.pdg != 310 }, "the decayed K_S (status 2) is not final state")
        #expect(reader.lastCrossSection?.valueFb == expected.cross_section_fb)
    }

    // MARK: bad input: the error names the file and the line, and says what to do

    /// Writes `lines` to a temporary file and returns the reader's error reading all of it.
    func errorReading(_ lines: [String]) throws -> HepMC3Error {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hepmc3-\(UUID().uuidString).hepmc3")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let reader = try HepMC3Reader(path: url.path)
            while try reader.next() != nil {}
        } catch let error as HepMC3Error {
            #expect(error.file == url.path)
            #expect(error.description.hasPrefix("\(url.path):\(error.line): "))
            return error
        }
        Issue.record("no error for a damaged file")
        return HepMC3Error(file: "", line: -1, problem: "", remedy: "")
    }

    @Test func truncatedInsideAParticleLine() throws {
        var lines = try HepMC3Fixture.lines()
        let cut = try #require(lines.firstIndex { $0.hasPrefix("P 5 -2 211") })
        lines = Array(lines[...cut])
        lines[cut] = String(lines[cut].prefix(40))
        let error = try errorReading(lines)
        #expect(error.line == cut + 1)
        #expect(error.problem.contains("particle line"))
    }

    @Test func truncatedAfterACompleteLineEndsWithoutTheEndLine() throws {
        let lines = try HepMC3Fixture.lines()
        let cut = try #require(lines.firstIndex { $0.hasPrefix("P 4 -1 310") })
        let error = try errorReading(Array(lines[...cut]))
        #expect(error.line == cut + 1)
        #expect(error.problem.contains("END_EVENT_LISTING"))
        #expect(error.problem.contains("event 2"))
    }

    @Test func missingEndLine() throws {
        let lines = try HepMC3Fixture.lines().filter { !$0.isEmpty && $0 != HepMC3Reader.endLine }
        let error = try errorReading(lines)
        #expect(error.line == lines.count)
        #expect(error.problem.contains("ends without"))
        #expect(error.remedy.contains("truncated"))
    }

    @Test func unknownUnits() throws {
        var lines = try HepMC3Fixture.lines()
        let u = try #require(lines.indices.filter { lines[$0].hasPrefix("U ") }.dropFirst().first)
        lines[u] = "U KEV MM"
        let error = try errorReading(lines)
        #expect(error.line == u + 1)
        #expect(error.problem.contains("U KEV MM"))
        #expect(error.remedy.contains("MEV|GEV MM|CM"))
    }

    @Test func fewerParticlesThanTheEventLineDeclares() throws {
        var lines = try HepMC3Fixture.lines()
        let p = try #require(lines.firstIndex { $0.hasPrefix("P 5 -1 22") })
        lines.remove(at: p)
        let error = try errorReading(lines)
        #expect(error.problem.contains("declares 5 particles"))
        #expect(error.line == p)  // the last line of the damaged event
    }

    @Test func hepMC2FileIsRefusedWithTheConversionHint() throws {
        let error = try errorReading(["HepMC::Version 2.06.09", "HepMC::IO_GenEvent-START_EVENT_LISTING", "E 1 -1 -1"])
        #expect(error.line == 2)
        #expect(error.remedy.contains("convert"))
    }

    @Test func unitsAreConvertedFromGeVAndCmToo() throws {
        // The same file rewritten in GeV/cm by hand gives the same numbers: only the U line
        // and the scale differ, so the conversion factors are checked both ways.
        var lines = try HepMC3Fixture.lines()
        for i in lines.indices {
            if lines[i].hasPrefix("U ") { lines[i] = "U GEV CM" }
            if lines[i].hasPrefix("P ") {
                var f = lines[i].split(separator: " ").map(String.init)
                for k in 4...8 { f[k] = String(Double(f[k])! / 1000) }
                lines[i] = f.joined(separator: " ")
            }
            if lines[i].hasPrefix("V "), lines[i].contains("@") {
                var f = lines[i].split(separator: " ").map(String.init)
                for k in 5...8 { f[k] = String(Double(f[k])! / 10) }
                lines[i] = f.joined(separator: " ")
            }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hepmc3-gev-\(UUID().uuidString).hepmc3")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let a = try HepMC3Reader(path: HepMC3Fixture.events.path), b = try HepMC3Reader(path: url.path)
        while let x = try a.next() {
            let y = try #require(try b.next())
            for (p, q) in zip(x.particles, y.particles) {
                #expect(abs(p.momentum.e - q.momentum.e) <= 1e-12 * p.momentum.e)
            }
            for (u, v) in zip(x.vertices, y.vertices) { #expect((u - v).magnitude <= 1e-12) }
        }
    }
}
