import Foundation
import Kinematics

/// Initial-state radiation of both beams through structure functions, for hard processes
/// other than one s-channel photon (Bhabha, gamma gamma): each beam keeps a fraction x of
/// its energy, the lost energy goes into one photon exactly along that beam (collinear
/// limit: such photons leave through the beam pipe), and the hard process happens in the
/// frame of the reduced beams, moving along z with rapidity y = ln(x1/x2)/2.
public struct CollinearBeamRadiation: Sendable {
    public let structureFunction: ElectronStructureFunction
    public let sqrtS: Double
    public let minimumPhotonEnergy: Double

    /// - Parameter maximumRapidity: the largest |y| for which the hard final state can
    ///   still be inside the acceptance; it sets x_min = exp(-2 y_max).
    public init(s: Double, maximumRapidity: Double, minimumPhotonEnergy: Double = 1e-3) {
        sqrtS = s.squareRoot()
        structureFunction = ElectronStructureFunction(q2: s, xMin: exp(-2 * maximumRapidity))
        self.minimumPhotonEnergy = minimumPhotonEnergy
    }

    public struct Sample: Sendable {
        public var x1: Double, x2: Double
        /// The sampled fractions before photons below the minimum energy were dropped.
        public var rawX1: Double, rawX2: Double
        public var oneMinusX1: Double, oneMinusX2: Double
        public var weight: Double
        public var sHat: Double
        public var rapidity: Double
        /// Four-momentum of the hard system in the CMS.
        public var system: FourVector
        /// The two ISR photons (energy 0 when below the minimum).
        public var photon1: FourVector, photon2: FourVector
    }

    public func sample(s: Double, _ rng: RandomStream) -> Sample {
        let a = structureFunction.sample(rng)
        let b = structureFunction.sample(rng)
        let e = sqrtS / 2
        let k1 = a.oneMinusX * e, k2 = b.oneMinusX * e
        let g1 = k1 >= minimumPhotonEnergy ? FourVector(e: k1, px: 0, py: 0, pz: k1) : .zero
        let g2 = k2 >= minimumPhotonEnergy ? FourVector(e: k2, px: 0, py: 0, pz: -k2) : .zero
        // Photons below the minimum are not written; their energy stays in the beams.
        let x1 = g1.e > 0 ? a.x : 1, x2 = g2.e > 0 ? b.x : 1
        let system = FourVector(e: (x1 + x2) * e, px: 0, py: 0, pz: (x1 - x2) * e)
        return Sample(x1: x1, x2: x2, rawX1: a.x, rawX2: b.x, oneMinusX1: a.oneMinusX, oneMinusX2: b.oneMinusX, weight: a.weight * b.weight, sHat: x1 * x2 * s,
                      rapidity: 0.5 * log(x1 / x2), system: system, photon1: g1, photon2: g2)
    }
}
