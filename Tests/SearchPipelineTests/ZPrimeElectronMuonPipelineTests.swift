import Analysis
import DimuonTestSupport
import EventModel
import EventStore
import Foundation
import Testing
import SearchPipeline
import ZPrimeInvisible

/// The e mu channel quotes model-independent limits on efficiency x cross section: the
/// signal MC (the LFV proxy) chooses cuts but must not enter the limit. With no background
/// in the window, the 90% CL Bayesian limit on the yield for n = 0 is -ln(0.10) = 2.3026
/// events (flat prior; the 5.8% efficiency-type systematics of PRL 124 Table I move it by
/// well under 1%), so eps x sigma < 2.3026 / L whatever the proxy's efficiency is.
@Suite struct ZPrimeElectronMuonPipelineTests {
    static func metadata(_ process: String, events: Int, sigma: Double, signal: [String: Double]? = nil) -> SampleMetadata {
        SampleMetadata(process: process, crossSectionFb: sigma, luminosityInvFb: Double(events) / sigma,
                       generatedEvents: Int64(events), generatorSeed: 1, conditions: "mc", codeVersion: "test",
                       signalParameters: signal)
    }

    static let yaml = """
        search: zprime-invisible-emu
        luminosity_inv_fb: 2.0
        mass_grid: {m_zprime: [3.0]}
        """

    /// Expected eps x sigma limit (fb) when a fraction `passing` of the proxy events pass.
    func expectedLimit(passing: Double) throws -> Double {
        let search = ZPrimeElectronMuon()
        let config = try SearchConfiguration.parse(yaml: Self.yaml, file: "<test>", search: search)
        let entry = TestPackage(search: search, massParameter: "m_zprime", signal: { hs in
            try hs.map { h in
                let m = try h.parameter("m_zprime")
                let events = (0..<400).map { i in
                    ElectronMuonEvents.event(id: Int64(i), recoilMass: m, recoilMomentum: 1.5, alongRecoil: true,
                                             trigger: Double(i) < passing * 400 ? .twoTrack : [])
                }
                return InMemoryEventSource(metadata: Self.metadata(ZPrimeElectronMuon.signalProcess(mass: m), events: 400, sigma: 100,
                                                                          signal: ["m_zprime": m]),
                                           batch: DimuonEvents.batch(events))
            }
        })
        // Background far above the window (4.5-8 GeV): none inside it.
        let bkg = (0..<200).map { ElectronMuonEvents.event(id: Int64($0), recoilMass: 4.5 + 3.5 * Double($0) / 200, alongRecoil: true) }
        let mc = InMemoryEventSource(metadata: Self.metadata("tautau", events: bkg.count, sigma: Double(bkg.count)),
                                     batch: DimuonEvents.batch(bkg))
        let opt = try OptimiseStage.run(entry, configuration: config, mc: [mc], sampleNames: ["synthetic"])
        #expect(abs(opt.results[0].signalEfficiency - passing) < 0.01, "the proxy efficiency is recorded")
        #expect(opt.results[0].expectedBackground == 0)
        let limits = try LimitsStage.run(entry, configuration: config, optimisation: opt,
                                         systematics: SystematicsTable(sources: search.systematics))
        #expect(limits.rows[0].input.signalEfficiency == 1)
        return limits.rows[0].point.expectedCrossSectionFb.median
    }

    @Test func limitIsOnEfficiencyTimesCrossSectionIndependentOfTheProxy() throws {
        let a = try expectedLimit(passing: 1.0)
        let b = try expectedLimit(passing: 0.4)
        #expect(a == b)
        #expect(abs(a * 2.0 / -log(0.10) - 1) < 0.01, "eps x sigma limit \(a) fb vs 2.3026 / 2 fb^-1")
    }
}
