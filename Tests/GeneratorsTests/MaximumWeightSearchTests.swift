import XCTest
import EventModel
import Kinematics
@testable import Generators

/// The maximum-weight search inside a filter, on a sampler whose weight distribution is known
/// in closed form: one photon with lab momentum p uniform on [0.1, 2] GeV, weight 1/p^2 fb,
/// and a filter keeping p >= 1 GeV. Unfiltered, the largest weight is 100 (p = 0.1); inside
/// the filter it is 1 (p = 1), with mean Int_1^2 p^-2 dp = 1/2 and pass fraction 1/1.9.
final class MaximumWeightSearchTests: XCTestCase {
    struct InversePowerSampler: ProcessSampler {
        let processName = "inverse-square"
        let acceptance = "0.1 < p < 2 GeV"
        let transform = FrameTransform()
        var exactCrossSectionFb: (value: Double, uncertainty: Double)? { nil }
        func sample(into event: inout GeneratedEvent, using rng: RandomStream) -> Double {
            let p = 0.1 + 1.9 * rng.uniform()
            event.append(PDGID.photon, FourVector(e: p, px: p, py: 0, pz: 0))
            return 1 / (p * p)
        }
    }

    let filter = GeneratorFilter(name: "p>1", requirements: [
        .atLeast(1, .init(.photon, minMomentum: 1, momentumFrame: .lab, thetaDeg: 0...180, angleFrame: .lab))])

    /// The search finds the filtered maximum 1 (not the unfiltered 100), the mean 1/2 and the
    /// pass fraction 1/1.9, within their binomial / sampling errors.
    func testSearchFindsTheMaximumInsideTheFilter() {
        let search = MaximumWeightSearch.search(InversePowerSampler(), filter: filter, passingTarget: 20_000,
                                                maximumTrials: 1_000_000, safety: 1.5)
        XCTAssertEqual(search.passing, 20_000)
        XCTAssertLessThanOrEqual(search.largestWeightFb, 1)
        // The smallest of 20 000 uniform p on [1, 2] is above 1 + 5e-4 with probability e^-10.
        XCTAssertGreaterThan(search.largestWeightFb, 1 / (1.0005 * 1.0005))
        XCTAssertEqual(search.maximumWeightFb, 1.5 * search.largestWeightFb, accuracy: 1e-12)
        let f = 1 / 1.9
        XCTAssertEqual(search.passingFraction, f, accuracy: 4 * (f * (1 - f) / Double(search.trials)).squareRoot())
        // Weight 1/p^2 with p uniform on [1, 2]: sd of w is sqrt(1/3 - 1/4) = 0.289.
        XCTAssertEqual(search.meanWeightFb, 0.5, accuracy: 4 * 0.289 / (20_000.0).squareRoot())
        XCTAssertEqual(search.unweightingEfficiency, 0.5 / 1.5, accuracy: 0.01)
        // Without a filter the same search sees the maximum 100.
        let unfiltered = MaximumWeightSearch.search(InversePowerSampler(), filter: nil, passingTarget: 20_000)
        XCTAssertGreaterThan(unfiltered.largestWeightFb, 99)
    }

    /// The check against a maximum set below the true one: P(w > 0.8 | pass) = P(p < 1/sqrt(0.8))
    /// = 0.118034, and the share of the cross section above it
    /// Int_1^{1.118}(p^-2 - 0.8) dp / (1/2) = 0.022291.
    func testCheckCountsWeightsAboveTheMaximum() {
        let check = MaximumWeightCheck.check(InversePowerSampler(), filter: filter, maximumWeightFb: 0.8,
                                             trials: 200_000, using: RandomStream(seed: 71, stream: 0))
        let fraction = Double(check.aboveMaximum) / Double(check.passing)
        let q = 1 / 0.8.squareRoot() - 1
        XCTAssertEqual(fraction, q, accuracy: 4 * (q * (1 - q) / Double(check.passing)).squareRoot())
        let share = ((1 - 0.8.squareRoot()) - 0.8 * q) / 0.5
        XCTAssertEqual(share, 0.022291, accuracy: 1e-6)
        XCTAssertEqual(check.shareAboveMaximum, share, accuracy: 0.1 * share)
        XCTAssertEqual(check.largestOverMaximum, 1 / 0.8, accuracy: 0.01)
    }

    /// Unweighted generation with the maximum found inside the filter: every event has weight
    /// 1 and p distributed as 1/p^2 on [1, 2] (mean 2 ln 2 = 1.3863, sd 0.2796), at about
    /// 1/(pass fraction x efficiency) = 1.9 x 2 x 1.5 = 5.7 proposals per event; the
    /// unfiltered warm-up's maximum (about 120) costs about 450.
    func testUnweightedGenerationInsideTheFilter() {
        let generator = SampledGenerator(sampler: InversePowerSampler(), filter: filter, mode: .unweighted,
                                         maximumWeightPolicy: .insideFilter(passingTarget: 20_000, maximumTrials: 1_000_000, safety: 1.5))
        XCTAssertNotNil(generator.maximumWeightSearch)
        let rng = RandomStream(seed: 72, stream: 0)
        var e = GeneratedEvent()
        let n = 20_000
        var sumP = 0.0, trials = 0
        for _ in 0..<n {
            generator.generate(into: &e, using: rng)
            XCTAssertEqual(e.weight, 1)
            let p = e.particles[0].momentum.e
            XCTAssertGreaterThanOrEqual(p, 1)
            sumP += p
            trials += e.trials
        }
        XCTAssertEqual(sumP / Double(n), 2 * log(2.0), accuracy: 4 * 0.2796 / Double(n).squareRoot())
        let perEvent = Double(trials) / Double(n)
        XCTAssertEqual(perEvent, 5.7, accuracy: 0.25)
        let old = SampledGenerator(sampler: InversePowerSampler(), filter: filter, mode: .unweighted)
        XCTAssertNil(old.maximumWeightSearch)
        XCTAssertGreaterThan(old.maximumWeightFb, 100)
        // Weighted mode ignores the policy (no search, weights w / <w> as before).
        let weighted = SampledGenerator(sampler: InversePowerSampler(), filter: filter, mode: .weighted,
                                        maximumWeightPolicy: .insideFilterDefault)
        XCTAssertNil(weighted.maximumWeightSearch)
    }

    /// Radiative Bhabha in the single-photon skim: the maximum found inside the filter holds on
    /// 4e5 further proposals: few passing proposals above it and a small share of the cross
    /// section in weights > 1; and it is far below the unfiltered warm-up's maximum.
    func testRadiativeBhabhaInsideSinglePhotonFilter() throws {
        let singlePhoton = GeneratorFilter.singlePhoton(minEnergyCMS: 1.0)
        let report = try XCTUnwrap(StandardModelProcess.eegamma.unweightingReport(
            filter: singlePhoton, checkTrials: 400_000, using: RandomStream(seed: 73, stream: 0)))
        let search = try XCTUnwrap(report.search)
        print("eegamma single_photon: " + search.description)
        print("eegamma single_photon: " + report.check.description)
        XCTAssertEqual(search.passing, MaximumWeightSearch.defaultPassingTarget)
        XCTAssertLessThan(report.check.shareAboveMaximum, 0.01)
        let old = SampledGenerator(sampler: RadiativeBhabhaSampler(), filter: singlePhoton, mode: .unweighted)
        XCTAssertGreaterThan(old.maximumWeightFb, 2 * search.maximumWeightFb)
    }
}
