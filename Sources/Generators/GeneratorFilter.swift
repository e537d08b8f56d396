import Foundation
import EventModel
import Kinematics

/// A generator-level filter (skim): a list of requirements on the final-state particles
/// that an event must meet to be kept.
///
/// Why: a 300 nb process at 80 fb^-1 is 2.4e10 events; a search that needs one corner of it
/// generates only what passes the filter, and the sample records the filter and the
/// filtered cross section (`EventGenerator.crossSection`). Filters are plain data
/// (Codable), so that the sample catalog stores exactly what was required.
///
/// Angles are polar angles in degrees from +z of the chosen frame (lab: solenoid axis; CMS:
/// the e- beam); momenta are |p| in GeV/c (for photons, the energy).
public struct GeneratorFilter: Sendable, Codable, Hashable, CustomStringConvertible {
    public var name: String
    public var requirements: [Requirement]

    public init(name: String, requirements: [Requirement]) {
        self.name = name
        self.requirements = requirements
    }

    public enum Frame: String, Sendable, Codable, Hashable { case lab, cms }

    /// Which particles a cut counts.
    public enum Species: Sendable, Codable, Hashable {
        /// |PDG id| equal to the code (e.g. 13: mu+ and mu-).
        case absPDG(Int32)
        /// This signed PDG id only.
        case pdg(Int32)
        /// e and mu of either charge.
        case chargedLepton
        /// Any charged particle (e, mu, pi, K, p).
        case charged
        case photon

        @inlinable
        public func matches(_ pdg: Int32) -> Bool {
            switch self {
            case .absPDG(let c): return abs(pdg) == c
            case .pdg(let c): return pdg == c
            case .chargedLepton: let a = abs(pdg); return a == 11 || a == 13
            case .charged: return ParticleCharge.isCharged(pdg)
            case .photon: return pdg == 22
            }
        }
    }

    /// A selection of particles: species, minimum momentum and polar-angle window.
    public struct ParticleCut: Sendable, Codable, Hashable {
        public var species: Species
        public var minMomentum: Double
        public var momentumFrame: Frame
        public var thetaMinDeg: Double
        public var thetaMaxDeg: Double
        public var angleFrame: Frame

        public init(_ species: Species, minMomentum: Double = 0, momentumFrame: Frame = .lab,
                    thetaDeg: ClosedRange<Double> = 0...180, angleFrame: Frame = .lab) {
            self.species = species
            self.minMomentum = minMomentum
            self.momentumFrame = momentumFrame
            thetaMinDeg = thetaDeg.lowerBound
            thetaMaxDeg = thetaDeg.upperBound
            self.angleFrame = angleFrame
        }

        @inlinable
        func passes(lab: FourVector, cms: FourVector) -> Bool {
            let pm = momentumFrame == .lab ? lab : cms
            if pm.momentum < minMomentum { return false }
            let pa = angleFrame == .lab ? lab : cms
            let th = pa.theta * 180 / Double.pi
            return th >= thetaMinDeg && th <= thetaMaxDeg
        }

        public var description: String {
            let sp: String
            switch species {
            case .absPDG(let c): sp = "|pdg|=\(c)"
            case .pdg(let c): sp = "pdg=\(c)"
            case .chargedLepton: sp = "charged lepton"
            case .charged: sp = "charged"
            case .photon: sp = "photon"
            }
            let pName = momentumFrame == .cms ? "p*" : "p"
            let tName = angleFrame == .cms ? "theta*" : "theta"
            return "\(sp) with \(pName) > \(minMomentum) GeV, \(thetaMinDeg) < \(tName) < \(thetaMaxDeg) deg"
        }
    }

    public enum Requirement: Sendable, Codable, Hashable {
        case atLeast(Int, ParticleCut)
        case atMost(Int, ParticleCut)
    }

    public var description: String {
        let parts = requirements.map { r -> String in
            switch r {
            case .atLeast(let n, let c): return ">= \(n) \(c.description)"
            case .atMost(let n, let c): return "<= \(n) \(c.description)"
            }
        }
        return "\(name): " + parts.joined(separator: "; ")
    }

    /// Whether the event (lab-frame particles) passes every requirement.
    public func accepts(_ particles: [Particle], transform: FrameTransform) -> Bool {
        for r in requirements {
            let (n, cut, atLeast): (Int, ParticleCut, Bool)
            switch r {
            case .atLeast(let k, let c): (n, cut, atLeast) = (k, c, true)
            case .atMost(let k, let c): (n, cut, atLeast) = (k, c, false)
            }
            let needCMS = cut.momentumFrame == .cms || cut.angleFrame == .cms
            var count = 0
            for p in particles where cut.species.matches(p.pdg) {
                let cms = needCMS ? transform.toCMS(p.momentum) : p.momentum
                if cut.passes(lab: p.momentum, cms: cms) { count += 1 }
            }
            if atLeast ? count < n : count > n { return false }
        }
        return true
    }
}

// MARK: - Named filters used by the searches and by the Physics Book comparisons

extension GeneratorFilter {
    /// CDC acceptance in the lab, 17-150 deg (Belle II TDR, PHYSICS.md).
    public static let cdcThetaDeg: ClosedRange<Double> = 17...150
    /// ECL barrel in the lab, 32.2-128.7 deg (basf2 ECL regions, PHYSICS.md).
    public static let eclBarrelThetaDeg: ClosedRange<Double> = 32.2...128.7
    /// Whole ECL in the lab, 12.4-155.1 deg.
    public static let eclThetaDeg: ClosedRange<Double> = 12.4...155.1

    /// At least `count` charged leptons (e or mu) with lab momentum above `minMomentum` in
    /// the CDC. With `minMomentum` 0.5 and count 2 this is the Physics Book's
    /// "p_mu > 0.5 GeV/c in CDC" for mu mu(gamma) (0.831 nb).
    public static func chargedLeptons(count: Int = 2, minMomentum: Double,
                                      frame: Frame = .lab) -> GeneratorFilter {
        GeneratorFilter(name: "charged-leptons",
                        requirements: [.atLeast(count, ParticleCut(.chargedLepton, minMomentum: minMomentum,
                                                                    momentumFrame: frame, thetaDeg: cdcThetaDeg))])
    }

    /// Both muons with p > 0.5 GeV/c in the CDC (Physics Book mu mu(gamma) 0.831 nb).
    public static let physicsBookMuonPairInCDC = GeneratorFilter(
        name: "mumu-cdc",
        requirements: [.atLeast(2, ParticleCut(.absPDG(13), minMomentum: 0.5, thetaDeg: cdcThetaDeg))])

    /// One photon with E* above `minEnergyCMS` in the ECL barrel and no charged particle
    /// with p > 0.1 GeV in the CDC: the mono-photon skim.
    public static func singlePhoton(minEnergyCMS: Double = 1.0) -> GeneratorFilter {
        GeneratorFilter(name: "single-photon", requirements: [
            .atLeast(1, ParticleCut(.photon, minMomentum: minEnergyCMS, momentumFrame: .cms,
                                    thetaDeg: eclBarrelThetaDeg)),
            .atMost(0, ParticleCut(.charged, minMomentum: 0.1, thetaDeg: cdcThetaDeg)),
        ])
    }
}

/// Electric charge (in units of e) from a PDG code, for the particles the generators emit.
public enum ParticleCharge {
    @inlinable
    public static func charge(_ pdg: Int32) -> Int {
        let a = abs(pdg)
        let s: Int = pdg > 0 ? 1 : -1
        switch a {
        case 11, 13, 15: return -s          // leptons: e- is +11 with charge -1
        case 211, 321, 521, 2212: return s  // pi+, K+, B+, p
        default: return 0
        }
    }

    @inlinable
    public static func isCharged(_ pdg: Int32) -> Bool { charge(pdg) != 0 }
}
