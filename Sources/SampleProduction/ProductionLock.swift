import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One output folder, one producer: an exclusive `flock` on `<out>/.darksector-generate.lock`
/// held for as long as this object lives.
///
/// Two productions writing into one folder would skip, verify, register and clean each
/// other's shards half-way (issue #14: one deleted the other's live temporary file). The
/// lock is advisory but every `darksector generate` takes it, and the kernel drops it when
/// the holder dies, so a `kill -9` never leaves the folder locked. The file holds the
/// holder's pid, so the refusal can say who has the folder.
public final class ProductionLock: @unchecked Sendable {
    public static let fileName = ".darksector-generate.lock"

    public let directory: URL
    private var descriptor: Int32

    /// Takes the lock or throws `ProductionError.outputInUse` at once (never waits).
    public init(directory: URL) throws {
        self.directory = directory
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ProductionError.lockFailed(directory: directory.path, detail: "cannot create the folder: \(error.localizedDescription)")
        }
        let path = directory.appendingPathComponent(Self.fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ProductionError.lockFailed(directory: directory.path, detail: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let why = errno
            let holder = Self.readPID(fd)
            close(fd)
            if why == EWOULDBLOCK {
                throw ProductionError.outputInUse(directory: directory.path, pid: holder)
            }
            throw ProductionError.lockFailed(directory: directory.path, detail: "flock: \(String(cString: strerror(why)))")
        }
        // Ours now: record the pid for whoever is refused next.
        let text = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = fd
    }

    /// The lock of one work unit of a fanned-out production (`generate --shards A:B`): the
    /// folder's lock taken shared, so that work units run side by side while a whole-folder
    /// production (exclusive) is refused; `lockShards` then takes the unit's shards. The
    /// kernel drops both when the holder dies.
    public init(sharedDirectory directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ProductionError.lockFailed(directory: directory.path, detail: "cannot create the folder: \(error.localizedDescription)")
        }
        let path = directory.appendingPathComponent(Self.fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ProductionError.lockFailed(directory: directory.path, detail: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else {
            let why = errno
            let holder = Self.readPID(fd)
            close(fd)
            if why == EWOULDBLOCK { throw ProductionError.outputInUse(directory: directory.path, pid: holder) }
            throw ProductionError.lockFailed(directory: directory.path, detail: "flock: \(String(cString: strerror(why)))")
        }
        descriptor = fd
    }

    /// A POSIX record lock on the bytes of plan positions `shards` (past the pid the exclusive
    /// holder writes) of the lock file: two work units naming a common shard are refused at
    /// once instead of writing the same file.
    public func lockShards(_ shards: Range<Int>) throws {
        guard !shards.isEmpty, descriptor >= 0 else { return }
        var range = flock()
        range.l_type = Int16(F_WRLCK)
        range.l_whence = Int16(SEEK_SET)
        range.l_start = off_t(Self.shardLockOffset + shards.lowerBound)
        range.l_len = off_t(shards.count)
        guard fcntl(descriptor, F_SETLK, &range) == 0 else {
            let why = errno
            if why == EAGAIN || why == EACCES {
                throw ProductionError.lockFailed(directory: directory.path,
                    detail: "another `generate --shards` job holds some of the shards \(shards.lowerBound):\(shards.upperBound)")
            }
            throw ProductionError.lockFailed(directory: directory.path, detail: "fcntl: \(String(cString: strerror(why)))")
        }
    }

    /// Record locks of work units start here, past the pid the exclusive holder writes.
    static let shardLockOffset = 4_096

    deinit { release() }

    /// Gives the folder back (also done when the object goes away or the process dies).
    public func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }

    /// Whether a process with this pid exists (signal 0 probes without sending anything).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
