import EventModel

/// The HDF5 attributes of `SampleMetadata` (root group of every event file).
extension SampleMetadata {
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
        static let generator = "generator"
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
        // Only on shards of an outside generator, so files of `generate` keep their bytes.
        if let generator { try file.setAttribute(Key.generator, string: generator) }
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
            schemaVersion: version, generator: file.attribute(Key.generator)?.stringValue)
    }
}
