import Detector
import Foundation

/// The data/MC ratios the pseudo-data were made with, from `Conditions/data.yaml` and
/// `Conditions/mc.yaml` (read here, in a test, never by analysis code): what a correction
/// measured in control samples must find. Each says for which bins the conditions fix the
/// ratio exactly; elsewhere it is nil and the bin is not compared (README.md).
struct ConditionsTruth {
    let mc: DetectorConditions
    let data: DetectorConditions

    static func load() throws -> ConditionsTruth {
        ConditionsTruth(mc: try PseudoSamples.conditions(.mc), data: try PseudoSamples.conditions(.data))
    }

    /// Two-track trigger efficiency ratio for events whose most forward track (pT above the
    /// trigger's threshold) has theta_min in [low, high). The detector multiplies the line's
    /// efficiency by `forward_barrel_factor` when any such track is in the forward barrel,
    /// so: a bin inside the forward barrel (and the trigger's theta range) has a track there
    /// in every event (ratio = the factors' ratio); a bin above it has none (ratio 1). A bin
    /// straddling its lower edge mixes both, depending on the other track: nil.
    func triggerRatio(thetaMinLow low: Double, high: Double) -> Double? {
        let fb = data.triggers.twoTrackForwardBarrelThetaDeg
        precondition(fb == mc.triggers.twoTrackForwardBarrelThetaDeg, "the region itself must not differ")
        let seen = data.triggers.twoTrackThetaDeg
        if low >= max(fb.lowerBound, seen.lowerBound) && high <= min(fb.upperBound, seen.upperBound) {
            return data.triggers.twoTrackForwardBarrelFactor / mc.triggers.twoTrackForwardBarrelFactor
        }
        if low >= fb.upperBound { return 1 }
        return nil
    }

    /// Muon-ID efficiency ratio for muon probes (above the KLM's minimum momentum) with polar
    /// angle in [low, high): the configured efficiencies' ratio inside the KLM, nil for a bin
    /// reaching outside it (where the low-momentum figure applies instead).
    func muonIDRatio(probeThetaLow low: Double, high: Double) -> Double? {
        let a = mc.acceptance
        let klm = min(a.klmForwardEndcapThetaDeg.lowerBound, a.klmBarrelThetaDeg.lowerBound)...max(a.klmBackwardEndcapThetaDeg.upperBound, a.klmBarrelThetaDeg.upperBound)
        guard low >= klm.lowerBound, high <= klm.upperBound else { return nil }
        return data.particleID.muonEfficiency / mc.particleID.muonEfficiency
    }

    /// sigma(pT)/pT in data over that in simulation at transverse momentum `pt` (GeV), for a
    /// muon (beta = p/E with p = pT, the barrel's lower bound; beta > 0.9997 above 3 GeV, so
    /// the choice does not show).
    /// Electron identification (E/p window and hadron rejection, with the calorimeter's
    /// energy response and E/p model) is the same in both files: the true ratio is 1. Nil
    /// when a future data.yaml changes any of it, so the test then needs a real truth.
    var electronIDRatio: Double? {
        let (m, d) = (mc, data)
        guard m.particleID.electronEoPWindow == d.particleID.electronEoPWindow,
              m.particleID.electronMinMomentumGeV == d.particleID.electronMinMomentumGeV,
              m.particleID.electronHadronShapePassProbability == d.particleID.electronHadronShapePassProbability,
              (m.calorimeter.electronEoPMean == d.calorimeter.electronEoPMean
                  && m.calorimeter.electronEoPExtraSigma == d.calorimeter.electronEoPExtraSigma
                  && m.calorimeter.electronTailFraction == d.calorimeter.electronTailFraction
                  && m.calorimeter.energyConstantPercent == d.calorimeter.energyConstantPercent
                  && m.calorimeter.energyStochasticPercent == d.calorimeter.energyStochasticPercent
                  && m.calorimeter.energyNoisePercent == d.calorimeter.energyNoisePercent) else { return nil }
        return 1
    }

    /// Track finding on its plateau: data.yaml's plateau over mc.yaml's (0.985/0.99; both
    /// files' turn-on at 60 MeV lies far below the calibration's 0.5 GeV).
    var trackingRatio: Double { data.tracking.efficiencyPlateau / mc.tracking.efficiencyPlateau }

    func momentumResolutionRatio(pt: Double) -> Double {
        let m = 0.1056584
        let beta = pt / (pt * pt + m * m).squareRoot()
        func sigma(_ t: DetectorConditions.Tracking) -> Double {
            ((t.momentumResolutionA * pt) * (t.momentumResolutionA * pt)
                + (t.momentumResolutionB / beta) * (t.momentumResolutionB / beta)).squareRoot()
        }
        return sigma(data.tracking) / sigma(mc.tracking)
    }

    /// Smallest and largest `momentumResolutionRatio` over `pt` (scanned in 10 MeV steps).
    func momentumResolutionRatioRange(pt: ClosedRange<Double>) -> ClosedRange<Double> {
        let values = stride(from: pt.lowerBound, through: pt.upperBound, by: 0.01).map { momentumResolutionRatio(pt: $0) }
        return values.min()!...values.max()!
    }

    /// Mean number of beam-background clusters per event, data over simulation. Every
    /// background cluster is stored unmatched, with the same energy, region and timing model
    /// in both files, so any fixed subset of them (out of time, above a threshold) scales
    /// by this ratio.
    var beamBackgroundRatio: Double {
        precondition(data.beamBackground.inTimeFraction == mc.beamBackground.inTimeFraction
                     && data.beamBackground.timeWindowNs == mc.beamBackground.timeWindowNs,
                     "only the level may differ for the ratio to hold for out-of-time clusters")
        return data.beamBackground.meanClusters / mc.beamBackground.meanClusters
    }

    /// Photon detection efficiency of an ECL region in data and simulation: the plateau
    /// figures of `calorimeter.photon_efficiency` (the turn-on, at 30 MeV, is far below the
    /// calibration's 1 GeV photons): 1 - exp(-(7/9) X/X0) in the crystals, the gap figure in
    /// both gaps.
    func photonEfficiency(_ region: ECLRegion) -> (data: Double, mc: Double) {
        func eff(_ c: DetectorConditions.Calorimeter) -> Double { c.photonPlateauEfficiency(region) }
        precondition(data.calorimeter.photonTurnOnEnergyGeV < 0.2 && mc.calorimeter.photonTurnOnEnergyGeV < 0.2,
                     "the 1 GeV photons must be on the plateau")
        return (eff(data.calorimeter), eff(mc.calorimeter))
    }

    /// Pion-to-muon fake rate above the KLM threshold, data and simulation.
    var pionFakeRate: (data: Double, mc: Double) {
        precondition(data.particleID.muonMinMomentumGeV == mc.particleID.muonMinMomentumGeV)
        return (data.particleID.muonPionFakeRate, mc.particleID.muonPionFakeRate)
    }
}
