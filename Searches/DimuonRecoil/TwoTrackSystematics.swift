import Analysis

/// The Belle II two-track + missing-momentum systematic uncertainties of PRL 124 (2020)
/// 141801, Table I (also in the seminar shared/seeds/002), for the searches that share its
/// selection core: trigger, tracking and particle ID on the signal efficiency, luminosity
/// 0.7% (arXiv:1910.05365), and 2% on the background before its suppression. One table so
/// that the searches cannot drift apart; each names its channel's column.
public enum TwoTrackSystematics {
    public enum Channel: Sendable {
        /// mu mu column: trigger 6%, tracking 4%, muon ID 4%.
        case muonPair
        /// e mu column: trigger 1%, tracking 4%, particle ID 4%.
        case electronMuon
    }

    /// `origin` names the table (and, where a search carries it over, why it applies).
    public static func prl124TableI(_ channel: Channel, origin: String) -> [SystematicSource] {
        let (trigger, pid, pidName) = channel == .muonPair ? (0.06, 0.04, "muon_id") : (0.01, 0.04, "particle_id")
        return [
            SystematicSource(name: "trigger", affects: .signalEfficiency, value: .constant(trigger), origin: origin),
            SystematicSource(name: "tracking", affects: .signalEfficiency, value: .constant(0.04), origin: origin),
            SystematicSource(name: pidName, affects: .signalEfficiency, value: .constant(pid), origin: origin),
            SystematicSource(name: "luminosity", affects: .luminosity, value: .constant(0.007), origin: "arXiv:1910.05365"),
            SystematicSource(name: "background_before_suppression", affects: .background, value: .constant(0.02), origin: origin),
        ]
    }
}
