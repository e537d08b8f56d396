import CGSL
import Foundation

/// One error GSL reported through its error handler.
struct GSLFailure: Sendable, Equatable {
    /// GSL status code (`GSL_EMAXITER`, `GSL_EDOM`, ...).
    let code: Int32
    /// GSL's own reason text, e.g. "error in large x asymptotic".
    let reason: String
    /// GSL source location, e.g. "gamma_inc.c:181" (says which algorithm gave up).
    let location: String
}

/// Turns GSL's error reports into Swift errors.
///
/// GSL's default handler calls `abort()`, which kills the `darksector` process with a core
/// dump for inputs that merely lie outside an algorithm's range (issue #14: an upper limit for
/// n = 10^6 died in `gamma_inc.c`). We install, once per process, a C-convention handler that
/// records the error in thread-local storage and returns, so that GSL returns its status code
/// (or NaN for the non-`_e` functions) to the caller. Call sites wrap GSL calls in
/// `GSLErrorHandler.checked`, which clears the record, runs the call and throws a
/// `StatisticsError.numericalFailure` naming the function and its arguments if GSL complained.
///
/// Thread-local rather than global because toys and scans run on several threads at once and
/// one thread's failure must not be blamed on another's call.
enum GSLErrorHandler {
    /// Holder for the last failure on one thread (a class so the C handler can update it in
    /// place through the thread-specific pointer).
    private final class Slot {
        var failure: GSLFailure?
    }

    /// pthread key of the per-thread `Slot`; the destructor releases it when a thread exits.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
        }
        precondition(status == 0, "pthread_key_create failed (\(status)): cannot install the GSL error handler")
        return key
    }()

    private static func slot() -> Slot {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Slot>.fromOpaque(pointer).takeUnretainedValue()
        }
        let slot = Slot()
        pthread_setspecific(key, Unmanaged.passRetained(slot).toOpaque())
        return slot
    }

    /// Installs the recording handler (idempotent; the first touch does the work).
    static let installed: Void = {
        _ = key
        _ = gsl_set_error_handler { reason, file, line, code in
            let text = reason.map { String(cString: $0) } ?? "unknown error"
            let where_ = file.map { (String(cString: $0) as NSString).lastPathComponent } ?? "?"
            GSLErrorHandler.record(GSLFailure(code: code, reason: text, location: "\(where_):\(line)"))
        }
    }()

    /// Stores `failure` as this thread's last GSL error (called from the C handler).
    static func record(_ failure: GSLFailure) {
        slot().failure = failure
    }

    /// Returns and clears this thread's last GSL error.
    static func takeFailure() -> GSLFailure? {
        _ = installed
        let slot = slot()
        defer { slot.failure = nil }
        return slot.failure
    }

    /// Runs `body` (one or a few GSL calls) and throws if GSL reported an error meanwhile.
    ///
    /// - Parameters:
    ///   - function: the GSL function (or our wrapper) named in the error message.
    ///   - arguments: its arguments as the user would recognise them, e.g. "a = 1000001, x = 1002000".
    /// - Throws: `StatisticsError.numericalFailure`.
    static func checked<T>(_ function: String, _ arguments: @autoclosure () -> String,
                           _ body: () throws -> T) throws -> T {
        _ = takeFailure()
        let value = try body()
        if let failure = takeFailure() {
            throw StatisticsError.numericalFailure(
                function: function, arguments: arguments(),
                reason: "\(failure.reason) (GSL status \(failure.code), \(failure.location))")
        }
        return value
    }
}
