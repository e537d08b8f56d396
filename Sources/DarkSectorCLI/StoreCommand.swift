import ArgumentParser
import EventModel
import EventStore
import Foundation
import Provenance

/// `darksector store ...`: inspect, check and catalog event files.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Inspect, verify and catalog HDF5 event files.",
        subcommands: [StoreInfoCommand.self, StoreCheckCommand.self, StoreRegisterCommand.self, StoreCatalogCommand.self])
}

/// What `store info` reports about a file.
struct StoreInfo: Encodable {
    struct Column: Encodable {
        let dtype: String
        /// The dataset's `units` and `description` attributes; the schema's for a file written
        /// before datasets carried them (then `column_attributes_stored` is false).
        let units: String
        let description: String
    }
    struct Table: Encodable {
        let name: String
        let jagged: Bool
        let rows: Int
        let columns: [String: Column]
        /// Column names in schema order, for the text listing.
        let order: [String]

        enum CodingKeys: String, CodingKey { case name, jagged, rows, columns }
    }
    let path: String
    let schemaVersion: Int
    let events: Int
    let sumOfWeights: Double
    /// Whether every column's `units` and `description` came from the file's own attributes.
    let columnAttributesStored: Bool
    let attributes: SampleMetadata
    let tables: [Table]

    enum CodingKeys: String, CodingKey {
        case path, events, attributes, tables
        case schemaVersion = "schema_version", sumOfWeights = "sum_of_weights"
        case columnAttributesStored = "column_attributes_stored"
    }

    init(reader: EventFileReader) throws {
        path = reader.path
        schemaVersion = Int(reader.metadata.schemaVersion)
        events = reader.eventCount
        attributes = reader.metadata
        var sum = 0.0
        try reader.forEachBatch(size: 1 << 18) { batch in sum += batch.events.weight.reduce(0, +) }
        sumOfWeights = sum
        let version = schemaVersion
        var allStored = true
        tables = reader.tables.map { spec in
            Table(name: spec.name, jagged: spec.jagged, rows: reader.rowCounts[spec.name] ?? 0,
                  columns: Dictionary(uniqueKeysWithValues: spec.columns(inVersion: version).map { column in
                      let stored = reader.columnAttributes(table: spec.name, column: column.name)
                      if stored.units == nil || stored.description == nil { allStored = false }
                      return (column.name, Column(dtype: column.storedType(inVersion: version).rawValue,
                                                  units: stored.units ?? column.unit,
                                                  description: stored.description ?? column.doc))
                  }),
                  order: spec.columns(inVersion: version).map(\.name))
        }
        columnAttributesStored = allStored
    }
}

struct StoreInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Schema (each column's type, unit and description), attributes and row counts of an event file.")

    @Argument(help: "HDF5 event file.") var file: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let info = try StoreInfo(reader: EventFileReader(path: file))
        if output.json { return try JSONOutput.print(info) }
        let m = info.attributes
        print("\(info.path)")
        print("  schema v\(info.schemaVersion), \(info.events) events, sum of weights \(String(format: "%.6g", info.sumOfWeights))")
        print("  process \(m.process) (\(m.conditions)), filter: \(m.filter)")
        print(String(format: "  cross section %.6g +- %.2g fb, luminosity %.6g fb^-1, %lld generated events",
                     m.crossSectionFb, m.crossSectionUncertaintyFb, m.luminosityInvFb, m.generatedEvents))
        print("  seed \(m.generatorSeed), shard \(m.shardIndex), written by DarkSector \(m.codeVersion)")
        if !info.columnAttributesStored {
            print("  (the file's datasets carry no units/description attributes; shown from the schema)")
        }
        let nameWidth = info.tables.flatMap(\.order).map(\.count).max() ?? 0
        for t in info.tables {
            print("  \(t.name)\(t.jagged ? " (jagged)" : ""): \(t.rows) rows")
            for name in t.order {
                let c = t.columns[name]!
                let unit = c.units.isEmpty ? "-" : c.units
                print("    \(pad(name, nameWidth))  \(pad(c.dtype, 7))  \(pad(unit, 5))  \(c.description)")
            }
        }
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}

struct StoreCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify event files: schema, checksum filters, every chunk's checksum, no NaN/inf, and the catalog's SHA-256.")

    @Argument(help: "HDF5 event files.") var files: [String]
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        let path: String
        let ok: Bool
        let events: Int?
        let cataloged: Bool
        let error: String?
    }

    func run() throws {
        let catalog = try? SampleCatalog(database: database.open())
        var reports: [Report] = []
        for file in files {
            do {
                // Schema, Fletcher-32 filter on every dataset, every chunk's checksum, no NaN/inf
                // where the schema forbids them; then the catalog's SHA-256 when registered.
                let report = try ShardVerifier.verify(path: file)
                let entry = try catalog?.verifyChecksum(path: file)
                reports.append(Report(path: file, ok: true, events: report.events, cataloged: entry != nil, error: nil))
            } catch {
                reports.append(Report(path: file, ok: false, events: nil, cataloged: false, error: "\(error)"))
            }
        }
        if output.json {
            try JSONOutput.print(["files": reports])
        } else {
            for r in reports {
                if r.ok {
                    print("OK   \(r.path): \(r.events ?? 0) events, schema, chunk checksums and values valid\(r.cataloged ? ", SHA-256 matches the catalog" : " (not in the catalog)")")
                } else {
                    FileHandle.standardError.write(Data("FAIL \(r.error ?? r.path)\n".utf8))
                }
            }
        }
        if reports.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }
}

struct StoreRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Verify event files and add them to the sample catalog (with their SHA-256); a corrupt file registers nothing.")

    @Argument(help: "HDF5 event files.") var files: [String]
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let records = try SampleCatalog(database: database.open()).register(paths: files)
        for r in records { print("registered \(r.path) (\(r.process), \(r.conditions), \(r.events) events)") }
    }
}

struct StoreCatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "List the sample catalog.")

    @Option(help: "Only this process.") var process: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let samples = try database.open().samples(process: process)
        if output.json { return try JSONOutput.print(["samples": samples]) }
        if samples.isEmpty { print("The catalog at \(database.path) is empty.") }
        for s in samples {
            print(String(format: "%@ %@ shard %lld: %lld events, %.4g fb, %.4g fb^-1  %@",
                         s.process, s.conditions, s.shardIndex, s.events, s.crossSectionFb, s.luminosityInvFb, s.path))
        }
    }
}
