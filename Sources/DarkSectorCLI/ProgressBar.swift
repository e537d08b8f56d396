import Foundation

/// A one-line progress bar on stderr for long work (generation, scans, toys).
///
/// Redrawn at most ten times a second; on a non-terminal (CI logs, files) it prints a plain
/// line every 10% instead, so logs stay readable.
final class ProgressBar: @unchecked Sendable {
    private var total: Int
    private let label: String
    private let width = 30
    private let interactive: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast
    private var lastDecile = -1
    private let start = Date()

    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
        interactive = isatty(STDERR_FILENO) != 0
    }

    /// Sets the amount of work once it is known (e.g. after skipping finished shards).
    func reset(total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.total = max(total, 1)
        done = 0
    }

    func advance(by n: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        done += n
        draw(force: done >= total)
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        done = total
        draw(force: true)
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw(force: Bool) {
        let fraction = min(1, Double(done) / Double(total))
        let elapsed = Date().timeIntervalSince(start)
        if interactive {
            guard force || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
            let line = String(format: "\r%@ [%@] %3.0f%% %d/%d  %.0fs elapsed, ~%.0fs left ",
                              label, bar, fraction * 100, done, total, elapsed, eta)
            FileHandle.standardError.write(Data(line.utf8))
        } else {
            let decile = Int(fraction * 10)
            guard decile != lastDecile else { return }
            lastDecile = decile
            FileHandle.standardError.write(Data(String(format: "%@: %3.0f%% (%d/%d, %.1fs)\n",
                                                       label, fraction * 100, done, total, elapsed).utf8))
        }
    }
}
