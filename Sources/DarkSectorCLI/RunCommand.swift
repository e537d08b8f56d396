import ArgumentParser
import Foundation
import SearchPipeline

/// `darksector run SEARCH`: optimise, validate, limits and report in one go, as a new run
/// recorded in the provenance database.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run",
        abstract: "Run a search end to end (blinded unless --unblind).")
    @OptionGroup var options: SearchStageOptions
    @Flag(help: "Look at the signal regions in data (refused unless validation passed; recorded).") var unblind = false

    func run() throws {
        let (p, db, record) = try options.pipeline(command: "run \(options.search)\(unblind ? " --unblind" : "")", newRun: true)
        do {
            try p.runAll(unblind: unblind)
        } catch {
            if let r = record { RunLifecycle.fail(runID: r.id, database: db) }
            throw error
        }
        if let r = record { try db.finishRun(id: r.id, succeeded: true); RunLifecycle.end(runID: r.id) }
        print("results: \(p.runDirectory.path)")
    }
}
