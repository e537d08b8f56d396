import EventModel
import Analysis
import DarkHiggsstrahlung
import Detector
import Foundation
import SearchPipeline

/// The dark-Higgsstrahlung search as the suite runs it: ~9000 windows over the
/// (M_A', M_h') triangle, drawn as maps and as slices at fixed M_h' as in PRL 130 (2023) 071804.
public struct DarkHiggsstrahlungPackage: SearchPackage {
    public let search: any Search = DarkHiggsstrahlung.standard
    public let signalProduction: any SignalProduction
    public let configurationDirectory = "Searches/DarkHiggsstrahlung/config"
    public let hepdataReactions = ["E+ E- --> A' H'", "A' --> MU+ MU-", "H' --> INVISIBLE"]
    public let hepdataPhrases = ["Dark photon", "Dark Higgs boson", "Invisible decay"]

    public init(mcConditions: URL) {
        signalProduction = Production(mcConditions: mcConditions)
    }

    public var presentation: SearchPresentation {
        SearchPresentation(massParameter: DarkHiggsstrahlung.darkPhotonParameter, mass: "M_{A'}",
                           coupling: "\\epsilon^{2}\\alpha_{D}", secondaryParameter: DarkHiggsstrahlung.darkHiggsParameter,
                           secondary: "M_{h'}",
                           observables: ["m_recoil": .init("M_{rec}", unit: "GeV"), "m_mumu": .init("M_{\\mu\\mu}", unit: "GeV"),
                                         "m2_recoil": .init("M^{2}_{rec}", unit: "GeV^2")])
    }

    /// The allowed triangle M_A' >= 1.65 GeV (the dimuon trigger threshold), M_h' <= M_A'
    /// and M_A' + M_h' <= 10.51 GeV (`DarkHiggsSignalGrid`); 0.1 GeV map cells; slices at
    /// the published M_h' values, each taking the window within 10% or 50 MeV of it.
    public var scanGeometry: ScanGeometry? {
        ScanGeometry(xObservable: "m_mumu", yObservable: "m_recoil",
                     allowed: [.xAtLeast(DarkHiggsSignalGrid.minimumDarkPhotonMass), .yAtMost(intercept: 0, slope: 1),
                               .yAtMost(intercept: DarkHiggsSignalGrid.maxMassSum, slope: -1)],
                     mapX: stride(from: 1.6, through: 10.6, by: 0.1), mapY: stride(from: 0.0, through: 5.3, by: 0.1), mapCell: 0.1,
                     slices: [0.0, 0.5, 1.0, 2.0, 4.0], sliceTolerance: (0.1, 0.05), sliceFileStem: "limit_slice_mh")
    }

    /// Signal at the generated grid (`signal_events_per_point`, default 2000); windows between
    /// points are interpolated by the search.
    struct Production: SignalProduction {
        let mcConditions: URL
        func samples(for hypotheses: [MassHypothesis], configuration: SearchConfiguration) throws -> [any EventSource] {
            DarkHiggsSignalSamples(conditions: try DetectorConditions.load(.mc, from: mcConditions),
                                   eventsPerPoint: configuration.signalEventsPerPoint ?? 2000).all()
        }
    }
}

extension DarkHiggsstrahlung {
    /// The search with the Batell-Pospelov-Ritz signal model of this package (what the suite runs).
    public static var standard: DarkHiggsstrahlung { DarkHiggsstrahlung(signalModel: DarkHiggsSignalModel()) }
}
