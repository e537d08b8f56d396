import Foundation

/// Runs gnuplot on a script. Plots are optional for a run (a cluster node may lack gnuplot),
/// so every failure is a typed `ReportingError` naming the image that could not be made, and
/// the caller decides whether to carry on without it.
public struct GnuplotRunner: Sendable {
    /// Path of the gnuplot executable, or nil if none was found.
    public var executable: String?
    /// Directories searched when looking for gnuplot, for the error message.
    public var searched: [String]

    /// Uses `executable` if given, else `$DARKSECTOR_GNUPLOT` (and only that, so a wrong
    /// setting is reported rather than silently replaced), else the first `gnuplot` on
    /// `$PATH` (then /usr/bin, /usr/local/bin, /opt/homebrew/bin).
    public init(executable: String? = nil) {
        let env = ProcessInfo.processInfo.environment
        let explicit = executable ?? env["DARKSECTOR_GNUPLOT"].flatMap { $0.isEmpty ? nil : $0 }
        if let explicit {
            self.executable = FileManager.default.isExecutableFile(atPath: explicit) ? explicit : nil
            self.searched = [explicit]
            return
        }
        var candidates: [String] = []
        let dirs = (env["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        candidates += dirs.map { ($0 as NSString).appendingPathComponent("gnuplot") }
        self.searched = candidates
        self.executable = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// True when a gnuplot executable was found.
    public var isAvailable: Bool { executable != nil }

    /// Runs `gnuplot <script>` with `directory` as working directory.
    ///
    /// - Parameter output: the image the caller is making, named in errors.
    public func run(script: URL, in directory: URL, output: URL) throws {
        guard let executable else {
            throw ReportingError.gnuplotNotFound(output: output.path, searched: searched)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [script.lastPathComponent]
        process.currentDirectoryURL = directory
        let errPipe = Pipe()
        process.standardError = errPipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ReportingError.gnuplotFailed(output: output.path, script: script.path, exitCode: -1,
                                               stderr: "cannot start \(executable): \(error.localizedDescription)")
        }
        // Drain stderr before waiting so a chatty gnuplot cannot block on a full pipe.
        let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReportingError.gnuplotFailed(output: output.path, script: script.path,
                                               exitCode: process.terminationStatus,
                                               stderr: String(decoding: errData, as: UTF8.self))
        }
    }
}
