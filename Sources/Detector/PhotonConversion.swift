import Foundation
import Kinematics

/// Photon conversions gamma -> e+ e- in the beam pipe and the vertex detector.
///
/// Probability: a photon crossing a layer of t radiation lengths converts with
/// P = 1 - exp(-(7/9) t / cos(alpha)), alpha the angle between its direction and the
/// layer's normal (the radial direction at the crossing point), i.e. the high-energy limit
/// of the Bethe-Heitler pair cross section with complete screening,
/// sigma = 7/9 (A / (X0 N_A)) (PDG review "Passage of particles through matter", pair
/// production). Below a few GeV the pair cross section lies under this limit (the same
/// review's figure of the pair-production probability versus photon energy), so soft
/// photons' conversions are overestimated: DarkSector's approximation, stated in
/// docs/physics/detector.md.
///
/// Energy sharing: the electron takes the fraction x of the photon energy with
/// dsigma/dx proportional to 1 - (4/3) x (1 - x) (the same review, complete screening,
/// without its small 1/(9 ln) term), on [m_e/E, 1 - m_e/E]. Both leptons keep the photon's
/// direction: their opening angle, of order m_e/E (< 5 mrad above 0.1 GeV), is below the
/// tracking's angular resolution at those momenta and is neglected; the curvature in the
/// field then separates them.
///
/// A converted photon is replaced by its e+ and e-, produced at the conversion point; they
/// are then tracked, leave ECL deposits and can be paired into a conversion vertex like any
/// other charged particles. Each layer is tried in order of radius, the photon surviving
/// the ones before.
public struct PhotonConversion: Sendable {
    public let geometry: InnerDetectorGeometry

    public init(geometry: InnerDetectorGeometry = .belleII) {
        self.geometry = geometry
    }

    /// The outcome of one photon's passage.
    public struct Conversion: Sendable, Equatable {
        public var layer: Int
        public var point: ThreeVector
        public var electron: FourVector
        public var positron: FourVector

        @inlinable
        public init(layer: Int, point: ThreeVector, electron: FourVector, positron: FourVector) {
            self.layer = layer; self.point = point; self.electron = electron; self.positron = positron
        }
    }

    /// Where the line vertex + s n (s > 0) crosses the cylinder of radius `r`: s, or nil.
    @inlinable
    static func crossing(vertex v: ThreeVector, direction n: ThreeVector, radius r: Double) -> Double? {
        let a = n.x * n.x + n.y * n.y
        guard a > 1e-18 else { return nil }
        let b = v.x * n.x + v.y * n.y
        let c = v.x * v.x + v.y * v.y - r * r
        guard c < 0 else { return nil }  // born outside this layer
        let disc = b * b - a * c
        return (-b + disc.squareRoot()) / a
    }

    /// Probability that a photon from `vertex` along unit `direction` converts in layer k
    /// (given that it reaches it), nil if it does not cross the layer.
    @inlinable
    public func conversionProbability(layer k: Int, vertex: ThreeVector, direction n: ThreeVector) -> Double? {
        let layer = geometry.material[k]
        guard let s = Self.crossing(vertex: vertex, direction: n, radius: layer.radiusCm) else { return nil }
        let px = vertex.x + s * n.x, py = vertex.y + s * n.y
        let cosAlpha = (px * n.x + py * n.y) / layer.radiusCm
        guard cosAlpha > 1e-6 else { return nil }
        return 1 - exp(-7.0 / 9.0 * layer.radiationLengths / cosAlpha)
    }

    /// Total probability to convert before the CDC for a photon from `vertex` along `direction`.
    public func totalProbability(vertex: ThreeVector, direction n: ThreeVector) -> Double {
        var survive = 1.0
        for k in geometry.material.indices {
            if let p = conversionProbability(layer: k, vertex: vertex, direction: n) { survive *= 1 - p }
        }
        return 1 - survive
    }

    /// Propagates photon `k` from `vertex`: the conversion, if it happens. Draws one uniform
    /// per layer crossed, and one or more for the energy sharing of a conversion.
    @inlinable
    public func propagate<R: DetectorRandom>(photon k: FourVector, vertex: ThreeVector,
                                             random: R) -> Conversion? {
        let e = k.e
        guard e > 2 * ParticleMass.electron else { return nil }
        let n = k.p * (1 / k.p.magnitude)
        for layer in geometry.material.indices {
            guard let p = conversionProbability(layer: layer, vertex: vertex, direction: n) else { continue }
            guard random.uniform() < p else { continue }
            let s = Self.crossing(vertex: vertex, direction: n, radius: geometry.material[layer].radiusCm)!
            let point = vertex + n * s
            let x = Self.sampleEnergyFraction(photonEnergy: e, random: random)
            let me = ParticleMass.electron
            let e1 = max(x * e, me * 1.000001), e2 = max((1 - x) * e, me * 1.000001)
            let electron = FourVector(e: e1, p: n * (e1 * e1 - me * me).squareRoot())
            let positron = FourVector(e: e2, p: n * (e2 * e2 - me * me).squareRoot())
            return Conversion(layer: layer, point: point, electron: electron, positron: positron)
        }
        return nil
    }

    /// Electron energy fraction x from 1 - (4/3) x (1 - x) on [m_e/E, 1 - m_e/E], by
    /// rejection against its maximum 1 (acceptance 8/9 on average).
    @inlinable
    public static func sampleEnergyFraction<R: DetectorRandom>(photonEnergy e: Double, random: R) -> Double {
        let lo = ParticleMass.electron / e
        let hi = 1 - lo
        while true {
            let x = lo + (hi - lo) * random.uniform()
            if random.uniform() <= 1 - 4.0 / 3.0 * x * (1 - x) { return x }
        }
    }
}
