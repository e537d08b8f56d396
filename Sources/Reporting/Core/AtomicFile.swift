import Foundation

/// Writes files so that a reader never sees a half-written result.
///
/// DESIGN.md requires every write to be atomic: an interrupted run must leave either the old
/// file or the new one, never a truncated mix. We write to a temporary file in the *same*
/// directory (so the final `rename(2)` does not cross a file system), flush it to disk with
/// `fsync(2)` (so a crash after the rename cannot expose an empty file), and then rename it
/// over the destination, which POSIX guarantees to be atomic.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating intermediate directories.
    ///
    /// - Throws: `ReportingError.writeFailed` naming the destination file.
    public static func write(_ data: Data, to url: URL) throws {
        let destination = url.standardizedFileURL
        let directory = destination.deletingLastPathComponent()
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportingError.writeFailed(path: destination.path,
                                             reason: "cannot create directory \(directory.path): \(error.localizedDescription)")
        }
        // Hidden, unique temporary name next to the destination.
        let temporary = directory.appendingPathComponent(
            ".\(destination.lastPathComponent).tmp-\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw ReportingError.writeFailed(path: destination.path,
                                             reason: "cannot create temporary file \(temporary.path): \(lastError())")
        }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "write failed: \(lastError())"
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = "fsync failed: \(lastError())" }
        if close(fd) != 0, failure == nil { failure = "close failed: \(lastError())" }
        if failure == nil, rename(temporary.path, destination.path) != 0 { failure = "rename failed: \(lastError())" }
        if let failure {
            _ = unlink(temporary.path)
            throw ReportingError.writeFailed(path: destination.path, reason: failure)
        }
    }

    /// Writes a UTF-8 string atomically; see `write(_:to:)`.
    public static func write(_ string: String, to url: URL) throws {
        try write(Data(string.utf8), to: url)
    }

    /// Flushes a file another program wrote (gnuplot's images) to disk before it is renamed
    /// into place, so that a crash after the rename cannot expose an empty file.
    /// - Throws: `ReportingError.writeFailed` naming `destination`.
    public static func flush(_ url: URL, destination: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw ReportingError.writeFailed(path: destination.path, reason: "cannot open \(url.path): \(lastError())") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ReportingError.writeFailed(path: destination.path, reason: "fsync failed: \(lastError())") }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
