import Foundation
import Testing
@testable import Kinematics

@Suite struct FourVectorTests {
    @Test func boostRoundTripAndInvariance() {
        let boost = LorentzBoost(beta: ThreeVector(x: 0.1, y: -0.3, z: 0.6))
        let v = FourVector(e: 5, px: 1, py: 2, pz: -3)
        let there = boost.apply(v)
        let back = boost.inverse.apply(there)
        #expect(abs(back.e - v.e) < 1e-12)
        #expect((back.p - v.p).magnitude < 1e-12)
        #expect(abs(there.massSquared - v.massSquared) < 1e-10)
    }

    @Test func boostOfParticleAtRestGivesItsMomentum() {
        // A particle of mass m at rest, boosted by beta along z, has p = gamma beta m, E = gamma m.
        let m = 3.0, beta = 0.6, gamma = 1.25
        let moving = LorentzBoost(beta: ThreeVector(x: 0, y: 0, z: beta)).apply(FourVector(e: m, px: 0, py: 0, pz: 0))
        #expect(abs(moving.e - gamma * m) < 1e-12)
        #expect(abs(moving.pz - gamma * beta * m) < 1e-12)
    }

    @Test func anglesAndTransverseMomentum() {
        let v = FourVector(e: 10, p: ThreeVector(magnitude: 2, theta: 0.3, phi: -2.0))
        #expect(abs(v.theta - 0.3) < 1e-12)
        #expect(abs(v.phi + 2.0) < 1e-12)
        #expect(abs(v.pt - 2 * sin(0.3)) < 1e-12)
        let a = ThreeVector(x: 1, y: 0, z: 0), b = ThreeVector(x: 1, y: 1e-9, z: 0)
        #expect(abs(a.angle(to: b) - 1e-9) < 1e-18)  // atan2 keeps tiny angles exact
        #expect(abs(a.angle(to: ThreeVector(x: 0, y: 0, z: 5)) - Double.pi / 2) < 1e-15)
    }

    @Test func signedMassConvention() {
        #expect(FourVector(e: 1, px: 2, py: 0, pz: 0).signedMass == -(3.0).squareRoot())
        #expect(FourVector(e: 5, px: 3, py: 0, pz: 0).signedMass == 4)
    }
}
