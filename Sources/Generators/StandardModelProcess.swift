import Kinematics

/// The Standard Model background processes, and the factory that builds their generators.
public enum StandardModelProcess: String, CaseIterable, Sendable, Codable {
    case mumu, tautau, ee, gammagamma, eemumu, eeee

    /// Belle II Physics Book (arXiv:1808.10567, table of SM cross sections at 10.58 GeV)
    /// value in nb within the acceptance each generator uses by default; for comparison
    /// in reports and tests, never used by the generators themselves.
    public var physicsBookCrossSectionNb: Double {
        switch self {
        case .mumu: return 1.148
        case .tautau: return 0.919
        case .ee: return 300
        case .gammagamma: return 4.99
        case .eemumu: return 18.9
        case .eeee: return 39.7
        }
    }

    /// Builds the generator of this process with the given filter and weighting.
    public func makeGenerator(filter: GeneratorFilter? = nil, mode: GenerationMode = .unweighted,
                              beams: BelleIIBeams = .y4S) -> any EventGenerator {
        switch self {
        case .mumu:
            return SampledGenerator(sampler: LeptonPairSampler(lepton: PDGID.muon, beams: beams), filter: filter, mode: mode)
        case .tautau:
            return SampledGenerator(sampler: TauPairSampler(beams: beams), filter: filter, mode: mode)
        case .ee:
            return SampledGenerator(sampler: BhabhaSampler(beams: beams), filter: filter, mode: mode)
        case .gammagamma:
            return SampledGenerator(sampler: DiphotonSampler(beams: beams), filter: filter, mode: mode)
        case .eemumu:
            return SampledGenerator(sampler: TwoPhotonSampler(lepton: PDGID.muon, beams: beams), filter: filter, mode: mode)
        case .eeee:
            return SampledGenerator(sampler: TwoPhotonSampler(lepton: PDGID.electron, beams: beams), filter: filter, mode: mode)
        }
    }
}

/// Convenience spelling used by the command line: `makeGenerator(.mumu, filter: f)`.
public func makeGenerator(_ process: StandardModelProcess, filter: GeneratorFilter? = nil,
                          mode: GenerationMode = .unweighted, beams: BelleIIBeams = .y4S) -> any EventGenerator {
    process.makeGenerator(filter: filter, mode: mode, beams: beams)
}
