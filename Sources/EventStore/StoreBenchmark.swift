import EventModel
import Foundation

/// Throughput of the event store's column I/O: writes `columns` float64 columns of `rows`
/// rows with the production layout (chunked, shuffle + deflate, Fletcher-32), then reads them
/// back whole. `Benchmarks/store_vs_h5py.py` reads the same file with h5py for comparison.
public enum StoreBenchmark {
    public struct Result: Codable, Sendable {
        public var rows: Int
        public var columns: Int
        public var megabytes: Double
        public var writeSeconds: Double
        public var readSeconds: Double
        public var writeMBPerSecond: Double
        public var readMBPerSecond: Double
        public var fileBytes: Int64
        public var path: String
        public var checksumOK: Bool
        /// CPU time (user + system, all threads) of each phase: unlike the wall-clock rates,
        /// barely affected by other processes competing for the cores.
        public var writeCPUSeconds: Double
        public var readCPUSeconds: Double

        enum CodingKeys: String, CodingKey {
            case rows, columns, megabytes, path
            case writeSeconds = "write_seconds", readSeconds = "read_seconds"
            case writeMBPerSecond = "write_mb_per_s", readMBPerSecond = "read_mb_per_s"
            case fileBytes = "file_bytes", checksumOK = "values_identical"
            case writeCPUSeconds = "write_cpu_seconds", readCPUSeconds = "read_cpu_seconds"
        }
    }

    /// Column values: a smooth physics-like spectrum (exponential with Gaussian noise),
    /// deterministic so that the Python side can check them.
    static func value(row: Int, column: Int) -> Double {
        var x = (UInt64(row) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(column) &* 0xBF58_476D)
        x ^= x >> 31; x = x &* 0x94D0_49BB_1331_11EB; x ^= x >> 29
        let u = (Double(x >> 11) + 0.5) / 9_007_199_254_740_992.0
        return -log(u) * Double(column + 1)
    }

    public static func run(rows: Int, columns: Int = 8, path: String, chunkRows: Int = 262_144,
                           compressionLevel: Int = 1, progress: ((String) -> Void)? = nil) throws -> Result {
        let fm = FileManager.default
        try EventFileWriter.prepareDirectory(URL(fileURLWithPath: path).deletingLastPathComponent())
        if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
        let block = chunkRows * 4
        var blocks: [[Double]] = []
        for c in 0..<columns {
            blocks.append((0..<min(block, rows)).map { value(row: $0, column: c) })
        }

        let writeStart = Date()
        let writeCPUStart = processCPUSeconds()
        do {
            let file = try HDF5File.create(path: path)
            try file.createGroup("bench")
            for c in 0..<columns {
                try file.createColumn("bench/c\(c)", type: .float64, chunkRows: chunkRows, compressionLevel: compressionLevel)
            }
            var written = 0
            while written < rows {
                let n = min(block, rows - written)
                // Same block repeated with a row offset so values differ per block cheaply.
                let shift = Double(written / block)
                try file.append((0..<columns).map { c in ("bench/c\(c)", ColumnData.float64(blocks[c].prefix(n).map { $0 + shift })) })
                written += n
                progress?("write \(written)/\(rows)")
            }
            try file.close()
        }
        let writeSeconds = Date().timeIntervalSince(writeStart)
        let writeCPU = processCPUSeconds() - writeCPUStart

        let readStart = Date()
        let readCPUStart = processCPUSeconds()
        var identical = true
        do {
            let file = try HDF5File.openReadOnly(path: path)
            for c in 0..<columns {
                guard case .float64(let values) = try file.read("bench/c\(c)", as: .float64, range: 0..<rows) else {
                    identical = false
                    continue
                }
                // Spot-check the first and last block against what was written.
                let last = rows - 1
                if values[0] != blocks[c][0] || values[last] != blocks[c][last % block] + Double(last / block) {
                    identical = false
                }
                progress?("read column \(c + 1)/\(columns)")
            }
        }
        let readSeconds = Date().timeIntervalSince(readStart)
        let readCPU = processCPUSeconds() - readCPUStart
        let megabytes = Double(rows * columns * 8) / 1e6
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return Result(rows: rows, columns: columns, megabytes: megabytes, writeSeconds: writeSeconds,
                      readSeconds: readSeconds, writeMBPerSecond: megabytes / writeSeconds,
                      readMBPerSecond: megabytes / readSeconds, fileBytes: size, path: path, checksumOK: identical,
                      writeCPUSeconds: writeCPU, readCPUSeconds: readCPU)
    }

    /// User + system CPU time of the whole process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
