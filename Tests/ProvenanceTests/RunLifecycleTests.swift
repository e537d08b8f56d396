import Foundation
import GRDB
import Testing
@testable import Provenance

/// Runs record their process, end as succeeded, failed or interrupted, and a run whose
/// process died without saying so is marked interrupted when the database is next opened.
@Suite struct RunLifecycleTests {
    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("prov-\(UUID().uuidString)/db.sqlite").path
    }

    func insertRun(_ db: ProvenanceDatabase, id: String, pid: Int64?, host: String?) throws {
        try db.write { d in
            try d.execute(sql: "INSERT INTO runs (id, command, config_hash, code_version, started_at, status, pid, host) VALUES (?, 'run x', 'c', '1', ?, 'running', ?, ?)",
                          arguments: [id, Date(), pid, host])
        }
    }

    /// The pid of a process that has exited and been reaped.
    func deadPID() throws -> Int64 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return Int64(p.processIdentifier)
    }

    @Test func startRunRecordsProcessAndHost() throws {
        let db = try ProvenanceDatabase(path: scratch())
        let run = try db.startRun(command: "c", configHash: "h")
        let stored = try #require(try db.run(id: run.id))
        #expect(stored.pid == Int64(getpid()))
        #expect(stored.host == ProcessIdentity.hostName && stored.host?.isEmpty == false)
        #expect(stored.status == "running")
    }

    @Test func finishRunStatuses() throws {
        let db = try ProvenanceDatabase(path: scratch())
        let a = try db.startRun(command: "a", configHash: "h")
        let b = try db.startRun(command: "b", configHash: "h")
        let c = try db.startRun(command: "c", configHash: "h")
        try db.finishRun(id: a.id, status: .interrupted)
        try db.finishRun(id: b.id, succeeded: false)
        try db.finishRun(id: c.id, status: .succeeded)
        #expect(try db.run(id: a.id)?.status == "interrupted")
        #expect(try db.run(id: a.id)?.finishedAt != nil)
        #expect(try db.run(id: b.id)?.status == "failed")
        #expect(try db.run(id: c.id)?.status == "succeeded")
        // A late `failed` from an error path does not overwrite what a signal handler wrote.
        try db.finishRun(id: a.id, status: .failed)
        #expect(try db.run(id: a.id)?.status == "interrupted")
    }

    @Test func staleRunOfThisHostIsMarkedInterruptedOnOpen() throws {
        let path = scratch()
        let db = try ProvenanceDatabase(path: path)
        let host = ProcessIdentity.hostName
        let reaped = try deadPID()
        try insertRun(db, id: "dead-reaped", pid: reaped, host: host)
        try insertRun(db, id: "dead-impossible", pid: Int64(Int32.max), host: host)
        try insertRun(db, id: "alive", pid: Int64(getpid()), host: host)
        try insertRun(db, id: "other-host", pid: Int64(Int32.max), host: host + "-elsewhere")
        try insertRun(db, id: "before-v3", pid: nil, host: nil)
        let reopened = try ProvenanceDatabase(path: path)
        #expect(try reopened.run(id: "dead-impossible")?.status == "interrupted")
        #expect(try reopened.run(id: "dead-impossible")?.finishedAt != nil)
        if !ProcessIdentity.isAlive(pid: reaped) {   // unless the pid was reused in between
            #expect(try reopened.run(id: "dead-reaped")?.status == "interrupted")
        }
        #expect(try reopened.run(id: "alive")?.status == "running")
        #expect(try reopened.run(id: "other-host")?.status == "running")
        #expect(try reopened.run(id: "before-v3")?.status == "running")
        #expect(try reopened.markInterruptedRuns().isEmpty)
    }
}

/// Reports and the database record the commit (issue #22): in this checkout the build
/// version is the release plus git's own short hash of HEAD.
@Suite struct CodeVersionTests {
    @Test func buildVersionNamesTheCommit() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", repo.path, "rev-parse", "--short=12", "HEAD"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let sha = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        #expect(sha.count == 12)
        #expect(CodeVersion.build.hasPrefix("\(CodeVersion.current)+g\(sha)"), "\(CodeVersion.build)")
    }
}
