import Kinematics

/// The Standard Model background processes, and the factory that builds their generators.
public enum StandardModelProcess: String, CaseIterable, Sendable, Codable {
    case mumu, tautau, ee, gammagamma, eemumu, eeee
    /// The single- and three-photon backgrounds (issues #17, #18), appended so that the
    /// processes above keep their stream indices (`CrossSectionReport`): three resolved
    /// photons at alpha^3, radiative Bhabha with both leptons outside the ECL, nu nubar gamma.
    case gammagammagamma, eegamma, nunugamma
    /// The peaking backgrounds of the three-photon ALP search (issue #18): e+e- -> gamma P
    /// through the measured transition form factors (`PhotonPseudoscalarSampler`).
    case gammapi0, gammaeta, gammaetaprime
    /// Hadronic events from Pythia 8 (issue #19, docs/physics/generators.md): continuum
    /// e+e- -> q qbar (q = u, d, s; q = c) and Upsilon(4S) -> B Bbar with Pythia's B decays.
    /// They need the library `make deps` builds (`usesPythia`).
    case uds, ccbar, bbbar

    /// Belle II Physics Book (arXiv:1808.10567, table of SM cross sections at 10.58 GeV)
    /// value in nb within the acceptance each generator uses by default; for comparison
    /// in reports and tests, never used by the generators themselves. nil where the table has
    /// no value for the generator's region (its nu nubar(gamma) 0.25e-3 nb is inclusive, not
    /// photon-tagged).
    public var physicsBookCrossSectionNb: Double? {
        switch self {
        case .mumu: return 1.148
        case .tautau: return 0.919
        case .ee: return 300
        case .gammagamma: return 4.99
        case .eemumu: return 18.9
        case .eeee: return 39.7
        case .gammagammagamma, .eegamma, .nunugamma: return nil
        case .gammapi0, .gammaeta, .gammaetaprime: return nil
        // The table's q qbar values include radiative return below the 4 GeV the Pythia
        // continuum starts at (docs/physics/generators.md); its Upsilon(4S) is ours.
        case .uds, .ccbar: return nil
        case .bbbar: return 1.05
        }
    }

    /// Whether the generator is Pythia 8, which needs the library `make deps` builds.
    public var usesPythia: Bool {
        switch self {
        case .uds, .ccbar, .bbbar: return true
        default: return false
        }
    }

    /// The physics part of this process's generator (one weighted event at a time).
    public func makeSampler(beams: BelleIIBeams = .y4S) -> any ProcessSampler {
        switch self {
        case .mumu: return LeptonPairSampler(lepton: PDGID.muon, beams: beams)
        case .tautau: return TauPairSampler(beams: beams)
        case .ee: return BhabhaSampler(beams: beams)
        case .gammagamma: return DiphotonSampler(beams: beams)
        case .eemumu: return TwoPhotonSampler(lepton: PDGID.muon, beams: beams)
        case .eeee: return TwoPhotonSampler(lepton: PDGID.electron, beams: beams)
        case .gammagammagamma: return ThreePhotonSampler(beams: beams)
        case .eegamma: return RadiativeBhabhaSampler(beams: beams)
        case .nunugamma: return NeutrinoPairPhotonSampler(beams: beams)
        case .gammapi0: return PhotonPseudoscalarSampler(meson: .pi0, beams: beams)
        case .gammaeta: return PhotonPseudoscalarSampler(meson: .eta, beams: beams)
        case .gammaetaprime: return PhotonPseudoscalarSampler(meson: .etaPrime, beams: beams)
        case .uds: return ContinuumQuarkPairSampler(flavours: .uds, beams: beams)
        case .ccbar: return ContinuumQuarkPairSampler(flavours: .ccbar, beams: beams)
        case .bbbar: return UpsilonFourSSampler(beams: beams)
        }
    }

    /// Where unweighting finds its maximum weight. The single-photon backgrounds search it
    /// inside the filter (`MaximumWeightSearch`): their filters keep a corner whose weights are
    /// far below the unfiltered maximum (eegamma: docs/physics/generators.md). The older
    /// processes keep the unfiltered warm-up, so their samples stay the same for a given seed.
    public var maximumWeightPolicy: MaximumWeightPolicy {
        switch self {
        case .gammagammagamma, .eegamma, .nunugamma: return .insideFilterDefault
        case .gammapi0, .gammaeta, .gammaetaprime: return .insideFilterDefault
        case .mumu, .tautau, .ee, .gammagamma, .eemumu, .eeee: return .unfilteredWarmUp
        // Unweighted by construction (exact cross section): no maximum is searched.
        case .uds, .ccbar, .bbbar: return .unfilteredWarmUp
        }
    }

    /// Builds the generator of this process with the given filter and weighting.
    public func makeGenerator(filter: GeneratorFilter? = nil, mode: GenerationMode = .unweighted,
                              beams: BelleIIBeams = .y4S) -> any EventGenerator {
        func wrap<S: ProcessSampler>(_ sampler: S) -> any EventGenerator {
            SampledGenerator(sampler: sampler, filter: filter, mode: mode, maximumWeightPolicy: maximumWeightPolicy)
        }
        return wrap(makeSampler(beams: beams))
    }

    /// The unweighting maximum this process's generator would use with `filter` (its search,
    /// nil under `.unfilteredWarmUp`), and how it holds up on `checkTrials` further proposals from `rng` (`bench generate --weights`).
    public func unweightingReport(filter: GeneratorFilter?, checkTrials: Int,
                                  using rng: RandomStream) -> (search: MaximumWeightSearch?, check: MaximumWeightCheck)? {
        func report<S: ProcessSampler>(_ sampler: S) -> (search: MaximumWeightSearch?, check: MaximumWeightCheck)? {
            guard sampler.exactCrossSectionFb == nil else { return nil }
            let generator = SampledGenerator(sampler: sampler, filter: filter, mode: .unweighted,
                                             maximumWeightPolicy: maximumWeightPolicy)
            let check = MaximumWeightCheck.check(sampler, filter: filter, maximumWeightFb: generator.maximumWeightFb,
                                                 trials: checkTrials, using: rng)
            return (generator.maximumWeightSearch, check)
        }
        return report(makeSampler())
    }
}

/// Convenience spelling used by the command line: `makeGenerator(.mumu, filter: f)`.
public func makeGenerator(_ process: StandardModelProcess, filter: GeneratorFilter? = nil,
                          mode: GenerationMode = .unweighted, beams: BelleIIBeams = .y4S) -> any EventGenerator {
    process.makeGenerator(filter: filter, mode: mode, beams: beams)
}
