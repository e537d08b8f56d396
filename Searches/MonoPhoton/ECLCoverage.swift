/// The instrumented polar-angle ranges of the ECL (lab, degrees) and how far a direction lies
/// inside them: the mono-photon search's handle on gamma gamma events whose second photon
/// escapes through a barrel-endcap gap or past an endcap.
///
/// Ranges: basf2 `ECLCluster::getDetectorRegion` (forward endcap 12.4-31.4, barrel
/// 32.2-128.7, backward endcap 130.7-155.1 deg), the values of Conditions/mc.yaml
/// `acceptance.ecl_*` (a test checks they agree). The physics target cannot read the
/// conditions (it depends on Analysis and the event model only), so they are repeated here.
public enum ECLCoverage {
    public static let forwardEndcapDeg: ClosedRange<Double> = 12.4...31.4
    public static let barrelDeg: ClosedRange<Double> = 32.2...128.7
    public static let backwardEndcapDeg: ClosedRange<Double> = 130.7...155.1
    public static let instrumented = [forwardEndcapDeg, barrelDeg, backwardEndcapDeg]

    /// Signed distance (deg) from `thetaDeg` to the nearest edge of the instrumented ECL:
    /// positive inside a crystal region (distance to its closer edge), negative in a gap or
    /// outside the acceptance (minus the distance to the nearest instrumented region).
    public static func margin(thetaDeg t: Double) -> Double {
        var best = -Double.infinity
        for r in instrumented {
            let m = r.contains(t) ? min(t - r.lowerBound, r.upperBound - t)
                                  : -min(abs(t - r.lowerBound), abs(t - r.upperBound))
            best = max(best, m)
        }
        return best
    }
}
