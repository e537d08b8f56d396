import EventModel
import Kinematics

/// What a calibration measures one event with: the batch, the event's index and weight.
/// Data have weight 1; simulation carries its weight normalised to the data luminosity.
public protocol Calibration: Sendable {
    /// The correction rows' name.
    static var correctionName: String { get }
    /// Whether event `i` belongs to this calibration's control sample. The validation drops
    /// members of every calibration sample, so a correction is never judged by the events
    /// that made it.
    func isMember(_ b: EventBatch, event i: Int) -> Bool
    /// Adds the events of one batch (data or simulation) to the measurement.
    mutating func add(_ batch: EventBatch, weights: [Double], isData: Bool)
    /// Sums of another part of the same measurement (files are read in parallel).
    mutating func merge(_ other: Self)
    /// The measured correction rows (empty, with `notes`, when the sample is too small).
    func result(notes: inout [String]) -> [MeasuredCorrection]
}

/// Half of a large calibration sample, by event-id parity: where a calibration sample is
/// big and overlaps a search's control sample (e e pairs, mu mu gamma), it takes the even
/// event ids only and leaves the odd ones to the validation.
@inline(__always)
func evenEvent(_ b: EventBatch, _ i: Int) -> Bool { b.events.eventID[i] & 1 == 0 }

/// Small per-event helpers shared by the calibrations.
enum EventView {
    /// Lab momentum of track row `r`.
    @inline(__always)
    static func momentum(_ b: EventBatch, _ r: Int) -> ThreeVector {
        ThreeVector(x: b.tracks.px[r], y: b.tracks.py[r], z: b.tracks.pz[r])
    }

    /// Polar angle in degrees.
    @inline(__always)
    static func thetaDeg(_ p: ThreeVector) -> Double { Arctangent.atan2(p.perp, p.z) * 180 / .pi }

    /// Electric charge of a generator particle the detector tracks (0 otherwise), as in the
    /// detector simulation (e, mu, pi, K, p).
    static func charge(pdg: Int32) -> Int8 {
        switch pdg {
        case 11, 13, -211, -321, -2212: return -1
        case -11, -13, 211, 321, 2212: return 1
        default: return 0
        }
    }

    /// |PDG id| of the generator particle a track comes from: the same-charge particle
    /// closest in direction, within 50 mrad (the track angular resolution is ~1 mrad at high
    /// momentum, ~10 mrad at 0.2 GeV; radiation moves the direction less than that for the
    /// leptons these corrections are applied to). Nil for data or no match.
    static func truthSpecies(_ b: EventBatch, event i: Int, trackRow r: Int) -> Int32? {
        guard b.particles.offsets.eventCount == b.count else { return nil }
        let rows = b.particles.offsets.rows(ofEvent: i)
        guard !rows.isEmpty else { return nil }
        let t = momentum(b, r)
        let tm = t.magnitude
        guard tm > 0 else { return nil }
        let q = b.tracks.charge[r]
        var best = 0.05, species: Int32? = nil
        for k in rows where charge(pdg: b.particles.pdg[k]) == q {
            let p = ThreeVector(x: b.particles.px[k], y: b.particles.py[k], z: b.particles.pz[k])
            let pm = p.magnitude
            guard pm > 0 else { continue }
            let c = max(-1, min(1, (t.x * p.x + t.y * p.y + t.z * p.z) / (tm * pm)))
            let angle = Arctangent.acos(c)
            if angle < best { best = angle; species = abs(b.particles.pdg[k]) }
        }
        return species
    }
}
