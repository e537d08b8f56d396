import Kinematics

/// A particle that flies a measurable distance before it decays: its mass, its proper decay
/// length c tau and its decay channels. `DecayInFlight` uses these to put the decay vertex
/// where the particle gets to.
///
/// Branching fractions of the channels listed need not add up to 1: the rest (rare modes
/// not simulated) is dropped by renormalising, so the listed modes keep their relative
/// rates. `simulatedFraction` says how much of the width the list covers.
public struct LongLivedParticle: Sendable, Equatable {
    public struct Channel: Sendable, Equatable {
        /// PDG codes of the daughters (two-body decays only).
        public let daughters: (Int32, Int32)
        public let branchingFraction: Double

        public init(_ d1: Int32, _ d2: Int32, branchingFraction: Double) {
            daughters = (d1, d2)
            self.branchingFraction = branchingFraction
        }

        public static func == (a: Channel, b: Channel) -> Bool {
            a.daughters == b.daughters && a.branchingFraction == b.branchingFraction
        }
    }

    public let pdg: Int32
    public let massGeV: Double
    /// Proper decay length c tau in cm.
    public let cTauCm: Double
    public let channels: [Channel]

    public init(pdg: Int32, massGeV: Double, cTauCm: Double, channels: [Channel]) {
        precondition(massGeV > 0 && cTauCm > 0 && !channels.isEmpty, "long-lived particle needs mass, c tau, channels")
        for c in channels {
            precondition(c.branchingFraction >= 0, "negative branching fraction")
            precondition(ParticleMass.of(pdg: c.daughters.0) != nil && ParticleMass.of(pdg: c.daughters.1) != nil,
                         "daughter without a known mass in \(pdg)'s channels")
            precondition(ParticleMass.of(pdg: c.daughters.0)! + ParticleMass.of(pdg: c.daughters.1)! < massGeV,
                         "channel closed for \(pdg)")
        }
        self.pdg = pdg
        self.massGeV = massGeV
        self.cTauCm = cTauCm
        self.channels = channels
    }

    /// Sum of the listed branching fractions.
    public var simulatedFraction: Double { channels.reduce(0) { $0 + $1.branchingFraction } }

    /// Mean decay length in the lab, beta gamma c tau = (p / m) c tau, in cm.
    public func meanDecayLengthCm(momentum p: Double) -> Double { p / massGeV * cTauCm }

    /// The charge-conjugate particle (daughters conjugated; self-conjugate daughters kept).
    public var chargeConjugate: LongLivedParticle {
        LongLivedParticle(pdg: PDGID.conjugate(pdg), massGeV: massGeV, cTauCm: cTauCm,
                          channels: channels.map {
                              Channel(PDGID.conjugate($0.daughters.0), PDGID.conjugate($0.daughters.1),
                                      branchingFraction: $0.branchingFraction)
                          })
    }

    /// K_S: c tau = 2.6844 cm; pi+ pi- 69.20%, pi0 pi0 30.69% (PDG, R.L. Workman et al.,
    /// PTEP 2022, 083C01, K_S listing; the remaining 0.1% is radiative and rare modes).
    public static let kShort = LongLivedParticle(
        pdg: PDGID.neutralKaonShort, massGeV: ParticleMass.neutralKaon, cTauCm: 2.6844,
        channels: [Channel(PDGID.chargedPion, -PDGID.chargedPion, branchingFraction: 0.6920),
                   Channel(PDGID.neutralPion, PDGID.neutralPion, branchingFraction: 0.3069)])

    /// Lambda: c tau = 7.89 cm (tau = 2.632e-10 s); p pi- 63.9%, n pi0 35.8% (PDG 2022,
    /// Lambda listing). The anti-Lambda (-3122) is its charge conjugate.
    public static let lambda = LongLivedParticle(
        pdg: PDGID.lambda, massGeV: ParticleMass.lambda, cTauCm: 7.89,
        channels: [Channel(PDGID.proton, -PDGID.chargedPion, branchingFraction: 0.639),
                   Channel(PDGID.neutron, PDGID.neutralPion, branchingFraction: 0.358)])

    /// A generic long-lived dark scalar S (PDG code `PDGID.darkScalar`) of the given mass and
    /// c tau, decaying to the channels given (e.g. the dark-scalar model's branching fractions
    /// from shared/PHYSICS.md, or a single channel for model-independent samples).
    public static func scalar(massGeV: Double, cTauCm: Double, channels: [Channel]) -> LongLivedParticle {
        LongLivedParticle(pdg: PDGID.darkScalar, massGeV: massGeV, cTauCm: cTauCm, channels: channels)
    }
}

extension PDGID {
    public static let proton: Int32 = 2212
    public static let neutron: Int32 = 2112
    public static let lambda: Int32 = 3122
    /// Not in the PDG scheme (its 9000xxx range for new states): DarkSector's code for the
    /// long-lived dark scalar S of the B -> K S search.
    public static let darkScalar: Int32 = 9_000_025

    /// PDG code of the antiparticle: self-conjugate codes (photon, pi0, K_S, K_L, Z, the
    /// dark scalar, eta) are returned unchanged, every other code changes sign.
    public static func conjugate(_ pdg: Int32) -> Int32 {
        switch pdg {
        case 22, 23, 111, 130, 221, 310, darkScalar, invisible: return pdg
        default: return -pdg
        }
    }
}

extension ParticleMass {
    /// PDG 2022: proton 938.27208816 MeV, neutron 939.56542052 MeV, Lambda 1115.683 MeV.
    public static let proton = 0.938_272_088_16
    public static let neutron = 0.939_565_420_52
    public static let lambda = 1.115_683

    /// Mass of a particle the decay-in-flight code can produce, nil for others.
    public static func of(pdg: Int32) -> Double? {
        switch abs(pdg) {
        case 11: return electron
        case 13: return muon
        case 22: return 0
        case 111: return neutralPion
        case 211: return chargedPion
        case 321: return chargedKaon
        case 310, 130: return neutralKaon
        case 2212: return proton
        case 2112: return neutron
        case 3122: return lambda
        default: return nil
        }
    }
}
