import XCTest
import EventModel
import Kinematics
@testable import Generators

/// Decays in flight against the exponential law and the PDG tables (issue #19).
final class DecayInFlightTests: XCTestCase {
    /// K_S of p = 1 GeV: flight lengths exponential with mean beta gamma c tau =
    /// (1 / 0.497611) x 2.6844 cm = 5.3946 cm (PDG c tau and mass), both pions from the
    /// decay point, pi+ pi- in 69.20 / (69.20 + 30.69) of the decays, daughters' mass = m_K.
    func testKShortFlightLengthAndChannels() {
        let rng = RandomStream(seed: 19, stream: 1)
        let decays = DecayInFlight.standardModel
        let n = 100_000
        let direction = ThreeVector(x: 0.6, y: 0, z: 0.8)
        var sum = 0.0, beyondMean = 0, charged = 0
        let expectedMean = 1.0 / 0.497611 * 2.6844
        XCTAssertEqual(expectedMean, 5.3946, accuracy: 1e-4)
        var event = GeneratedEvent()
        for _ in 0..<n {
            event.reset()
            event.append(PDGID.neutralKaonShort, FourVector(mass: ParticleMass.neutralKaon, momentum: direction))
            XCTAssertEqual(decays.apply(to: &event, using: rng), 1)
            XCTAssertEqual(event.particles.count, 2)
            XCTAssertEqual(event.vertices[0], event.vertices[1])
            let v = event.vertices[0]
            let length = v.magnitude
            // Along the K_S direction.
            XCTAssertEqual(v.dot(direction), length, accuracy: 1e-9 * max(1, length))
            sum += length
            if length > expectedMean { beyondMean += 1 }
            if abs(event.particles[0].pdg) == PDGID.chargedPion { charged += 1 }
            let pair = event.particles[0].momentum + event.particles[1].momentum
            XCTAssertEqual(pair.mass, ParticleMass.neutralKaon, accuracy: 1e-9)
            XCTAssertEqual(pair.px, direction.x, accuracy: 1e-9)
        }
        let mean = sum / Double(n)
        // Exponential: sigma of the mean = mean / sqrt(n).
        XCTAssertEqual(mean, expectedMean, accuracy: 4 * expectedMean / Double(n).squareRoot())
        // P(L > mean) = e^-1.
        let fraction = Double(beyondMean) / Double(n)
        XCTAssertEqual(fraction, exp(-1), accuracy: 4 * (exp(-1) * (1 - exp(-1)) / Double(n)).squareRoot())
        let pipi = 0.6920 / (0.6920 + 0.3069)
        XCTAssertEqual(Double(charged) / Double(n), pipi, accuracy: 4 * (pipi * (1 - pipi) / Double(n)).squareRoot())
    }

    /// The mean flight length scales as p / m: a K_S at 2.5 GeV flies 2.5x as far on average,
    /// and an anti-Lambda decays as the charge conjugate of the Lambda (pbar pi+), c tau 7.89 cm.
    func testBoostScalingAndAntiLambda() {
        let rng = RandomStream(seed: 19, stream: 2)
        let n = 50_000
        var sum = 0.0, pbarPiPlus = 0
        var event = GeneratedEvent()
        let p = 2.0
        for _ in 0..<n {
            event.reset()
            event.append(-PDGID.lambda, FourVector(mass: ParticleMass.lambda, momentum: ThreeVector(x: 0, y: p, z: 0)),
                         vertex: ThreeVector(x: 0.01, y: 0, z: 0))
            DecayInFlight.standardModel.apply(to: &event, using: rng)
            sum += (event.vertices[0] - ThreeVector(x: 0.01, y: 0, z: 0)).magnitude
            let codes = Set(event.particles.map(\.pdg))
            if codes == [-PDGID.proton, PDGID.chargedPion] { pbarPiPlus += 1 } else {
                XCTAssertEqual(codes, [-PDGID.neutron, PDGID.neutralPion])
            }
        }
        let expected = p / 1.115683 * 7.89
        XCTAssertEqual(sum / Double(n), expected, accuracy: 4 * expected / Double(n).squareRoot())
        let f = 0.639 / (0.639 + 0.358)
        XCTAssertEqual(Double(pbarPiPlus) / Double(n), f, accuracy: 4 * (f * (1 - f) / Double(n)).squareRoot())
    }

    /// A dark scalar S of 1 GeV and c tau 10 cm decaying only to mu+ mu-; particles not listed
    /// (the photon) are left alone; the gun's K_S come out decayed.
    func testScalarAndGun() {
        let rng = RandomStream(seed: 19, stream: 3)
        let s = LongLivedParticle.scalar(massGeV: 1.0, cTauCm: 10,
                                         channels: [.init(PDGID.muon, -PDGID.muon, branchingFraction: 1)])
        let decays = DecayInFlight([s])
        var event = GeneratedEvent()
        event.append(PDGID.photon, FourVector(e: 1, px: 1, py: 0, pz: 0))
        event.append(PDGID.darkScalar, FourVector(mass: 1, momentum: ThreeVector(x: 0, y: 0, z: 3)))
        XCTAssertEqual(decays.apply(to: &event, using: rng), 1)
        XCTAssertEqual(event.particles.map(\.pdg), [PDGID.photon, PDGID.muon, -PDGID.muon])
        XCTAssertEqual(event.vertices[0], .zero)
        XCTAssertGreaterThan(event.vertices[1].z, 0)

        var gunEvent = GeneratedEvent()
        for _ in 0..<100 {
            ParticleGun.kShort.sample(into: &gunEvent, using: rng)
            XCTAssertEqual(gunEvent.particles.count, 2)
            XCTAssertFalse(gunEvent.particles.contains { $0.pdg == PDGID.neutralKaonShort })
        }
    }
}
