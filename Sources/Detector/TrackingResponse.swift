import Foundation

/// Track-finding efficiency and helix-parameter resolutions of the CDC + VXD.
///
/// All resolution terms are added in quadrature, the standard Belle II parametrisations:
///  - sigma(pT)/pT = a pT (+) b/beta (curvature measurement (+) multiple scattering);
///  - sigma(theta) = sigma(phi) = c (+) d/(p beta) for the helix angles at the IP;
///  - sigma(d0) = a (+) b/(p beta sin^(3/2) theta), sigma(z0) = a (+) b/(p beta sin^(5/2) theta).
/// Tracks born outside the PXD or SVD lose their innermost hits, so their impact-parameter
/// resolution is scaled up and their finding efficiency falls off with production radius.
public struct TrackingResponse: Sendable {
    public let plateau: Double
    public let turnOnPt: Double
    public let turnOnWidth: Double
    public let a2: Double
    public let b2: Double
    /// Angle terms in rad.
    public let angleC2: Double
    public let angleD2: Double
    /// Impact-parameter terms in cm.
    public let d0A2: Double
    public let d0B2: Double
    public let z0A2: Double
    public let z0B2: Double
    public let pxdRadius: Double
    public let svdRadius: Double
    public let scaleBeyondPXD: Double
    public let scaleBeyondSVD: Double
    public let fullEfficiencyRadius: Double
    public let zeroEfficiencyRadius: Double

    public init(_ t: DetectorConditions.Tracking, vertexing v: DetectorConditions.Vertexing) {
        plateau = t.efficiencyPlateau
        turnOnPt = t.turnOnPtGeV
        turnOnWidth = t.turnOnWidthGeV
        a2 = t.momentumResolutionA * t.momentumResolutionA
        b2 = t.momentumResolutionB * t.momentumResolutionB
        angleC2 = pow(t.angleConstantMrad * 1e-3, 2)
        angleD2 = pow(t.angleMultipleScatteringMradGeV * 1e-3, 2)
        d0A2 = pow(t.d0ConstantUm * 1e-4, 2)
        d0B2 = pow(t.d0MultipleScatteringUmGeV * 1e-4, 2)
        z0A2 = pow(t.z0ConstantUm * 1e-4, 2)
        z0B2 = pow(t.z0MultipleScatteringUmGeV * 1e-4, 2)
        pxdRadius = v.pxdOuterRadiusCm
        svdRadius = v.svdOuterRadiusCm
        scaleBeyondPXD = v.resolutionScaleBeyondPXD
        scaleBeyondSVD = v.resolutionScaleBeyondSVD
        fullEfficiencyRadius = v.fullEfficiencyRadiusCm
        zeroEfficiencyRadius = v.zeroEfficiencyRadiusCm
    }

    /// Probability to find a track of transverse momentum `pt` born at transverse radius `r` (cm).
    @inlinable
    public func efficiency(pt: Double, productionRadius r: Double) -> Double {
        let x = (pt - turnOnPt) / turnOnWidth
        var eff = x > 40 ? plateau : plateau / (1 + exp(-x))
        if r > fullEfficiencyRadius {
            eff *= max(0, (zeroEfficiencyRadius - r) / (zeroEfficiencyRadius - fullEfficiencyRadius))
        }
        return eff
    }

    /// sigma(pT)/pT.
    @inlinable
    public func relativePtSigma(pt: Double, beta: Double) -> Double {
        (a2 * pt * pt + b2 / (beta * beta)).squareRoot()
    }

    /// sigma of the helix polar and azimuthal angles, rad.
    @inlinable
    public func angleSigma(p: Double, beta: Double) -> Double {
        let pb = p * beta
        return (angleC2 + angleD2 / (pb * pb)).squareRoot()
    }

    /// Resolution degradation for a track born at transverse radius `r` (cm).
    @inlinable
    public func impactScale(productionRadius r: Double) -> Double {
        r > svdRadius ? scaleBeyondSVD : (r > pxdRadius ? scaleBeyondPXD : 1)
    }

    /// sigma(d0) in cm.
    @inlinable
    public func d0Sigma(p: Double, beta: Double, sinTheta: Double, productionRadius r: Double) -> Double {
        let x = p * beta * sinTheta * sinTheta.squareRoot()
        return (d0A2 + d0B2 / (x * x)).squareRoot() * impactScale(productionRadius: r)
    }

    /// sigma(z0) in cm.
    @inlinable
    public func z0Sigma(p: Double, beta: Double, sinTheta: Double, productionRadius r: Double) -> Double {
        let x = p * beta * sinTheta * sinTheta * sinTheta.squareRoot()
        return (z0A2 + z0B2 / (x * x)).squareRoot() * impactScale(productionRadius: r)
    }
}
