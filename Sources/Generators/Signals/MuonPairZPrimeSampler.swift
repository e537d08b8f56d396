import Foundation
import EventModel
import Kinematics

/// What becomes of the Z' in the written event.
///
/// Hook for later work: only `.invisible` exists now (the Z' is written as one
/// `PDGID.invisible` particle, which is what the invisible-Z' search needs whatever the
/// branching fraction; scale the rate with `ZPrimeModel.invisibleBranchingFraction`). A
/// visible Z' -> mu+ mu- decay would add a case here and a two-body decay in
/// `MuonPairZPrimeSampler.sample(into:using:)`.
public enum ZPrimeDecay: String, Sendable, Hashable {
    case invisible
}

/// e+e- -> mu+ mu- Z' at tree level (gamma* -> mu+ mu-, Z' radiated from either muon),
/// with the exact spin-summed matrix element (`VectorEmissionMatrixElement`: full muon
/// mass, massive Z' polarisation sum), running alpha(s') at both photon vertices (as for
/// mu mu), and Kuraev-Fadin ISR as a weight (`SignalBeamRadiation`).
///
/// Phase space (in the s' rest frame, e- along +z): a two-channel importance sampler.
/// Channel c in {mu- emits, mu+ emits} writes dPhi_3 = ds_X/(2 pi) dPhi_2(s'; X, spectator)
/// dPhi_2(s_X; emitter, Z') with X = emitter + Z', and samples
///   - D = s_X - m^2 = 2 p_emitter.k + M^2 (the emitter propagator) as dD/D: the
///     collinear and soft peaks of the matrix element are 1/D1 and 1/D2;
///   - the spectator direction isotropically;
///   - the Z' direction in the X rest frame, relative to X's flight direction, as a mixture
///     of uniform and dE_k/E_k (E_k the Z' energy in the s' frame, linear in that cosine):
///     since D1 + D2 = 2 sqrt(s') E_k exactly, this flattens the soft region 1/(D1 D2).
/// The event weight is |M|^2 / (2 s' * 4) divided by the channel-averaged density of the
/// point (the standard multichannel weight), so it is unbiased whichever channel drew it.
///
/// Weight in fb; E[weight] = sigma(e+e- -> mu+ mu- Z') (all Z' decays; multiply by the
/// branching fraction for a given final state). Events: mu-, mu+, Z' (PDGID.invisible),
/// and the ISR photon when above 1 MeV, in the lab frame.
public struct MuonPairZPrimeSampler: ProcessSampler {
    public let processName: String
    public let acceptance: String = "full phase space (tree level; ISR s' > (2 m_mu + M)^2)"
    public let transform: FrameTransform
    public let model: ZPrimeModel
    public let decay: ZPrimeDecay
    public let withISR: Bool
    public let matrixElement: VectorEmissionMatrixElement
    public let beamRadiation: SignalBeamRadiation
    /// Probability of the uniform component of the Z' angle proposal.
    public let uniformAngleFraction: Double

    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { nil }

    public init(model: ZPrimeModel, beams: BelleIIBeams = .y4S, withISR: Bool = true,
                decay: ZPrimeDecay = .invisible, uniformAngleFraction: Double = 0.3) {
        self.model = model
        self.decay = decay
        self.withISR = withISR
        self.uniformAngleFraction = uniformAngleFraction
        transform = FrameTransform(beams: beams)
        matrixElement = VectorEmissionMatrixElement(fermionMass: ParticleMass.muon, vectorMass: model.mass)
        let threshold = pow(2 * ParticleMass.muon + model.mass, 2)
        precondition(threshold < beams.s, "MuonPairZPrimeSampler: M_Z' above threshold")
        beamRadiation = SignalBeamRadiation(s: beams.s, thresholdS: threshold)
        processName = String(format: "mumuZp_M%.4g_g%.3g", model.mass, model.gPrime)
    }

    /// One hard 2 -> 3 point at s' in the s' rest frame (e- along +z): mu-, mu+, Z' and
    /// the weight sigma-hat estimator in GeV^-2 (0 below threshold).
    public func sampleHard(sPrime: Double, _ rng: RandomStream) -> (muMinus: FourVector, muPlus: FourVector, zPrime: FourVector, weight: Double) {
        let m = ParticleMass.muon, M = model.mass
        let rs = sPrime.squareRoot()
        if rs <= 2 * m + M { return (.zero, .zero, .zero, 0) }
        let dMin = M * M + 2 * m * M
        let dMax = (rs - m) * (rs - m) - m * m
        let logD = log(dMax / dMin)
        let muMinusEmits = rng.uniform() < 0.5
        // s_X from dD/D.
        let d = dMin * exp(rng.uniform() * logD)
        let sX = m * m + d
        let mX = sX.squareRoot()
        // s' -> X + spectator, spectator isotropic.
        let pStar = TwoBodyDecay.momentum(parentMass: rs, m1: mX, m2: m)
        let n = PhaseSpace.isotropic(rng)
        let spectator = FourVector(mass: m, momentum: n * pStar)
        let x = FourVector(mass: mX, momentum: n * (-pStar))
        // X -> emitter + Z' with the Z' angle relative to X's direction.
        let axis = n * -1.0
        let a = angularParameters(x: x, sX: sX)
        let u = sampleCosine(a, rng)
        let sinU = max(0, (1 - u) * (1 + u)).squareRoot()
        let dir = PhaseSpace.direction(cosTheta: u, sinTheta: sinU, phi: rng.azimuth(), around: axis)
        let zRest = FourVector(mass: M, momentum: dir * a.qStar)
        let eRest = FourVector(mass: m, momentum: dir * (-a.qStar))
        let zp = PhaseSpace.boost(zRest, from: x)
        let emitter = PhaseSpace.boost(eRest, from: x)
        let k1 = muMinusEmits ? emitter : spectator
        let k2 = muMinusEmits ? spectator : emitter
        let w = pointWeight(sPrime: sPrime, k1: k1, k2: k2, k: zp)
        return (k1, k2, zp, w)
    }

    /// Parameters of the Z' angle proposal in the X rest frame.
    @usableFromInline struct AngularParameters {
        var qStar: Double       // emitter/Z' momentum in the X frame
        var eCenter: Double     // gamma E*_k
        var eSlope: Double      // beta gamma q*: E_k = eCenter + eSlope u
        var logRatio: Double    // ln(E_hi/E_lo)
    }

    @usableFromInline func angularParameters(x: FourVector, sX: Double) -> AngularParameters {
        let m = ParticleMass.muon, M = model.mass
        let mX = sX.squareRoot()
        let q = TwoBodyDecay.momentum(parentMass: mX, m1: m, m2: M)
        let eK = (sX + M * M - m * m) / (2 * mX)
        let gamma = x.e / mX
        let bg = x.p.magnitude / mX
        let c = gamma * eK, sl = bg * q
        let lr = sl > 1e-12 * c ? log((c + sl) / (c - sl)) : 0
        return AngularParameters(qStar: q, eCenter: c, eSlope: sl, logRatio: lr)
    }

    @usableFromInline func sampleCosine(_ a: AngularParameters, _ rng: RandomStream) -> Double {
        if a.logRatio <= 1e-9 || rng.uniform() < uniformAngleFraction {
            return 2 * rng.uniform() - 1
        }
        let eLo = a.eCenter - a.eSlope
        let e = eLo * exp(rng.uniform() * a.logRatio)
        return min(max((e - a.eCenter) / a.eSlope, -1), 1)
    }

    /// Density of the cosine proposal at u.
    @usableFromInline func cosineDensity(_ a: AngularParameters, _ u: Double) -> Double {
        if a.logRatio <= 1e-9 { return 0.5 }
        return uniformAngleFraction * 0.5
            + (1 - uniformAngleFraction) * a.eSlope / ((a.eCenter + a.eSlope * u) * a.logRatio)
    }

    /// Density (w.r.t. dPhi_3) with which channel "emitter + Z'" proposes the point.
    @usableFromInline func channelDensity(sPrime: Double, emitter: FourVector, k: FourVector) -> Double {
        let m = ParticleMass.muon, M = model.mass
        let rs = sPrime.squareRoot()
        let dMin = M * M + 2 * m * M
        let dMax = (rs - m) * (rs - m) - m * m
        let x = emitter + k
        let sX = x.massSquared
        let d = sX - m * m
        if d < dMin * (1 - 1e-9) || d > dMax * (1 + 1e-9) { return 0 }
        let mX = sX.squareRoot()
        let rhoS = 1 / (d * log(dMax / dMin))
        let a = angularParameters(x: x, sX: sX)
        // Z' energy in the s' frame fixes the cosine in the X frame.
        let u = a.eSlope > 0 ? min(max((k.e - a.eCenter) / a.eSlope, -1), 1) : 0
        let pAngle = cosineDensity(a, u) / (2 * Double.pi)
        let p1 = TwoBodyDecay.momentum(parentMass: rs, m1: mX, m2: m)
        // dPhi_3 = J ds_X dOmega_1 dOmega_2, J = (1/2pi) p1 q / (256 pi^4 sqrt(s') m_X).
        let jac = p1 * a.qStar / (2 * Double.pi * 256 * pow(Double.pi, 4) * rs * mX)
        return rhoS / (4 * Double.pi) * pAngle / jac
    }

    /// sigma-hat estimator (GeV^-2) for a phase-space point: flux-averaged |M|^2 over the
    /// two-channel proposal density.
    public func pointWeight(sPrime: Double, k1: FourVector, k2: FourVector, k: FourVector) -> Double {
        let g = 0.5 * channelDensity(sPrime: sPrime, emitter: k1, k: k)
            + 0.5 * channelDensity(sPrime: sPrime, emitter: k2, k: k)
        if !(g > 0) { return 0 }
        let half = sPrime.squareRoot() / 2
        let pm = FourVector(e: half, px: 0, py: 0, pz: half)
        let pp = FourVector(e: half, px: 0, py: 0, pz: -half)
        let alpha = VacuumPolarization.alpha(q2: sPrime)
        let m2 = matrixElement.summedSquared(pMinus: pm, pPlus: pp, k1: k1, k2: k2, k: k,
                                             alpha: alpha, coupling: model.gPrime)
        return m2 / (4 * 2 * sPrime) / g
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        var isrWeight = 1.0
        var photon = FourVector.zero
        var system = FourVector(e: transform.sqrtS, px: 0, py: 0, pz: 0)
        var sPrime = transform.s
        if withISR {
            let (v, w) = beamRadiation.sampleV(rng)
            if w <= 0 { return 0 }
            isrWeight = w
            (photon, system, sPrime) = beamRadiation.photon(v: v, rng)
        }
        var (k1, k2, k, w) = sampleHard(sPrime: sPrime, rng)
        if w <= 0 { return 0 }
        if photon.e > 0 {
            k1 = PhaseSpace.boost(k1, from: system)
            k2 = PhaseSpace.boost(k2, from: system)
            k = PhaseSpace.boost(k, from: system)
        }
        event.append(PDGID.muon, transform.toLab(k1))
        event.append(-PDGID.muon, transform.toLab(k2))
        switch decay {
        case .invisible: event.append(PDGID.invisible, transform.toLab(k))
        }
        if photon.e > 0 { event.append(PDGID.photon, transform.toLab(photon)) }
        return w * isrWeight * PhysicalConstants.hbarC2GeV2Fb
    }

    /// sigma(e+e- -> mu+ mu- Z') in fb with its MC uncertainty, integrated with the
    /// sampler (`trials` points). Proportional to g'^2 exactly (the weight is).
    public static func crossSection(massGeV: Double, gPrime: Double, withISR: Bool = true,
                                    trials: Int = 200_000, seed: UInt64 = 20_191_224,
                                    beams: BelleIIBeams = .y4S) -> (valueFb: Double, uncertaintyFb: Double) {
        let sampler = MuonPairZPrimeSampler(model: ZPrimeModel(gPrime: gPrime, mass: massGeV),
                                            beams: beams, withISR: withISR)
        let rng = RandomStream(seed: seed, stream: 0)
        var e = GeneratedEvent()
        var sum = 0.0, sum2 = 0.0
        for _ in 0..<trials {
            e.reset()
            let w = sampler.sample(into: &e, using: rng)
            sum += w
            sum2 += w * w
        }
        let n = Double(trials)
        let mean = sum / n
        return (mean, (max(sum2 / n - mean * mean, 0) / n).squareRoot())
    }
}
