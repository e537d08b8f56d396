import Analysis
import Detector
import EventModel
import Foundation

/// Measures every data/MC correction of the suite in one pass over the visible data and
/// the simulation. Each calibration's control sample is its own (some take the even event
/// ids only, see each type); `CalibrationSampleVeto` removes their members from the
/// validation.
///
/// Data are read only through `BlindedData` (the search's blinding mask is applied to each
/// batch first), and the simulation loses the same events (`BlindingPolicy.visible`), so
/// that blinding never looks like a data/MC difference. Simulation weights are normalised to
/// the data luminosity per process, as in `MonteCarloSelection`, so that the mixture of
/// processes in each calibration sample is the one data contain.
public struct DetectorCalibration: Sendable {
    public let mcConditions: DetectorConditions

    public init(mcConditions: DetectorConditions) { self.mcConditions = mcConditions }

    /// The calibrations as one value so files can be read in parallel and merged.
    struct Accumulator: Sendable {
        var trigger = TwoTrackTriggerCalibration()
        var muonID = MuonIdentificationCalibration()
        var electronID = ElectronIdentificationCalibration()
        var tracking = TrackingEfficiencyCalibration()
        var resolution: MomentumResolutionCalibration
        var beamBackground = BeamBackgroundCalibration()
        var photon: PhotonDetectionCalibration
        var pionFake = PionMuonFakeRateCalibration()

        init(mcConditions: DetectorConditions) {
            resolution = MomentumResolutionCalibration(mcConditions: mcConditions)
            photon = PhotonDetectionCalibration(mcConditions: mcConditions)
        }

        mutating func add(_ b: EventBatch, weights: [Double], isData: Bool) {
            guard b.count > 0 else { return }
            trigger.add(b, weights: weights, isData: isData)
            muonID.add(b, weights: weights, isData: isData)
            electronID.add(b, weights: weights, isData: isData)
            tracking.add(b, weights: weights, isData: isData)
            resolution.add(b, weights: weights, isData: isData)
            beamBackground.add(b, weights: weights, isData: isData)
            photon.add(b, weights: weights, isData: isData)
            pionFake.add(b, weights: weights, isData: isData)
        }

        mutating func merge(_ o: Accumulator) {
            trigger.merge(o.trigger); muonID.merge(o.muonID); resolution.merge(o.resolution); beamBackground.merge(o.beamBackground)
            photon.merge(o.photon); pionFake.merge(o.pionFake); electronID.merge(o.electronID); tracking.merge(o.tracking)
        }
    }

    public func measure(data: BlindedData, mc: [any EventSource], dataLuminosityInvFb: Double) throws -> CorrectionSet {
        let conditions = mcConditions
        let dataParts = try data.reduceVisibleBatches(initial: { Accumulator(mcConditions: conditions) }) { acc, b in
            acc.add(b, weights: [], isData: true)
        }
        var lumi: [String: Double] = [:]
        for s in mc {
            guard s.metadata.conditions == "mc" else { throw AnalysisError.dataNotAllowed(path: s.path, reason: "calibration simulation must be MC") }
            lumi[s.metadata.process, default: 0] += s.metadata.luminosityInvFb
        }
        let luminosities = lumi
        let policy = data.policy, search = data.search
        let mcParts = try ConcurrentMap.map(each: mc) { s -> Accumulator in
            var acc = Accumulator(mcConditions: conditions)
            let scale = dataLuminosityInvFb / luminosities[s.metadata.process]!
            try s.forEachBatch(size: 65_536) { batch in
                let visible = try policy.visible(batch, search: search)
                acc.add(visible, weights: visible.events.weight.map { $0 * scale }, isData: false)
            }
            return acc
        }
        var total = Accumulator(mcConditions: conditions)
        for p in dataParts + mcParts { total.merge(p) }
        var notes: [String] = []
        var rows = total.trigger.result(notes: &notes)
        rows += total.muonID.result(notes: &notes)
        rows += total.electronID.result(notes: &notes)
        rows += total.tracking.result(notes: &notes)
        rows += total.resolution.result(notes: &notes)
        rows += total.beamBackground.result(notes: &notes)
        rows += total.photon.result(notes: &notes)
        rows += total.pionFake.result(notes: &notes)
        return CorrectionSet(corrections: rows, notes: notes)
    }
}

extension CorrectionSet {
    /// The corrections to apply to simulation, in the order they act: resolution first (it
    /// moves momenta that the other corrections bin in), then efficiencies, then the overlay.
    public func simulationCorrections(mcConditions: DetectorConditions) -> [any SimulationCorrection] {
        var out: [any SimulationCorrection] = []
        if let k = rows(named: MomentumResolutionCalibration.correctionName).first {
            out.append(MomentumResolutionCorrection(k: k.value, mcConditions: mcConditions))
        }
        let trigger = rows(named: TwoTrackTriggerCalibration.correctionName)
        if !trigger.isEmpty { out.append(TwoTrackTriggerCorrection(rows: trigger)) }
        let muon = rows(named: MuonIdentificationCalibration.correctionName)
        if !muon.isEmpty { out.append(MuonIdentificationCorrection(rows: muon)) }
        let fake = rows(named: PionMuonFakeRateCalibration.correctionName)
        if !fake.isEmpty { out.append(PionMuonFakeRateCorrection(rows: fake)) }
        if let t = rows(named: TrackingEfficiencyCalibration.correctionName).first {
            out.append(TrackingEfficiencyCorrection(row: t))
        }
        let electron = rows(named: ElectronIdentificationCalibration.correctionName)
        if !electron.isEmpty { out.append(ElectronIdentificationCorrection(rows: electron)) }
        let photon = rows(named: PhotonDetectionCalibration.correctionName)
        if !photon.isEmpty { out.append(PhotonDetectionCorrection(rows: photon)) }
        if let bb = rows(named: BeamBackgroundCalibration.correctionName).first, bb.value > 1 {
            out.append(BeamBackgroundOverlay(ratio: bb.value, mcConditions: mcConditions))
        }
        return out
    }
}

/// Drops the events of every calibration sample (in data and simulation alike), so that the
/// validation judges the corrections on events that did not make them.
public struct CalibrationSampleVeto: EventFilter {
    public let name = "not in a calibration sample"
    let trigger = TwoTrackTriggerCalibration()
    let muonID = MuonIdentificationCalibration()
    let electronID = ElectronIdentificationCalibration()
    let tracking = TrackingEfficiencyCalibration()
    let resolution: MomentumResolutionCalibration
    let beamBackground = BeamBackgroundCalibration()
    let photon: PhotonDetectionCalibration
    let pionFake = PionMuonFakeRateCalibration()

    public init(mcConditions: DetectorConditions) {
        resolution = MomentumResolutionCalibration(mcConditions: mcConditions)
        photon = PhotonDetectionCalibration(mcConditions: mcConditions)
    }

    public func keep(_ b: EventBatch) -> [Bool] {
        (0..<b.count).map { i in
            !(trigger.isMember(b, event: i) || muonID.isMember(b, event: i)
              || resolution.isMember(b, event: i) || beamBackground.isMember(b, event: i)
              || photon.isMember(b, event: i) || pionFake.isMember(b, event: i) || electronID.isMember(b, event: i)
              || tracking.isMember(b, event: i))
        }
    }
}
