import Foundation
import Kinematics

/// Spin- and polarisation-summed |M|^2 of e+e- -> gamma* -> f fbar V at tree level, with a
/// vector V of mass M radiated from either final-state fermion (mass m) through a vector
/// coupling g_V; the electron mass is neglected (m_e^2/s ~ 2e-9).
///
///   M = (e^2/s') [vbar(p+) gamma_mu u(p-)] g_V ubar(k1) Gamma^mu v(k2),
///   Gamma^mu = eps-slash* (k1-slash + k-slash + m) gamma^mu / D1
///            + gamma^mu (-k2-slash - k-slash + m) eps-slash* / D2,
///   D1 = (k1 + k)^2 - m^2,  D2 = (k2 + k)^2 - m^2,
///
/// with k1 the fermion (mu-), k2 the antifermion (mu+), k the vector. For e+e- -> mu+ mu-
/// Z' in L_mu - L_tau this is the whole tree-level amplitude: the Z' couples neither to
/// electrons nor to the photon.
///
/// Evaluation (why this way): sum |M|^2 = (e^4/s'^2) g_V^2 L_{mu nu} H^{mu nu}. For massless
/// beams the lepton tensor L_{mu nu} = 4(p+_mu p-_nu + p-_mu p+_nu - g_{mu nu} p+.p-) is, in
/// the e+e- rest frame, 2 s' (e1_mu e1_nu + e2_mu e2_nu) with e1, e2 the unit vectors
/// transverse to the beam; and the polarisation sum -g + k k/M^2 is a sum over three real
/// orthonormal vectors orthogonal to k. So
///
///   sum |M|^2 = (e^4 g_V^2/s'^2) 2 s' sum_{a = e1, e2} sum_{lambda} Tr[(k1-slash + m) Gamma(a, eps_lambda)
///               (k2-slash - m) Gammabar(a, eps_lambda)],
///
/// six numerical traces of products of complex 4x4 matrices (`DiracMatrix`), exact to
/// rounding, with the full muon mass and the longitudinal Z' polarisation. Checks:
/// `MuonPairZPrimeTests` (Ward identity eps -> k, the M -> 0 analytic FSR limit).
public struct VectorEmissionMatrixElement: Sendable {
    /// Fermion (muon) mass m, GeV.
    public let fermionMass: Double
    /// Vector (Z') mass M, GeV. M = 0 means a photon: two transverse polarisations.
    public let vectorMass: Double

    public init(fermionMass: Double = ParticleMass.muon, vectorMass: Double) {
        self.fermionMass = fermionMass
        self.vectorMass = vectorMass
    }

    /// Three real polarisation vectors of a vector of mass M and momentum k (two for M = 0),
    /// each with eps.eps = -1 and eps.k = 0; their sum of eps_a eps_b is -g + k k/M^2.
    public func polarisations(_ k: FourVector) -> [FourVector] {
        let pmag = k.p.magnitude
        let n = pmag > 0 ? k.p / pmag : ThreeVector(x: 0, y: 0, z: 1)
        let (e1, e2) = PhaseSpace.orthonormalBasis(n)
        var out = [FourVector(e: 0, p: e1), FourVector(e: 0, p: e2)]
        if vectorMass > 0 {
            let M = vectorMass
            out.append(FourVector(e: pmag / M, p: n * (k.e / M)))
        }
        return out
    }

    /// The muon-side trace summed over the two beam-transverse axes, for one real
    /// polarisation four-vector `epsilon` (which may be any four-vector, e.g. k itself for
    /// the Ward-identity check), unit couplings:
    /// sum_{a = e1, e2} Tr[(k1-slash + m) Gamma(a, eps) (k2-slash - m) Gammabar(a, eps)].
    /// `axes` are e1, e2 (transverse to the beam in the e+e- rest frame).
    public func muonTrace(k1: FourVector, k2: FourVector, k: FourVector,
                          axes: (FourVector, FourVector), epsilons: [FourVector]) -> Double {
        let m = fermionMass
        let d1 = (k1 + k).massSquared - m * m
        let d2 = (k2 + k).massSquared - m * m
        let p1 = DiracMatrix.slash(k1, plus: m)
        let p2 = DiracMatrix.slash(k2, plus: -m)
        let s1 = DiracMatrix.slash(k1 + k, plus: m) * (1 / d1)
        let s2 = DiracMatrix.slash(FourVector.zero - k2 - k, plus: m) * (1 / d2)
        let slashedEps = epsilons.map { DiracMatrix.slash($0) }
        var total = 0.0
        for a in [axes.0, axes.1] {
            let sa = DiracMatrix.slash(a)
            let s1a = s1 * sa, as2 = sa * s2, as1 = sa * s1, s2a = s2 * sa
            for e in slashedEps {
                let gamma = e * s1a + as2 * e
                let gammaBar = as1 * e + e * s2a
                total += DiracMatrix.realTraceOfProduct(p1 * gamma, p2 * gammaBar)
            }
        }
        return total
    }

    /// Beam-transverse unit axes e1, e2 for a beam (e-) direction `beam` in the e+e- rest frame.
    public static func transverseAxes(beam: ThreeVector) -> (FourVector, FourVector) {
        let (a, b) = PhaseSpace.orthonormalBasis(beam.unit)
        return (FourVector(e: 0, p: a), FourVector(e: 0, p: b))
    }

    /// sum over all spins and polarisations of |M|^2 (not averaged), in the e+e- rest frame
    /// (`pMinus` + `pPlus` at rest), with e^2 = 4 pi `alpha` and vector coupling `coupling`.
    public func summedSquared(pMinus: FourVector, pPlus: FourVector,
                              k1: FourVector, k2: FourVector, k: FourVector,
                              alpha: Double, coupling: Double) -> Double {
        let sPrime = (pMinus + pPlus).massSquared
        let e2 = 4 * Double.pi * alpha
        let axes = VectorEmissionMatrixElement.transverseAxes(beam: pMinus.p)
        let t = muonTrace(k1: k1, k2: k2, k: k, axes: axes, epsilons: polarisations(k))
        return e2 * e2 * coupling * coupling / (sPrime * sPrime) * 2 * sPrime * t
    }
}
