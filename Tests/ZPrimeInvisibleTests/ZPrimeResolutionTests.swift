import ZPrimeInvisiblePackage
import Analysis
import Detector
import Foundation
import Testing
import ZPrimeInvisible

@Suite struct ZPrimeResolutionTests {
    struct Reference: Decodable {
        struct Row: Decodable { let m_zprime: Double, sigma_gev: Double, sigma_without_isr_gev: Double, sigma_detector_only_gev: Double }
        struct Tracking: Decodable { let a: Double, b: Double, c: Double, d: Double }
        let tracking: Tracking
        let masses: [Row]
    }

    /// The table against an independent propagation of the detector parametrisation
    /// (Tests/Fixtures/zprime/recoil_resolution_reference.py: numpy, flat three-body phase
    /// space, mc.yaml's sigma(pT)/pT and angle resolutions, beam energy spread, the search's
    /// recoil-mass formula and core width; no DarkSector code). Radiation (ISR, FSR) adds
    /// one-sided shifts on top of the detector smearing and widens the core, so the table's
    /// widths must not fall below that detector-and-beam floor. Tolerance 20% below the floor: the floor assumes flat phase space, where the two
    /// muons share the energy more evenly than the radiation matrix element makes them, and an
    /// even share is what minimises sigma(E1 + E2) (sigma(p) ~ a p^2), so the true floor is if
    /// anything higher; 20% is an allowance for that approximation, not a measured spread.
    ///
    /// What the floor shows: from 1 GeV up the table is 2.5-3.6 times it (4 GeV: 0.098 against
    /// 0.033 GeV), so the windows are set by what the floor leaves out (radiation, the energy
    /// sharing), not by the tracker alone, and a table narrowed by up to ~3x at those masses
    /// would still pass: this guards the scale at low mass and the direction. The soft-photon
    /// ISR estimate in the fixture (0.33 GeV at 4 GeV) is a ceiling too loose to assert.
    @Test func tabulatedResolutionIsNotBelowTheDetectorFloor() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf:
            root.appendingPathComponent("Tests/Fixtures/zprime/recoil_resolution_reference.json")))
        // The fixture was made from the tracking figures now in mc.yaml (regenerate it when they change).
        let conditions = try DetectorConditions.load(.mc, from: root.appendingPathComponent("Conditions/mc.yaml"))
        let t = conditions.tracking
        #expect([t.momentumResolutionA, t.momentumResolutionB, t.angleConstantMrad, t.angleMultipleScatteringMradGeV]
                == [reference.tracking.a, reference.tracking.b, reference.tracking.c, reference.tracking.d])
        let table = ZPrimeResolution.standard
        #expect(reference.masses.map(\.m_zprime) == table.massesGeV)
        for row in reference.masses {
            let sigma = table.sigma(atMass: row.m_zprime)
            #expect(sigma >= 0.8 * row.sigma_without_isr_gev,
                    "M = \(row.m_zprime) GeV: table \(sigma) GeV below the detector-and-beam floor \(row.sigma_without_isr_gev) GeV")
        }
    }
}

/// Not a check: prints the resolution table for `ZPrimeResolution.standard` when
/// DARKSECTOR_MEASURE_RESOLUTION=1 (how the table was made: 20000 events per mass, seed 1).
@Suite struct ZPrimeResolutionTableMaker {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DARKSECTOR_MEASURE_RESOLUTION"] == "1"))
    func measureTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let conditions = try DetectorConditions.load(.mc, from: root.appendingPathComponent("Conditions/mc.yaml"))
        let samples = ZPrimeSignalSamples(conditions: conditions, eventsPerMass: 20_000, seed: 1)
        let masses = ZPrimeResolution.standard.massesGeV
        let sigmas = try masses.map { try ZPrimeResolutionMeasurement.coreSigma(of: samples.sample(mass: $0), mass: $0, search: ZPrimeInvisible.lMuMinusLTau) }
        try zip(masses, sigmas).map { String(format: "%.1f %.4f", $0, $1) }.joined(separator: "\n")
            .write(toFile: "/tmp/zprime_resolution_table.txt", atomically: true, encoding: .utf8)
    }
}
