import Foundation
import EventModel
import Kinematics

/// e+e- -> nu nubar gamma: the irreducible mono-photon background, one photon radiated by
/// the beams in front of the neutrino-pair Born (`NeutrinoPairBorn`, Z for three flavours
/// and W for nu_e).
///
/// Radiator (initial-state emission, s << M_W^2 so the W does not radiate), with
/// x = 2 E*_gamma/sqrt(s) and theta* the photon angle to the e- beam:
///
///   d^2 sigma / (dx dcos theta*) = (2 alpha/pi) [(1 - x/2)^2 + x^2 cos^2 theta*/4]
///                                  / (x sin^2 theta*) * sigma_0(s (1 - x)),
///
/// the standard single-photon formula of radiative neutrino counting (K.J.F. Gaemers,
/// R. Gastmans, F.M. Renard, Phys. Rev. D19 (1979) 1605; E. Ma, J. Okada, Phys. Rev. Lett.
/// 41 (1978) 287; used with sigma_0 from Z and W by F.A. Berends et al., Nucl. Phys. B301
/// (1988) 583). Its x -> 0 limit is the eikonal factor (2 alpha/pi)/(x sin^2 theta*)
/// (tested). The electron mass is dropped: the photon is required at theta* >= 1 deg, where
/// m_e^2/(E^2 theta^2) < 3e-5. No further photons and no exponentiation: an O(alpha) sample.
///
/// Sampling: x as dx/x, cos theta* flat in pseudorapidity (density 1/sin^2), so the weight
/// is the smooth remainder: max/mean about 1.5.
public struct NeutrinoPairPhotonSampler: ProcessSampler {
    public let processName = "nunugamma"
    public let acceptance: String
    public let transform: FrameTransform
    public let minEnergy: Double
    public let thetaMinDeg: Double
    public let thetaMaxDeg: Double
    public let born: NeutrinoPairBorn
    @usableFromInline let xMin: Double, xMax: Double
    @usableFromInline let etaLow: Double, etaHigh: Double
    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { nil }

    /// - Parameters: the photon's CMS energy threshold (GeV) and polar-angle window (deg).
    public init(beams: BelleIIBeams = .y4S, minEnergy: Double = 0.5, thetaMinDeg: Double = 10,
                thetaMaxDeg: Double = 170, born: NeutrinoPairBorn = NeutrinoPairBorn()) {
        precondition(thetaMinDeg >= 1 && thetaMaxDeg <= 179 && thetaMinDeg < thetaMaxDeg,
                     "nunugamma: photon window must lie inside [1, 179] deg, got \(thetaMinDeg)-\(thetaMaxDeg)")
        transform = FrameTransform(beams: beams)
        precondition(minEnergy > 0 && minEnergy < transform.sqrtS / 2,
                     "nunugamma: photon threshold must be in (0, sqrt(s)/2), got \(minEnergy)")
        self.minEnergy = minEnergy
        self.thetaMinDeg = thetaMinDeg
        self.thetaMaxDeg = thetaMaxDeg
        self.born = born
        xMin = 2 * minEnergy / transform.sqrtS
        xMax = 1 - 1e-9
        etaLow = atanh(cos(thetaMaxDeg * Double.pi / 180))
        etaHigh = atanh(cos(thetaMinDeg * Double.pi / 180))
        acceptance = "photon with E* > \(minEnergy) GeV, \(thetaMinDeg) < theta* < \(thetaMaxDeg) deg (nu nubar gamma, O(alpha))"
    }

    /// The radiator (2 alpha/pi)[(1 - x/2)^2 + x^2 c^2/4]/(x (1 - c^2)), per unit x and cos theta*.
    @inlinable
    public static func radiator(x: Double, cosTheta c: Double) -> Double {
        let h = 1 - x / 2
        return 2 * PhysicalConstants.alpha / Double.pi * (h * h + x * x * c * c / 4) / (x * (1 - c * c))
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let logRange = log(xMax / xMin)
        let x = xMin * exp(logRange * rng.uniform())
        let eta = etaLow + (etaHigh - etaLow) * rng.uniform()
        let c = tanh(eta)
        let s = transform.s
        let sPrime = s * (1 - x)
        let sigmaE = born.flavourTotal(s: sPrime, electronFlavour: true)
        let sigmaMu = born.flavourTotal(s: sPrime, electronFlavour: false)
        let sigma0 = sigmaE + 2 * sigmaMu
        // f/p: radiator * sigma_0 over the proposal density 1/(x logRange) * 1/((1 - c^2)(eta range)).
        let weight = NeutrinoPairPhotonSampler.radiator(x: x, cosTheta: c) * x * (1 - c * c)
            * logRange * (etaHigh - etaLow) * sigma0 * PhysicalConstants.hbarC2GeV2Fb

        let k = x * transform.sqrtS / 2
        let photon = FourVector(e: k, p: PhaseSpace.direction(cosTheta: c, phi: rng.azimuth()) * k)
        let recoil = FourVector(e: transform.sqrtS - k, p: -photon.p)
        // Flavour by its share of sigma_0(s'); the neutrino angle to the e- beam (seen from
        // the pair's rest frame) from the Born's helicity structure.
        let u = rng.uniform() * sigma0
        let isElectron = u < sigmaE
        let flavour: Int32 = isElectron ? PDGID.electronNeutrino
            : (u < sigmaE + sigmaMu ? PDGID.muonNeutrino : PDGID.tauNeutrino)
        let beamAxis = PhaseSpace.boostToRest(FourVector(e: transform.sqrtS / 2, px: 0, py: 0, pz: transform.sqrtS / 2),
                                              of: recoil).p.unit
        let cNu = neutrinoCosine(sPrime: sPrime, electronFlavour: isElectron, rng)
        let sinNu = max(0, (1 - cNu) * (1 + cNu)).squareRoot()
        let dir = PhaseSpace.direction(cosTheta: cNu, sinTheta: sinNu, phi: rng.azimuth(), around: beamAxis)
        let half = sPrime.squareRoot() / 2
        let nu = PhaseSpace.boost(FourVector(e: half, p: dir * half), from: recoil)
        let nubar = PhaseSpace.boost(FourVector(e: half, p: dir * (-half)), from: recoil)
        event.append(PDGID.photon, transform.toLab(photon))
        event.append(flavour, transform.toLab(nu))
        event.append(-flavour, transform.toLab(nubar))
        return weight
    }

    /// cos of the neutrino to the e- direction from (1 + c)^2 |C_L|^2 + (1 - c)^2 |C_R|^2,
    /// by accept-reject under 4 (max |C_L|^2 + |C_R|^2) (|C_L|^2 is monotonic in the W
    /// propagator, so its maximum over c is at an end point).
    func neutrinoCosine(sPrime: Double, electronFlavour: Bool, _ rng: RandomStream) -> Double {
        let a = born.coefficients(s: sPrime, cosTheta: 1, electronFlavour: electronFlavour)
        let b = born.coefficients(s: sPrime, cosTheta: -1, electronFlavour: electronFlavour)
        let bound = 4 * (max(a.left, b.left) + a.right)
        while true {
            let c = 2 * rng.uniform() - 1
            let k = born.coefficients(s: sPrime, cosTheta: c, electronFlavour: electronFlavour)
            if rng.uniform() * bound <= (1 + c) * (1 + c) * k.left + (1 - c) * (1 - c) * k.right { return c }
        }
    }
}
