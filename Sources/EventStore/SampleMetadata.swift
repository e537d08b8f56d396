import EventModel

/// What a sample shard is: the attributes stored on the root group of every event file.
///
/// Cross section and luminosity travel with the events so that a file alone says how many
/// events it represents; nothing time-dependent is stored, so that the same seed gives a
/// bit-identical file.
public struct SampleMetadata: Sendable, Equatable, Codable {
    /// Process name, e.g. `mumu`, `tautau`, `zprime_m3.00`.
    public var process: String
    /// Cross section of the generated phase space after the generator-level filter, in fb.
    public var crossSectionFb: Double
    /// Monte Carlo uncertainty of `crossSectionFb`, in fb.
    public var crossSectionUncertaintyFb: Double
    /// Integrated luminosity this shard stands for, in fb^-1: its share of the sample's
    /// luminosity, so that the shards of one sample add up to the sample's luminosity.
    public var luminosityInvFb: Double
    /// Generator events (after the generator-level filter) behind this shard, before any
    /// detector effect: the denominator of efficiencies.
    public var generatedEvents: Int64
    /// How to read `events/weight`.
    public var weightsConvention: String
    /// Seed of the random streams that made the shard.
    public var generatorSeed: Int64
    /// Index of this shard within its sample (streams are derived from seed and shard).
    public var shardIndex: Int64
    /// `mc` (simulation conditions) or `data` (pseudo-data conditions).
    public var conditions: String
    /// Generator-level filter applied, `none` if none.
    public var filter: String
    /// DarkSector version that wrote the file.
    public var codeVersion: String
    /// Event schema version (EventSchema.version when written).
    public var schemaVersion: Int64

    public static let standardWeightsConvention =
        "weight = expected events at luminosity_inv_fb (sum of weights = cross_section_fb * luminosity_inv_fb * selected fraction); 1 for data"

    public init(process: String, crossSectionFb: Double, crossSectionUncertaintyFb: Double = 0,
                luminosityInvFb: Double, generatedEvents: Int64,
                weightsConvention: String = SampleMetadata.standardWeightsConvention,
                generatorSeed: Int64, shardIndex: Int64 = 0, conditions: String, filter: String = "none",
                codeVersion: String, schemaVersion: Int64 = Int64(EventSchema.version)) {
        self.process = process
        self.crossSectionFb = crossSectionFb
        self.crossSectionUncertaintyFb = crossSectionUncertaintyFb
        self.luminosityInvFb = luminosityInvFb
        self.generatedEvents = generatedEvents
        self.weightsConvention = weightsConvention
        self.generatorSeed = generatorSeed
        self.shardIndex = shardIndex
        self.conditions = conditions
        self.filter = filter
        self.codeVersion = codeVersion
        self.schemaVersion = schemaVersion
    }

    /// Attribute names as stored in HDF5 (and read by h5py).
    enum Key {
        static let process = "process"
        static let crossSection = "cross_section_fb"
        static let crossSectionUncertainty = "cross_section_uncertainty_fb"
        static let luminosity = "luminosity_inv_fb"
        static let generatedEvents = "generated_events"
        static let weightsConvention = "weights_convention"
        static let seed = "generator_seed"
        static let shard = "shard_index"
        static let conditions = "conditions"
        static let filter = "filter"
        static let codeVersion = "code_version"
        static let schemaVersion = "schema_version"
    }

    func write(to file: HDF5File) throws {
        try file.setAttribute(Key.schemaVersion, int: schemaVersion)
        try file.setAttribute(Key.process, string: process)
        try file.setAttribute(Key.crossSection, double: crossSectionFb)
        try file.setAttribute(Key.crossSectionUncertainty, double: crossSectionUncertaintyFb)
        try file.setAttribute(Key.luminosity, double: luminosityInvFb)
        try file.setAttribute(Key.generatedEvents, int: generatedEvents)
        try file.setAttribute(Key.weightsConvention, string: weightsConvention)
        try file.setAttribute(Key.seed, int: generatorSeed)
        try file.setAttribute(Key.shard, int: shardIndex)
        try file.setAttribute(Key.conditions, string: conditions)
        try file.setAttribute(Key.filter, string: filter)
        try file.setAttribute(Key.codeVersion, string: codeVersion)
    }

    static func read(from file: HDF5File) throws -> SampleMetadata {
        func string(_ k: String) throws -> String {
            guard let v = file.attribute(k)?.stringValue else { throw EventStoreError.missingAttribute(path: file.path, attribute: k) }
            return v
        }
        func double(_ k: String) throws -> Double {
            guard let v = file.attribute(k)?.doubleValue else { throw EventStoreError.missingAttribute(path: file.path, attribute: k) }
            return v
        }
        func int(_ k: String) throws -> Int64 {
            guard let v = file.attribute(k)?.intValue else { throw EventStoreError.missingAttribute(path: file.path, attribute: k) }
            return v
        }
        let version = try int(Key.schemaVersion)
        guard EventSchema.readableVersions.contains(Int(version)) else {
            throw EventStoreError.schemaVersion(path: file.path, found: Int(version), supported: EventSchema.readableVersions)
        }
        let conditions = try string(Key.conditions)
        guard conditions == "mc" || conditions == "data" else {
            throw EventStoreError.invalidContent(path: file.path, detail: "attribute 'conditions' is '\(conditions)', expected 'mc' or 'data'")
        }
        return SampleMetadata(
            process: try string(Key.process), crossSectionFb: try double(Key.crossSection),
            crossSectionUncertaintyFb: (file.attribute(Key.crossSectionUncertainty)?.doubleValue) ?? 0,
            luminosityInvFb: try double(Key.luminosity), generatedEvents: try int(Key.generatedEvents),
            weightsConvention: try string(Key.weightsConvention), generatorSeed: try int(Key.seed),
            shardIndex: (file.attribute(Key.shard)?.intValue) ?? 0, conditions: conditions,
            filter: (file.attribute(Key.filter)?.stringValue) ?? "none", codeVersion: try string(Key.codeVersion),
            schemaVersion: version)
    }
}
