import Foundation
import Testing

/// A write that fails because the disk is full used to be followed by SIGSEGV in libhdf5's
/// exit handler (issue #14). The real `darksector generate` runs in a child whose file-size
/// limit (`ulimit -f`, with SIGXFSZ ignored so writes fail with EFBIG the way a full disk
/// fails them with ENOSPC) is far below the shard's size; no real disk is filled.
@Suite struct DiskFullTests {
    /// The built `darksector`, next to the test bundle in .build/<triple>/<config>/ (as in
    /// DarkSectorCLITests); nil if this build has not made it.
    static var binary: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("darksector")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// Skipped where the executable was not built, except under DARKSECTOR_REQUIRE_TOOLS=1
    /// (`make test`, which builds it): there a missing binary fails the test.
    @Test(.enabled(if: binary != nil || ProcessInfo.processInfo.environment["DARKSECTOR_REQUIRE_TOOLS"] == "1",
                   "needs the darksector executable (swift build --build-tests builds it)"))
    func aFullDiskIsAOneLineErrorNotACrash() throws {
        let binary = try #require(Self.binary, "the darksector executable is not next to the test bundle")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("diskfull-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // One shard of 30000 mu mu events: about 5 MB (174 B/event, Benchmarks/README.md).
        let config = dir.appendingPathComponent("p.yaml")
        try """
            luminosity_inv_fb: 0.001
            seed: 5
            shard_events: 30000
            cross_section_trials: 2000
            conditions: [mc]
            processes:
              mumu: {filter: mumu_cdc, mc_events: 30000}
            """.write(to: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let conditions = SampleProducerTests.conditions.path
        // 2048 blocks is 1 MB (POSIX sh counts 512-byte blocks) or 2 MB (bash): either way
        // less than the shard.
        let command = "ulimit -f 2048 && trap '' XFSZ && exec '\(binary.path)' generate --config '\(config.path)' "
            + "--out '\(out.path)' --db '\(dir.path)/db.sqlite' --jobs 1 --conditions-dir '\(conditions)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus): \(stderr.suffix(400))")
        #expect(process.terminationStatus != 0)
        let errors = stderr.split(separator: "\n").filter { $0.contains("Error") }
        #expect(errors.count == 1, "\(stderr.suffix(600))")
        let shard = out.appendingPathComponent("mumu/mc/mumu_mc_0000.h5").path
        #expect(errors.first?.contains("\(shard): write failed") == true, "\(errors)")
        #expect(errors.first?.contains("File too large") == true, "\(errors)")
        // Nothing at the destination, no temporary left.
        let left = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
        #expect(!left.contains { $0.contains(".tmp-") || $0.hasSuffix(".h5") }, "\(left)")
    }
}
