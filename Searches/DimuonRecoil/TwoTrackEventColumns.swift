import EventModel

/// Event-level columns of the two-track searches (mu mu and e mu): track multiplicity, the
/// pair's charge product, pi0 candidates and extra energy. Events with other than two tracks
/// keep their multiplicity (so the cut flow shows where they went) and NaN elsewhere.
public struct TwoTrackEventColumns {
    public var nTracks, chargeProduct, nPi0, extraEnergy: [Double]

    public init(count n: Int) {
        let nan = [Double](repeating: .nan, count: n)
        nTracks = nan; chargeProduct = nan; nPi0 = nan; extraEnergy = nan
    }

    /// Fills event `i`; returns the rows of its two tracks, nil when it has not exactly two.
    public mutating func fill(row i: Int, batch: EventBatch) -> (first: Int, second: Int)? {
        let rows = batch.tracks.offsets.rows(ofEvent: i)
        nTracks[i] = Double(rows.count)
        nPi0[i] = Double(batch.events.nPi0[i])
        extraEnergy[i] = batch.events.extraEnergy[i]
        guard rows.count == 2 else { return nil }
        let a = rows.lowerBound, b = a + 1
        chargeProduct[i] = Double(batch.tracks.charge[a]) * Double(batch.tracks.charge[b])
        return (a, b)
    }

    public func export(into out: inout [String: [Double]]) {
        out["n_tracks"] = nTracks
        out["charge_product"] = chargeProduct
        out["n_pi0"] = nPi0
        out["extra_energy"] = extraEnergy
    }
}
