import DarkHiggsstrahlungPackage
import Analysis
import DarkHiggsstrahlung
import Testing

/// Issue #14: a narrow grid with tiny windows (`window_semi_axis_sigmas`) once hid only the
/// configured corner of the (M_mumu, M_rec) plane, leaving selected dimuon data at
/// M_mumu 5.65-10.15 GeV visible in a blinded run. The hidden region is now the search's
/// envelope over the whole allowed triangle with its own window sizes.
@Suite struct DarkHiggsBlindingEnvelopeTests {
    @Test func narrowGridAndTinyWindowsHideTheWholeTriangle() throws {
        let search = DarkHiggsstrahlung.standard
        let narrow = try SearchConfiguration.parse(yaml: """
            search: dark-higgsstrahlung
            luminosity_inv_fb: 1
            mass_grid: {m_aprime: [2.0, 2.1], m_hprime: [0.0, 0.1]}
            scan_options: {window_semi_axis_sigmas: 0.5, window_step: 0.6}
            """, file: "<narrow>", search: search)
        let configuredOnly = search.blindedRegion(of: narrow.hypotheses)
        let policy = try BlindingPolicy(search: search, hypotheses: narrow.hypotheses, selection: narrow.selection)
        // Centres of the default windows across the triangle (M_A' + M_h' < sqrt(s)):
        // none of them is inside the narrow configuration's region, all are hidden.
        let full = try SearchConfiguration.parse(yaml: """
            search: dark-higgsstrahlung
            luminosity_inv_fb: 1
            mass_grid: {m_aprime: [1.65, 10.51], m_hprime: [0.0, 10.51]}
            """, file: "<full>", search: search)
        var outsideNarrow = 0
        for h in full.hypotheses.enumerated().filter({ $0.offset % 53 == 0 }).map(\.element) {
            let mA = h.parameters["m_aprime"]!, mh = h.parameters["m_hprime"]!
            let point = { (o: String) in o == "m_mumu" ? mA : mh }
            if !configuredOnly.contains(point) { outsideNarrow += 1 }
            #expect(policy.region.contains(point), "window centre (\(mA), \(mh)) is not hidden")
        }
        #expect(outsideNarrow > 100)
        // The example of the issue: M_mumu 5.65-10.15 GeV, M_rec 0.3 GeV.
        for mA in stride(from: 5.65, through: 10.15, by: 0.5) {
            #expect(policy.region.contains { $0 == "m_mumu" ? mA : 0.3 })
        }
    }

    /// A window step of 1e-320 made the scan endless (fuzz campaign): scan options outside
    /// 0.5-5 sigma and 0.1-2 window sizes are refused.
    @Test func absurdScanOptionsAreRefused() {
        for options in ["{window_semi_axis_sigmas: 2.5, window_step: 1e-320}", "{window_semi_axis_sigmas: 1e-9, window_step: 0.6}",
                        "{window_semi_axis_sigmas: 2.5, window_step: 1e9}"] {
            #expect(throws: (any Error).self) {
                try SearchConfiguration.parse(yaml: """
                    search: dark-higgsstrahlung
                    luminosity_inv_fb: 1
                    mass_grid: {m_aprime: [1.65, 10.51], m_hprime: [0.0, 10.51]}
                    scan_options: \(options)
                    """, file: "<absurd>", search: DarkHiggsstrahlung.standard)
            }
        }
    }
}
