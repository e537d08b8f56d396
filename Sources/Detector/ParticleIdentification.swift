import Foundation

/// Muon and electron identification scores.
///
/// The scores are pseudo-likelihoods calibrated at one working point only: a track is
/// identified when its score exceeds `workingPoint` (0.9 in the shipped conditions), and
/// the probability of that is exactly the configured efficiency or fake rate. Below the
/// working point the score is uniform, so looser cuts are not meaningful: an analysis
/// should cut at the working point.
///
///  - Muon ID (KLM penetration): for p above `muonMinMomentum` and inside the KLM, muons pass
///    with `muonEfficiency`, pions/kaons/protons with `muonPionFakeRate`, electrons with
///    `muonElectronFakeRate` (arXiv:2503.11351: 90% at 4.1% pion fake rate). Lower momenta
///    or outside the KLM use the low-momentum figures.
///  - Electron ID from E/p: the matched cluster energy over the track momentum must fall in
///    `eopWindow`; hadrons inside the window additionally pass an effective shower-shape and
///    dE/dx test with `hadronShapePass`. Electron efficiency and pion fake rate therefore
///    follow from the calorimeter's E/p model rather than being put in by hand.
public struct ParticleIdentification: Sendable {
    public let workingPoint: Double
    public let muonMinMomentum: Double
    public let muonEfficiency: Double
    public let muonPionFakeRate: Double
    public let muonElectronFakeRate: Double
    public let muonLowEfficiency: Double
    public let muonLowPionFakeRate: Double
    public let electronMinMomentum: Double
    public let eopLow: Double
    public let eopHigh: Double
    public let hadronShapePass: Double

    public init(_ c: DetectorConditions.ParticleID) {
        workingPoint = c.workingPoint
        muonMinMomentum = c.muonMinMomentumGeV
        muonEfficiency = c.muonEfficiency
        muonPionFakeRate = c.muonPionFakeRate
        muonElectronFakeRate = c.muonElectronFakeRate
        muonLowEfficiency = c.muonLowMomentumEfficiency
        muonLowPionFakeRate = c.muonLowMomentumPionFakeRate
        electronMinMomentum = c.electronMinMomentumGeV
        eopLow = c.electronEoPWindow.lowerBound
        eopHigh = c.electronEoPWindow.upperBound
        hadronShapePass = c.electronHadronShapePassProbability
    }

    /// A score above the working point with probability `pass`, below it otherwise.
    @inlinable
    func score<R: DetectorRandom>(pass: Double, random: R) -> Float {
        let u = random.uniform()
        if u < pass {
            // Reuse the same uniform: (u / pass) is uniform in [0, 1) given a pass.
            return Float(workingPoint + (1 - workingPoint) * (1 - u / pass))
        }
        return Float(workingPoint * (u - pass) / (1 - pass))
    }

    /// Probability that a track of species `absPDG` passes the muon ID.
    @inlinable
    public func muonPassProbability(absPDG: Int32, p: Double, inKLM: Bool) -> Double {
        let high = p >= muonMinMomentum && inKLM
        switch absPDG {
        case 13: return high ? muonEfficiency : muonLowEfficiency
        case 11: return muonElectronFakeRate
        default: return high ? muonPionFakeRate : muonLowPionFakeRate
        }
    }

    @inlinable
    public func muonScore<R: DetectorRandom>(absPDG: Int32, p: Double, inKLM: Bool, random: R) -> Float {
        score(pass: muonPassProbability(absPDG: absPDG, p: p, inKLM: inKLM), random: random)
    }

    /// Electron score from E/p (`clusterEnergy` 0 when no matched cluster).
    @inlinable
    public func electronScore<R: DetectorRandom>(absPDG: Int32, p: Double, clusterEnergy: Double,
                                                 random: R) -> Float {
        guard p >= electronMinMomentum, clusterEnergy > 0 else { return score(pass: 0, random: random) }
        let eop = clusterEnergy / p
        var pass: Double = (eop >= eopLow && eop <= eopHigh) ? 1 : 0
        if absPDG != 11 { pass *= hadronShapePass }
        return score(pass: pass, random: random)
    }
}
