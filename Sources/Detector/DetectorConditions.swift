import Foundation

/// Which conditions set a file describes.
///
/// `mc` is what the analysis believes about the detector; `data` is how the pseudo-data are
/// made and must only ever be read by sample generation. Keeping the two apart in the API
/// (`DetectorConditions.load(.data, from:)` is the one and only way to read data
/// conditions) lets a reviewer audit with a single grep that no analysis code reads them.
public enum ConditionsPurpose: String, Sendable, CaseIterable {
    case mc
    case data
}

/// Every number of the parametrised detector, as read from a conditions file.
///
/// Figures are stored in the units of the file (degrees, GeV, cm, mrad, um, ns); the
/// response structs (`TrackingResponse`, `CalorimeterResponse`, ...) convert them once into
/// what the per-event code needs (cosines, radians, squared terms).
public struct DetectorConditions: Sendable, Equatable {
    public struct Acceptance: Sendable, Equatable {
        public var cdcThetaDeg: ClosedRange<Double>
        public var eclForwardEndcapThetaDeg: ClosedRange<Double>
        public var eclBarrelThetaDeg: ClosedRange<Double>
        public var eclBackwardEndcapThetaDeg: ClosedRange<Double>
        public var klmBarrelThetaDeg: ClosedRange<Double>
        public var klmForwardEndcapThetaDeg: ClosedRange<Double>
        public var klmBackwardEndcapThetaDeg: ClosedRange<Double>
    }

    public struct Tracking: Sendable, Equatable {
        public var efficiencyPlateau: Double
        public var turnOnPtGeV: Double
        public var turnOnWidthGeV: Double
        /// sigma(pT)/pT = a pT (+) b / beta.
        public var momentumResolutionA: Double
        public var momentumResolutionB: Double
        /// sigma(theta) = sigma(phi) = c (+) d / (p beta), mrad.
        public var angleConstantMrad: Double
        public var angleMultipleScatteringMradGeV: Double
        /// sigma(d0) = a (+) b / (p beta sin^(3/2) theta), um.
        public var d0ConstantUm: Double
        public var d0MultipleScatteringUmGeV: Double
        /// sigma(z0) = a (+) b / (p beta sin^(5/2) theta), um.
        public var z0ConstantUm: Double
        public var z0MultipleScatteringUmGeV: Double
    }

    public struct Calorimeter: Sendable, Equatable {
        /// sigma_E/E = noise/E (+) stochastic/E^(1/4) (+) constant, all in percent.
        public var energyNoisePercent: Double
        public var energyStochasticPercent: Double
        public var energyConstantPercent: Double
        /// sigma(theta) = sigma(phi) = c (+) s/sqrt(E), mrad.
        public var angleConstantMrad: Double
        public var angleStochasticMradSqrtGeV: Double
        /// sigma(t) = c (+) n/E, ns.
        public var timeConstantNs: Double
        public var timeNoiseNsGeV: Double
        public var clusterThresholdGeV: Double
        /// Crystal depth in radiation lengths: a photon entering the crystals converts
        /// with probability 1 - exp(-(7/9) X/X0) (the pair-production mean free path is
        /// 9/7 X0); the rest punches through.
        public var crystalDepthRadiationLengths: Double
        /// Probability that a photon entering a barrel-endcap gap showers in the crystals
        /// beside it (the rest crosses the gap into the material behind it).
        public var photonEfficiencyGap: Double
        public var photonTurnOnEnergyGeV: Double
        public var photonTurnOnWidthGeV: Double
        public var gapEnergyScale: Double
        /// Lateral leakage at the outer edges of the endcaps: the shower's transverse
        /// profile (Moliere radius of CsI) seen at the crystal front, whose distance from
        /// the interaction point is set by the endcaps' z positions.
        public var moliereRadiusCm: Double
        public var forwardEndcapZCm: Double
        public var backwardEndcapZCm: Double

        /// Plateau efficiency (probability of a shower in the crystals) of a region:
        /// 1 - exp(-(7/9) X/X0) inside the crystals, the gap figure in the gaps, 0 outside.
        public func photonPlateauEfficiency(_ region: ECLRegion) -> Double {
            switch region {
            case .barrel, .forwardEndcap, .backwardEndcap: return 1 - exp(-7.0 / 9.0 * crystalDepthRadiationLengths)
            case .forwardGap, .backwardGap: return photonEfficiencyGap
            case .outside: return 0
            }
        }
        public var chargedMinPtBarrelGeV: Double
        public var trackMatchEfficiency: Double
        public var muonDepositGeV: Double
        public var muonDepositSigmaGeV: Double
        public var pionShowerProbability: Double
        public var pionShowerFraction: ClosedRange<Double>
        public var electronEoPMean: Double
        public var electronEoPExtraSigma: Double
        public var electronTailFraction: Double
    }

    public struct ParticleID: Sendable, Equatable {
        public var workingPoint: Double
        public var muonMinMomentumGeV: Double
        public var muonEfficiency: Double
        public var muonPionFakeRate: Double
        public var muonElectronFakeRate: Double
        public var muonLowMomentumEfficiency: Double
        public var muonLowMomentumPionFakeRate: Double
        public var electronMinMomentumGeV: Double
        public var electronEoPWindow: ClosedRange<Double>
        public var electronHadronShapePassProbability: Double
    }

    public struct BeamBackground: Sendable, Equatable {
        public var meanClusters: Double
        public var minEnergyGeV: Double
        public var energySlopeGeV: Double
        public var fractionForwardEndcap: Double
        public var fractionBarrel: Double
        public var fractionBackwardEndcap: Double
        public var inTimeFraction: Double
        public var timeWindowNs: Double
    }

    public struct ExtraEnergy: Sendable, Equatable {
        public var minClusterEnergyForwardGeV: Double
        public var minClusterEnergyBarrelGeV: Double
        public var minClusterEnergyBackwardGeV: Double
    }

    public struct Pi0: Sendable, Equatable {
        public var massWindowGeV: ClosedRange<Double>
        public var minPhotonEnergyGeV: Double
    }

    public struct Triggers: Sendable, Equatable {
        public var twoTrackMinPtGeV: Double
        public var twoTrackThetaDeg: ClosedRange<Double>
        public var twoTrackMinOpeningAngleDeg: Double
        public var twoTrackOpeningAngleWidthDeg: Double
        public var twoTrackEfficiency: Double
        public var twoTrackForwardBarrelThetaDeg: ClosedRange<Double>
        public var twoTrackForwardBarrelFactor: Double
        public var singleMuonMinMomentumGeV: Double
        public var singleMuonThetaDeg: ClosedRange<Double>
        public var singleMuonEfficiency: Double
        public var singlePhotonMinEnergyCMSGeV: Double
        public var singlePhotonEfficiency: Double
        public var eclEnergyMinEnergyGeV: Double
        public var eclEnergyEfficiency: Double
        public var threeTrackMinPtGeV: Double
        public var threeTrackEfficiency: Double
        public var bhabhaMinEnergyCMSGeV: Double
        public var bhabhaDeltaPhiCMSDeg: ClosedRange<Double>
        public var bhabhaThetaSumCMSDeg: ClosedRange<Double>
    }

    /// The KLM as a veto for photons the ECL did not stop (through a gap, or punching
    /// through the crystals): they meet the first KLM iron plate and shower there.
    public struct KLMPhotonVeto: Sendable, Equatable {
        /// Radiation lengths a photon crosses before the KLM detector layer that would
        /// see its shower (the first iron plate).
        public var absorberRadiationLengths: Double
        /// Probability that a shower started in that absorber fires the layer behind it.
        public var showerDetectionEfficiency: Double
        /// Photons below this energy leave no KLM cluster (their shower dies in the iron).
        public var minEnergyGeV: Double

        /// Probability that a photon reaching the KLM gives a KLM cluster:
        /// [1 - exp(-(7/9) X/X0)] x detection efficiency.
        public var hitProbability: Double {
            (1 - exp(-7.0 / 9.0 * absorberRadiationLengths)) * showerDetectionEfficiency
        }
    }

    public struct Vertexing: Sendable, Equatable {
        public var pxdOuterRadiusCm: Double
        public var svdOuterRadiusCm: Double
        public var resolutionScaleBeyondPXD: Double
        public var resolutionScaleBeyondSVD: Double
        public var fullEfficiencyRadiusCm: Double
        public var zeroEfficiencyRadiusCm: Double
    }

    public var purpose: ConditionsPurpose
    public var description: String
    /// The file the conditions came from (as given to the loader).
    public var file: String
    public var acceptance: Acceptance
    public var tracking: Tracking
    public var calorimeter: Calorimeter
    public var particleID: ParticleID
    public var beamBackground: BeamBackground
    public var extraEnergy: ExtraEnergy
    public var pi0: Pi0
    public var triggers: Triggers
    public var klmPhotonVeto: KLMPhotonVeto
    public var vertexing: Vertexing
    /// `source:` of every figure, by dotted key path.
    public var sources: [String: String]

    // MARK: Loading

    /// Reads and validates a conditions file.
    ///
    /// Analysis code calls this with `.mc` only. `.data` is for pseudo-data generation:
    /// keep every `load(.data, ...)` call in the generation stage so it can be audited.
    /// The file's `purpose:` must match `purpose`, so data.yaml cannot be read as MC by
    /// accident (nor the other way round).
    public static func load(_ purpose: ConditionsPurpose, from url: URL) throws -> DetectorConditions {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DetectorConditionsError(file: url.path, keyPath: "",
                                          kind: .unreadable(error.localizedDescription))
        }
        return try parse(yaml: text, file: url.path, expecting: purpose)
    }

    /// Parses conditions from YAML text; `file` is only used in error messages.
    public static func parse(yaml: String, file: String,
                             expecting purpose: ConditionsPurpose) throws -> DetectorConditions {
        let r = try ConditionReader(yaml: yaml, file: file)
        let c = try DetectorConditions(reader: r)
        guard c.purpose == purpose else {
            throw DetectorConditionsError(file: file, keyPath: "purpose",
                                          kind: .wrongPurpose(expected: purpose.rawValue,
                                                              got: c.purpose.rawValue))
        }
        return c
    }

    private init(reader r: ConditionReader) throws {
        let purposeText = try r.text("purpose")
        guard let p = ConditionsPurpose(rawValue: purposeText) else {
            throw DetectorConditionsError(file: r.file, keyPath: "purpose",
                                          kind: .outOfRange(constraint: "must be 'mc' or 'data'",
                                                            got: purposeText))
        }
        purpose = p
        description = try r.text("description")
        file = r.file
        let angles = 0.0...180.0
        acceptance = Acceptance(
            cdcThetaDeg: try r.interval("acceptance.cdc_theta_deg", within: angles),
            eclForwardEndcapThetaDeg: try r.interval("acceptance.ecl_forward_endcap_theta_deg", within: angles),
            eclBarrelThetaDeg: try r.interval("acceptance.ecl_barrel_theta_deg", within: angles),
            eclBackwardEndcapThetaDeg: try r.interval("acceptance.ecl_backward_endcap_theta_deg", within: angles),
            klmBarrelThetaDeg: try r.interval("acceptance.klm_barrel_theta_deg", within: angles),
            klmForwardEndcapThetaDeg: try r.interval("acceptance.klm_forward_endcap_theta_deg", within: angles),
            klmBackwardEndcapThetaDeg: try r.interval("acceptance.klm_backward_endcap_theta_deg", within: angles))
        // The ECL regions must be ordered forward -> barrel -> backward (gaps between them).
        if acceptance.eclForwardEndcapThetaDeg.upperBound > acceptance.eclBarrelThetaDeg.lowerBound {
            throw DetectorConditionsError(file: r.file, keyPath: "acceptance.ecl_barrel_theta_deg",
                                          kind: .outOfRange(constraint: "must start after the forward endcap ends",
                                                            got: "\(acceptance.eclBarrelThetaDeg)"))
        }
        if acceptance.eclBarrelThetaDeg.upperBound > acceptance.eclBackwardEndcapThetaDeg.lowerBound {
            throw DetectorConditionsError(file: r.file, keyPath: "acceptance.ecl_backward_endcap_theta_deg",
                                          kind: .outOfRange(constraint: "must start after the barrel ends",
                                                            got: "\(acceptance.eclBackwardEndcapThetaDeg)"))
        }

        tracking = Tracking(
            efficiencyPlateau: try r.probability("tracking.efficiency.plateau"),
            turnOnPtGeV: try r.nonNegative("tracking.efficiency.turn_on_pt_gev"),
            turnOnWidthGeV: try r.positive("tracking.efficiency.turn_on_width_gev"),
            momentumResolutionA: try r.nonNegative("tracking.momentum_resolution.a"),
            momentumResolutionB: try r.nonNegative("tracking.momentum_resolution.b"),
            angleConstantMrad: try r.nonNegative("tracking.angle_resolution.constant_mrad"),
            angleMultipleScatteringMradGeV: try r.nonNegative("tracking.angle_resolution.multiple_scattering_mrad_gev"),
            d0ConstantUm: try r.nonNegative("tracking.impact_parameter.d0_constant_um"),
            d0MultipleScatteringUmGeV: try r.nonNegative("tracking.impact_parameter.d0_multiple_scattering_um_gev"),
            z0ConstantUm: try r.nonNegative("tracking.impact_parameter.z0_constant_um"),
            z0MultipleScatteringUmGeV: try r.nonNegative("tracking.impact_parameter.z0_multiple_scattering_um_gev"))

        calorimeter = Calorimeter(
            energyNoisePercent: try r.nonNegative("calorimeter.energy_resolution.noise_percent"),
            energyStochasticPercent: try r.nonNegative("calorimeter.energy_resolution.stochastic_percent"),
            energyConstantPercent: try r.nonNegative("calorimeter.energy_resolution.constant_percent"),
            angleConstantMrad: try r.nonNegative("calorimeter.angle_resolution.constant_mrad"),
            angleStochasticMradSqrtGeV: try r.nonNegative("calorimeter.angle_resolution.stochastic_mrad_sqrt_gev"),
            timeConstantNs: try r.nonNegative("calorimeter.time_resolution.constant_ns"),
            timeNoiseNsGeV: try r.nonNegative("calorimeter.time_resolution.noise_ns_gev"),
            clusterThresholdGeV: try r.nonNegative("calorimeter.cluster_threshold_gev"),
            crystalDepthRadiationLengths: try r.positive("calorimeter.photon_efficiency.crystal_depth_radiation_lengths"),
            photonEfficiencyGap: try r.probability("calorimeter.photon_efficiency.gap"),
            photonTurnOnEnergyGeV: try r.nonNegative("calorimeter.photon_efficiency.turn_on_energy_gev"),
            photonTurnOnWidthGeV: try r.positive("calorimeter.photon_efficiency.turn_on_width_gev"),
            gapEnergyScale: try r.number("calorimeter.gap_energy_scale", min: 0, max: 1.5),
            moliereRadiusCm: try r.positive("calorimeter.edge_leakage.moliere_radius_cm"),
            forwardEndcapZCm: try r.positive("calorimeter.edge_leakage.forward_endcap_z_cm"),
            backwardEndcapZCm: try r.positive("calorimeter.edge_leakage.backward_endcap_z_cm"),
            chargedMinPtBarrelGeV: try r.nonNegative("calorimeter.charged_min_pt_barrel_gev"),
            trackMatchEfficiency: try r.probability("calorimeter.track_match_efficiency"),
            muonDepositGeV: try r.nonNegative("calorimeter.muon_deposit_gev"),
            muonDepositSigmaGeV: try r.nonNegative("calorimeter.muon_deposit_sigma_gev"),
            pionShowerProbability: try r.probability("calorimeter.pion_shower_probability"),
            pionShowerFraction: try r.interval("calorimeter.pion_shower_fraction", within: 0...1),
            electronEoPMean: try r.number("calorimeter.electron_eop_mean", min: 0, max: 2),
            electronEoPExtraSigma: try r.nonNegative("calorimeter.electron_eop_extra_sigma"),
            electronTailFraction: try r.probability("calorimeter.electron_tail_fraction"))

        particleID = ParticleID(
            workingPoint: try r.number("particle_id.working_point", min: 0, max: 0.999),
            muonMinMomentumGeV: try r.nonNegative("particle_id.muon.min_momentum_gev"),
            muonEfficiency: try r.probability("particle_id.muon.efficiency"),
            muonPionFakeRate: try r.probability("particle_id.muon.pion_fake_rate"),
            muonElectronFakeRate: try r.probability("particle_id.muon.electron_fake_rate"),
            muonLowMomentumEfficiency: try r.probability("particle_id.muon.low_momentum_efficiency"),
            muonLowMomentumPionFakeRate: try r.probability("particle_id.muon.low_momentum_pion_fake_rate"),
            electronMinMomentumGeV: try r.nonNegative("particle_id.electron.min_momentum_gev"),
            electronEoPWindow: try r.interval("particle_id.electron.eop_window", within: 0...3),
            electronHadronShapePassProbability: try r.probability("particle_id.electron.hadron_shape_pass_probability"))

        beamBackground = BeamBackground(
            meanClusters: try r.number("beam_background.mean_clusters", min: 0, max: 1000),
            minEnergyGeV: try r.nonNegative("beam_background.min_energy_gev"),
            energySlopeGeV: try r.positive("beam_background.energy_slope_gev"),
            fractionForwardEndcap: try r.probability("beam_background.region_fractions.forward_endcap"),
            fractionBarrel: try r.probability("beam_background.region_fractions.barrel"),
            fractionBackwardEndcap: try r.probability("beam_background.region_fractions.backward_endcap"),
            inTimeFraction: try r.probability("beam_background.in_time_fraction"),
            timeWindowNs: try r.nonNegative("beam_background.time_window_ns"))
        let fractionSum = beamBackground.fractionForwardEndcap + beamBackground.fractionBarrel
            + beamBackground.fractionBackwardEndcap
        if abs(fractionSum - 1) > 1e-6 {
            throw DetectorConditionsError(file: r.file, keyPath: "beam_background.region_fractions",
                                          kind: .outOfRange(constraint: "must sum to 1", got: "\(fractionSum)"))
        }

        extraEnergy = ExtraEnergy(
            minClusterEnergyForwardGeV: try r.nonNegative("extra_energy.min_cluster_energy_gev.forward_endcap"),
            minClusterEnergyBarrelGeV: try r.nonNegative("extra_energy.min_cluster_energy_gev.barrel"),
            minClusterEnergyBackwardGeV: try r.nonNegative("extra_energy.min_cluster_energy_gev.backward_endcap"))

        pi0 = Pi0(massWindowGeV: try r.interval("pi0.mass_window_gev", within: 0...1),
                  minPhotonEnergyGeV: try r.nonNegative("pi0.min_photon_energy_gev"))

        triggers = Triggers(
            twoTrackMinPtGeV: try r.nonNegative("triggers.two_track.min_pt_gev"),
            twoTrackThetaDeg: try r.interval("triggers.two_track.theta_deg", within: angles),
            twoTrackMinOpeningAngleDeg: try r.number("triggers.two_track.min_opening_angle_deg", min: 0, max: 180),
            twoTrackOpeningAngleWidthDeg: try r.positive("triggers.two_track.opening_angle_width_deg"),
            twoTrackEfficiency: try r.probability("triggers.two_track.efficiency"),
            twoTrackForwardBarrelThetaDeg: try r.interval("triggers.two_track.forward_barrel_theta_deg", within: angles),
            twoTrackForwardBarrelFactor: try r.probability("triggers.two_track.forward_barrel_factor"),
            singleMuonMinMomentumGeV: try r.nonNegative("triggers.single_muon.min_momentum_gev"),
            singleMuonThetaDeg: try r.interval("triggers.single_muon.theta_deg", within: angles),
            singleMuonEfficiency: try r.probability("triggers.single_muon.efficiency"),
            singlePhotonMinEnergyCMSGeV: try r.nonNegative("triggers.single_photon.min_energy_cms_gev"),
            singlePhotonEfficiency: try r.probability("triggers.single_photon.efficiency"),
            eclEnergyMinEnergyGeV: try r.nonNegative("triggers.ecl_energy.min_energy_gev"),
            eclEnergyEfficiency: try r.probability("triggers.ecl_energy.efficiency"),
            threeTrackMinPtGeV: try r.nonNegative("triggers.three_track.min_pt_gev"),
            threeTrackEfficiency: try r.probability("triggers.three_track.efficiency"),
            bhabhaMinEnergyCMSGeV: try r.nonNegative("triggers.bhabha_veto.min_energy_cms_gev"),
            bhabhaDeltaPhiCMSDeg: try r.interval("triggers.bhabha_veto.delta_phi_cms_deg", within: 0...360),
            bhabhaThetaSumCMSDeg: try r.interval("triggers.bhabha_veto.theta_sum_cms_deg", within: 0...360))

        klmPhotonVeto = KLMPhotonVeto(
            absorberRadiationLengths: try r.positive("klm_photon_veto.absorber_radiation_lengths"),
            showerDetectionEfficiency: try r.probability("klm_photon_veto.shower_detection_efficiency"),
            minEnergyGeV: try r.nonNegative("klm_photon_veto.min_energy_gev"))

        vertexing = Vertexing(
            pxdOuterRadiusCm: try r.nonNegative("vertexing.pxd_outer_radius_cm"),
            svdOuterRadiusCm: try r.nonNegative("vertexing.svd_outer_radius_cm"),
            resolutionScaleBeyondPXD: try r.number("vertexing.resolution_scale_beyond_pxd", min: 1),
            resolutionScaleBeyondSVD: try r.number("vertexing.resolution_scale_beyond_svd", min: 1),
            fullEfficiencyRadiusCm: try r.nonNegative("vertexing.full_efficiency_radius_cm"),
            zeroEfficiencyRadiusCm: try r.nonNegative("vertexing.zero_efficiency_radius_cm"))
        if vertexing.zeroEfficiencyRadiusCm <= vertexing.fullEfficiencyRadiusCm {
            throw DetectorConditionsError(file: r.file, keyPath: "vertexing.zero_efficiency_radius_cm",
                                          kind: .outOfRange(constraint: "must exceed vertexing.full_efficiency_radius_cm",
                                                            got: "\(vertexing.zeroEfficiencyRadiusCm)"))
        }

        try r.finish()
        sources = r.sources
    }
}
