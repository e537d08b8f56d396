import DarkHiggsstrahlungPackage
import Analysis
import DarkHiggsstrahlung
import Detector
import Foundation
import Testing

@Suite struct DarkHiggsResolutionTests {
    static var conditions: DetectorConditions {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return try DetectorConditions.load(.mc, from: root.appendingPathComponent("Conditions/mc.yaml"))
        }
    }

    /// Re-measures two entries of the table with an independent seed. Tolerance 30%: the
    /// weighted signal MC (ISR weights) leaves an effective sample of a few hundred events in
    /// the core, so the 68% half-width itself fluctuates by ~10-15%.
    @Test(arguments: [(3, 1), (6, 3)])
    func tabulatedResolutionMatchesSignalMonteCarlo(i: Int, j: Int) throws {
        let g = DarkHiggsSignalGrid.point(i, j)
        let source = DarkHiggsSignalSamples(conditions: try Self.conditions, eventsPerPoint: 1500, seed: 7).sample(mA: g.mA, mh: g.mh)
        let m = try DarkHiggsResolutionMeasurement.measure(source, mA: g.mA, mh: g.mh, search: .standard)
        let t = DarkHiggsResolution.standard.entries[i][j]
        #expect(abs(m.sigmaMuMu / t.sigmaMuMu - 1) < 0.3, "sigma_mumu measured \(m.sigmaMuMu) vs table \(t.sigmaMuMu)")
        #expect(abs(m.sigmaRecoil / t.sigmaRecoil - 1) < 0.3, "sigma_rec measured \(m.sigmaRecoil) vs table \(t.sigmaRecoil)")
        #expect(abs(m.correlation - t.correlation) < 0.25, "rho measured \(m.correlation) vs table \(t.correlation)")
    }

    /// Not a check: prints the whole table for DarkHiggsResolutionTable.swift when
    /// DARKSECTOR_MEASURE_RESOLUTION=1 (how the table was made; 3000 events per point, seed 1).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DARKSECTOR_MEASURE_RESOLUTION"] == "1"))
    func measureTable() throws {
        let samples = DarkHiggsSignalSamples(conditions: try Self.conditions, eventsPerPoint: 3000, seed: 1)
        var lines: [String] = []
        for i in DarkHiggsSignalGrid.darkPhotonMasses.indices {
            var row: [String] = []
            for j in DarkHiggsSignalGrid.higgsFractions.indices {
                let g = DarkHiggsSignalGrid.point(i, j)
                let m = try DarkHiggsResolutionMeasurement.measure(samples.sample(mA: g.mA, mh: g.mh), mA: g.mA, mh: g.mh, search: .standard)
                row.append(String(format: "E(sigmaMuMu: %.4f, sigmaRecoil: %.4f, correlation: %.2f)", m.sigmaMuMu, m.sigmaRecoil, m.correlation))
            }
            lines.append("        [" + row.joined(separator: ", ") + "],")
        }
        try lines.joined(separator: "\n").write(toFile: "/tmp/dh_resolution_table.txt", atomically: true, encoding: .utf8)
    }
}

@Suite struct DarkHiggsWindowTests {
    static let configuration = """
        search: dark-higgsstrahlung
        luminosity_inv_fb: 8.34
        mass_grid: {m_aprime: [1.65, 10.51], m_hprime: [0.0, 10.51]}
        """

    /// The seminar (seeds/002) and PRL 130 (2023) 071804 scan "about 9000" windows.
    @Test func defaultScanHasAboutNineThousandOverlappingWindows() throws {
        let c = try SearchConfiguration.parse(yaml: Self.configuration, file: "test.yaml", search: DarkHiggsstrahlung.standard)
        let n = c.hypotheses.count
        #expect(n > 6000 && n < 12000, "\(n) windows")
        // Every window lies in the allowed triangle and overlaps the next one in its column.
        for (a, b) in zip(c.hypotheses, c.hypotheses.dropFirst()) {
            let mA = a.parameters["m_aprime"]!, mh = a.parameters["m_hprime"]!
            #expect(mh <= min(mA, 10.51 - mA) + 1e-9)
            if b.parameters["m_aprime"] == mA, case let .ellipse(_, _, _, cy, _, _, _) = b.signalRegion {
                #expect(a.signalRegion.contains { $0 == "m_mumu" ? mA : (cy + mh) / 2 }, "neighbours must overlap")
            }
        }
    }

    /// The ellipse from the covariance is the k-sigma contour: x^T C^-1 x = k^2 on its edge
    /// (analytic, for a correlated 2D Gaussian).
    @Test func ellipseIsTheCovarianceContour() throws {
        let e = DarkHiggsResolution.Entry(sigmaMuMu: 0.02, sigmaRecoil: 0.15, correlation: -0.7)
        let (a, b, angle) = DarkHiggsResolution.ellipse(e, sigmas: 2)
        let sxx = 0.0004, syy = 0.0225, sxy = -0.7 * 0.02 * 0.15, det = sxx * syy - sxy * sxy
        for phi in stride(from: 0.0, to: 2 * Double.pi, by: 0.3) {
            // Point on the ellipse edge in (u, v), rotated back.
            let u = a * cos(phi), v = b * sin(phi)
            let dx = cos(angle) * u - sin(angle) * v, dy = sin(angle) * u + cos(angle) * v
            let chi2 = (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det
            #expect(abs(chi2 - 4) < 1e-9)
        }
    }

    /// Blinding hides a superset of every window.
    @Test func blindedRegionContainsEveryWindow() throws {
        let c = try SearchConfiguration.parse(yaml: Self.configuration, file: "test.yaml", search: DarkHiggsstrahlung.standard)
        let blind = DarkHiggsstrahlung.standard.blindedRegion(of: c.hypotheses)
        for h in c.hypotheses.enumerated().filter({ $0.offset % 37 == 0 }).map(\.element) {
            guard case let .ellipse(_, _, cx, cy, a, b, angle) = h.signalRegion else { Issue.record("not an ellipse"); continue }
            for phi in stride(from: 0.0, to: 2 * Double.pi, by: 0.5) {
                let u = 0.999 * a * cos(phi), v = 0.999 * b * sin(phi)
                let x = cx + cos(angle) * u - sin(angle) * v, y = cy + sin(angle) * u + cos(angle) * v
                #expect(blind.contains { $0 == "m_mumu" ? x : y })
            }
        }
    }

    /// Interpolation weights sum to one and reproduce a generated point exactly.
    @Test func interpolationWeights() {
        for (mA, mh) in [(4.0, 1.0), (1.66, 0.2), (10.4, 0.05), (6.5, 2.0)] {
            let w = DarkHiggsSignalGrid.interpolation(mA: mA, mh: mh)
            #expect(abs(w.reduce(0) { $0 + $1.weight } - 1) < 1e-12)
        }
        let g = DarkHiggsSignalGrid.point(4, 2)
        let w = DarkHiggsSignalGrid.interpolation(mA: g.mA, mh: g.mh)
        #expect(w.count == 1 && w[0].i == 4 && w[0].j == 2)
    }
}
