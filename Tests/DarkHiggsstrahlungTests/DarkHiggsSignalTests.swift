import DarkHiggsstrahlungPackage
import Analysis
import DarkHiggsstrahlung
import Foundation
import Generators
import Testing

@Suite struct DarkHiggsSignalTests {
    /// The signal model's ISR-folded cross section (quadrature over the Kuraev-Fadin radiator)
    /// against the generator's own Monte Carlo integral of the same process: two independent
    /// integrations of one formula.
    @Test(arguments: [(4.0, 1.0), (8.0, 0.5), (2.5, 2.0)])
    func isrCrossSectionMatchesGeneratorIntegral(mA: Double, mh: Double) throws {
        let model = DarkHiggsSignalModel()
        let quad = try model.crossSectionFb(parameters: ["m_aprime": mA, "m_hprime": mh], coupling: 1)
        let sampler = DarkHiggsstrahlungSampler(darkPhotonMass: mA, darkHiggsMass: mh, epsilon: 1, alphaDark: 1)
        let mc = SampledGenerator(sampler: sampler, mode: .weighted, warmUpTrials: 1000)
            .crossSection(trials: 200_000, using: RandomStream(seed: 3, stream: 9))
        #expect(abs(quad - mc.valueFb) < 3 * mc.uncertaintyFb + 0.01 * quad,
                "quadrature \(quad) fb vs MC \(mc.valueFb) +- \(mc.uncertaintyFb) fb")
    }

    /// The limit on eps^2 alpha_D is linear in the cross-section limit.
    @Test func couplingLimitIsLinear() throws {
        let model = DarkHiggsSignalModel(), p = ["m_aprime": 5.0, "m_hprime": 1.0]
        let s1 = try model.crossSectionFb(parameters: p, coupling: 1)
        #expect(abs(try model.couplingLimit(crossSectionLimitFb: 2 * s1, parameters: p) - 2) < 1e-12)
        #expect(throws: (any Error).self) { try model.crossSectionFb(parameters: ["m_aprime": 9.0, "m_hprime": 2.0], coupling: 1) }
    }
}
