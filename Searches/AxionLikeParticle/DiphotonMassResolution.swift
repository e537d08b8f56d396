import Foundation

/// Mass resolution of the three-photon ALP search versus m_a, for its two mass estimators:
/// the diphoton mass m_gg of the pair and the recoil mass squared against the third photon,
/// M2_rec = s - 2 sqrt(s) E*, whose width is 2 sqrt(s) sigma(E*).
///
/// - `diphotonSigma(m)`: core width of m_gg, linearly interpolated in a table of masses: for
///   the search, the first-order propagation of the ECL energy and angle resolutions over the
///   signal kinematics and acceptance (`ALPAnalyticResolution` in the package target), which
///   `Tests/AxionLikeParticleTests` compares with the signal simulation
///   (`ALPResolutionMeasurement`).
/// - `recoilSigma(m)`: sigma(M2_rec) from the ECL energy resolution sigma_E/E = a/E (+)
///   b/E^(1/4) (+) c (Conditions/mc.yaml `calorimeter.energy_resolution`, 0.066% / 0.81% /
///   1.34%) at E = E*(m), the same approximation the mono-photon search states (relative
///   resolution at E_lab = E*).
/// - `usesRecoil(m)`: the estimator with the smaller width in m, sigma(m) from M2_rec being
///   sigma(M2_rec)/(2m). This is the resolution study's decision, made per mass: the diphoton
///   mass wins at low mass (its width grows with m), the recoil mass at high mass (E* and its
///   absolute width shrink, and sigma(M2)/(2m) falls with m).
public struct DiphotonMassResolution: Sendable, Hashable, Codable {
    /// Masses (GeV) and measured core widths of m_gg (GeV), increasing in mass.
    public var masses: [Double]
    public var diphotonSigmas: [Double]
    public var noisePercent = 0.066, stochasticPercent = 0.81, constantPercent = 1.34
    public var sqrtS: Double

    public init(masses: [Double], diphotonSigmas: [Double], sqrtS: Double) {
        precondition(masses.count == diphotonSigmas.count && masses.count >= 2, "resolution table needs >= 2 points")
        self.masses = masses
        self.diphotonSigmas = diphotonSigmas
        self.sqrtS = sqrtS
    }

    /// Core width of m_gg at mass m (GeV), linear interpolation, constant slope outside.
    public func diphotonSigma(mass m: Double) -> Double {
        var i = 0
        while i < masses.count - 2 && m > masses[i + 1] { i += 1 }
        let t = (m - masses[i]) / (masses[i + 1] - masses[i])
        return max(diphotonSigmas[i] + t * (diphotonSigmas[i + 1] - diphotonSigmas[i]), 1e-4)
    }

    /// sigma(E)/E of the ECL at E (GeV).
    public func relativeEnergyResolution(energy e: Double) -> Double {
        let a = noisePercent / 100 / e, b = stochasticPercent / 100 / pow(e, 0.25), c = constantPercent / 100
        return (a * a + b * b + c * c).squareRoot()
    }

    /// E*(m), the recoil photon's CMS energy.
    public func recoilEnergy(mass m: Double) -> Double { (sqrtS * sqrtS - m * m) / (2 * sqrtS) }

    /// sigma(E*) at mass m (GeV).
    public func recoilEnergySigma(mass m: Double) -> Double {
        let e = recoilEnergy(mass: m)
        return e * relativeEnergyResolution(energy: e)
    }

    /// sigma(M2_rec) at mass m (GeV^2).
    public func recoilSigma(mass m: Double) -> Double { 2 * sqrtS * recoilEnergySigma(mass: m) }

    /// Whether the recoil mass squared resolves mass m better than the diphoton mass.
    public func usesRecoil(mass m: Double) -> Bool { recoilSigma(mass: m) / (2 * m) < diphotonSigma(mass: m) }
}
