import Foundation
import Kinematics
import EventModel
@testable import Detector

/// Deterministic xoshiro256** stream for tests (the production `RandomStream` is the same generator with GSL's samplers).
final class TestRandom: DetectorRandom {
    private var s: (UInt64, UInt64, UInt64, UInt64)
    private var spare: Double?

    init(seed: UInt64) {
        var x = seed &+ 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            x = x &+ 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (next(), next(), next(), next())
    }

    private func nextBits() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3; s.2 ^= t
        s.3 = (s.3 << 45) | (s.3 >> 19)
        return result
    }

    func uniform() -> Double { Double(nextBits() >> 11) * 0x1.0p-53 }

    func gaussian() -> Double {
        if let g = spare { spare = nil; return g }
        var u = 0.0, v = 0.0, r2 = 0.0
        repeat {
            u = 2 * uniform() - 1; v = 2 * uniform() - 1; r2 = u * u + v * v
        } while r2 >= 1 || r2 == 0
        let f = (-2 * log(r2) / r2).squareRoot()
        spare = v * f
        return u * f
    }

    func poisson(_ mean: Double) -> Int {
        if mean > 50 { return max(0, Int((mean + mean.squareRoot() * gaussian()).rounded())) }
        let l = exp(-mean)
        var k = 0, p = 1.0
        repeat { k += 1; p *= uniform() } while p > l
        return k - 1
    }
}

enum Fixture {
    /// Repository root, found from this file's path (Tests/DetectorTests/TestSupport.swift).
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let mcURL = repoRoot.appendingPathComponent("Conditions/mc.yaml")
    static let dataURL = repoRoot.appendingPathComponent("Conditions/data.yaml")
    static var mcText: String { (try? String(contentsOf: mcURL, encoding: .utf8)) ?? "" }

    // Loaded once; tests only read them.
    static let mc: DetectorConditions = try! DetectorConditions.load(.mc, from: mcURL)
    static let data: DetectorConditions = try! DetectorConditions.load(.data, from: dataURL)

    /// Conditions with the beam background switched off, for single-particle studies.
    static func quiet(_ c: DetectorConditions) -> DetectorConditions {
        var q = c
        q.beamBackground.meanClusters = 0
        return q
    }

    static func particle(pdg: Int32, mass: Double, p: Double, thetaDeg: Double, phi: Double) -> Particle {
        Particle(pdg: pdg, momentum: FourVector(mass: mass, momentum:
            ThreeVector(magnitude: p, theta: thetaDeg * .pi / 180, phi: phi)))
    }

    /// Uniform in cos(theta) between two polar angles (deg).
    static func randomTheta(_ r: TestRandom, _ lo: Double, _ hi: Double) -> Double {
        let c1 = cos(lo * .pi / 180), c2 = cos(hi * .pi / 180)
        return acos(c2 + (c1 - c2) * r.uniform()) * 180 / .pi
    }

    /// Binomial standard error.
    static func binomialError(_ p: Double, _ n: Int) -> Double { (p * (1 - p) / Double(n)).squareRoot() }
}
