import Foundation
import EventModel
import Kinematics
import Pythia8Bridge

/// e+e- -> Upsilon(4S) -> B+ B- or B0 B0bar, the B mesons decayed by Pythia 8's tables, in
/// the Belle II lab.
///
/// Set up explicitly rather than by Pythia's process machinery: the Upsilon(4S) is made at
/// rest in the CMS with the nominal sqrt(s) of the beams (`BelleIIBeams`; the
/// energy spread and ISR photons are not simulated: see docs/physics/generators.md); the
/// pair is B+B- with probability 0.514 and B0 B0bar with 0.486 (PDG 2024: B(Upsilon(4S) ->
/// B+B-) = (51.4 +- 0.6)%, B0 B0bar (48.6 +- 0.6)%); each B has momentum
/// p* = sqrt(s/4 - m_B^2) (PDG masses 5279.34 and 5279.66 MeV: 0.332 and 0.327 GeV/c) and
/// the angular distribution of a vector made by e+e- (helicity +-1 along the beams)
/// decaying into two pseudoscalars, dN/dcos(theta*) ~ sin^2(theta*) about the e- beam.
/// Pythia then decays both B's and everything after them (`ProcessLevel:all = off`: the
/// record we fill is hadronised and decayed), giving each particle its production vertex.
/// B0-B0bar mixing is Pythia's (`ParticleDecays:mixB = on`), which mixes each B
/// independently, not as the coherent C = -1 pair (same-sign pairs 2 chi(1 - chi) = 0.30
/// instead of chi_d = 0.19): irrelevant to the inclusive rates this sample serves.
///
/// Normalisation: sigma(e+e- -> Upsilon(4S)) = 1.05 nb (Belle II Physics Book,
/// arXiv:1808.10567, table of cross sections at 10.58 GeV).
public struct UpsilonFourSSampler: ProcessSampler {
    public static let physicsBookCrossSectionNb = 1.05
    /// PDG 2024 B(Upsilon(4S) -> B+ B-); the rest is B0 B0bar.
    public static let chargedPairFraction = 0.514

    public let transform: FrameTransform
    let session: PythiaSession

    public var processName: String { "bbbar" }
    public var acceptance: String {
        "e+e- -> Upsilon(4S) -> B+B- (51.4%) / B0 B0bar (48.6%), B decays by Pythia 8 \(Pythia8Installation.packageVersion)"
    }

    public init(beams: BelleIIBeams = .y4S, installation: Pythia8Installation = .fromEnvironment()) {
        transform = FrameTransform(beams: beams)
        session = PythiaSession(settings: Self.settings, installation: installation)
    }

    /// Decay-only Pythia: no beams, no hard process; what we put in the record is decayed.
    public static let settings = HadronicSettings.common + ["ProcessLevel:all = off"]

    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? {
        (Self.physicsBookCrossSectionNb * 1e6, 0)
    }

    /// The B pair in the CMS: PDG code of the first B, its momentum; the second is the
    /// charge conjugate, back to back.
    static func samplePair(sqrtS: Double, using rng: RandomStream) -> (id: Int32, mass: Double, momentum: ThreeVector) {
        let charged = rng.uniform() < chargedPairFraction
        let id: Int32 = charged ? 521 : 511
        let mass = charged ? ParticleMass.chargedB : ParticleMass.neutralB
        let p = (sqrtS * sqrtS / 4 - mass * mass).squareRoot()
        var c: Double
        repeat { c = 2 * rng.uniform() - 1 } while rng.uniform() > 1 - c * c
        let s = (1 - c * c).squareRoot()
        let phi = 2 * Double.pi * rng.uniform()
        return (id, mass, ThreeVector(x: p * s * cos(phi), y: p * s * sin(phi), z: p * c))
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let pair = Self.samplePair(sqrtS: transform.sqrtS, using: rng)
        let e = (pair.momentum.magnitudeSquared + pair.mass * pair.mass).squareRoot()
        let k = pair.momentum
        session.with(rng) { pythia in
            pythia.setEvent([(pair.id, k.x, k.y, k.z, e, pair.mass), (-pair.id, -k.x, -k.y, -k.z, e, pair.mass)])
            do { try pythia.next() } catch { fatalError("\(processName): \(error)") }
            PythiaEventConversion.appendFinalState(of: pythia, to: &event, transform: transform)
        }
        return Self.physicsBookCrossSectionNb * 1e6
    }

    /// The full Pythia record of one event (CMS, Pythia's units), for tests.
    public func nextRecord(using rng: RandomStream) -> [Pythia8Particle] {
        let pair = Self.samplePair(sqrtS: transform.sqrtS, using: rng)
        let e = (pair.momentum.magnitudeSquared + pair.mass * pair.mass).squareRoot()
        let k = pair.momentum
        return session.with(rng) { pythia in
            pythia.setEvent([(pair.id, k.x, k.y, k.z, e, pair.mass), (-pair.id, -k.x, -k.y, -k.z, e, pair.mass)])
            do { try pythia.next() } catch { fatalError("\(processName): \(error)") }
            return pythia.record()
        }
    }
}
