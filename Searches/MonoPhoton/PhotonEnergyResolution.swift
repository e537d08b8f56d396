import Foundation

/// Resolution of the photon's CMS energy E* and of M2_miss = s - 2 sqrt(s) E*, from the ECL
/// energy parametrisation sigma_E/E = a/E (+) b/E^(1/4) (+) c (Belle CsI(Tl); shared/PHYSICS.md
/// "Resolutions"; the figures of Conditions/mc.yaml `calorimeter.energy_resolution`, which a
/// test checks these equal).
///
/// Approximation: the relative resolution is taken at E_lab = E*. A barrel photon's lab
/// energy is E* gamma (1 + beta cos theta*) with beta gamma = 0.287, i.e. 0.8-1.2 E*, over
/// which sigma_E/E changes by less than 3% (the E^(1/4) and constant terms dominate); the
/// angular term (2.5 mrad x beta gamma E*) adds under 0.2% of E* in quadrature. A test
/// compares sigma with the core width measured on signal MC (without ISR). The ISR tail
/// towards low E* is not in sigma: it is signal lost outside the window, counted in the
/// efficiency.
public struct PhotonEnergyResolution: Sendable, Hashable, Codable {
    public var noisePercent: Double
    public var stochasticPercent: Double
    public var constantPercent: Double

    public init(noisePercent: Double, stochasticPercent: Double, constantPercent: Double) {
        self.noisePercent = noisePercent
        self.stochasticPercent = stochasticPercent
        self.constantPercent = constantPercent
    }

    /// Conditions/mc.yaml: 0.066% / 0.81% / 1.34%.
    public static let belleIIECL = PhotonEnergyResolution(noisePercent: 0.066, stochasticPercent: 0.81, constantPercent: 1.34)

    /// sigma_E/E at E (GeV).
    public func relative(energy e: Double) -> Double {
        let a = noisePercent / 100 / e, b = stochasticPercent / 100 / pow(e, 0.25), c = constantPercent / 100
        return (a * a + b * b + c * c).squareRoot()
    }

    /// sigma(E*) (GeV) of a photon of CMS energy E*.
    public func sigmaEnergy(cmsEnergy e: Double) -> Double { e * relative(energy: e) }

    /// sigma(M2_miss) (GeV^2) at A' mass m: 2 sqrt(s) sigma(E*), E* = (s - m^2)/(2 sqrt(s)).
    public func sigmaMissingMassSquared(mass m: Double, sqrtS: Double) -> Double {
        let e = (sqrtS * sqrtS - m * m) / (2 * sqrtS)
        return 2 * sqrtS * sigmaEnergy(cmsEnergy: e)
    }
}
