import Corrections
import Detector
import EventModel
import Foundation
import Testing

/// `BeamBackgroundOverlay` on empty hand-made events: with a measured ratio r it adds
/// Poisson(mu_MC (r - 1)) clusters per event drawn from the simulation's background model,
/// so over many events the count, its variance, the out-of-time fraction and the extra
/// energy must have the means that follow analytically from `Conditions/mc.yaml`.
@Suite struct BeamBackgroundOverlayTests {
    static let events = 5000
    static let ratio = 1.3

    /// `events` events with no clusters and one track each (the overlay seeds its random
    /// numbers from the event id and the first track).
    static func emptyEvents(_ n: Int = events) -> EventBatch {
        HandMadeEvents.batch((0..<n).map { i in
            ReconstructedEvent(eventID: Int64(i), tracks: [HandMadeEvents.track(p: 5, thetaDeg: 90, phiDeg: Double(i % 360))])
        })
    }

    /// E[E 1(E > t)] for the background spectrum E = min + Exponential(slope).
    static func meanEnergyAbove(_ t: Double, min m: Double, slope s: Double) -> Double {
        t <= m ? m + s : (t + s) * exp(-(t - m) / s)
    }

    @Test func addsPoissonClustersWithTheModelsMeans() throws {
        let c = try PseudoSamples.conditions(.mc)
        let bg = c.beamBackground
        var b = Self.emptyEvents()
        BeamBackgroundOverlay(ratio: Self.ratio, mcConditions: c).correct(&b)
        let n = Double(Self.events)
        let counts = (0..<Self.events).map { Double(b.clusters.offsets.count(ofEvent: $0)) }
        let mu = (Self.ratio - 1) * bg.meanClusters
        let mean = counts.reduce(0, +) / n
        let variance = counts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        // Poisson: sd of the mean sqrt(mu/N); of the sample variance sqrt((mu + 2 mu^2)/N).
        #expect(abs(mean - mu) < 4 * (mu / n).squareRoot(), "mean \(mean) vs \(mu)")
        #expect(abs(variance - mu) < 4 * ((mu + 2 * mu * mu) / n).squareRoot(), "variance \(variance) vs \(mu)")
        #expect(b.clusters.trackMatched.allSatisfy { $0 == 0 })
        #expect(b.clusters.energy.allSatisfy { $0 >= bg.minEnergyGeV })

        // Out of time (|t| > 50 ns): the out-of-time share, uniform over +-window.
        let clusters = Double(b.clusters.time.count)
        let outOfTime = Double(b.clusters.time.filter { abs($0) > 50 }.count) / clusters
        let expectedOut = (1 - bg.inTimeFraction) * (1 - 50 / bg.timeWindowNs)
        #expect(abs(outOfTime - expectedOut) < 4 * (expectedOut * (1 - expectedOut) / clusters).squareRoot(),
                "out-of-time fraction \(outOfTime) vs \(expectedOut)")

        // Extra energy: the clusters above their region's threshold, per region fraction.
        let t = c.extraEnergy
        let perCluster = bg.fractionForwardEndcap * Self.meanEnergyAbove(t.minClusterEnergyForwardGeV, min: bg.minEnergyGeV, slope: bg.energySlopeGeV)
            + bg.fractionBarrel * Self.meanEnergyAbove(t.minClusterEnergyBarrelGeV, min: bg.minEnergyGeV, slope: bg.energySlopeGeV)
            + bg.fractionBackwardEndcap * Self.meanEnergyAbove(t.minClusterEnergyBackwardGeV, min: bg.minEnergyGeV, slope: bg.energySlopeGeV)
        let extra = b.events.extraEnergy
        let extraMean = extra.reduce(0, +) / n
        let extraSD = (extra.map { ($0 - extraMean) * ($0 - extraMean) }.reduce(0, +) / (n - 1)).squareRoot()
        #expect(abs(extraMean - mu * perCluster) < 4 * extraSD / n.squareRoot(), "extra energy \(extraMean) vs \(mu * perCluster)")
    }

    /// A ratio at or below 1 cannot be overlaid (clusters cannot be removed): no change.
    @Test func ratioAtOrBelowOneChangesNothing() throws {
        let c = try PseudoSamples.conditions(.mc)
        for r in [1.0, 0.8] {
            var b = Self.emptyEvents(200)
            BeamBackgroundOverlay(ratio: r, mcConditions: c).correct(&b)
            #expect(b == Self.emptyEvents(200))
        }
    }

    /// Per-event random numbers: the same events corrected in one batch or in two give the
    /// same clusters (reruns and batch boundaries do not change a selection).
    @Test func sameEventsSameOverlayWhateverTheBatches() throws {
        let overlay = BeamBackgroundOverlay(ratio: Self.ratio, mcConditions: try PseudoSamples.conditions(.mc))
        var whole = Self.emptyEvents(300)
        overlay.correct(&whole)
        var first = Self.emptyEvents(300).subset(events: Array(0..<120))
        var second = Self.emptyEvents(300).subset(events: Array(120..<300))
        overlay.correct(&first); overlay.correct(&second)
        #expect(whole.clusters.energy == first.clusters.energy + second.clusters.energy)
        #expect(whole.clusters.offsets.count(ofEvent: 150) == second.clusters.offsets.count(ofEvent: 30))
    }
}
