/// pi0 candidates: pairs of photon clusters with invariant mass in the pi0 window.
///
/// The searches veto events with a pi0 candidate (Z' -> invisible: two photons with
/// 125 < M < 145 MeV). Counting candidates at reconstruction keeps that veto cheap and
/// makes it see exactly what a real veto sees: true pi0 photons, and random pairs of
/// beam-background photons (whose rate grows with the background level). Clusters matched
/// to tracks are not photon candidates. The count is of pairs, so overlapping candidates
/// sharing a photon each count.
public struct Pi0Reconstruction: Sendable {
    public let massLow2: Double
    public let massHigh2: Double
    public let minPhotonEnergy: Double

    public init(_ c: DetectorConditions.Pi0) {
        massLow2 = c.massWindowGeV.lowerBound * c.massWindowGeV.lowerBound
        massHigh2 = c.massWindowGeV.upperBound * c.massWindowGeV.upperBound
        minPhotonEnergy = c.minPhotonEnergyGeV
    }

    /// M^2 of two massless clusters: 2 E1 E2 (1 - cos alpha).
    @inlinable
    public func massSquared(_ a: ClusterGeometry, _ b: ClusterGeometry) -> Double {
        2 * a.energy * b.energy * (1 - (a.nx * b.nx + a.ny * b.ny + a.nz * b.nz))
    }

    /// Number of photon pairs in the mass window.
    @usableFromInline
    func count(_ g: UnsafeMutableBufferPointer<ClusterGeometry>) -> Int32 {
        var n: Int32 = 0
        let count = g.count
        var i = 0
        while i < count {
            let a = g[i]
            if !a.trackMatched && a.energy > minPhotonEnergy {
                var j = i + 1
                while j < count {
                    let b = g[j]
                    // M^2 <= 4 E1 E2 (back to back): most pairs of soft beam-background
                    // clusters fall short of the window without the opening angle.
                    if !b.trackMatched && b.energy > minPhotonEnergy && 4 * a.energy * b.energy >= massLow2 {
                        let m2 = massSquared(a, b)
                        if m2 >= massLow2 && m2 <= massHigh2 { n += 1 }
                    }
                    j += 1
                }
            }
            i += 1
        }
        return n
    }
}
