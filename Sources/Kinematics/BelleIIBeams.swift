import Foundation

/// SuperKEKB beam configuration and the lab <-> centre-of-mass transformation.
///
/// The lab frame is Belle II's: z along the solenoid axis (roughly the e- beam), y up,
/// x outward, the beams crossing in the x-z plane. The CMS frame used by the analyses is
/// the e+e- rest frame reached by a pure boost, then rotated about y so that the e- beam
/// points along +z*, which makes CMS polar angles measured from the e- direction as in the
/// published Belle II analyses.
///
/// Defaults (Y(4S) running): HER e- 7.004 GeV at +41.5 mrad, LER e+ 4.002 GeV at
/// pi - 41.5 mrad to z, energy spreads 5.13 and 2.375 MeV: the basf2 "Y4S" beam-parameter
/// preset; crossing angle 83 mrad also in the SuperKEKB paper arXiv:2306.02692.
public struct BelleIIBeams: Sendable, Hashable {
    public let herEnergy: Double
    public let lerEnergy: Double
    public let herAngle: Double
    public let lerAngle: Double
    public let herEnergySpread: Double
    public let lerEnergySpread: Double

    public let electron: FourVector
    public let positron: FourVector
    /// Four-momentum of the e+e- system in the lab.
    public let total: FourVector
    /// The boost from the CMS (before the rotation) to the lab.
    public let cmsToLabBoost: LorentzBoost
    /// Rotation angle about y that takes the boosted e- direction onto +z*.
    public let cmsRotationAngle: Double

    public init(herEnergy: Double = 7.004, lerEnergy: Double = 4.002,
                herAngle: Double = 0.0415, lerAngle: Double = Double.pi - 0.0415,
                herEnergySpread: Double = 0.005_13, lerEnergySpread: Double = 0.002_375) {
        self.herEnergy = herEnergy
        self.lerEnergy = lerEnergy
        self.herAngle = herAngle
        self.lerAngle = lerAngle
        self.herEnergySpread = herEnergySpread
        self.lerEnergySpread = lerEnergySpread
        let me = ParticleMass.electron
        let pHer = (herEnergy * herEnergy - me * me).squareRoot()
        let pLer = (lerEnergy * lerEnergy - me * me).squareRoot()
        electron = FourVector(e: herEnergy, p: ThreeVector(magnitude: pHer, theta: herAngle, phi: 0))
        positron = FourVector(e: lerEnergy, p: ThreeVector(magnitude: pLer, theta: lerAngle, phi: 0))
        total = electron + positron
        cmsToLabBoost = LorentzBoost(restFrameOf: total)
        let electronAfterBoost = cmsToLabBoost.inverse.apply(electron)
        // Angle (about y) of the boosted e- momentum from +z; rotating by minus it aligns it.
        cmsRotationAngle = atan2(electronAfterBoost.px, electronAfterBoost.pz)
    }

    /// The Y(4S) running conditions of Belle II.
    public static let y4S = BelleIIBeams()

    /// s = (p_e- + p_e+)^2 in GeV^2.
    public var s: Double { total.massSquared }
    /// Centre-of-mass energy in GeV (10.5796 GeV for the defaults).
    public var sqrtS: Double { total.mass }
    /// beta*gamma of the CMS in the lab.
    public var boostBetaGamma: Double { total.momentum / total.mass }

    /// Lab -> CMS: boost into the e+e- rest frame, then rotate e- onto +z*.
    @inlinable
    public func toCMS(_ lab: FourVector) -> FourVector {
        let boosted = cmsToLabBoost.inverse.apply(lab)
        return FourVector(e: boosted.e, p: boosted.p.rotatedAboutY(-cmsRotationAngle))
    }

    /// CMS -> lab, the inverse of `toCMS`.
    @inlinable
    public func toLab(_ cms: FourVector) -> FourVector {
        let unrotated = FourVector(e: cms.e, p: cms.p.rotatedAboutY(cmsRotationAngle))
        return cmsToLabBoost.apply(unrotated)
    }
}
