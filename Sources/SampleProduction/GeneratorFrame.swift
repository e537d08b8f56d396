import Kinematics

/// The frame a generator wrote its events in. A generator run for e+e- at 10.58 GeV
/// (KKMC, Pythia, MadGraph with symmetric beams) writes the centre-of-mass frame; the
/// detector needs Belle II's lab, reached with the beams' boost (`BelleIIBeams.toLab`).
public enum GeneratorFrame: String, Sendable, CaseIterable {
    case cms
    case lab

    /// A momentum in the lab.
    public func toLab(_ momentum: FourVector, beams: BelleIIBeams) -> FourVector {
        self == .lab ? momentum : beams.toLab(momentum)
    }

    /// A production vertex in the lab, cm. A displaced vertex in the CMS is an event in
    /// space-time, (c t, x), so it is transformed with the same boost as a momentum: its lab
    /// position is the flight measured in the lab, longer by the boost (e.g. a K_S flying
    /// forward). A vertex with c t = 0 at the origin stays at the origin.
    public func toLab(vertex: ThreeVector, ctCm: Double, beams: BelleIIBeams) -> ThreeVector {
        self == .lab ? vertex : beams.toLab(FourVector(e: ctCm, p: vertex)).p
    }
}
