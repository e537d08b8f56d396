import ArgumentParser
import Foundation
import Provenance

/// The `darksector` command: generate samples, run searches, compute limits.
public struct DarkSectorCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "darksector",
        abstract: "Belle II-style searches for light dark sectors in e+e- collisions at sqrt(s) = 10.58 GeV.",
        version: CodeVersion.current,
        subcommands: [
            GenerateCommand.self,
            SimulateCommand.self,
            RunCommand.self,
            CalibrateCommand.self,
            SelectCommand.self,
            OptimiseCommand.self,
            ValidateCommand.self,
            LimitsCommand.self,
            ReportCommand.self,
            MergeCommand.self,
            AuditCommand.self,
            ListCommand.self,
            StatsCommand.self,
            StoreCommand.self,
            BenchCommand.self,
            DemoCommand.self,
        ])

    public init() {}

    /// The `--json` contract holds for failures too: with `--json` anywhere on the command
    /// line, an error (bad option, bad input, refused unblinding) is one object
    /// `{"error": "..."}` on stdout, the same line on stderr, and the usual exit code; without
    /// it, ArgumentParser's own "Error: ..." and usage.
    public static func main() {
        let json = CommandLine.arguments.dropFirst().contains("--json")
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            // A command that reported its own failure (e.g. `JSONOutput.reportingErrors`).
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if json, code != .success {
                let text = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
                let message = text.hasPrefix("Error: ") ? String(text.dropFirst("Error: ".count)) : text
                try? JSONOutput.print(["error": message])
                FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
                Foundation.exit(code.rawValue)
            }
            exit(withError: error)
        }
    }
}
