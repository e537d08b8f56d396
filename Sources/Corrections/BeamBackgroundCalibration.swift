import Analysis
import Detector
import EventModel
import Foundation
import Kinematics

/// Beam-background level in data relative to simulation: the mean number of ECL clusters
/// that are out of time with the collision (|t| > 50 ns) and not matched to a track, in
/// e+e- -> e+e-(gamma) events (exactly two tracks, both identified as electrons). Physics
/// clusters are in time (the ECL time resolution is below 10 ns even at 20 MeV), so
/// out-of-time clusters count beam background alone; their rate scales with the in-time
/// background that reaches the extra-energy and pi0 vetoes.
///
/// Why electron pairs: a calibration must not see the blinding, and the number of clusters
/// is what the searches' extra-energy and pi0 vetoes cut on, so a sample reaching into a
/// signal region would lose events by their cluster count. Two identified electrons fail
/// every current search's loosest selection (checked in Tests/CorrectionsTests).
public struct BeamBackgroundCalibration: Calibration {
    public static let correctionName = "beam_background_clusters"
    static let minAbsTimeNs: Float = 50

    var dataEvents = 0.0, dataClusters = 0.0, dataClusters2 = 0.0
    var mcW = 0.0, mcW2 = 0.0, mcClusters = 0.0, mcClustersW2n2 = 0.0

    public init() {}

    static func outOfTime(_ b: EventBatch, event i: Int) -> Int {
        var n = 0
        for r in b.clusters.offsets.rows(ofEvent: i) where b.clusters.trackMatched[r] == 0 && abs(b.clusters.time[r]) > minAbsTimeNs {
            n += 1
        }
        return n
    }

    /// Even event ids only (the searches' e e control samples keep the odd ones).
    public func isMember(_ b: EventBatch, event i: Int) -> Bool {
        guard evenEvent(b, i), b.tracks.offsets.count(ofEvent: i) == 2 else { return false }
        let r0 = b.tracks.offsets.rows(ofEvent: i).lowerBound
        return b.tracks.electronID[r0] > 0.9 && b.tracks.electronID[r0 + 1] > 0.9
    }

    public mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
        for i in 0..<b.count where isMember(b, event: i) {
            let n = Double(Self.outOfTime(b, event: i))
            if isData {
                dataEvents += 1; dataClusters += n; dataClusters2 += n * n
            } else {
                let w = weights[i]
                mcW += w; mcW2 += w * w; mcClusters += w * n; mcClustersW2n2 += w * w * n * n
            }
        }
    }

    public mutating func merge(_ o: BeamBackgroundCalibration) {
        dataEvents += o.dataEvents; dataClusters += o.dataClusters; dataClusters2 += o.dataClusters2
        mcW += o.mcW; mcW2 += o.mcW2; mcClusters += o.mcClusters; mcClustersW2n2 += o.mcClustersW2n2
    }

    public func result(notes: inout [String]) -> [MeasuredCorrection] {
        guard dataEvents >= 100, mcW > 0, mcClusters > 0 else {
            notes.append("\(Self.correctionName): too few two-track events (data \(Int(dataEvents))); no overlay")
            return []
        }
        let dMean = dataClusters / dataEvents
        // Standard error of a mean count: sqrt(var(n) / N).
        let dVar = max(0, dataClusters2 / dataEvents - dMean * dMean)
        let dErr = (dVar / dataEvents).squareRoot()
        let mMean = mcClusters / mcW
        let nEff = mcW * mcW / mcW2
        let mVar = max(0, mcClustersW2n2 / mcW2 - mMean * mMean)
        let mErr = (mVar / nEff).squareRoot()
        let r = ratio(dMean, dErr, mMean, mErr)
        return [MeasuredCorrection(
            name: Self.correctionName, bin: "all", dataValue: dMean, dataUncertainty: dErr, mcValue: mMean, mcUncertainty: mErr,
            value: r.value, statUncertainty: r.uncertainty,
            // Systematic: the in-time background is assumed to scale with the out-of-time
            // one (one source, the beams); 5% for a possible difference of their ratio.
            systUncertainty: 0.05 * r.value,
            sourceSample: "e e (gamma), two identified electrons: unmatched ECL clusters with |t| > 50 ns",
            method: "mean number of out-of-time clusters per event, data/MC",
            dataEvents: dataEvents, mcEvents: nEff)]
    }
}

/// Overlays the missing beam background on simulated events: with a measured ratio r > 1,
/// Poisson(mu_MC (r - 1)) extra clusters drawn from the simulation's own background model
/// (energy spectrum, regions, timing from Conditions/mc.yaml), added to the clusters, the
/// extra energy (above the region's threshold, as the detector does) and the pi0 count
/// (pairs with the event's unmatched clusters in the pi0 mass window). The trigger bits are
/// left alone: soft clusters do not change the track-based lines the searches use. A ratio
/// below 1 would need clusters removed, which an overlay cannot do; it is then not applied
/// (and the report says so).
public struct BeamBackgroundOverlay: SimulationCorrection {
    public let name = BeamBackgroundCalibration.correctionName
    public let ratio: Double
    let model: BeamBackground
    let calorimeter: CalorimeterResponse
    let acceptance: Acceptance
    let thresholds: DetectorConditions.ExtraEnergy
    let pi0: DetectorConditions.Pi0
    let extraMean: Double
    static let salt: UInt64 = 0x6265616D   // "beam"

    public init(ratio: Double, mcConditions c: DetectorConditions) {
        self.ratio = ratio
        acceptance = Acceptance(c.acceptance)
        model = BeamBackground(c.beamBackground, acceptance: acceptance)
        calorimeter = CalorimeterResponse(c.calorimeter)
        thresholds = c.extraEnergy
        pi0 = c.pi0
        extraMean = max(0, ratio - 1) * c.beamBackground.meanClusters
    }

    func threshold(_ region: ECLRegion) -> Double {
        switch region {
        case .barrel: return thresholds.minClusterEnergyBarrelGeV
        case .forwardEndcap, .forwardGap: return thresholds.minClusterEnergyForwardGeV
        case .backwardEndcap, .backwardGap: return thresholds.minClusterEnergyBackwardGeV
        case .outside: return .infinity
        }
    }

    public func correct(_ b: inout EventBatch) {
        guard extraMean > 0 else { return }
        var out = EventBatch()
        let low2 = pi0.massWindowGeV.lowerBound * pi0.massWindowGeV.lowerBound
        let high2 = pi0.massWindowGeV.upperBound * pi0.massWindowGeV.upperBound
        for i in 0..<b.count {
            var event = b.event(at: i)
            let random = EventRandom(salt: Self.salt, eventID: event.eventID, tag: event.tracks.first?.momentum.x ?? 0)
            let n = random.poisson(extraMean)
            for _ in 0..<n {
                let c = model.sample(random: random, timeSigma: { calorimeter.timeSigma($0) })
                let st = (1 - c.cosTheta * c.cosTheta).squareRoot()
                let dir = ThreeVector(x: st * c.cosPhi, y: st * c.sinPhi, z: c.cosTheta)
                if c.energy > threshold(c.region) { event.extraEnergy += c.energy }
                if c.energy > pi0.minPhotonEnergyGeV {
                    for other in event.clusters where !other.trackMatched && other.energy > pi0.minPhotonEnergyGeV {
                        let o = ThreeVector(magnitude: 1, theta: other.theta, phi: other.phi)
                        let m2 = 2 * c.energy * other.energy * (1 - (dir.x * o.x + dir.y * o.y + dir.z * o.z))
                        if m2 >= low2 && m2 <= high2 { event.nPi0 += 1 }
                    }
                }
                event.clusters.append(Cluster(energy: c.energy, theta: Arctangent.acos(c.cosTheta), phi: c.phi,
                                              time: Float(c.time), trackMatched: false))
            }
            if n > 0 { event.clusters.sort { $0.energy > $1.energy } }   // as the detector presents them
            out.append(event)
        }
        b = out
    }
}
