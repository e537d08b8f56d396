import Foundation
import EventModel
import Kinematics

/// e+e- -> l+ l- (gamma), l = mu or tau: Born with gamma-Z interference and running alpha,
/// Kuraev-Fadin ISR with one explicit ISR photon, leptonic FSR (see the files of those
/// names), in the CMS, then boosted to the lab.
///
/// Infrared convention (the analogue of KKMC's v_max and its soft-photon cut): the ISR
/// radiator is integrated over the whole spectrum, s' from the pair threshold 4 m_l^2 to s
/// (v_max = 1 - 4 m_l^2/s); the radiated energy goes into one photon, and when it is below
/// `minimumPhotonEnergy` (1 MeV in the CMS) no photon is written and the pair is produced
/// at the nominal sqrt(s) (a 1 MeV shift, below any detector resolution). The cross
/// section is that full integral: it depends on neither cut.
///
/// Sampling is exact (no weights): v from a two-component proposal (beta v^(beta-1) for
/// soft photons, 1/(1-v) for the radiative-return tail) accepted against the exact
/// W(v) sigma_Born(s(1-v)); the lepton angle from `FermionPairBorn.sampleCosTheta`.
public struct LeptonPairSampler: ProcessSampler {
    public let processName: String
    public let acceptance: String = "full phase space (ISR: s' > 4 m_l^2)"
    public let transform: FrameTransform
    public let leptonMass: Double
    public let leptonPDG: Int32
    public let born: FermionPairBorn
    public let isr: InitialStateRadiator
    public let fsr: FinalStateRadiator
    public let vMax: Double
    public let minimumPhotonEnergy: Double
    public let totalFb: Double
    public let totalUncertaintyFb: Double
    /// Soft-component probability of the v proposal, and the bound on f/proposal.
    @usableFromInline let softFraction: Double
    @usableFromInline let logTail: Double
    @usableFromInline let vMaxBeta: Double
    @usableFromInline let logVMax: Double
    @usableFromInline let envelope: Double
    @usableFromInline let isrDipole: DipoleAngularDistribution
    /// `born.angular(s:)` at the nominal s, used by every event without an ISR photon
    /// (about half of them); the same numbers, computed once.
    @usableFromInline let nominalAngular: FermionPairBorn.Angular
    public let withFSR: Bool

    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? { (totalFb, totalUncertaintyFb) }

    public init(lepton: Int32, beams: BelleIIBeams = .y4S, withFSR: Bool = true, minimumPhotonEnergy: Double = 1e-3) {
        precondition(lepton == PDGID.muon || lepton == PDGID.tau, "LeptonPairSampler: mu or tau")
        leptonPDG = lepton
        leptonMass = lepton == PDGID.muon ? ParticleMass.muon : ParticleMass.tau
        processName = lepton == PDGID.muon ? "mumu" : "tautau"
        transform = FrameTransform(beams: beams)
        self.withFSR = withFSR
        self.minimumPhotonEnergy = minimumPhotonEnergy
        born = FermionPairBorn(mass: leptonMass)
        let s = beams.s
        isr = InitialStateRadiator(s: s)
        fsr = FinalStateRadiator(mass: leptonMass)
        let vmax = 1 - 4 * leptonMass * leptonMass / s
        vMax = vmax
        logTail = -log1p(-vmax)
        vMaxBeta = exp(isr.beta * log(vmax))
        logVMax = log(vmax)
        isrDipole = DipoleAngularDistribution(energy: beams.sqrtS / 2, mass: ParticleMass.electron)
        nominalAngular = born.angular(s: s)!
        let borns = born
        let rad = isr
        func f(_ v: Double) -> Double { rad.radiator(v) * borns.total(s: s * (1 - v)) }
        // Total: int_0^vmax W sigma dv. Soft part in u = v^beta (du = beta v^(beta-1) dv),
        // hard part in t = -ln(1 - v) (dv = (1 - v) dt); split at v = 0.5.
        let split = min(0.5, vmax / 2)
        let beta = isr.beta
        let uSplit = exp(beta * log(split))
        let soft = Quadrature.integrateWithError(0, uSplit, intervals: 256) { u -> Double in
            if u <= 0 { return 0 }
            let v = exp(log(u) / beta)
            return rad.radiatorOverSoft(v) * borns.total(s: s * (1 - v))
        }
        let hard = Quadrature.integrateWithError(-log1p(-split), logTail, intervals: 256) { t -> Double in
            let v = -expm1(-t)
            return f(v) * (1 - v)
        }
        totalFb = (soft.value + hard.value) * PhysicalConstants.hbarC2GeV2Fb
        totalUncertaintyFb = (soft.error + hard.error) * PhysicalConstants.hbarC2GeV2Fb
        // Proposal p(v) = a beta v^(beta-1)/vmax^beta + (1 - a)/((1 - v) logTail); choose a
        // to balance the two ends of f/p, then scan for the envelope.
        let sigma0 = borns.total(s: s)
        let lowEnd = rad.delta * sigma0 * vMaxBeta
        let highEnd = beta / 2 * sigma0 * logTail
        let a = lowEnd / (lowEnd + highEnd)
        softFraction = a
        var env = 0.0
        let nScan = 4000
        for i in 0..<nScan {
            // Log-spaced in v near 0 and in (1 - v) near vmax.
            let x = (Double(i) + 0.5) / Double(nScan)
            for v in [exp(log(vmax) * 12 * x), vmax - (vmax) * exp(-12 * x) + vmax * exp(-12.0)] {
                guard v > 0 && v < vmax else { continue }
                let p = a * beta * exp((beta - 1) * log(v)) / exp(beta * log(vmax))
                    + (1 - a) / ((1 - v) * logTail)
                env = max(env, f(v) / p)
            }
        }
        envelope = env * 1.05
    }

    /// v = 1 - s'/s, distributed exactly as W(v) sigma_Born(s(1 - v)).
    @inlinable
    public func sampleV(_ rng: RandomStream) -> Double { sampleVAndBorn(rng).v }

    /// v as `sampleV`, with the Born angular coefficients at s' = s(1 - v) that its
    /// acceptance test computed (the event's lepton angle needs them: computing them once
    /// saves a running-alpha evaluation, four logarithms, per radiative event). ln v and
    /// v^(beta - 1) are likewise shared by the proposal density and the radiator.
    @inlinable
    public func sampleVAndBorn(_ rng: RandomStream) -> (v: Double, born: FermionPairBorn.Angular) {
        let beta = isr.beta
        let s = transform.s
        while true {
            let v: Double, lv: Double, vb: Double
            if rng.uniform() < softFraction {
                // v = vMax u^(1/beta): ln v and v^(beta - 1) = vMax^beta u / v follow from ln u
                // (one log and one exp instead of two of each).
                let u = rng.uniform()
                lv = logVMax + log(u) / beta
                v = exp(lv)
                if v <= 0 || v >= vMax { continue }
                vb = vMaxBeta * u / v
            } else {
                v = -expm1(-rng.uniform() * logTail)
                if v <= 0 || v >= vMax { continue }
                lv = log(v)
                vb = exp((beta - 1) * lv)
            }
            let p = softFraction * beta * vb / vMaxBeta
                + (1 - softFraction) / ((1 - v) * logTail)
            // Below threshold the Born is 0 and the proposal is always rejected.
            guard let angular = born.angular(s: s * (1 - v)) else { continue }
            let f = isr.radiator(v, logV: lv, vToBetaMinusOne: vb) * angular.total
            if rng.uniform() * envelope * p <= f { return (v, angular) }
        }
    }

    /// One event in the CMS: negative lepton, positive lepton, ISR photon (energy 0 if
    /// none), FSR photon (energy 0 if none).
    @inlinable
    public func sampleCMS(_ rng: RandomStream) -> (FourVector, FourVector, FourVector, FourVector) {
        let sqrtS = transform.sqrtS
        let (v, acceptedBorn) = sampleVAndBorn(rng)
        var k = v * sqrtS / 2
        var isrPhoton = FourVector.zero
        var system = FourVector(e: sqrtS, px: 0, py: 0, pz: 0)
        var sPrime = transform.s
        if k >= minimumPhotonEnergy {
            let (omc, opc) = isrDipole.sample(rng)
            let sn = (omc * opc).squareRoot()
            let (cp, sp) = rng.azimuthCosSin()
            let n = ThreeVector(x: sn * cp, y: sn * sp, z: opc - 1)
            isrPhoton = FourVector(e: k, p: n * k)
            system = FourVector(e: sqrtS - k, p: n * (-k))
            sPrime = transform.s * (1 - v)
        } else {
            k = 0
        }
        // Born angle in the pair rest frame, about the beam axis.
        let ang = k > 0 ? acceptedBorn : nominalAngular
        let c = FermionPairBorn.sampleCosTheta(ang, rng)
        let (cp, sp) = rng.azimuthCosSin()
        let dir = PhaseSpace.direction(cosTheta: c, cosPhi: cp, sinPhi: sp)
        let rootSP = sPrime.squareRoot()
        let pStar = TwoBodyDecay.momentum(parentMass: rootSP, m1: leptonMass, m2: leptonMass)
        var lm = FourVector(mass: leptonMass, momentum: dir * pStar)
        var lp = FourVector(mass: leptonMass, momentum: dir * (-pStar))
        var fsrPhoton = FourVector.zero
        if withFSR {
            let (a, b, g) = fsr.radiate(lm, lp, rng)
            lm = a; lp = b
            if let g { fsrPhoton = g }
        }
        if k > 0 {
            lm = PhaseSpace.boost(lm, from: system)
            lp = PhaseSpace.boost(lp, from: system)
            if fsrPhoton.e > 0 { fsrPhoton = PhaseSpace.boost(fsrPhoton, from: system) }
        }
        return (lm, lp, isrPhoton, fsrPhoton)
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        let (lm, lp, gi, gf) = sampleCMS(rng)
        event.append(leptonPDG, transform.toLab(lm))
        event.append(-leptonPDG, transform.toLab(lp))
        if gi.e > 0 { event.append(PDGID.photon, transform.toLab(gi)) }
        if gf.e > 0 { event.append(PDGID.photon, transform.toLab(gf)) }
        return totalFb
    }
}
