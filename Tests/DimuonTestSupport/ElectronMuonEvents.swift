import EventModel
import Foundation
import Kinematics

/// Hand-made reconstructed e mu events with known CMS kinematics: an electron and a muon
/// recoiling against an invisible system of mass `recoilMass`, each with its own mass in the
/// two-body decay of the pair (so that the recoil mass is exact only under the right mass
/// assignment).
public enum ElectronMuonEvents {
    public static let beams = BelleIIBeams.y4S

    /// `electronFirst` puts the electron track first in the event; IDs are per role.
    public static func event(id: Int64, recoilMass: Double, recoilMomentum: Double = 1.0, recoilTheta: Double = 1.4,
                             electronFirst: Bool = true, electronCharge: Int8 = -1, alongRecoil: Bool = false,
                             electronIDs: (muon: Float, electron: Float) = (0.01, 0.99),
                             muonIDs: (muon: Float, electron: Float) = (0.99, 0.01),
                             trigger: TriggerLine = .twoTrack, weight: Double = 1) -> ReconstructedEvent {
        let me = ParticleMass.electron, mm = ParticleMass.muon
        let recoil = FourVector(mass: recoilMass, momentum: ThreeVector(magnitude: recoilMomentum, theta: recoilTheta, phi: 0.3))
        let pair = FourVector(e: beams.sqrtS - recoil.e, p: -recoil.p)
        let m = pair.mass
        // Two-body momentum with unequal masses: sqrt(lambda(M^2, me^2, mm^2)) / 2M.
        let lambda = (m * m - (me + mm) * (me + mm)) * (m * m - (mm - me) * (mm - me))
        let pStar = max(lambda, 0).squareRoot() / (2 * m)
        let axis = alongRecoil ? pair.p.unit : pair.p.cross(ThreeVector(x: 0, y: 0, z: 1)).unit
        let boost = LorentzBoost(beta: pair.p * (1 / pair.e))
        let e = beams.toLab(boost.apply(FourVector(mass: me, momentum: axis * pStar)))
        let mu = beams.toLab(boost.apply(FourVector(mass: mm, momentum: axis * -pStar)))
        let te = Track(charge: electronCharge, momentum: e.p, muonID: electronIDs.muon, electronID: electronIDs.electron)
        let tm = Track(charge: -electronCharge, momentum: mu.p, muonID: muonIDs.muon, electronID: muonIDs.electron)
        return ReconstructedEvent(eventID: id, weight: weight, trigger: trigger, extraEnergy: 0,
                                  tracks: electronFirst ? [te, tm] : [tm, te], clusters: [])
    }
}
