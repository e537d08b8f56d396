import EventModel
import Kinematics
import Pythia8Bridge

/// e+e- -> q qbar (u, d, s, c) at the Belle II CMS energy, showered, hadronised and
/// decayed by Pythia 8, boosted to the lab: the "continuum" under the Upsilon(4S).
///
/// Pythia process `WeakSingleBoson:ffbar2ffbar(s:gmZ)` (gamma* and Z with interference,
/// the outgoing flavours chosen by the Z's open channels, `23:onIfAny`), with Pythia's own
/// initial-state radiation: the electron's leading-log structure function (`PDF:lepton = on`,
/// Pythia's default for lepton beams) and the QED shower off the beams; final-state QED
/// and QCD showers, Lund string fragmentation, Pythia's decay tables. The q qbar mass
/// after ISR is above `PhaseSpace:mHatMin` (Pythia's default 4 GeV: lower masses are the
/// resonance region, which a string model does not describe).
///
/// Normalisation: Pythia's own cross section for exactly this sample (its ISR and the
/// 4 GeV cut), stored per flavour from one run of 10^6 events of Pythia 8.318 with these
/// settings (`pythiaCrossSectionNb`; a test checks it against a live run). Why not the Belle
/// II Physics Book's values (arXiv:1808.10567, KKMC: u ubar 1.61, d dbar 0.40, s sbar 0.38,
/// c cbar 1.30 nb): they include radiative return to q qbar masses below 4 GeV, which this
/// sample does not contain, so they would overweight its events by ~20% (light quarks). The
/// independent ISR convolution (Tests/GeneratorsTests/QuarkPairCrossSectionFormula.swift)
/// reproduces the Physics Book to the hadronic threshold (u, d, c within 1.5%) and lies 2.6%
/// above Pythia above 4 GeV (docs/physics/generators.md). Events are unweighted (weight 1),
/// so the sampler's weight is that constant.
public struct ContinuumQuarkPairSampler: ProcessSampler {
    /// The quark flavours of a continuum sample.
    public enum Flavours: String, Sendable, CaseIterable {
        case uds, ccbar, uubar, ddbar, ssbar

        public var pdgCodes: [Int32] {
            switch self {
            case .uds: return [1, 2, 3]
            case .ccbar: return [4]
            case .uubar: return [2]
            case .ddbar: return [1]
            case .ssbar: return [3]
            }
        }

        /// Belle II Physics Book (arXiv:1808.10567), e+e- -> q qbar at 10.58 GeV (KKMC, with
        /// radiative return to low masses), nb: for comparison, not for normalisation.
        public var physicsBookCrossSectionNb: Double {
            pdgCodes.reduce(0) { $0 + ContinuumQuarkPairSampler.physicsBookNb[$1]! }
        }

        /// Pythia's cross section of this sample (m(q qbar) > 4 GeV, Pythia's ISR) in nb,
        /// with its statistical error: the sum over the flavours of `pythiaNb`.
        public var pythiaCrossSectionNb: (value: Double, error: Double) {
            let terms = pdgCodes.map { ContinuumQuarkPairSampler.pythiaNb[$0]! }
            return (terms.reduce(0) { $0 + $1.value }, terms.reduce(0) { $0 + $1.error * $1.error }.squareRoot())
        }
    }

    /// Pythia 8.318's `sigmaGen` for one flavour with `settings(flavours:sqrtS:)` after 10^6
    /// events (seed 20261205), nb. Regenerate when the Pythia version or the settings change
    /// (`HadronicGeneratorTests.testPythiaCrossSectionsAboveFourGeV` fails then).
    public static let pythiaNb: [Int32: (value: Double, error: Double)] = [
        1: (0.3173, 0.0002), 2: (1.2704, 0.0007), 3: (0.3174, 0.0002), 4: (1.2653, 0.0007),
    ]

    /// Per flavour (PDG code of the quark): the Physics Book's u ubar 1.61, d dbar 0.40,
    /// s sbar 0.38, c cbar 1.30 nb.
    public static let physicsBookNb: [Int32: Double] = [2: 1.61, 1: 0.40, 3: 0.38, 4: 1.30]

    public let flavours: Flavours
    public let transform: FrameTransform
    let session: PythiaSession

    public var processName: String { flavours.rawValue }
    public var acceptance: String {
        "e+e- -> q qbar (q = \(flavours.pdgCodes.map { String($0) }.joined(separator: ","))) with ISR, m(q qbar) > 4 GeV, Pythia 8 \(Pythia8Installation.packageVersion)"
    }

    public init(flavours: Flavours, beams: BelleIIBeams = .y4S, installation: Pythia8Installation = .fromEnvironment()) {
        self.flavours = flavours
        transform = FrameTransform(beams: beams)
        session = PythiaSession(settings: Self.settings(flavours: flavours, sqrtS: beams.sqrtS), installation: installation)
    }

    /// The Pythia settings of this sample.
    public static func settings(flavours: Flavours, sqrtS: Double) -> [String] {
        HadronicSettings.common + [
            "Beams:idA = 11",
            "Beams:idB = -11",
            "Beams:eCM = \(sqrtS)",
            "PDF:lepton = on",
            "WeakSingleBoson:ffbar2ffbar(s:gmZ) = on",
            "23:onMode = off",
            "23:onIfAny = \(flavours.pdgCodes.map { String($0) }.joined(separator: " "))",
        ]
    }

    public var exactCrossSectionFb: (value: Double, uncertainty: Double)? {
        let sigma = flavours.pythiaCrossSectionNb
        return (sigma.value * 1e6, sigma.error * 1e6)
    }

    public func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
        session.with(rng) { pythia in
            do { try pythia.next() } catch { fatalError("\(processName): \(error)") }
            PythiaEventConversion.appendFinalState(of: pythia, to: &event, transform: transform)
        }
        return flavours.pythiaCrossSectionNb.value * 1e6
    }

    /// Runs `events` events and returns Pythia's own cross-section estimate in nb, with its
    /// error (for the comparison with the Physics Book; not used for normalisation).
    public func pythiaCrossSectionNb(events: Int, using rng: RandomStream) -> (value: Double, error: Double) {
        session.with(rng) { pythia in
            for _ in 0..<events { do { try pythia.next() } catch { fatalError("\(processName): \(error)") } }
            let s = pythia.crossSectionMb
            return (s.value * 1e6, s.error * 1e6)
        }
    }

    /// The full Pythia record of one event (CMS, Pythia's units), for tests of hadron rates.
    public func nextRecord(using rng: RandomStream) -> [Pythia8Particle] {
        session.with(rng) { pythia in
            do { try pythia.next() } catch { fatalError("\(processName): \(error)") }
            return pythia.record()
        }
    }
}
