import Foundation
import Logging

/// Logging goes to stderr so that stdout stays clean for results and `--json`.
enum LoggingSetup {
    nonisolated(unsafe) private static var done = false

    static func bootstrap(verbose: Bool) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .debug : .info
            return handler
        }
    }

    static func logger(_ label: String, verbose: Bool = false) -> Logger {
        bootstrap(verbose: verbose)
        var logger = Logger(label: "darksector.\(label)")
        logger.logLevel = verbose ? .debug : .info
        return logger
    }
}
