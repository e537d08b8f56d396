import Foundation

/// Whether a charged particle born at some point leaves enough hits to be found as a track.
///
/// In the transverse plane the particle moves on a circle of radius R = pT / (0.3 B); from
/// its production point it reaches the radii between r_lo and r_hi: outward-going, r_lo is
/// the production radius and r_hi = |C| + R (C the circle's centre) or the CDC's outer
/// layer; inward-going, it first comes down to ||C| - R| and then turns out again. Layers
/// with r_lo <= r <= r_hi get a hit. Finding needs either
///  - hits in at least 3 SVD layers (the VXD standalone finder needs three space points
///    for a helix), or
///  - at least 3 fully crossed CDC superlayers (two axial and one stereo superlayer are
///    the least that gives a helix in three dimensions; any three consecutive superlayers
///    of the A U A V A U A V A sequence contain both kinds).
/// A track passing the criterion is found with the usual plateau x pT turn-on efficiency
/// (`TrackingResponse.efficiency(pt:productionRadius:)` at r = 0).
///
/// What this leaves out (DarkSector's approximations, docs/physics/detector.md): hit
/// inefficiency per layer, the z extent of the layers (a displaced track leaving through a
/// CDC endplate keeps its hits here), and tracks found in the CDC that are then extended
/// inward by the VXD. For prompt tracks the criterion only removes pT below 30 MeV, where
/// the turn-on has already removed them, so their efficiency is what it was.
public struct DisplacedTrackFinding: Sendable {
    public let geometry: InnerDetectorGeometry
    public let minimumSVDLayers = 3
    public let minimumCDCSuperlayers = 3

    public init(geometry: InnerDetectorGeometry = .belleII) {
        self.geometry = geometry
    }

    /// The radial range [r_lo, r_hi] (cm) a particle reaches from production point (x, y)
    /// with transverse direction (ux, uy) (unit), transverse momentum `pt` and `charge`.
    @inlinable
    public func radialReach(x: Double, y: Double, ux: Double, uy: Double, pt: Double,
                            charge: Int8) -> (low: Double, high: Double) {
        let r0 = (x * x + y * y).squareRoot()
        let radius = geometry.curvatureRadiusCm(pt: pt)
        // Positive charges turn clockwise in a field along +z: centre to the right.
        let side = charge > 0 ? 1.0 : -1.0
        let cx = x + side * radius * uy, cy = y - side * radius * ux
        let d = (cx * cx + cy * cy).squareRoot()
        let high = d + radius
        let outward = x * ux + y * uy >= 0
        let low = outward ? r0 : abs(d - radius)
        return (low, max(high, r0))
    }

    /// Number of SVD layers and fully crossed CDC superlayers reached.
    @inlinable
    public func layersReached(x: Double, y: Double, ux: Double, uy: Double, pt: Double,
                              charge: Int8) -> (svd: Int, cdcSuperlayers: Int) {
        let (low, high) = radialReach(x: x, y: y, ux: ux, uy: uy, pt: pt, charge: charge)
        var svd = 0
        for r in geometry.svdLayerRadiiCm where r >= low && r <= high { svd += 1 }
        var cdc = 0
        for s in geometry.cdcSuperlayers {
            if geometry.cdcLayerRadiiCm[s.lowerBound] >= low && geometry.cdcLayerRadiiCm[s.upperBound - 1] <= high {
                cdc += 1
            }
        }
        return (svd, cdc)
    }

    /// Whether the particle leaves enough hits to be found.
    @inlinable
    public func findable(x: Double, y: Double, ux: Double, uy: Double, pt: Double, charge: Int8) -> Bool {
        let n = layersReached(x: x, y: y, ux: ux, uy: uy, pt: pt, charge: charge)
        return n.svd >= minimumSVDLayers || n.cdcSuperlayers >= minimumCDCSuperlayers
    }
}
