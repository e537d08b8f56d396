import EventModel
import EventStore
import Foundation
import Testing

/// `darksector simulate --hepmc3` end to end on the pyhepmc fixture
/// (Tests/Fixtures/hepmc3/, make_fixture.py): the shard it writes, read back with
/// `EventFileReader`, carries the file's cross section and weights and the truth in the lab.
@Suite struct SimulateCommandTests {
    static var fixtures: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures/hepmc3").path) {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("Tests/Fixtures/hepmc3")
    }

    struct Expected: Decodable {
        struct Particle: Decodable { let pdg: Int32; let p_gev: [Double] }
        struct Event: Decodable { let weights: [Double]; let particles: [Particle] }
        let cross_section_fb: Double
        let cross_section_uncertainty_fb: Double
        let events: [Event]
    }

    func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("expected.json")))
    }

    func simulate(_ extra: [String], in dir: URL) throws -> (CommandLineTests.Outcome, EventFileReader?) {
        let outcome = try CommandLineTests.run(["simulate", "--hepmc3", Self.fixtures.appendingPathComponent("events.hepmc3").path,
                                                "--process", "mumu_kkmc", "--out", dir.path,
                                                "--db", dir.appendingPathComponent("db.sqlite").path] + extra)
        let shard = dir.appendingPathComponent("mumu_kkmc/\(extra.contains("data") ? "data" : "mc")")
            .appendingPathComponent("mumu_kkmc_\(extra.contains("data") ? "data" : "mc")_hepmc3_events.h5")
        return (outcome, outcome.status == 0 ? try EventFileReader(path: shard.path) : nil)
    }

    func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func shardCarriesTheFilesCrossSectionWeightsAndLabTruth() throws {
        let want = try expected()
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A temporary of a killed earlier simulate (dead pid) is removed, a live writer's kept.
        let folder = dir.appendingPathComponent("mumu_kkmc/mc")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stale = folder.appendingPathComponent(".mumu_kkmc_mc_hepmc3_events.h5.tmp-2147483000-deadbeef")
        let live = folder.appendingPathComponent(".mumu_kkmc_mc_hepmc3_events.h5.tmp-\(ProcessInfo.processInfo.processIdentifier)-0000live")
        try Data("half".utf8).write(to: stale)
        try Data("busy".utf8).write(to: live)
        let (outcome, opened) = try simulate(["--conditions", "mc", "--seed", "7"], in: dir)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let reader = try #require(opened)
        let m = reader.metadata
        #expect(m.process == "mumu_kkmc" && m.conditions == "mc")
        #expect(m.crossSectionFb == want.cross_section_fb)
        #expect(m.crossSectionUncertaintyFb == want.cross_section_uncertainty_fb)
        #expect(m.generatedEvents == 4)
        // No --luminosity: the luminosity the 4 generated events stand for.
        #expect(abs(m.luminosityInvFb - 4 / want.cross_section_fb) <= 1e-15)
        #expect(m.generator == "HepMC3:events.hepmc3")
        #expect(m.generatorSeed == 7)
        let batch = try reader.read(events: 0..<reader.eventCount)
        #expect(batch.events.eventID == [0, 1, 2, 3])
        // sigma L w_i / sum(w) with sigma L = 4 and the nominal weights adding up to 4.
        let nominal = want.events.map { $0.weights[0] }
        let sum = nominal.reduce(0, +)
        for (w, x) in zip(batch.events.weight, nominal) { #expect(abs(w - 4 * x / sum) <= 1e-12) }

        // Truth in the lab: each fixture event is a whole e+e- final state at sqrt(s) = 10.58 GeV
        // in the CMS, so its lab sum is the beams' direction scaled to that energy: HER 7.004 GeV
        // at +41.5 mrad, LER 4.002 GeV at pi - 41.5 mrad (basf2 Y4S preset, shared/PHYSICS.md).
        let me = 0.000510999
        let pHer = (7.004 * 7.004 - me * me).squareRoot(), pLer = (4.002 * 4.002 - me * me).squareRoot()
        let beams = (px: (pHer + pLer) * sin(0.0415), pz: (pHer - pLer) * cos(0.0415), e: 7.004 + 4.002)
        let beamMass = (beams.e * beams.e - beams.px * beams.px - beams.pz * beams.pz).squareRoot()
        let scale = 10.58 / beamMass
        let truth = batch.particles
        for i in 0..<4 {
            let rows = truth.offsets.rows(ofEvent: i)
            #expect(truth.pdg[rows] == ArraySlice(want.events[i].particles.map(\.pdg)))
            let e = rows.reduce(0.0) { $0 + truth.e[$1] }, px = rows.reduce(0.0) { $0 + truth.px[$1] }
            let py = rows.reduce(0.0) { $0 + truth.py[$1] }, pz = rows.reduce(0.0) { $0 + truth.pz[$1] }
            // float32 storage: 6e-8 relative per particle.
            #expect(abs(e - beams.e * scale) < 2e-5 && abs(px - beams.px * scale) < 2e-5, "event \(i): E \(e), px \(px)")
            #expect(abs(py) < 2e-5 && abs(pz - beams.pz * scale) < 2e-5, "event \(i): py \(py), pz \(pz)")
        }
        // The K_S of event 2 decayed 4 cm from the beam spot in the CMS. In the lab the same
        // decay lies along the K_S's lab momentum (the pions' truth sum) at 4 cm x p_lab / p_cms:
        // both pion tracks start there (d0/z0 resolution well below 0.05 cm), not at the CMS point.
        let rows = truth.offsets.rows(ofEvent: 1)
        let pions = rows.filter { abs(truth.pdg[$0]) == 211 }
        try #require(pions.count == 2)
        let cms = want.events[1].particles.filter { abs($0.pdg) == 211 }
        let pCMS = (0..<3).map { c in cms.reduce(0.0) { $0 + $1.p_gev[c] } }
        let pLab = [pions.reduce(0.0) { $0 + truth.px[$1] }, pions.reduce(0.0) { $0 + truth.py[$1] },
                    pions.reduce(0.0) { $0 + truth.pz[$1] }]
        let flight = 4.0 / (pCMS.map { $0 * $0 }.reduce(0, +)).squareRoot()
        let decay = pLab.map { $0 * flight }
        let tracks = batch.tracks
        let found = tracks.offsets.rows(ofEvent: 1)
        #expect(found.count == 2, "both pions are found")
        for t in found {
            let d = [Double(tracks.vx[t]) - decay[0], Double(tracks.vy[t]) - decay[1], Double(tracks.vz[t]) - decay[2]]
            #expect((d.map { $0 * $0 }.reduce(0, +)).squareRoot() < 0.05, "track \(t) starts \(d) cm from the lab decay point \(decay)")
        }
        #expect(abs(decay[2] - 1.07) > 1, "the lab decay point differs from the CMS one")
        // The event file is in the catalog with its SHA-256.
        let check = try CommandLineTests.run(["store", "check", reader.path, "--db", dir.appendingPathComponent("db.sqlite").path])
        #expect(check.status == 0 && check.stdout.contains("SHA-256 matches the catalog"), "\(check.stdout) \(check.stderr)")
    }

    @Test func labFrameKeepsMomentaAndLuminosityNormalisesWeights() throws {
        let want = try expected()
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (outcome, opened) = try simulate(["--conditions", "mc", "--frame", "lab", "--luminosity", "0.5", "--json"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let reader = try #require(opened)
        // --json: one object with snake_case keys, naming the registered shard.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["events"] as? Int == 4 && object["luminosity_inv_fb"] as? Double == 0.5)
        #expect(object["cross_section_fb"] as? Double == want.cross_section_fb && object["run_id"] is String)
        #expect(((object["shards"] as? [[String: Any]])?.first?["path"] as? String) == reader.path)
        #expect(reader.metadata.luminosityInvFb == 0.5)
        let batch = try reader.read(events: 0..<reader.eventCount)
        let nominal = want.events.map { $0.weights[0] }
        let sum = nominal.reduce(0, +)
        for (w, x) in zip(batch.events.weight, nominal) {
            #expect(abs(w - want.cross_section_fb * 0.5 * x / sum) <= 1e-9 * w)
        }
        let truth = batch.particles
        var k = 0
        for event in want.events {
            for p in event.particles {
                let got = [truth.px[k], truth.py[k], truth.pz[k], truth.e[k]]
                for c in 0..<4 { #expect(abs(got[c] - p.p_gev[c]) <= 1e-6 * max(1, abs(p.p_gev[c]))) }
                k += 1
            }
        }
        #expect(k == truth.rowCount)
    }

    @Test func weightedFileAsPseudoDataIsRefusedNamingFileAndLine() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (outcome, reader) = try simulate(["--conditions", "data"], in: dir)
        #expect(outcome.status != 0 && reader == nil)
        // Event 2 (weight 0.8) starts at line 14 of the fixture.
        #expect(outcome.stderr.contains("events.hepmc3:14:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--conditions mc"))
        let leftovers = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".h5") || $0.contains(".tmp-") } ?? []
        #expect(leftovers.isEmpty, "no shard or temporary is left behind: \(leftovers)")
    }
}
