import Foundation
import Testing
@testable import Kinematics

/// Beam figures from ../shared/PHYSICS.md (basf2 Y4S preset), checked against values
/// computed by hand from the exact four-vectors.
@Suite struct BeamsTests {
    let beams = BelleIIBeams.y4S

    @Test func sqrtSFromTheBeams() {
        // s = (E1 + E2)^2 - |p1 + p2|^2 with 7.004 / 4.002 GeV and a 83 mrad crossing:
        // |p1 + p2|^2 = (11.006 sin 0.0415)^2 + (3.002 cos 0.0415)^2 (electron mass negligible
        // at this precision), giving 10.5796 GeV as PHYSICS.md states.
        let px = 11.006 * sin(0.0415), pz = 3.002 * cos(0.0415)
        let expected = (11.006 * 11.006 - px * px - pz * pz).squareRoot()
        #expect(abs(beams.sqrtS - expected) < 2e-6)
        #expect(abs(beams.sqrtS - 10.5796) < 1e-4)
    }

    @Test func boostMatchesPublishedFigures() {
        #expect(abs(beams.boostBetaGamma - 0.2868) < 5e-4)
        // Boost direction tilted 0.151 rad from z in the x-z plane.
        #expect(abs(beams.total.p.theta - 0.151) < 1e-3)
    }

    @Test func beamsAreBackToBackAlongZInTheCMS() {
        let e = beams.toCMS(beams.electron)
        let p = beams.toCMS(beams.positron)
        let half = beams.sqrtS / 2
        #expect(abs(e.e - half) < 1e-9)
        #expect(abs(p.e - half) < 1e-9)
        #expect(abs(e.px) < 1e-9 && abs(e.py) < 1e-12 && e.pz > 0)
        #expect((e.p + p.p).magnitude < 1e-9)
    }

    @Test func labCMSRoundTrip() {
        let v = FourVector(mass: ParticleMass.muon, momentum: ThreeVector(x: 0.7, y: -1.3, z: 2.9))
        let back = beams.toLab(beams.toCMS(v))
        #expect(abs(back.e - v.e) < 1e-12)
        #expect((back.p - v.p).magnitude < 1e-12)
        // Invariant mass is frame independent.
        #expect(abs(beams.toCMS(v).mass - ParticleMass.muon) < 1e-9)
    }
}
