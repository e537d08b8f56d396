import XCTest
import Kinematics
@testable import Generators

/// Distributions against analytic results.
final class ShapeTests: XCTestCase {
    /// Born angular distribution at 10.58 GeV: 1 + cos^2 shape and the gamma-Z asymmetry.
    /// Reference A_FB: the lowest-order formula A_FB = -3 G_F s / (16 sqrt(2) pi alpha)
    /// (s << M_Z^2; e.g. Kuhn, Zerwas, in "Heavy flavours", or PDG EW review), which gives
    /// -0.755% with alpha(0); the generator's sin^2 theta_W scheme gives -0.72%. We accept
    /// +-15% of the formula plus 4 MC sigma.
    func testBornAngularDistribution() {
        let s = BelleIIBeams.y4S.s
        let ang = FermionPairBorn(mass: ParticleMass.muon).angular(s: s)!
        let rng = RandomStream(seed: 11, stream: 0)
        let n = 2_000_000
        var forward = 0
        var hist = [Int](repeating: 0, count: 10)
        for _ in 0..<n {
            let c = FermionPairBorn.sampleCosTheta(ang, rng)
            if c > 0 { forward += 1 }
            hist[min(Int((c + 1) * 5), 9)] += 1
        }
        let afb = 2 * Double(forward) / Double(n) - 1
        let reference = -3 * PhysicalConstants.fermiConstant * s / (16 * 2.0.squareRoot() * Double.pi * PhysicalConstants.alpha)
        print("A_FB = \(afb) (reference \(reference))")
        XCTAssertEqual(afb, reference, accuracy: 0.15 * abs(reference) + 4 / Double(n).squareRoot())
        // Symmetrised bins against the integral of 1 + c^2 (normalised to 8/3).
        for i in 0..<5 {
            let lo = -1 + Double(i) * 0.2, hi = lo + 0.2
            let expected = ((hi - lo) + (hi * hi * hi - lo * lo * lo) / 3) / (8.0 / 3.0) * 2
            let observed = Double(hist[i] + hist[9 - i]) / Double(n)
            XCTAssertEqual(observed, expected, accuracy: 5 * (expected / Double(n)).squareRoot())
        }
    }

    /// The ISR photon spectrum at small v follows the exponentiated soft radiator
    /// beta v^(beta - 1), beta = 2 alpha/pi (ln(s/m_e^2) - 1) = 0.0877: the cumulative
    /// fraction ratio P(v < 1e-4)/P(v < 1e-2) = 100^(-beta) (Kuraev-Fadin; Gribov-Lipatov
    /// exponentiation, also Jadach-Ward YFS). The hard end (0.2 < v < 0.6) against the O(alpha)
    /// shape beta (1 - v + v^2/2)/v times sigma_Born(s')/sigma_Born(s).
    func testISRSpectrum() {
        let sampler = LeptonPairSampler(lepton: PDGID.muon)
        let rng = RandomStream(seed: 12, stream: 0)
        let n = 400_000
        var below4 = 0, below2 = 0, hardA = 0, hardB = 0
        for _ in 0..<n {
            let v = sampler.sampleV(rng)
            if v < 1e-4 { below4 += 1 }
            if v < 1e-2 { below2 += 1 }
            if v > 0.2 && v < 0.3 { hardA += 1 }
            if v > 0.5 && v < 0.6 { hardB += 1 }
        }
        let me = ParticleMass.electron
        let s = BelleIIBeams.y4S.s
        let beta = 2 * PhysicalConstants.alpha / Double.pi * (log(s / (me * me)) - 1)
        XCTAssertEqual(beta, 0.0877, accuracy: 0.0005)
        let ratio = Double(below4) / Double(below2)
        let sigmaR = (ratio * (1 - ratio) / Double(below2)).squareRoot()
        // O(alpha) corrections to the soft limit at v = 1e-2 are ~ v, i.e. 1%.
        XCTAssertEqual(ratio, pow(100, -beta), accuracy: 4 * sigmaR + 0.01)
        // Hard-photon ratio of two bins against the O(alpha) radiator times 1/s' (massless Born).
        func shape(_ v: Double) -> Double { (1 - v + v * v / 2) / v / (1 - v) }
        let expected = Quadrature.integrate(0.5, 0.6, intervals: 8, shape) / Quadrature.integrate(0.2, 0.3, intervals: 8, shape)
        let obs = Double(hardB) / Double(hardA)
        let sig = obs * (1 / Double(hardA) + 1 / Double(hardB)).squareRoot()
        // Running alpha at s' and O(alpha^2) terms move this by a few %.
        XCTAssertEqual(obs, expected, accuracy: 4 * sig + 0.06 * expected)
    }

    /// tau -> mu nu nu: muon energy spectrum in the tau rest frame against the Michel
    /// formula with rho = 3/4, eta = 0 (V-A; PDG review "Muon decay parameters"):
    /// dGamma/dE ~ p E [3(W - E) + (2 rho/3)(4E - 3W - m^2/E)], W = (M^2 + m^2)/(2M).
    func testMichelSpectrum() {
        let decayer = TauDecayer()
        let rng = RandomStream(seed: 13, stream: 0)
        let mt = ParticleMass.tau, m = ParticleMass.muon
        let w = (mt * mt + m * m) / (2 * mt)
        func michel(_ e: Double) -> Double {
            let p = max(e * e - m * m, 0).squareRoot()
            return p * e * (3 * (w - e) + 0.5 * (4 * e - 3 * w - m * m / e))
        }
        let nBins = 20
        let n = 30_000
        var hist = [Int](repeating: 0, count: nBins)
        var out = [(Int32, FourVector)]()
        for _ in 0..<n {
            out.removeAll(keepingCapacity: true)
            decayer.decayAtRest(.muon, &out, rng)
            let e = out[0].1.e
            hist[min(Int((e - m) / (w - m) * Double(nBins)), nBins - 1)] += 1
        }
        let total = Quadrature.integrate(m, w, intervals: 200, michel)
        var chi2 = 0.0
        for i in 0..<nBins {
            let lo = m + (w - m) * Double(i) / Double(nBins), hi = lo + (w - m) / Double(nBins)
            let expected = Quadrature.integrate(lo, hi, intervals: 8, michel) / total * Double(n)
            chi2 += pow(Double(hist[i]) - expected, 2) / max(expected, 1)
        }
        print("Michel chi2/ndf = \(chi2)/\(nBins)")
        XCTAssertLessThan(chi2, 45)  // p ~ 1e-3 for 20 dof
    }

    /// Breit-Wheeler: the angular formula integrates to the total formula.
    func testBreitWheelerConsistency() {
        let m = ParticleMass.muon, w = 1.3
        let b = (1 - 4 * m * m / (w * w)).squareRoot()
        let a = PhysicalConstants.alpha
        let integral = 2 * Double.pi * a * a * b / (w * w) * Quadrature.integrate(-1, 1, intervals: 400) {
            BreitWheeler.angularShape(cosTheta: $0, beta: b)
        }
        XCTAssertEqual(integral / BreitWheeler.crossSection(w: w, mass: m), 1, accuracy: 1e-6)
    }

    /// Tau branching fractions add to 1 and give PDG's one-prong 85.24% (PDG 2024 topological).
    func testTauBranchingFractions() {
        let bf = TauDecayer.branchingFractions
        XCTAssertEqual(bf.reduce(0, +), 1, accuracy: 1e-3)
        let oneProng = bf[0] + bf[1] + bf[2] + bf[3] + bf[4] + bf[5] + bf[7] + bf[9]
        XCTAssertEqual(oneProng, 0.8524, accuracy: 1e-3)
    }
}
