import Foundation
import Kinematics
import EventModel

/// Two photons closer than the ECL can separate become one cluster carrying their summed
/// energy: what sets the low-mass end of the three-photon ALP search (issue #18), and what
/// turns an energetic pi0 into a single "photon".
///
/// Why a crystal rule: Belle II's clustering makes one shower per local maximum, a crystal
/// above the seed threshold (10 MeV) with no more energy than any of its 8 neighbours
/// (basf2 `ecl/modules/eclLocalMaximumFinder/ECLLocalMaximumFinderModule.cc`: "energy higher
/// than all neighbours and above threshold ... Each candidate will result in one
/// shower/cluster", neighbours `ECLNeighbours("N", 1)`, default method "none"). Two photons
/// give two clusters only if their central crystals are not neighbours, i.e. at least two
/// crystals apart in theta or phi. We model the crystals as a square grid of pitch
/// `crystalPitchCm` on the ECL front face, with a random position of the first photon inside
/// its crystal; the photons' separation on the face, L x (opening angle) with L the distance of
/// the crystal front from the interaction point, decides:
/// * both components (along theta and along phi) below one pitch: always one cluster;
/// * one component at least three pitches: always two;
/// * in between: the crystal indices decide (a separation of 1.5 pitches along one axis is
///   resolved half of the time), and at exactly two crystals apart the crystal between is a
///   neighbour of the second photon's crystal: the second is a local maximum only if its
///   central energy beats the first photon's leakage there, E_small/E_large > `minimumEnergyRatio`.
///
/// Geometry (Belle NIM A479 (2002) 117, detector table, verified: barrel inner radius 125 cm,
/// endcap fronts at z = +196 and -102 cm; 6624 barrel, 1152 forward, 960 backward crystals):
/// L = min(125/sin theta, 196/cos theta or 102/|cos theta|). Pitch 5.4 cm, derived: projective
/// crystals of constant face d filling the barrel's 46 polar rings (6624 = 46 x 144) need
/// d = R ln[tan(64.35 deg)/tan(16.1 deg)]/46 = 1.975 R/46 = 5.37 cm; its 144 azimuthal
/// crystals 2 pi R/144 = 5.45 cm; the endcaps' solid angle per crystal at their mean distance
/// gives 5.5 cm (forward) and 5.2 cm (backward). The energy ratio: a photon at a crystal's
/// centre with the transverse profile of one-sided exponential form, 90% within the Moliere
/// radius (CsI: R_M = 3.53 cm, PDG), leaves f_c = (1 - e^(-k w/2))^2 = 0.69 in its crystal and
/// f_n = (1 - e^(-k w/2)) (e^(-k w/2) - e^(-3 k w/2))/2 = 0.069 in a side neighbour
/// (k = ln 10/R_M), so the ratio is f_n/f_c = 0.10.
///
/// Not modelled: the energy split between two resolved but touching showers (basf2 shares the
/// crystals between them), merging of a photon with one of a pi0's photons (only photon pairs
/// and the two photons of one pi0 are tested), the grid's irregularities at the endcap rings.
public struct PhotonClusterMerging: Sendable {
    /// Crystal pitch on the front face in cm.
    public let crystalPitchCm: Double
    public let barrelRadiusCm: Double
    public let forwardEndcapZCm: Double
    public let backwardEndcapZCm: Double
    /// E_small/E_large above which a photon two crystals away still makes its own maximum.
    public let minimumEnergyRatio: Double
    /// cos of the largest opening angle that can ever merge (3 pitches diagonally at the
    /// nearest front face): pairs beyond it are skipped without further work.
    public let cosineOfLargestMergingAngle: Double

    public static let belleII = PhotonClusterMerging()

    public init(crystalPitchCm: Double = 5.4, barrelRadiusCm: Double = 125, forwardEndcapZCm: Double = 196,
                backwardEndcapZCm: Double = 102, moliereRadiusCm: Double = 3.53) {
        self.crystalPitchCm = crystalPitchCm
        self.barrelRadiusCm = barrelRadiusCm
        self.forwardEndcapZCm = forwardEndcapZCm
        self.backwardEndcapZCm = backwardEndcapZCm
        let k = log(10.0) / moliereRadiusCm
        let inner = exp(-k * crystalPitchCm / 2), outer = exp(-3 * k * crystalPitchCm / 2)
        let central = (1 - inner) * (1 - inner)
        let neighbour = (1 - inner) * (inner - outer) / 2
        minimumEnergyRatio = neighbour / central
        let nearest = min(barrelRadiusCm, forwardEndcapZCm, backwardEndcapZCm)
        cosineOfLargestMergingAngle = cos(min(3 * 2.0.squareRoot() * crystalPitchCm / nearest, Double.pi / 2))
    }

    /// Distance in cm from the interaction point to the crystal front along a direction of
    /// polar-angle cosine `c`.
    @inlinable
    public func frontDistanceCm(cosTheta c: Double) -> Double {
        let s = (max(0, 1 - c * c)).squareRoot()
        var d = s > 0 ? barrelRadiusCm / s : .infinity
        if c > 0 { d = min(d, forwardEndcapZCm / c) }
        if c < 0 { d = min(d, backwardEndcapZCm / -c) }
        return d
    }

    /// The separation of two directions on the crystal front in units of the pitch, along
    /// theta and along phi at their mean direction (signed).
    @inlinable
    public func separationInPitches(_ a: ThreeVector, _ b: ThreeVector) -> (theta: Double, phi: Double) {
        let na = a.unit, nb = b.unit
        let mean = (na + nb).unit
        let rho = mean.perp
        let ct = mean.z, st = rho
        let cp = rho > 0 ? mean.x / rho : 1, sp = rho > 0 ? mean.y / rho : 0
        let eTheta = ThreeVector(x: ct * cp, y: ct * sp, z: -st)
        let ePhi = ThreeVector(x: -sp, y: cp, z: 0)
        let d = nb - na
        let scale = frontDistanceCm(cosTheta: ct) / crystalPitchCm
        return (d.dot(eTheta) * scale, d.dot(ePhi) * scale)
    }

    /// Whether photons of lab momenta `a` and `b` (energies `ea`, `eb`) give one cluster.
    /// Draws two uniforms only when the crystal grid decides (separations between one and
    /// three pitches), so events without close photons see no change in their random numbers.
    @inlinable
    public func merges<R: DetectorRandom>(_ a: ThreeVector, _ ea: Double, _ b: ThreeVector, _ eb: Double,
                                         random: R) -> Bool {
        let (x, y) = separationInPitches(a, b)
        let ax = abs(x), ay = abs(y)
        if ax < 1 && ay < 1 { return true }
        if ax >= 3 || ay >= 3 { return false }
        let cells = max(abs((random.uniform() + x).rounded(.down)), abs((random.uniform() + y).rounded(.down)))
        if cells <= 1 { return true }
        if cells >= 3 { return false }
        return min(ea, eb) <= minimumEnergyRatio * max(ea, eb)
    }

    /// The particles the ECL sees when close photons (PDG 22) have merged: nil when no pair
    /// merges (the common case: no allocation), otherwise the list with each merged pair
    /// replaced by one photon carrying the summed four-momentum (direction of the summed
    /// momentum, the energy-weighted shower centre to first order) at the first one's
    /// vertex. Merging repeats until no pair merges, so three close photons become one.
    /// With an `acceptance`, only photons inside the ECL are considered (photons along the
    /// beams never draw random numbers here).
    @inlinable
    public func merged<R: DetectorRandom>(_ particles: [Particle], vertices: [ThreeVector]?, acceptance: Acceptance? = nil,
                                          random: R) -> (particles: [Particle], vertices: [ThreeVector]?)? {
        guard let (i, j) = firstMergingPair(particles, acceptance: acceptance, random: random) else { return nil }
        var list = particles
        var verts = vertices
        var pair: (Int, Int)? = (i, j)
        while let (p, q) = pair {
            list[p] = Particle(pdg: 22, momentum: list[p].momentum + list[q].momentum)
            list.remove(at: q)
            verts?.remove(at: q)
            pair = firstMergingPair(list, acceptance: acceptance, random: random)
        }
        return (list, verts)
    }

    @inlinable
    func firstMergingPair<R: DetectorRandom>(_ particles: [Particle], acceptance: Acceptance?, random: R) -> (Int, Int)? {
        let n = particles.count
        guard n >= 2 else { return nil }
        for i in 0..<(n - 1) where particles[i].pdg == 22 {
            let a = particles[i].momentum
            let ma = a.momentum
            guard ma > 0, acceptance.map({ $0.eclRegion(cosTheta: a.pz / ma) != .outside }) ?? true else { continue }
            for j in (i + 1)..<n where particles[j].pdg == 22 {
                let b = particles[j].momentum
                let mb = b.momentum
                guard mb > 0, a.p.dot(b.p) > cosineOfLargestMergingAngle * ma * mb,
                      acceptance.map({ $0.eclRegion(cosTheta: b.pz / mb) != .outside }) ?? true else { continue }
                if merges(a.p, a.e, b.p, b.e, random: random) { return (i, j) }
            }
        }
        return nil
    }
}
