import Analysis
import EventModel
import EventStore
import Foundation

/// A small synthetic search for the tests (not registered in any product).
///
/// Observables: `m` (the "mass", stored as the event's extra energy), `q` (energy of the first
/// cluster, NaN without clusters: the candidate), `n` (number of pi0 candidates).
/// Preselection: a candidate exists. Analysis cuts: `q_cut` (q < t, tunable 0..1 step 0.01)
/// and `pi0_veto` (n < 0.5). Hypotheses: parameter `m_x` in [0, 10], signal region
/// m in [m_x - 0.5, m_x + 0.5), sidebands 0.5 wide either side.
struct ToySearch: Search {
    var id: String { "toy" }
    var name: String { "Toy search for tests" }
    var observableNames: [String] { ["m", "q", "n"] }
    var selection: Selection {
        Selection(preselection: [Cut(name: "has_candidate", observable: "q", comparison: .greater, threshold: -1)],
                  cuts: [Cut(name: "q_cut", observable: "q", comparison: .less, threshold: 0.5,
                             tunable: .init(low: 0.0, high: 1.0, step: 0.01)),
                         Cut(name: "pi0_veto", observable: "n", comparison: .less, threshold: 0.5)])
    }
    var parameterRanges: [String: ClosedRange<Double>] { ["m_x": 0...10] }
    var signalModel: any SignalModel { ToyModel() }

    func observables(of batch: EventBatch) -> ObservableColumns {
        var q = [Double](repeating: .nan, count: batch.count)
        for i in 0..<batch.count {
            let rows = batch.clusters.offsets.rows(ofEvent: i)
            if let r = rows.first { q[i] = batch.clusters.energy[r] }
        }
        return ["m": batch.events.extraEnergy, "q": q, "n": batch.events.nPi0.map(Double.init)]
    }

    func hypotheses(on grid: MassGrid) throws -> [MassHypothesis] {
        grid.points.enumerated().map { i, p in
            let m = p["m_x"]!
            return MassHypothesis(index: i, parameters: p,
                                  signalRegion: .interval(observable: "m", low: m - 0.5, high: m + 0.5),
                                  sidebands: [.interval(observable: "m", low: m - 1, high: m - 0.5),
                                              .interval(observable: "m", low: m + 0.5, high: m + 1)])
        }
    }
}

/// sigma = 100 fb * (g / 0.01)^2 * (1 - m/10): proportional to g^2 as the default translation assumes.
struct ToyModel: SignalModel {
    var couplingName: String { "g" }
    var referenceCoupling: Double { 0.01 }
    func crossSectionFb(parameters: [String: Double], coupling: Double) throws -> Double {
        100 * (coupling / 0.01) * (coupling / 0.01) * (1 - parameters["m_x"]! / 10)
    }
}

/// One toy event: the fields the toy search reads.
struct ToyEvent {
    var id: Int64
    var m: Double
    var q: Double?
    var n: Int32 = 0
    var weight: Double = 1
}

enum Toy {
    static func batch(_ events: [ToyEvent]) -> EventBatch {
        var b = EventBatch()
        for e in events {
            b.append(ReconstructedEvent(eventID: e.id, weight: e.weight, extraEnergy: e.m, nPi0: e.n,
                                        clusters: e.q.map { [Cluster(energy: $0, theta: 1, phi: 0)] } ?? []))
        }
        return b
    }

    static func metadata(process: String, conditions: String = "mc", crossSectionFb: Double = 1,
                         luminosityInvFb: Double = 1, generated: Int64 = 1, signal: [String: Double]? = nil) -> SampleMetadata {
        SampleMetadata(process: process, crossSectionFb: crossSectionFb, luminosityInvFb: luminosityInvFb,
                       generatedEvents: generated, generatorSeed: 1, conditions: conditions, codeVersion: "test",
                       signalParameters: signal)
    }

    static func source(_ events: [ToyEvent], process: String, conditions: String = "mc",
                       crossSectionFb: Double = 1, luminosityInvFb: Double = 1, signal: [String: Double]? = nil) -> InMemoryEventSource {
        InMemoryEventSource(metadata: metadata(process: process, conditions: conditions, crossSectionFb: crossSectionFb,
                                               luminosityInvFb: luminosityInvFb, generated: Int64(events.count), signal: signal),
                            batch: batch(events))
    }

    /// Candidate table directly from columns (for Punzi tests that need no event files).
    static func table(m: [Double], q: [Double], n: [Double]? = nil, ids: [Int64]? = nil, weight: [Double], process: String) -> CandidateTable {
        CandidateTable(columns: ["m": m, "q": q, "n": n ?? [Double](repeating: 0, count: m.count)],
                       eventID: ids ?? (0..<Int64(m.count)).map { $0 }, weight: weight, process: process)
    }
}
