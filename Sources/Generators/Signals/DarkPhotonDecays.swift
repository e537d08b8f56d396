import Foundation
import Kinematics

/// Decays of a kinetically mixed dark photon A' (mass m, mixing eps) into Standard Model
/// final states, when it has no lighter dark-sector decay (the dark Higgsstrahlung search
/// with M_h' < M_A', where A' -> h' + ... is closed).
///
///   Gamma(A' -> l+ l-)   = (alpha eps^2 m/3)(1 + 2 m_l^2/m^2) sqrt(1 - 4 m_l^2/m^2),
///   Gamma(A' -> hadrons) = (alpha eps^2 m/3) R(m),
///
/// (e.g. Batell, Pospelov, Ritz, PRD 79 (2009) 115008, arXiv:0903.0363, sec. 2;
/// R from `HadronicRRatio`). All widths scale as eps^2, so branching fractions do not
/// depend on eps. alpha is the fine-structure constant at q^2 = 0 (the convention of the
/// eps definition in those papers).
public struct DarkPhotonDecays: Sendable {
    public let mass: Double
    public let epsilon: Double

    public init(mass: Double, epsilon: Double = 1) {
        self.mass = mass
        self.epsilon = epsilon
    }

    /// alpha eps^2 m/3: the width into one massless lepton pair.
    public var masslessLeptonWidth: Double { PhysicalConstants.alpha * epsilon * epsilon * mass / 3 }

    public func leptonWidth(leptonMass ml: Double) -> Double {
        let r = ml * ml / (mass * mass)
        if 4 * r >= 1 { return 0 }
        return masslessLeptonWidth * (1 + 2 * r) * (1 - 4 * r).squareRoot()
    }

    public var electronWidth: Double { leptonWidth(leptonMass: ParticleMass.electron) }
    public var muonWidth: Double { leptonWidth(leptonMass: ParticleMass.muon) }
    public var tauWidth: Double { leptonWidth(leptonMass: ParticleMass.tau) }
    public var hadronicWidth: Double { masslessLeptonWidth * HadronicRRatio.r(mass) }
    public var totalWidth: Double { electronWidth + muonWidth + tauWidth + hadronicWidth }

    public var muonBranchingFraction: Double { muonWidth / totalWidth }
    public var electronBranchingFraction: Double { electronWidth / totalWidth }
    public var hadronicBranchingFraction: Double { hadronicWidth / totalWidth }
}
