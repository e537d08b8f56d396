import ZPrimeInvisiblePackage
import Analysis
import EventModel
import Foundation
import Generators
import Testing
import ZPrimeInvisible

@Suite struct ZPrimeSearchTests {
    let search = ZPrimeInvisible.lMuMinusLTau

    @Test func hypothesesAreTwoSigmaWindowsAndTheBlindedRegionIsTheirEnvelope() throws {
        let hs = try search.hypotheses(on: MassGrid(axes: ["m_zprime": [3.0, 1.0, 5.0]]))
        #expect(hs.map { $0.parameters["m_zprime"]! } == [1.0, 3.0, 5.0])
        let s3 = search.resolution.sigma(atMass: 3.0)
        #expect(hs[1].signalRegion == .interval(observable: "m_recoil", low: 3.0 - 2 * s3, high: 3.0 + 2 * s3))
        guard case let .interval(_, lo, hi) = search.blindedRegion(of: hs) else { Issue.record("not an interval"); return }
        #expect(abs(lo - (1.0 - 2 * search.resolution.sigma(atMass: 1.0))) < 1e-12)
        #expect(abs(hi - (5.0 + 2 * search.resolution.sigma(atMass: 5.0))) < 1e-12)
    }

    @Test func signalProcessName() {
        #expect(ZPrimeInvisible.signalProcess(mass: 3.0) == "zprime_m3.00")
    }

    @Test func configurationsInTheRepositoryLoad() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let registry = try SearchRegistry([search])
        var lumis: [Double] = []
        for name in ["default", "lumi_276pb", "lumi_79fb"] {
            let path = root.appendingPathComponent("Searches/ZPrimeInvisible/config/\(name).yaml").path
            let (_, c) = try SearchConfiguration.load(path: path, registry: registry)
            #expect(c.controlSamples.map(\.name) == ["ee", "mumu_gamma", "mumu_tau_reversed"])
            #expect(c.pendingSystematics.count == 2)
            lumis.append(c.luminosityInvFb)
        }
        #expect(lumis == [0.05, 0.276, 79.7])
    }

    @Test func branchingFractionsFollowTheOpenChannels() throws {
        let m = ZPrimeSignalModel.lMuMinusLTau
        #expect(abs(m.invisibleBranchingFraction(massGeV: 0.15) - 1) < 1e-12)
        #expect(abs(m.invisibleBranchingFraction(massGeV: 3.0) - 0.5) < 0.02)
        #expect(abs(m.invisibleBranchingFraction(massGeV: 8.0) - 1.0 / 3) < 0.03)
        #expect(ZPrimeSignalModel.fullyInvisibleModel.invisibleBranchingFraction(massGeV: 8.0) == 1)
        // sigma x BF scales as g'^2, so the coupling translation inverts it.
        let s1 = try m.crossSectionFb(parameters: ["m_zprime": 2.0], coupling: 1)
        let g = try m.couplingLimit(crossSectionLimitFb: s1 * 0.01, parameters: ["m_zprime": 2.0])
        #expect(abs(g - 0.1) < 1e-12)
    }

    @Test func crossSectionTableAgreesWithTheSampler() throws {
        for mass in [1.0, 5.0] {
            let x = MuonPairZPrimeSampler.crossSection(massGeV: mass, gPrime: 1, withISR: true, trials: 10_000, seed: 7)
            let table = try ZPrimeSignalModel.lMuMinusLTau.productionCrossSectionFb(massGeV: mass)
            #expect(abs(table / x.valueFb - 1) < 0.03 + 3 * x.uncertaintyFb / x.valueFb)
        }
    }
}
