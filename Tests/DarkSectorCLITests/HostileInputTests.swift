import Foundation
import GRDB
import Provenance
import Testing

/// Issue #14's attacks as a user would make them, on the real binary: each must end in one
/// clear line on stderr, a non-zero exit, and nothing created or unblinded.
@Suite struct HostileInputTests {
    func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The default configuration with `edit` applied to its text, written to `dir`.
    func configuration(_ edit: (String) -> String, in dir: URL) throws -> String {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let original = try String(contentsOf: repo.appendingPathComponent("Searches/ZPrimeInvisible/config/default.yaml"), encoding: .utf8)
        let text = edit(original).replacingOccurrences(of: "../../../ControlSamples", with: repo.appendingPathComponent("ControlSamples").path)
        let url = dir.appendingPathComponent("hostile.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func oneLine(_ s: String) -> Bool {
        s.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1
    }

    @Test func loosenedCriteriaAreRefused() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try configuration({ $0 + """
            control_samples:
              - name: wide_open
                reverse: [muon_id]
                binning: {observable: m_recoil, low: -2.0, high: 10.0, bins: 24}
                criteria: {max_ratio_deviation: 5, min_chi2_p_value: 1e-300}
            """ }, in: dir)
        let r = try CommandLineTests.run(["run", "zprime-invisible", "--config", config, "--samples", dir.path, "--out", dir.path,
                                          "--db", dir.appendingPathComponent("p.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("control_samples.wide_open.criteria.max_ratio_deviation") && r.stderr.contains("looser"), "\(r.stderr)")
        #expect(oneLine(r.stderr), "\(r.stderr)")
    }

    @Test func controlSampleThatReversesNothingIsRefused() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try configuration({ text in
            text.replacingOccurrences(of: "m_zprime: {from: 0.5, to: 8.0, step: 0.5}", with: "m_zprime: {from: 8.0, to: 8.0, step: 0.5}") + """
            control_samples:
              - name: peek
                binning: {observable: m_recoil, low: -2.0, high: 10.0, bins: 24}
                criteria: {max_ratio_deviation: 0.25, min_chi2_p_value: 0.01}
            """ }, in: dir)
        let r = try CommandLineTests.run(["run", "zprime-invisible", "--config", config, "--samples", dir.path, "--out", dir.path,
                                          "--db", dir.appendingPathComponent("p.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("control_samples.peek") && r.stderr.contains("reverses no cut"), "\(r.stderr)")
        #expect(oneLine(r.stderr), "\(r.stderr)")
    }

    @Test func mistypedOrEscapingRunIDCreatesNothing() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = dir.appendingPathComponent("Results")
        for id in ["../../escape", "20991231-000000-nothere"] {
            let r = try CommandLineTests.run(["limits", "zprime-invisible", "--run-id", id, "--samples", dir.path,
                                              "--out", results.path, "--db", dir.appendingPathComponent("p.sqlite").path])
            #expect(r.status != 0)
            #expect(r.stderr.contains("no run '\(id)'"), "\(r.stderr)")
            #expect(oneLine(r.stderr), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: results.appendingPathComponent("zprime-invisible/20991231-000000-nothere").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escape").path))
    }

    @Test func auditVerifyNamesAnEditedRowAndAMissingDatabaseIsAnError() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.sqlite").path
        let missing = try CommandLineTests.run(["audit", "--verify", "--db", dir.appendingPathComponent("typo.sqlite").path])
        #expect(missing.status != 0 && missing.stderr.contains("no provenance database"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("typo.sqlite").path))

        let db = try ProvenanceDatabase(path: path)
        for run in ["r1", "r2"] {
            try db.record(unblinding: UnblindingRecord(search: "zprime-invisible", runID: run, user: "u", host: "h",
                                                       configHash: "c", codeVersion: "t"))
        }
        let clean = try CommandLineTests.run(["audit", "--verify", "--db", path])
        #expect(clean.status == 0 && clean.stdout.contains("intact: 2 unblindings"), "\(clean.stdout) \(clean.stderr)")
        try db.write { try $0.execute(sql: "UPDATE unblindings SET config_hash = 'other' WHERE run_id = 'r1'") }
        let edited = try CommandLineTests.run(["audit", "--verify", "--db", path])
        #expect(edited.status != 0)
        #expect((edited.stdout + edited.stderr).contains("unblindings row 1"), "\(edited.stdout) \(edited.stderr)")
    }

    /// Found by the fuzz campaign: one bit of a chunk dimension in the layout message
    /// (byte 15114 of the v1 reference file, 2 -> 0) makes libhdf5 1.10.8 divide by zero
    /// inside H5Dopen. It must end as a one-line error naming the file, not a SIGFPE.
    @Test func hdf5FaultOnADamagedFileIsAOneLineError() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var bytes = try Data(contentsOf: repo.appendingPathComponent("Tests/Fixtures/eventstore/reference_events_v1.h5"))
        #expect(bytes[15114] == 2)
        bytes[15114] = 0
        let damaged = dir.appendingPathComponent("damaged.h5")
        try bytes.write(to: damaged)
        for command in [["store", "info", damaged.path], ["store", "check", damaged.path, "--db", dir.appendingPathComponent("p.sqlite").path]] {
            let r = try CommandLineTests.run(command)
            #expect(r.status == 1, "\(command): \(r.status)")
            #expect(r.stderr.contains(damaged.path) && r.stderr.contains("corrupt"), "\(r.stderr)")
            #expect(oneLine(r.stderr), "\(r.stderr)")
        }
    }

    /// Absurd statistics requests: a million events is answered (the value from scipy,
    /// `scipy.special.gammaincinv(1e6 + 1, 0.9) - 2` = 1001280.7661...), 1e8 toys are refused
    /// at once with the estimate and --force, and a negative count is invalid, not missing;
    /// with --json the refusal is a JSON object.
    @Test func absurdStatisticsRequestsFailFast() throws {
        let big = try CommandLineTests.run(["stats", "upper-limit", "--method", "bayes", "--observed", "1000000", "--background", "2", "--json"])
        #expect(big.status == 0, "\(big.stderr)")
        let limit = (try JSONSerialization.jsonObject(with: Data(big.stdout.utf8)) as? [String: Any])?["upper_limit"] as? Double
        #expect(abs((limit ?? 0) - 1001280.766) < 0.01, "\(big.stdout)")
        let toys = try CommandLineTests.run(["stats", "upper-limit", "--method", "cls", "--observed", "5", "--background", "2",
                                             "--toys", "100000000", "--json"])
        #expect(toys.status != 0)
        let error = (try? JSONSerialization.jsonObject(with: Data(toys.stdout.utf8)) as? [String: Any])?["error"] as? String
        #expect(error?.contains("--force") == true, "\(toys.stdout)")
        let negative = try CommandLineTests.run(["stats", "upper-limit", "--method", "bayes", "--observed", "-3", "--background", "2"])
        #expect(negative.status != 0 && negative.stderr.contains("--observed must be a non-negative integer, got -3"), "\(negative.stderr)")
        #expect(oneLine(negative.stderr))
    }

    /// Issue #22's CLI conventions: with --json an error is a JSON object on stdout (and the
    /// exit code stays non-zero), and keys are snake_case in every command.
    @Test func jsonErrorsAndSnakeCaseKeys() throws {
        let missing = try CommandLineTests.run(["store", "info", "/nonexistent/shard.h5", "--json"])
        #expect(missing.status != 0)
        let object = try JSONSerialization.jsonObject(with: Data(missing.stdout.utf8)) as? [String: Any]
        #expect((object?["error"] as? String)?.contains("/nonexistent/shard.h5") == true, "\(missing.stdout)")
        let xsec = try CommandLineTests.run(["generate", "--xsec-only", "--processes", "mumu", "--json"])
        #expect(xsec.status == 0, "\(xsec.stderr)")
        #expect(xsec.stdout.contains("\"value_fb\"") && !xsec.stdout.contains("valueFb"), "\(xsec.stdout)")
    }
}
