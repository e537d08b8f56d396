import EventStore
import Foundation
import Testing

/// A fanned-out run (issue #21) gives what one process gives: the invisible-Z' search on a
/// reduced demo production (Tests/Fixtures/fanout/: 2 pb^-1 of the demo's processes in
/// 20 000-event shards, MC and pseudo-data; three masses, 300 signal events each), once
/// through the work units (production in 3 units, selection per unit, optimise and limits in 2
/// hypothesis slices, merges) and once with `darksector run` on the same samples.
///
/// The independent reference is the single-process run: the fan-out shares no intermediate
/// file with it. The work units run through Snakemake (`workflow/Snakefile --cores 2`: a job
/// that fails once is retried by the engine alone; a run stopped after one limits slice is
/// resumed, making only the other slice, its merge and the report) when it is installed
/// (`make deps` installs it into ~/.cache/darksector/snakemake-9.27.1), otherwise through the
/// same `darksector` commands in sequence; under DARKSECTOR_REQUIRE_TOOLS=1 (CI) Snakemake
/// must be there. One test, so the reduced demo is produced and run once per path.
@Suite(.serialized) struct FanOutTests {
    static var repository: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }
    static var fixtures: URL { repository.appendingPathComponent("Tests/Fixtures/fanout") }
    static var requireTools: Bool { ProcessInfo.processInfo.environment["DARKSECTOR_REQUIRE_TOOLS"] == "1" }

    /// `$DARKSECTOR_SNAKEMAKE` (what `make test` passes), else the pinned venv that `make deps`
    /// makes (~/.cache/darksector/snakemake-9.27.1), else `snakemake` on PATH.
    static var snakemake: URL? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let explicit = environment["DARKSECTOR_SNAKEMAKE"], !explicit.isEmpty { candidates.append(URL(fileURLWithPath: explicit)) }
        let cache = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        candidates.append(cache.appendingPathComponent("darksector/snakemake-9.27.1/bin/snakemake"))
        for dir in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(dir)).appendingPathComponent("snakemake"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The "Job stats" table Snakemake prints (job name -> count); empty when nothing is to be done.
    static func jobStats(_ output: String) -> [String: Int] {
        var stats: [String: Int] = [:]
        var inTable = false
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ")
            if line.hasPrefix("Job stats:") { inTable = true; stats = [:]; continue }
            guard inTable else { continue }
            if fields.first == "total" || line.isEmpty { if !stats.isEmpty { inTable = false }; continue }
            if fields.count == 2, let count = Int(fields[1]) { stats[String(fields[0])] = count }
        }
        return stats
    }

    /// The binary the workflow and the single-process reference both run:
    /// `$DARKSECTOR_WORKFLOW_BINARY` (what `make test` passes: the release build, as a user's
    /// workflow would run; the debug build spends minutes in the generators' Dirac algebra
    /// here), else the debug build next to the tests.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["DARKSECTOR_WORKFLOW_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: repository).standardizedFileURL
        }
        return CommandLineTests.binary
    }

    @discardableResult
    static func darksector(_ arguments: [String]) throws -> CommandLineTests.Outcome {
        let outcome = try CommandLineTests.run(arguments, executable: binary)
        #expect(outcome.status == 0, "darksector \(arguments.joined(separator: " ")): \(outcome.stderr.suffix(2000))")
        return outcome
    }

    static func shell(_ executable: URL, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-shell-\(UUID().uuidString.prefix(8)).log")
        defer { try? FileManager.default.removeItem(at: log) }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    static func sha256(_ url: URL) throws -> String { try FileChecksum.sha256(path: url.path) }

    /// Every number of `a` within 1e-9 (relative, absolute below 1) of `b`, everything else equal.
    static func compare(_ a: Any, _ b: Any, path: String, differences: inout [String]) {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() {
                guard let u = x[key], let v = y[key] else { differences.append("\(path).\(key): present on one side only"); continue }
                compare(u, v, path: "\(path).\(key)", differences: &differences)
            }
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else { differences.append("\(path): \(x.count) vs \(y.count) elements"); return }
            for (i, (u, v)) in zip(x, y).enumerated() { compare(u, v, path: "\(path)[\(i)]", differences: &differences) }
        case let (x as NSNumber, y as NSNumber):
            let u = x.doubleValue, v = y.doubleValue
            if !(u == v || abs(u - v) <= 1e-9 * max(1, abs(u), abs(v))) { differences.append("\(path): \(u) vs \(v)") }
        case let (x as String, y as String):
            if x != y { differences.append("\(path): '\(x.prefix(80))' vs '\(y.prefix(80))'") }
        case (is NSNull, is NSNull):
            break
        default:
            differences.append("\(path): \(type(of: a)) vs \(type(of: b))")
        }
    }

    static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url), options: [.fragmentsAllowed])
    }

    @Test func fannedOutRunEqualsSingleProcessRun() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let samples = work.appendingPathComponent("samples"), results = work.appendingPathComponent("results")
        let production = Self.fixtures.appendingPathComponent("production.yaml").path
        let config = Self.fixtures.appendingPathComponent("zprime.yaml").path
        let search = ["zprime-invisible", "--samples", samples.path, "--out", results.path, "--run-id", "fan", "--config", config]
        let db = results.appendingPathComponent("darksector.sqlite").path
        let jobs = work.appendingPathComponent("jobs")

        if let snakemake = Self.snakemake {
            // A wrapper that fails the first `limits --hypotheses 2/2` once: the engine retries it.
            let wrapper = work.appendingPathComponent("darksector-flaky")
            try """
                #!/bin/sh
                case "$*" in *"--hypotheses 2/2"*) if [ "$1" = limits ] && [ ! -e "\(work.path)/failed-once" ]; then
                    touch "\(work.path)/failed-once"; echo "injected failure" >&2; exit 3; fi;; esac
                exec "\(Self.binary.path)" "$@"
                """.write(to: wrapper, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
            let arguments = ["-s", Self.repository.appendingPathComponent("workflow/Snakefile").path, "--cores", "2",
                             "--config", "darksector=\(wrapper.path)", "production=\(production)", "search_config=\(config)",
                             "samples=\(samples.path)", "results=\(results.path)", "run_id=fan", "generate_units=3",
                             "hypothesis_slices=2", "work=\(jobs.path)", "db=\(db)"]
            // An interrupted run: it stopped after the second limits slice (which failed once and
            // was retried by the engine alone).
            let first = try Self.shell(snakemake, [jobs.appendingPathComponent("limits/2.done").path] + arguments, in: work)
            #expect(first.status == 0, "snakemake: \(first.output.suffix(3000))")
            #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("failed-once").path), "the injected failure did not happen")
            // The rerun makes only what is missing: the first slice's limits, their merge, the report.
            let plan = try Self.shell(snakemake, arguments + ["--dry-run"], in: work)
            #expect(Self.jobStats(plan.output) == ["limits_slice": 1, "merge_limits": 1, "report": 1, "all": 1],
                    "\(Self.jobStats(plan.output)): \(plan.output.suffix(1500))")
            let rest = try Self.shell(snakemake, arguments, in: work)
            #expect(rest.status == 0, "snakemake: \(rest.output.suffix(3000))")
            #expect(Self.jobStats(rest.output) == ["limits_slice": 1, "merge_limits": 1, "report": 1, "all": 1], "\(rest.output.suffix(1500))")
            let again = try Self.shell(snakemake, arguments + ["--dry-run"], in: work)
            #expect(again.status == 0 && again.output.contains("Nothing to be done"), "\(again.output.suffix(1500))")
        } else {
            #expect(!Self.requireTools, "snakemake is not installed (make test installs it into .venv-workflow)")
            // The same work units without an engine, in the Snakefile's order.
            for k in 1...3 {
                try Self.darksector(["generate", "--config", production, "--out", samples.path, "--shards", "\(k)/3",
                                     "--db", jobs.appendingPathComponent("generate-\(k).sqlite").path])
            }
            try Self.darksector(["calibrate"] + search + ["--create-run", "--db", jobs.appendingPathComponent("calibrate.sqlite").path])
            for k in 1...3 {
                try Self.darksector(["select"] + search + ["--shards", "\(k)/3", "--parts-dir", jobs.appendingPathComponent("parts").path,
                                                           "--db", jobs.appendingPathComponent("select-\(k).sqlite").path])
            }
            try Self.darksector(["select"] + search + ["--signal", "--parts-dir", jobs.appendingPathComponent("parts").path,
                                                       "--db", jobs.appendingPathComponent("select-signal.sqlite").path])
            try Self.darksector(["merge"] + search + ["--selection", "--parts-dir", jobs.appendingPathComponent("parts").path, "--db", db,
                                                      "--job-db"] + (["generate-1", "generate-2", "generate-3", "calibrate", "select-1",
                                                      "select-2", "select-3", "select-signal"].map { jobs.appendingPathComponent("\($0).sqlite").path }))
            for j in 1...2 {
                try Self.darksector(["optimise"] + search + ["--hypotheses", "\(j)/2", "--db", jobs.appendingPathComponent("optimise-\(j).sqlite").path])
            }
            try Self.darksector(["merge"] + search + ["--optimisation", "--db", db])
            try Self.darksector(["validate"] + search + ["--db", db])
            for j in 1...2 {
                try Self.darksector(["limits"] + search + ["--hypotheses", "\(j)/2", "--db", jobs.appendingPathComponent("limits-\(j).sqlite").path])
            }
            try Self.darksector(["merge"] + search + ["--limits", "--db", db, "--job-db"]
                                + ["optimise-1", "optimise-2", "limits-1", "limits-2"].map { jobs.appendingPathComponent("\($0).sqlite").path })
            try Self.darksector(["report"] + search + ["--db", db])
        }

        // The work units are the production: a whole-production run over them makes nothing new,
        // and a unit made again elsewhere has the same bytes.
        let whole = try Self.darksector(["generate", "--config", production, "--out", samples.path, "--json",
                                         "--db", work.appendingPathComponent("whole.sqlite").path])
        let report = try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any]
        #expect(report?["produced"] as? Int == 0, "\(whole.stdout.prefix(300))")
        #expect((report?["skipped"] as? Int ?? 0) >= 10)
        let again = work.appendingPathComponent("again")
        try Self.darksector(["generate", "--config", production, "--out", again.path, "--shards", "3/3",
                             "--db", work.appendingPathComponent("again.sqlite").path])
        let plan = try Self.json(samples.appendingPathComponent("production-plan.json")) as? [String: Any]
        let planned = (plan?["shards"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        let remade = planned.filter { FileManager.default.fileExists(atPath: again.appendingPathComponent($0).path) }
        #expect(!remade.isEmpty)
        for file in remade {
            #expect(try Self.sha256(again.appendingPathComponent(file)) == Self.sha256(samples.appendingPathComponent(file)), "\(file)")
        }

        // The single-process reference on the same samples.
        let single = work.appendingPathComponent("single")
        let out = try Self.darksector(["run", "zprime-invisible", "--samples", samples.path, "--out", single.path, "--config", config,
                                       "--db", work.appendingPathComponent("single.sqlite").path])
        let singleRun = URL(fileURLWithPath: out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "results: ", with: ""))
        let fanRun = results.appendingPathComponent("zprime-invisible/fan")
        for file in ["candidates/background.cand", "candidates/signal.cand"] {
            #expect(try Self.sha256(fanRun.appendingPathComponent(file)) == Self.sha256(singleRun.appendingPathComponent(file)), "\(file) differs")
        }
        for file in ["selection.json", "optimisation.json", "limits.json"] {
            var differences: [String] = []
            Self.compare(try Self.json(fanRun.appendingPathComponent(file)), try Self.json(singleRun.appendingPathComponent(file)),
                         path: file, differences: &differences)
            #expect(differences.isEmpty, "\(differences.prefix(10).joined(separator: "\n"))")
        }
        let limits = try Self.json(fanRun.appendingPathComponent("limits.json")) as? [String: Any]
        #expect((limits?["rows"] as? [Any])?.count == 3)
        #expect(limits?["lookElsewhere"] != nil)
        #expect(FileManager.default.fileExists(atPath: fanRun.appendingPathComponent("report.md").path))
    }

    /// The batch profiles (workflow/profiles/slurm, htcondor) and the Snakefile pass Snakemake's
    /// own checks: `--lint` finds nothing, and a dry run under each profile (which loads the
    /// executor plugin and rejects any key Snakemake does not know) plans every work unit with
    /// the profile's resources. Expected counts from the configuration: 5 production units and
    /// 3 hypothesis slices. reana.yaml is checked with `reana-client validate` (offline) when
    /// reana-client is installed (not by `make deps`: it pins Snakemake 7 in its own venv).
    @Test func batchProfilesPassSnakemakesChecks() throws {
        guard let snakemake = Self.snakemake else {
            #expect(!Self.requireTools, "snakemake is not installed (make deps installs it into ~/.cache/darksector)")
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let snakefile = Self.repository.appendingPathComponent("workflow/Snakefile").path
        let lint = try Self.shell(snakemake, ["-s", snakefile, "--lint"], in: work)
        #expect(lint.status == 0 && lint.output.contains("Congratulations"), "\(lint.output.suffix(2000))")
        let expected = ["generate_shard": 5, "calibrate": 1, "select_shard": 5, "select_signal": 1, "merge_selection": 1,
                        "optimise_slice": 3, "merge_optimisation": 1, "validate": 1, "limits_slice": 3, "merge_limits": 1,
                        "report": 1, "all": 1]
        for (profile, resource) in [("slurm", "cpus_per_task=1"), ("htcondor", "request_disk=4000000")] {
            let dry = try Self.shell(snakemake, ["-s", snakefile, "--profile", Self.repository.appendingPathComponent("workflow/profiles/\(profile)").path,
                                                 "--dry-run", "--config", "generate_units=5", "hypothesis_slices=3"], in: work)
            #expect(dry.status == 0, "\(profile): \(dry.output.suffix(2000))")
            #expect(Self.jobStats(dry.output) == expected, "\(profile): \(Self.jobStats(dry.output))")
            #expect(dry.output.contains(resource) && dry.output.contains("mem_mb=4000"), "\(profile): \(dry.output.suffix(1500))")
        }
        let reana = Self.repository.appendingPathComponent(".venv-reana/bin/reana-client")
        if FileManager.default.isExecutableFile(atPath: reana.path) {
            // In a copy: the validation dry-runs the Snakefile relative to reana.yaml's folder.
            let copy = work.appendingPathComponent("reana")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for item in ["reana.yaml", "workflow"] {
                try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(item), to: copy.appendingPathComponent(item))
            }
            let valid = try Self.shell(reana, ["validate", "--file", copy.appendingPathComponent("reana.yaml").path], in: copy)
            #expect(valid.status == 0 && valid.output.contains("Valid REANA specification file"), "\(valid.output.suffix(2000))")
        }
    }
}
