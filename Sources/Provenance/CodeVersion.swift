import Foundation

/// The DarkSector version recorded in every file, run and unblinding, so that any result
/// can be traced to the code that made it.
public enum CodeVersion {
    /// The release, written into event files (so that a shard's bytes do not depend on the
    /// commit that made it, and a production resumes across commits).
    public static let current = "0.1.0"

    /// The release and the git commit of the working tree the program was built from, with
    /// `.dirty` when tracked files had uncommitted changes: what reports and the provenance
    /// database record (e.g. `0.1.0+g1a2b3c4d5e6f.dirty`). Just the release when the program
    /// runs outside a git checkout or git is not installed.
    public static let build: String = {
        guard let root = gitRoot(), let commit = git(["rev-parse", "--short=12", "HEAD"], in: root), !commit.isEmpty else {
            return current
        }
        let dirty = !(git(["status", "--porcelain", "--untracked-files=no"], in: root) ?? "").isEmpty
        return "\(current)+g\(commit)\(dirty ? ".dirty" : "")"
    }()

    /// The checkout holding the executable (`.build/...` below the repository) or, failing
    /// that, the working directory.
    static func gitRoot() -> URL? {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for start in [executable.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var dir = start.standardizedFileURL
            while true {
                if FileManager.default.fileExists(atPath: dir.appendingPathComponent(".git").path) { return dir }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    static func git(_ arguments: [String], in root: URL) -> String? {
        let candidates = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-C", root.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
