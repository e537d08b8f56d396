import Foundation

/// ECL region of a polar angle, with the basf2 `ECLCluster::getDetectorRegion` codes.
public enum ECLRegion: Int8, Sendable, CaseIterable {
    case outside = 0
    case forwardEndcap = 1
    case barrel = 2
    case backwardEndcap = 3
    case forwardGap = 11
    case backwardGap = 13

    public var isGap: Bool { self == .forwardGap || self == .backwardGap }
}

/// Geometric acceptance of the sub-detectors, precomputed as cos(theta) boundaries.
///
/// The per-event code has cos(theta) = pz/|p| for free, so comparing cosines avoids an
/// acos per particle. Boundaries are inclusive on the side of the detector.
public struct Acceptance: Sendable {
    /// cos(theta) limits: `cosLow` = cos(theta_max) < cos(theta) <= `cosHigh` = cos(theta_min).
    public struct CosRange: Sendable {
        public let cosLow: Double
        public let cosHigh: Double

        public init(thetaDeg: ClosedRange<Double>) {
            cosLow = cos(thetaDeg.upperBound * .pi / 180)
            cosHigh = cos(thetaDeg.lowerBound * .pi / 180)
        }

        @inlinable
        public func contains(cosTheta c: Double) -> Bool { c >= cosLow && c <= cosHigh }
    }

    public let cdc: CosRange
    public let klm: CosRange
    // ECL boundaries in decreasing cos(theta): fwd start, fwd end, barrel start, barrel end,
    // bwd start, bwd end.
    @usableFromInline let eclFwdStart: Double
    @usableFromInline let eclFwdEnd: Double
    @usableFromInline let eclBarrelStart: Double
    @usableFromInline let eclBarrelEnd: Double
    @usableFromInline let eclBwdStart: Double
    @usableFromInline let eclBwdEnd: Double

    public init(_ a: DetectorConditions.Acceptance) {
        cdc = CosRange(thetaDeg: a.cdcThetaDeg)
        // The KLM endcaps and barrel tile one range; the union is what matters for muon ID.
        let klmMin = min(a.klmForwardEndcapThetaDeg.lowerBound, a.klmBarrelThetaDeg.lowerBound)
        let klmMax = max(a.klmBackwardEndcapThetaDeg.upperBound, a.klmBarrelThetaDeg.upperBound)
        klm = CosRange(thetaDeg: klmMin...klmMax)
        let c = { (deg: Double) in cos(deg * .pi / 180) }
        eclFwdStart = c(a.eclForwardEndcapThetaDeg.lowerBound)
        eclFwdEnd = c(a.eclForwardEndcapThetaDeg.upperBound)
        eclBarrelStart = c(a.eclBarrelThetaDeg.lowerBound)
        eclBarrelEnd = c(a.eclBarrelThetaDeg.upperBound)
        eclBwdStart = c(a.eclBackwardEndcapThetaDeg.lowerBound)
        eclBwdEnd = c(a.eclBackwardEndcapThetaDeg.upperBound)
    }

    /// The ECL region for a direction with polar-angle cosine `c`.
    @inlinable
    public func eclRegion(cosTheta c: Double) -> ECLRegion {
        if c > eclFwdStart { return .outside }
        if c > eclFwdEnd { return .forwardEndcap }
        if c > eclBarrelStart { return .forwardGap }
        if c >= eclBarrelEnd { return .barrel }
        if c >= eclBwdStart { return .backwardGap }
        if c >= eclBwdEnd { return .backwardEndcap }
        return .outside
    }

    /// cos(theta) range of an ECL region (endcaps and barrel), for generating background.
    public func cosRange(of region: ECLRegion) -> ClosedRange<Double> {
        switch region {
        case .forwardEndcap: return eclFwdEnd...eclFwdStart
        case .barrel: return eclBarrelEnd...eclBarrelStart
        case .backwardEndcap: return eclBwdEnd...eclBwdStart
        case .forwardGap: return eclBarrelStart...eclFwdEnd
        case .backwardGap: return eclBwdStart...eclBarrelEnd
        case .outside: return 0...0
        }
    }
}
