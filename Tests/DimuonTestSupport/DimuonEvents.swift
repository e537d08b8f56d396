import EventModel
import Foundation
import Kinematics

/// Hand-made reconstructed dimuon events with known CMS kinematics, shared by the test
/// targets of the dimuon searches and the pipeline (a library target: test targets cannot
/// share sources).
public enum DimuonEvents {
    public static let beams = BelleIIBeams.y4S

    /// mu+ mu- recoiling against an invisible system of mass `recoilMass`: the recoil has CMS
    /// momentum `recoilMomentum` at polar angle `recoilTheta`; the pair decays isotropically
    /// in its rest frame perpendicular to the recoil, or along it (`alongRecoil`: the muons
    /// are collinear with the recoil axis, as when the Z' is radiated off a muon).
    public static func event(id: Int64, recoilMass: Double, recoilMomentum: Double = 1.0, recoilTheta: Double = 1.4,
                      alongRecoil: Bool = false,
                      muonID: Float = 0.99, electronID: Float = 0.01, trigger: TriggerLine = .twoTrack,
                      extraEnergy: Double = 0, clusters: [Cluster] = [], weight: Double = 1) -> ReconstructedEvent {
        let sqrtS = beams.sqrtS
        let recoil = FourVector(mass: recoilMass, momentum: ThreeVector(magnitude: recoilMomentum, theta: recoilTheta, phi: 0.3))
        let pair = FourVector(e: sqrtS - recoil.e, p: -recoil.p)
        let mPair = pair.mass
        let pStar = (max(mPair * mPair / 4 - ParticleMass.muon * ParticleMass.muon, 0)).squareRoot()
        // Decay axis perpendicular to the pair's flight, in the pair rest frame.
        let axis = alongRecoil ? pair.p.unit : pair.p.cross(ThreeVector(x: 0, y: 0, z: 1)).unit
        let boost = LorentzBoost(beta: pair.p * (1 / pair.e))
        let m1 = boost.apply(FourVector(mass: ParticleMass.muon, momentum: axis * pStar))
        let m2 = boost.apply(FourVector(mass: ParticleMass.muon, momentum: axis * -pStar))
        let l1 = beams.toLab(m1), l2 = beams.toLab(m2)
        return ReconstructedEvent(eventID: id, weight: weight, trigger: trigger, extraEnergy: extraEnergy,
                                  tracks: [Track(charge: -1, momentum: l1.p, muonID: muonID, electronID: electronID),
                                           Track(charge: 1, momentum: l2.p, muonID: muonID, electronID: electronID)],
                                  clusters: clusters)
    }

    public static func batch(_ events: [ReconstructedEvent]) -> EventBatch {
        var b = EventBatch()
        for e in events { b.append(e) }
        return b
    }
}
