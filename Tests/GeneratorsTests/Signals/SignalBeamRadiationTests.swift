import XCTest
import Kinematics
@testable import Generators

/// The weighted ISR of the signal samplers against the exact ISR integration of the
/// mu mu background (LeptonPairSampler integrates W(v) sigma_Born(s(1 - v)) by quadrature).
final class SignalsBeamRadiationTests: XCTestCase {
    func testWeightedRadiatorReproducesMuonPairTotal() {
        let reference = LeptonPairSampler(lepton: PDGID.muon)
        let s = reference.transform.s
        let m = ParticleMass.muon
        let isr = SignalBeamRadiation(s: s, thresholdS: 4 * m * m)
        let rng = RandomStream(seed: 31, stream: 0)
        var sum = 0.0, sum2 = 0.0, wmax = 0.0
        let n = 400_000
        for _ in 0..<n {
            let (v, w) = isr.sampleV(rng)
            if w <= 0 { continue }
            let sPrime = v * s.squareRoot() / 2 < isr.minimumPhotonEnergy ? s : s * (1 - v)
            let x = w * reference.born.total(s: sPrime) * PhysicalConstants.hbarC2GeV2Fb
            sum += x; sum2 += x * x
            wmax = max(wmax, w)
        }
        let mean = sum / Double(n)
        let err = ((sum2 / Double(n) - mean * mean) / Double(n)).squareRoot()
        print(String(format: "weighted ISR: %.1f +- %.1f fb vs LeptonPairSampler %.1f fb (max W/p = %.2f)",
                     mean, err, reference.totalFb, wmax))
        XCTAssertEqual(mean, reference.totalFb, accuracy: 3 * err + 1e-3 * reference.totalFb)
    }
}
