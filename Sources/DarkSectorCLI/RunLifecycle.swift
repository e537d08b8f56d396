import Dispatch
import Foundation
import Provenance

/// What happens to the current run when the user presses Ctrl-C or the batch system sends
/// SIGTERM: the run row is marked `interrupted` (not left `running` forever), registered
/// temporary files are deleted, one line goes to stderr and the process exits with
/// 128 + the signal number (130 for SIGINT, 143 for SIGTERM), as a shell expects.
///
/// The signals are ignored at the C level and delivered through `DispatchSourceSignal` on
/// a background queue, so the handler is ordinary Swift that may take locks and write to
/// SQLite (a C signal handler may do neither). A process killed outright (SIGKILL) runs no
/// handler; its row is marked `interrupted` the next time a database is opened on this host
/// (`ProvenanceDatabase.markInterruptedRuns`).
final class RunLifecycle: @unchecked Sendable {
    static let shared = RunLifecycle()

    /// Guards everything below; the signal queue and the main thread both touch it.
    private let lock = NSLock()
    private var current: (id: String, database: ProvenanceDatabase)?
    private var temporaries: Set<URL> = []
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "darksector.run-lifecycle.signals")

    private init() {}

    /// Makes `runID` the run that a signal marks interrupted, installing the handlers on
    /// first use.
    static func begin(runID: String, database: ProvenanceDatabase) {
        shared.installHandlers()
        shared.lock.withLock { shared.current = (runID, database) }
    }

    /// The run finished on its own (whatever its status); a later signal no longer touches it.
    static func end(runID: String) {
        shared.lock.withLock {
            if shared.current?.id == runID { shared.current = nil }
        }
    }

    /// Marks the run `failed` (if still running) and forgets it: for errors thrown between
    /// `startRun` and the point where a command's own error handling takes over.
    static func fail(runID: String, database: ProvenanceDatabase) {
        try? database.finishRun(id: runID, status: .failed)
        end(runID: runID)
    }

    /// A file to delete if the process is interrupted before it is renamed into place.
    static func registerTemporary(_ url: URL) {
        shared.installHandlers()
        shared.lock.withLock { _ = shared.temporaries.insert(url.standardizedFileURL) }
    }

    /// The file was renamed into place or removed by its writer.
    static func unregister(_ url: URL) {
        shared.lock.withLock { _ = shared.temporaries.remove(url.standardizedFileURL) }
    }

    private func installHandlers() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
                source.setEventHandler { [unowned self] in self.interrupted(by: sig) }
                source.resume()
                sources.append(source)
            }
        }
    }

    private func interrupted(by sig: Int32) -> Never {
        let (run, files) = lock.withLock { (current, temporaries) }
        for url in files { try? FileManager.default.removeItem(at: url) }
        let name = sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "signal \(sig)"
        let line: String
        if let run {
            do {
                try run.database.finishRun(id: run.id, status: .interrupted)
                line = "interrupted: run \(run.id) marked interrupted"
            } catch {
                line = "interrupted: run \(run.id) could not be marked interrupted (\(error)); it will be at the next start"
            }
        } else {
            line = "interrupted (\(name))"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
        exit(128 + sig)
    }
}
