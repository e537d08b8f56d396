import Corrections
import Detector
import EventModel
import Foundation
import Generators
import Testing

/// `MomentumResolutionCorrection` on hand-made tracks: re-smearing by k must turn a momentum
/// distribution of the simulation's width sigma_MC(pT) (from `Conditions/mc.yaml`) into one
/// k times wider, keep the directions, and leave k = 1 alone.
@Suite struct MomentumResolutionCorrectionTests {
    static let tracks = 20_000
    static let k = 1.25

    /// sigma(pT)/pT of Conditions/mc.yaml, for a pion-mass track of momentum p (the
    /// correction's mass hypothesis; at a few GeV beta is 1 to 1e-3 either way).
    static func sigmaRel(_ t: DetectorConditions.Tracking, pt: Double, p: Double) -> Double {
        let beta = p / (p * p + 0.13957 * 0.13957).squareRoot()
        return ((t.momentumResolutionA * pt) * (t.momentumResolutionA * pt)
                + (t.momentumResolutionB / beta) * (t.momentumResolutionB / beta)).squareRoot()
    }

    /// Tracks at pT `pt` and 60 deg, momenta smeared by the simulation's resolution with our
    /// own Gaussian numbers: what a simulated sample looks like.
    static func simulated(pt: Double, sigma: Double, seed: UInt64) -> EventBatch {
        let rng = RandomStream(seed: seed, stream: 7)
        let p = pt / sin(60 * Double.pi / 180)
        return HandMadeEvents.batch((0..<tracks).map { i in
            ReconstructedEvent(eventID: Int64(i), tracks: [HandMadeEvents.track(p: p * (1 + sigma * rng.gaussian()), thetaDeg: 60,
                                                                                phiDeg: Double(i % 360))])
        })
    }

    static func standardDeviation(_ x: [Double]) -> Double {
        let m = x.reduce(0, +) / Double(x.count)
        return (x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)).squareRoot()
    }

    static func magnitudes(_ b: EventBatch) -> [Double] {
        b.tracks.px.indices.map { (b.tracks.px[$0] * b.tracks.px[$0] + b.tracks.py[$0] * b.tracks.py[$0] + b.tracks.pz[$0] * b.tracks.pz[$0]).squareRoot() }
    }

    /// At 1 GeV (multiple scattering dominates) and 6 GeV (curvature dominates) the width
    /// grows by k. With 20 000 tracks the widths are known to 0.5%; 3% is six of those.
    @Test(arguments: [1.0, 6.0])
    func widensByTheFactorK(pt: Double) throws {
        let c = try PseudoSamples.conditions(.mc)
        let sigma = Self.sigmaRel(c.tracking, pt: pt, p: pt / sin(60 * Double.pi / 180))
        let before = Self.simulated(pt: pt, sigma: sigma, seed: UInt64(pt * 10))
        var after = before
        MomentumResolutionCorrection(k: Self.k, mcConditions: c).correct(&after)
        let p0 = pt / sin(60 * Double.pi / 180)
        let widthBefore = Self.standardDeviation(Self.magnitudes(before)) / p0
        let widthAfter = Self.standardDeviation(Self.magnitudes(after)) / p0
        #expect(abs(widthBefore / sigma - 1) < 0.03, "input width \(widthBefore) vs \(sigma)")
        #expect(abs(widthAfter / (Self.k * sigma) - 1) < 0.03, "corrected width \(widthAfter) vs k sigma \(Self.k * sigma)")
        // Directions are kept: |a x b| / (|a| |b|) = sin of the angle between them is ~0.
        for r in stride(from: 0, to: Self.tracks, by: 997) {
            let a = (before.tracks.px[r], before.tracks.py[r], before.tracks.pz[r])
            let b = (after.tracks.px[r], after.tracks.py[r], after.tracks.pz[r])
            let cross = ((a.1 * b.2 - a.2 * b.1) * (a.1 * b.2 - a.2 * b.1) + (a.2 * b.0 - a.0 * b.2) * (a.2 * b.0 - a.0 * b.2)
                         + (a.0 * b.1 - a.1 * b.0) * (a.0 * b.1 - a.1 * b.0)).squareRoot()
            let norms = (a.0 * a.0 + a.1 * a.1 + a.2 * a.2).squareRoot() * (b.0 * b.0 + b.1 * b.1 + b.2 * b.2).squareRoot()
            #expect(cross / norms < 1e-12)
        }
    }

    @Test func kOfOneChangesNothing() throws {
        let c = try PseudoSamples.conditions(.mc)
        let before = Self.simulated(pt: 3, sigma: 0.005, seed: 1).subset(events: Array(0..<100))
        var after = before
        MomentumResolutionCorrection(k: 1, mcConditions: c).correct(&after)
        #expect(after == before)
    }
}
