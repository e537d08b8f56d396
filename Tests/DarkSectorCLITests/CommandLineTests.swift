import EventModel
import EventStore
import Foundation
import Testing

/// Runs the real `darksector` binary the way a user does and checks what it prints and
/// how it exits.
@Suite struct CommandLineTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL {
        // The test bundle sits next to the built executable in .build/<triple>/<config>/.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("darksector").path) && dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("darksector")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], executable: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                       stderr: String(decoding: e, as: UTF8.self))
    }

    func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func versionAndList() throws {
        let v = try Self.run(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let list = try Self.run(["list", "--json"])
        #expect(list.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        #expect(object?["searches"] is [Any])
    }

    @Test func storeInfoAndCheckOnAWrittenFile() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("s.h5")
        let writer = try EventFileWriter(destination: url)
        var batch = EventBatch()
        for i in 0..<10 { batch.append(ReconstructedEvent(eventID: Int64(i), weight: 0.5)) }
        try writer.append(batch)
        try writer.finish(metadata: SampleMetadata(process: "mumu", crossSectionFb: 1.148e6, luminosityInvFb: 0.01,
                                                   generatedEvents: 10, generatorSeed: 1, conditions: "mc", codeVersion: "t"))
        let info = try Self.run(["store", "info", url.path, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as! [String: Any]
        #expect(object["events"] as? Int == 10)
        #expect(object["sum_of_weights"] as? Double == 5.0)
        #expect((object["attributes"] as? [String: Any])?["process"] as? String == "mumu")

        let db = dir.appendingPathComponent("db.sqlite").path
        #expect(try Self.run(["store", "register", url.path, "--db", db]).status == 0)
        let check = try Self.run(["store", "check", url.path], environment: ["DARKSECTOR_DB": db])
        #expect(check.status == 0)
        #expect(check.stdout.contains("SHA-256 matches the catalog"))
    }

    @Test func badFileExitsNonZeroWithAMessageOnStderr() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.h5").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        let r = try Self.run(["store", "info", path])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(path) && r.stderr.contains("not an HDF5 file"))
        let check = try Self.run(["store", "check", path, "--db", dir.appendingPathComponent("d.sqlite").path])
        #expect(check.status != 0)
    }

    @Test func benchStoreRejectsBadArguments() throws {
        let r = try Self.run(["bench", "store", "--rows", "0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--rows"))
    }
}
