import Foundation

/// ECL response: photon efficiency, energy/angle/time resolution, and what charged
/// particles deposit (needed for E/p electron ID, track-cluster matching and extra energy).
///
/// sigma_E/E = noise/E (+) stochastic/E^(1/4) (+) constant: the E^(1/4) term (rather than
/// the textbook 1/sqrt(E)) is the Belle CsI(Tl) parametrisation. Angles: c (+) s/sqrt(E).
/// Time: c (+) n/E. Photons in the barrel-endcap gaps are reconstructed with a lower
/// efficiency and a lower energy scale (shower leakage).
public struct CalorimeterResponse: Sendable {
    public let noise2: Double
    public let stochastic2: Double
    public let constant2: Double
    public let angleC2: Double
    public let angleS2: Double
    public let timeC2: Double
    public let timeN2: Double
    public let threshold: Double
    public let effBarrel: Double
    public let effForward: Double
    public let effBackward: Double
    public let effGap: Double
    public let turnOnEnergy: Double
    public let turnOnWidth: Double
    public let gapEnergyScale: Double
    public let chargedMinPtBarrel: Double
    public let trackMatchEfficiency: Double
    public let muonDeposit: Double
    public let muonDepositSigma: Double
    public let pionShowerProbability: Double
    public let pionShowerFractionLow: Double
    public let pionShowerFractionWidth: Double
    public let electronEoPMean: Double
    public let electronEoPExtraSigma2: Double
    public let electronTailFraction: Double

    public init(_ c: DetectorConditions.Calorimeter) {
        noise2 = pow(c.energyNoisePercent / 100, 2)
        stochastic2 = pow(c.energyStochasticPercent / 100, 2)
        constant2 = pow(c.energyConstantPercent / 100, 2)
        angleC2 = pow(c.angleConstantMrad * 1e-3, 2)
        angleS2 = pow(c.angleStochasticMradSqrtGeV * 1e-3, 2)
        timeC2 = c.timeConstantNs * c.timeConstantNs
        timeN2 = c.timeNoiseNsGeV * c.timeNoiseNsGeV
        threshold = c.clusterThresholdGeV
        effBarrel = c.photonEfficiencyBarrel
        effForward = c.photonEfficiencyForwardEndcap
        effBackward = c.photonEfficiencyBackwardEndcap
        effGap = c.photonEfficiencyGap
        turnOnEnergy = c.photonTurnOnEnergyGeV
        turnOnWidth = c.photonTurnOnWidthGeV
        gapEnergyScale = c.gapEnergyScale
        chargedMinPtBarrel = c.chargedMinPtBarrelGeV
        trackMatchEfficiency = c.trackMatchEfficiency
        muonDeposit = c.muonDepositGeV
        muonDepositSigma = c.muonDepositSigmaGeV
        pionShowerProbability = c.pionShowerProbability
        pionShowerFractionLow = c.pionShowerFraction.lowerBound
        pionShowerFractionWidth = c.pionShowerFraction.upperBound - c.pionShowerFraction.lowerBound
        electronEoPMean = c.electronEoPMean
        electronEoPExtraSigma2 = c.electronEoPExtraSigma * c.electronEoPExtraSigma
        electronTailFraction = c.electronTailFraction
    }

    /// sigma_E/E at energy `e` (GeV).
    @inlinable
    public func relativeEnergySigma(_ e: Double) -> Double {
        (noise2 / (e * e) + stochastic2 / e.squareRoot() + constant2).squareRoot()
    }

    /// sigma(theta) = sigma(phi) in rad.
    @inlinable
    public func angleSigma(_ e: Double) -> Double { (angleC2 + angleS2 / e).squareRoot() }

    /// Cluster time resolution in ns.
    @inlinable
    public func timeSigma(_ e: Double) -> Double { (timeC2 + timeN2 / (e * e)).squareRoot() }

    /// Probability that a photon of true energy `e` in `region` gives a cluster.
    @inlinable
    public func photonEfficiency(_ e: Double, region: ECLRegion) -> Double {
        let plateau: Double
        switch region {
        case .barrel: plateau = effBarrel
        case .forwardEndcap: plateau = effForward
        case .backwardEndcap: plateau = effBackward
        case .forwardGap, .backwardGap: plateau = effGap
        case .outside: return 0
        }
        let x = (e - turnOnEnergy) / turnOnWidth
        return x > 40 ? plateau : plateau / (1 + exp(-x))
    }

    /// Measured energy of a photon shower of true energy `e` (before the threshold cut).
    @inlinable
    public func measuredPhotonEnergy<R: DetectorRandom>(_ e: Double, region: ECLRegion, random: R) -> Double {
        let mean = region.isGap ? e * gapEnergyScale : e
        return mean * (1 + relativeEnergySigma(mean) * random.gaussian())
    }

    /// Energy a charged particle of species `absPDG` and momentum `p` (energy `e`) leaves in the ECL.
    @inlinable
    public func chargedDeposit<R: DetectorRandom>(absPDG: Int32, p: Double, e: Double, random: R) -> Double {
        switch absPDG {
        case 11:
            if random.uniform() < electronTailFraction {
                // Bremsstrahlung lost before the ECL: E/p uniform in [0.5, mean].
                return p * (0.5 + (electronEoPMean - 0.5) * random.uniform())
            }
            let s = (relativeEnergySigma(e) * relativeEnergySigma(e) + electronEoPExtraSigma2).squareRoot()
            return p * electronEoPMean * (1 + s * random.gaussian())
        case 13:
            return min(e, max(0, muonDeposit + muonDepositSigma * random.gaussian()))
        default:
            if random.uniform() < pionShowerProbability {
                return e * (pionShowerFractionLow + pionShowerFractionWidth * random.uniform())
            }
            return min(e, max(0, muonDeposit + muonDepositSigma * random.gaussian()))
        }
    }
}
