import Foundation
import Kinematics
import EventModel

/// Reconstructed-cluster information the trigger and pi0 finder need besides `Cluster`.
public struct ClusterGeometry: Sendable {
    /// Unit vector of the cluster direction (lab).
    public var nx: Double
    public var ny: Double
    public var nz: Double
    public var region: ECLRegion
    public var energy: Double
    public var trackMatched: Bool

    public init(nx: Double, ny: Double, nz: Double, region: ECLRegion, energy: Double, trackMatched: Bool) {
        self.nx = nx; self.ny = ny; self.nz = nz
        self.region = region; self.energy = energy; self.trackMatched = trackMatched
    }
}

/// The low-multiplicity L1 trigger lines, decided from reconstructed objects.
///
/// A fast simulation cannot emulate the trigger hardware, so each line is a geometric
/// condition on offline objects times a configured efficiency:
///  - two-track (CDC 2D): >= 2 tracks with pT > min in the trigger's theta range; efficiency
///    `eff` times a logistic turn-on in the largest transverse opening angle around
///    `minOpeningAngle` (the 'ffo' line requires > 90 deg), times `forwardBarrelFactor` when
///    one of the tracks is in the forward barrel (where data.yaml puts a data/MC difference);
///  - single muon: a track above `min momentum` in the KLM barrel identified as a muon;
///  - single photon: a cluster with E* > threshold in the ECL barrel, no Bhabha veto;
///  - ECL energy: total lab cluster energy above threshold, no Bhabha veto;
///  - three-track: >= 3 tracks with pT > min.
/// The Bhabha veto fires on two clusters above E*_min back-to-back in the CMS.
public struct TriggerSimulation: Sendable {
    public let twoTrackMinPt: Double
    public let twoTrackCos: Acceptance.CosRange
    public let minOpening: Double
    public let openingWidth: Double
    public let twoTrackEfficiency: Double
    public let forwardBarrelCos: Acceptance.CosRange
    public let forwardBarrelFactor: Double
    public let singleMuonMinP: Double
    public let singleMuonCos: Acceptance.CosRange
    public let singleMuonEfficiency: Double
    public let singlePhotonMinECMS: Double
    public let singlePhotonEfficiency: Double
    public let eclEnergyMin: Double
    public let eclEnergyEfficiency: Double
    public let threeTrackMinPt: Double
    public let threeTrackEfficiency: Double
    public let bhabhaMinECMS: Double
    public let bhabhaDeltaPhi: ClosedRange<Double>
    public let bhabhaThetaSum: ClosedRange<Double>
    public let muonWorkingPoint: Float
    /// Lab -> CMS energy: E* = gamma (E - beta . p).
    public let boostGamma: Double
    public let boostBeta: ThreeVector
    public let beams: BelleIIBeams

    public init(_ t: DetectorConditions.Triggers, workingPoint: Double, beams: BelleIIBeams) {
        twoTrackMinPt = t.twoTrackMinPtGeV
        twoTrackCos = Acceptance.CosRange(thetaDeg: t.twoTrackThetaDeg)
        minOpening = t.twoTrackMinOpeningAngleDeg * .pi / 180
        openingWidth = t.twoTrackOpeningAngleWidthDeg * .pi / 180
        twoTrackEfficiency = t.twoTrackEfficiency
        forwardBarrelCos = Acceptance.CosRange(thetaDeg: t.twoTrackForwardBarrelThetaDeg)
        forwardBarrelFactor = t.twoTrackForwardBarrelFactor
        singleMuonMinP = t.singleMuonMinMomentumGeV
        singleMuonCos = Acceptance.CosRange(thetaDeg: t.singleMuonThetaDeg)
        singleMuonEfficiency = t.singleMuonEfficiency
        singlePhotonMinECMS = t.singlePhotonMinEnergyCMSGeV
        singlePhotonEfficiency = t.singlePhotonEfficiency
        eclEnergyMin = t.eclEnergyMinEnergyGeV
        eclEnergyEfficiency = t.eclEnergyEfficiency
        threeTrackMinPt = t.threeTrackMinPtGeV
        threeTrackEfficiency = t.threeTrackEfficiency
        bhabhaMinECMS = t.bhabhaMinEnergyCMSGeV
        bhabhaDeltaPhi = t.bhabhaDeltaPhiCMSDeg
        bhabhaThetaSum = t.bhabhaThetaSumCMSDeg
        muonWorkingPoint = Float(workingPoint)
        let b = beams.total.p / beams.total.e
        boostBeta = b
        boostGamma = 1 / (1 - b.magnitudeSquared).squareRoot()
        self.beams = beams
    }

    /// CMS energy of a massless cluster of lab energy `e` along the unit vector `g`.
    @inlinable
    public func energyCMS(_ g: ClusterGeometry) -> Double {
        boostGamma * g.energy * (1 - boostBeta.x * g.nx - boostBeta.y * g.ny - boostBeta.z * g.nz)
    }

    /// Probability that the two-track line fires given the tracks (used by tests, too).
    public func twoTrackProbability(_ tracks: [Track]) -> Double {
        // The transverse directions of the tracks the 2D finder sees; the largest opening
        // angle is the arccos of the smallest cosine (one arccos per event).
        var smallestCos = 2.0
        var forward = false
        var n = 0
        withUnsafeTemporaryAllocation(of: (Double, Double).self, capacity: max(1, tracks.count)) { seen in
            for t in tracks {
                let a = t.momentum
                let pt = a.perp
                guard pt > twoTrackMinPt else { continue }
                let cosTheta = a.z / a.magnitude
                guard twoTrackCos.contains(cosTheta: cosTheta) else { continue }
                if forwardBarrelCos.contains(cosTheta: cosTheta) { forward = true }
                let ux = a.x / pt, uy = a.y / pt
                for k in 0..<n { smallestCos = min(smallestCos, ux * seen[k].0 + uy * seen[k].1) }
                seen[n] = (ux, uy)
                n += 1
            }
        }
        guard n >= 2 else { return 0 }
        let best = Arctangent.acos(smallestCos)
        var p = twoTrackEfficiency / (1 + exp(-(best - minOpening) / openingWidth))
        if forward { p *= forwardBarrelFactor }
        return p
    }

    /// True when two clusters above E*_min are back to back in the CMS.
    @usableFromInline
    func bhabhaVeto(_ geometry: UnsafeMutableBufferPointer<ClusterGeometry>) -> Bool {
        var first = -1
        for i in geometry.indices where energyCMS(geometry[i]) > bhabhaMinECMS {
            if first < 0 { first = i; continue }
            let a = cmsDirection(geometry[first]), b = cmsDirection(geometry[i])
            var dphi = abs(a.phi - b.phi) * 180 / .pi
            if dphi > 360 { dphi -= 360 }
            let thetaSum = (a.theta + b.theta) * 180 / .pi
            if bhabhaDeltaPhi.contains(dphi) && bhabhaThetaSum.contains(thetaSum) { return true }
        }
        return false
    }

    private func cmsDirection(_ g: ClusterGeometry) -> ThreeVector {
        beams.toCMS(FourVector(e: g.energy, p: ThreeVector(x: g.nx * g.energy, y: g.ny * g.energy,
                                                           z: g.nz * g.energy))).p
    }

    /// Decides all lines for one event.
    @inlinable
    func decide<R: DetectorRandom>(tracks: [Track], clusters geometry: UnsafeMutableBufferPointer<ClusterGeometry>,
                                   random: R) -> TriggerLine {
        var fired: TriggerLine = []
        if tracks.count >= 2, random.uniform() < twoTrackProbability(tracks) { fired.insert(.twoTrack) }

        var nThree = 0
        var muon = false
        for t in tracks {
            let p = t.momentum.magnitude
            if t.momentum.perp > threeTrackMinPt { nThree += 1 }
            if !muon, p > singleMuonMinP, t.muonID > muonWorkingPoint,
               singleMuonCos.contains(cosTheta: t.momentum.z / p) { muon = true }
        }
        if nThree >= 3, random.uniform() < threeTrackEfficiency { fired.insert(.threeTrack) }
        if muon, random.uniform() < singleMuonEfficiency { fired.insert(.singleMuon) }

        guard geometry.count > 0 else { return fired }
        var total = 0.0
        var photon = false
        for g in geometry {
            total += g.energy
            if !photon, g.region == .barrel, energyCMS(g) > singlePhotonMinECMS { photon = true }
        }
        let needVeto = photon || total > eclEnergyMin
        if needVeto && !bhabhaVeto(geometry) {
            if photon, random.uniform() < singlePhotonEfficiency { fired.insert(.singlePhoton) }
            if total > eclEnergyMin, random.uniform() < eclEnergyEfficiency { fired.insert(.eclEnergy) }
        }
        return fired
    }
}
