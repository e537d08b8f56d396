import ArgumentParser
import EventStore
import Foundation

/// `darksector bench ...`: throughput benchmarks (run them on a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (build with -c release for meaningful numbers).",
        subcommands: [BenchStoreCommand.self])
}

struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Write N rows of 8 float64 columns with the event-store layout and read them back.")

    @Option(help: "Rows per column.") var rows = 20_000_000
    @Option(help: "Number of float64 columns.") var columns = 8
    @Option(help: "File to write (kept for Benchmarks/store_vs_h5py.py).") var path = "Results/bench/store_bench.h5"
    @Option(help: "Rows per HDF5 chunk.") var chunkRows = 262_144
    @Option(help: "Deflate level (0 = none).") var compression = 1
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be positive, got \(rows)") }
        guard columns > 0 else { throw ValidationError("--columns must be positive, got \(columns)") }
        guard (0...9).contains(compression) else { throw ValidationError("--compression must be 0...9, got \(compression)") }
    }

    func run() throws {
        let result = try StoreBenchmark.run(rows: rows, columns: columns, path: path, chunkRows: chunkRows,
                                            compressionLevel: compression)
        if output.json { return try JSONOutput.print(result) }
        print(String(format: "wrote %.0f MB in %.2f s (%.0f MB/s), read in %.2f s (%.0f MB/s); file %@ (%.0f MB on disk)",
                     result.megabytes, result.writeSeconds, result.writeMBPerSecond, result.readSeconds,
                     result.readMBPerSecond, result.path, Double(result.fileBytes) / 1e6))
    }
}
