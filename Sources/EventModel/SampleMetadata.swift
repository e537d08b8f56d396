/// What a sample shard is: the attributes stored on the root group of every event file
/// (`EventStore` reads and writes them), and what an in-memory sample says of itself.
///
/// Here, below the event store, so that analysis code can describe and read samples without
/// depending on HDF5.
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
    /// The hypothesis a signal sample was generated at (e.g. ["m_zprime": 3.0]); nil for
    /// Standard Model processes. Typed, so that no code parses parameters back out of a
    /// process name. (Signal samples are made in memory; event files do not store it yet.)
    public var signalParameters: [String: Double]? = nil
    /// The outside generator the events came from (`HepMC3:<file name>` for
    /// `darksector simulate --hepmc3`); nil for DarkSector's own generators.
    public var generator: String? = nil

    public static let standardWeightsConvention =
        "weight = expected events at luminosity_inv_fb (sum of weights = cross_section_fb * luminosity_inv_fb * selected fraction); 1 for data"

    public init(process: String, crossSectionFb: Double, crossSectionUncertaintyFb: Double = 0,
                luminosityInvFb: Double, generatedEvents: Int64,
                weightsConvention: String = SampleMetadata.standardWeightsConvention,
                generatorSeed: Int64, shardIndex: Int64 = 0, conditions: String, filter: String = "none",
                codeVersion: String, schemaVersion: Int64 = Int64(EventSchema.version),
                signalParameters: [String: Double]? = nil, generator: String? = nil) {
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
        self.signalParameters = signalParameters
        self.generator = generator
    }
}
