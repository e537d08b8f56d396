#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process and host a run belongs to, and whether such a process still exists.
///
/// Used to find runs left `running` by a process that was killed (kill -9, power loss):
/// only runs of this host can be judged, since another host's pids mean nothing here.
enum ProcessIdentity {
    static var currentPID: Int64 { Int64(getpid()) }

    /// The host name from gethostname(2) (not Foundation's `hostName`, which may wait for DNS).
    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown-host" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// False only when the kernel says no process has this pid (ESRCH). A live pid may have
    /// been reused by an unrelated process; such a run is left alone rather than marked
    /// wrongly (EPERM, a process of another user, also counts as alive).
    static func isAlive(pid: Int64) -> Bool {
        guard pid > 0, pid <= Int64(Int32.max) else { return false }
        if kill(pid_t(pid), 0) == 0 { return true }
        return errno != ESRCH
    }
}
