import ZPrimeInvisible
import Analysis
import Foundation
import Generators

/// sigma(e+e- -> mu+ mu- Z') x BF(Z' -> invisible) versus M_Z' and g'.
///
/// sigma(g' = 1) is tabulated from `MuonPairZPrimeSampler.crossSection(massGeV:gPrime:1,
/// withISR: true, trials: 60_000, seed: 20_191_224)` (tree level, exact matrix element,
/// Kuraev-Fadin ISR; sampler MC precision ~0.4%) and interpolated log-linearly; the
/// production is exactly proportional to g'^2 and BF(invisible) does not depend on g' (every
/// partial width is), so the default coupling translation g = sqrt(sigma_lim / sigma(g'=1) /
/// BF) of `SignalModel` holds. BF(invisible) comes from `ZPrimeModel` (L_mu - L_tau: 1 below
/// 2 m_mu, ~1/2 up to 2 m_tau, ~1/3 above) or is 1 for the fully invisible benchmark.
/// A test re-integrates the sampler at two masses and checks the table to 3%.
public struct ZPrimeSignalModel: SignalModel, Hashable {
    public let couplingName = "g_prime"
    public let referenceCoupling = 1.0
    /// BF(Z' -> invisible) = 1 at every mass (Z' -> chi chi dominates).
    public let fullyInvisible: Bool
    public let massesGeV: [Double]
    public let sigmaFbAtUnitCoupling: [Double]

    public init(fullyInvisible: Bool, massesGeV: [Double], sigmaFbAtUnitCoupling: [Double]) {
        precondition(massesGeV.count == sigmaFbAtUnitCoupling.count && massesGeV.count >= 2)
        self.fullyInvisible = fullyInvisible
        self.massesGeV = massesGeV
        self.sigmaFbAtUnitCoupling = sigmaFbAtUnitCoupling
    }

    /// sigma(e+e- -> mu mu Z') at g' = 1 in fb (log-linear interpolation in the table).
    public func productionCrossSectionFb(massGeV m: Double) throws -> Double {
        guard let lo = massesGeV.first, let hi = massesGeV.last, m >= lo, m <= hi else {
            throw AnalysisError.interpolationOutOfRange(value: m, low: massesGeV.first ?? .nan, high: massesGeV.last ?? .nan,
                                                        what: "Z' cross-section table")
        }
        var i = 0
        while i < massesGeV.count - 2 && m > massesGeV[i + 1] { i += 1 }
        let t = (m - massesGeV[i]) / (massesGeV[i + 1] - massesGeV[i])
        return exp(log(sigmaFbAtUnitCoupling[i]) + t * (log(sigmaFbAtUnitCoupling[i + 1]) - log(sigmaFbAtUnitCoupling[i])))
    }

    public func invisibleBranchingFraction(massGeV m: Double) -> Double {
        ZPrimeModel(gPrime: 1, mass: m, fullyInvisible: fullyInvisible).invisibleBranchingFraction
    }

    public func crossSectionFb(parameters: [String: Double], coupling: Double) throws -> Double {
        guard let m = parameters[ZPrimeInvisible.massParameter] else {
            throw AnalysisError.invalidArgument("Z' signal model needs '\(ZPrimeInvisible.massParameter)', got \(parameters)")
        }
        return coupling * coupling * (try productionCrossSectionFb(massGeV: m)) * invisibleBranchingFraction(massGeV: m)
    }

    /// The minimal L_mu - L_tau model.
    public static let lMuMinusLTau = ZPrimeSignalModel(fullyInvisible: false, massesGeV: table.map(\.0),
                                                       sigmaFbAtUnitCoupling: table.map(\.1))
    /// BF(Z' -> invisible) = 1.
    public static let fullyInvisibleModel = ZPrimeSignalModel(fullyInvisible: true, massesGeV: table.map(\.0),
                                                              sigmaFbAtUnitCoupling: table.map(\.1))

    /// (M_Z' GeV, sigma(g'=1) fb), see the type's documentation for how it was made.
    static let table: [(Double, Double)] = ZPrimeCrossSectionTable.values
}
