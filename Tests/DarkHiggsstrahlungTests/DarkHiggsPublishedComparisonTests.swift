import DarkHiggsstrahlungPackage
import Analysis
import DarkHiggsstrahlung
import Foundation
import SearchPipeline
import Testing

/// Expected limits at 8.34 fb^-1 against PRL 130 (2023) 071804. The paper's abstract is all
/// the stored sources hold (Tests/Fixtures/darkhiggs/published_8fb.json): observed limits
/// sigma < 1.7-5.0 fb and eps^2 alpha_D < 1.7e-8 to 2.0e-6 over 4.0 < M_A' < 9.7 GeV,
/// M_h' < M_A'. The efficiencies and backgrounds of every 4th window in that range come from a
/// run on simulation at the full 8.34 fb^-1 (`expected_inputs_8fb.json`, script beside it);
/// this test recomputes the median expected limits with the current Bayesian calculator and
/// signal model and compares the ranges over windows with the published ones, each end within
/// a factor 2.
///
/// One restriction, stated rather than hidden: windows with M_A' + M_h' > 10 GeV, within
/// 0.6 GeV of the kinematic limit sqrt(s), are left out of the eps^2 alpha_D range. There the
/// production is p-wave suppressed (sigma ~ beta^3 -> 0), so eps^2 alpha_D limits diverge (ours
/// reach 7e-5 in a handful of windows) while the cross-section limits stay ordinary; the
/// published maximum of 2.0e-6 cannot include them. They are 0.2% of the windows (3 of 1629 here) with
/// eps^2 alpha_D > 2e-6 (checked below to stay below 1%).
@Suite struct DarkHiggsPublishedComparisonTests {
    struct Inputs: Decodable {
        let luminosity_inv_fb: Double
        let m_aprime: [Double], m_hprime: [Double], signal_efficiency: [Double], expected_background: [Double]
        let relative_signal_uncertainty: [Double], relative_background_uncertainty: [Double]
    }
    struct Published: Decodable {
        struct Ranges: Decodable {
            let sigma_fb_observed_min: Double, sigma_fb_observed_max: Double
            let eps2_alphaD_observed_min: Double, eps2_alphaD_observed_max: Double
        }
        let abstract_ranges: Ranges
    }

    @Test func expectedLimitRangesMatchThePublishedRanges() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/darkhiggs")
        let x = try JSONDecoder().decode(Inputs.self, from: Data(contentsOf: dir.appendingPathComponent("expected_inputs_8fb.json")))
        let published = try JSONDecoder().decode(Published.self, from: Data(contentsOf: dir.appendingPathComponent("published_8fb.json"))).abstract_ranges
        #expect(x.m_aprime.count > 1000)
        let calculator = BayesianCountingCalculator(), model = DarkHiggsSignalModel()
        var cache: [[Double]: Double] = [:]
        var sigma: [Double] = [], coupling: [Double] = [], nearEdge: [Bool] = []
        for i in x.m_aprime.indices {
            let b = x.expected_background[i]
            let n = BayesianCountingCalculator.poissonQuantile(0.5, mean: b)
            let key = [Double(n), b, x.relative_signal_uncertainty[i], x.relative_background_uncertainty[i]]
            let events = try cache[key] ?? calculator.upperLimit(observed: n, background: b,
                                                                   relativeSignalUncertainty: key[2],
                                                                   relativeBackgroundUncertainty: key[3], confidenceLevel: 0.90)
            cache[key] = events
            let s = events / (x.signal_efficiency[i] * x.luminosity_inv_fb)
            sigma.append(s)
            coupling.append(try model.couplingLimit(crossSectionLimitFb: s, parameters: ["m_aprime": x.m_aprime[i], "m_hprime": x.m_hprime[i]]))
            nearEdge.append(x.m_aprime[i] + x.m_hprime[i] > 10.0)
        }
        func percentile(_ v: [Double], _ q: Double) -> Double { let s = v.sorted(); return s[Int(q * Double(s.count - 1))] }
        func within2(_ a: Double, _ b: Double) -> Bool { a / b < 2 && b / a < 2 }

        // Cross section: the 5th-95th percentile span of our windows against the published
        // span (measured 1.53 and 5.74 fb, median 3.12 fb, against 1.7 and 5.0 fb).
        let sLo = percentile(sigma, 0.05), sHi = percentile(sigma, 0.95), sMedian = percentile(sigma, 0.5)
        #expect(within2(sLo, published.sigma_fb_observed_min), "5th percentile of sigma: \(sLo) fb vs \(published.sigma_fb_observed_min) fb")
        #expect(within2(sHi, published.sigma_fb_observed_max), "95th percentile of sigma: \(sHi) fb vs \(published.sigma_fb_observed_max) fb")
        #expect(sMedian > published.sigma_fb_observed_min && sMedian < published.sigma_fb_observed_max,
                "median sigma limit \(sMedian) fb outside the published range")

        // eps^2 alpha_D: the smallest and largest limit away from the kinematic edge against
        // the published extremes (measured 1.88e-8 and 1.65e-6 against 1.7e-8 and 2.0e-6).
        let inner = coupling.indices.filter { !nearEdge[$0] }.map { coupling[$0] }
        let cMin = inner.min()!, cMax = inner.max()!
        #expect(within2(cMin, published.eps2_alphaD_observed_min), "smallest eps^2 alpha_D \(cMin) vs \(published.eps2_alphaD_observed_min)")
        #expect(within2(cMax, published.eps2_alphaD_observed_max), "largest eps^2 alpha_D \(cMax) vs \(published.eps2_alphaD_observed_max)")
        let edgeAbove = coupling.indices.filter { nearEdge[$0] && coupling[$0] > published.eps2_alphaD_observed_max }.count
        #expect(Double(edgeAbove) < 0.01 * Double(coupling.count), "\(edgeAbove) edge windows above the published maximum")
        print(String(format: "sigma 5/50/95%%: %.2f %.2f %.2f fb; eps2 alphaD min %.3g max %.3g (inner), %d edge windows above 2e-6 of %d",
                     sLo, sMedian, sHi, cMin, cMax, edgeAbove, coupling.count))
    }
}
