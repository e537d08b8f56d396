import Foundation

/// ECL response: photon efficiency, energy/angle/time resolution, and what charged
/// particles deposit (needed for E/p electron ID, track-cluster matching and extra energy).
///
/// sigma_E/E = noise/E (+) stochastic/E^(1/4) (+) constant: the E^(1/4) term (rather than
/// the textbook 1/sqrt(E)) is the Belle CsI(Tl) parametrisation. Angles: c (+) s/sqrt(E).
/// Time: c (+) n/E.
///
/// Photon efficiency (issue #17): a photon entering the crystals (16 X0) always showers
/// except for the punch-through probability exp(-(7/9) X/X0) = 3.6e-6; a photon entering a
/// barrel-endcap gap showers in the crystals beside it with the gap figure, at a lower
/// energy scale; both times a logistic turn-on at low energy. Earlier versions lost a flat
/// 2-4% of photons of every energy inside the crystals (0.98/0.97/0.96), which made
/// e+e- -> gamma gamma with a vanished multi-GeV photon the mono-photon search's main
/// background. Near the outer edges of the endcaps (nothing beyond them) the shower leaks
/// sideways: a photon at angular distance d from the edge keeps 1 - exp(-d/lambda)/2 of
/// its energy, lambda = (R_M/ln 10)/D with D the distance of the crystal front from the
/// interaction point.
public struct CalorimeterResponse: Sendable {
    public let noise2: Double
    public let stochastic2: Double
    public let constant2: Double
    public let angleC2: Double
    public let angleS2: Double
    public let timeC2: Double
    public let timeN2: Double
    public let threshold: Double
    /// Plateau efficiency inside the crystals: 1 - exp(-(7/9) X/X0).
    public let effCrystal: Double
    public let effGap: Double
    /// Outer edges of the endcaps (rad) and the angular leakage lengths there (rad); no
    /// leakage when the response is built without an acceptance.
    public let forwardOuterEdge: Double
    public let backwardOuterEdge: Double
    public let forwardLeakageLength: Double
    public let backwardLeakageLength: Double
    /// cos(theta) beyond which the edge leakage is computed (10 leakage lengths in).
    public let forwardLeakageCos: Double
    public let backwardLeakageCos: Double
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

    public init(_ c: DetectorConditions.Calorimeter, acceptance a: DetectorConditions.Acceptance? = nil) {
        noise2 = pow(c.energyNoisePercent / 100, 2)
        stochastic2 = pow(c.energyStochasticPercent / 100, 2)
        constant2 = pow(c.energyConstantPercent / 100, 2)
        angleC2 = pow(c.angleConstantMrad * 1e-3, 2)
        angleS2 = pow(c.angleStochasticMradSqrtGeV * 1e-3, 2)
        timeC2 = c.timeConstantNs * c.timeConstantNs
        timeN2 = c.timeNoiseNsGeV * c.timeNoiseNsGeV
        threshold = c.clusterThresholdGeV
        effCrystal = c.photonPlateauEfficiency(.barrel)
        effGap = c.photonEfficiencyGap
        let deg = Double.pi / 180
        let lateral = c.moliereRadiusCm / log(10.0)
        if let a {
            forwardOuterEdge = a.eclForwardEndcapThetaDeg.lowerBound * deg
            backwardOuterEdge = a.eclBackwardEndcapThetaDeg.upperBound * deg
            forwardLeakageLength = lateral * cos(forwardOuterEdge) / c.forwardEndcapZCm
            backwardLeakageLength = lateral * abs(cos(backwardOuterEdge)) / c.backwardEndcapZCm
        } else {
            forwardOuterEdge = 0
            backwardOuterEdge = Double.pi
            forwardLeakageLength = 0
            backwardLeakageLength = 0
        }
        forwardLeakageCos = cos(forwardOuterEdge + 10 * forwardLeakageLength)
        backwardLeakageCos = cos(backwardOuterEdge - 10 * backwardLeakageLength)
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

    /// Probability that a photon in `region` showers in the crystals (any energy).
    @inlinable
    public func photonPlateau(_ region: ECLRegion) -> Double {
        switch region {
        case .barrel, .forwardEndcap, .backwardEndcap: return effCrystal
        case .forwardGap, .backwardGap: return effGap
        case .outside: return 0
        }
    }

    /// Low-energy turn-on of the cluster reconstruction (logistic in the true energy).
    @inlinable
    public func photonTurnOn(_ e: Double) -> Double {
        let x = (e - turnOnEnergy) / turnOnWidth
        return x > 40 ? 1 : 1 / (1 + exp(-x))
    }

    /// Probability that a photon of true energy `e` in `region` gives a cluster.
    @inlinable
    public func photonEfficiency(_ e: Double, region: ECLRegion) -> Double {
        photonPlateau(region) * photonTurnOn(e)
    }

    /// Fraction of a photon's energy contained in the crystals at polar-angle cosine `c`
    /// in `region`: the gap scale in the gaps, the lateral leakage near the outer edges
    /// of the endcaps, 1 elsewhere.
    @inlinable
    public func photonContainment(cosTheta c: Double, region: ECLRegion) -> Double {
        switch region {
        case .forwardGap, .backwardGap: return gapEnergyScale
        case .forwardEndcap where c > forwardLeakageCos && forwardLeakageLength > 0:
            return 1 - 0.5 * exp(-(acos(c) - forwardOuterEdge) / forwardLeakageLength)
        case .backwardEndcap where c < backwardLeakageCos && backwardLeakageLength > 0:
            return 1 - 0.5 * exp(-(backwardOuterEdge - acos(c)) / backwardLeakageLength)
        default: return 1
        }
    }

    /// Measured energy of a photon shower of true energy `e` at polar-angle cosine
    /// `cosTheta` (before the threshold cut).
    @inlinable
    public func measuredPhotonEnergy<R: DetectorRandom>(_ e: Double, region: ECLRegion, cosTheta: Double,
                                                        random: R) -> Double {
        let mean = e * photonContainment(cosTheta: cosTheta, region: region)
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
