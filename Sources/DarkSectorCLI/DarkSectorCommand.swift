import ArgumentParser
import Provenance

/// The `darksector` command: generate samples, run searches, compute limits.
public struct DarkSectorCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "darksector",
        abstract: "Belle II-style searches for light dark sectors in e+e- collisions at sqrt(s) = 10.58 GeV.",
        version: CodeVersion.current,
        subcommands: [
            GenerateCommand.self,
            RunCommand.self,
            OptimiseCommand.self,
            ValidateCommand.self,
            LimitsCommand.self,
            ReportCommand.self,
            AuditCommand.self,
            ListCommand.self,
            StatsCommand.self,
            StoreCommand.self,
            BenchCommand.self,
            DemoCommand.self,
        ])

    public init() {}
}
