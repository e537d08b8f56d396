import Analysis
import Corrections
import Statistics
import Foundation

/// What `optimise` writes (optimisation.json) and `limits` and `report` read: per
/// hypothesis the Punzi thresholds, the signal efficiency and the expected background in the
/// signal region from simulation only. No data enter this stage.
public struct OptimisationOutput: Codable, Sendable {
    public struct HypothesisResult: Codable, Sendable {
        public var hypothesis: MassHypothesis
        public var punzi: PunziOptimiser.Point
        /// Full signal sample (both halves) at the chosen thresholds, in the signal region.
        public var signalEfficiency: Double
        public var signalEfficiencyUncertainty: Double
        /// Expected background (all MC processes, full sample) in the signal region.
        public var expectedBackground: Double
        public var backgroundUncertainty: Double
        public var backgroundEntries: Int
        public var backgroundByProcess: [String: Double]
        /// Only for the search's showcase hypotheses (a scan of thousands of windows would
        /// otherwise write thousands of cut flows).
        public var cutFlow: CutFlow?
    }
    public var search: String
    public var configurationHash: String
    public var luminosityInvFb: Double
    public var results: [HypothesisResult]
    /// Preselection + default-threshold cut flow of every MC process (backgrounds and signal).
    public var mcCutFlow: CutFlow
    public var samples: [String]
    /// Background processes the search needs that the simulation lacked, when the run was
    /// allowed to go on without them (`--allow-missing-background`); nil or empty otherwise.
    public var missingBackgrounds: [String]? = nil
    /// The signal processes of `mcCutFlow` (from their samples' metadata): the report tells
    /// them from backgrounds with this list, not by their names.
    public var signalProcesses: [String]? = nil
}

/// The distribution of the smallest local p-value over all windows in background-only
/// pseudo-experiments (`Statistics.OverlappingWindowScan`), from simulation only: the
/// limits stage turns an observed smallest local p-value into a global one with it.
public struct LookElsewhereCalibration: Codable, Sendable {
    public var toys: Int
    public var seed: UInt
    public var sortedToyMinima: [Double]
    /// Smallest background used for a local p-value: one simulated event's weight (a window
    /// without simulated background has b = 0 only for lack of simulation).
    public var backgroundFloor: Double

    /// Global p-value of an observed smallest local p-value.
    public func globalPValue(observedMinimum p: Double) -> Double {
        OverlappingWindowScan.globalPValue(observedMinimum: p, sortedToyMinima: sortedToyMinima)
    }

    /// Local p-value that corresponds to a global p-value `p` (trials-factor view).
    public func localThreshold(globalP p: Double) -> Double {
        OverlappingWindowScan.localPValueThreshold(globalP: p, sortedToyMinima: sortedToyMinima)
    }
}

/// What `validate` writes (validation.json): the control-sample comparisons (visible data
/// only) and the systematics table completed with the control-sample-derived rows.
public struct ValidationStageOutput: Codable, Sendable {
    public var outcome: ValidationOutcome
    public var systematics: SystematicsTable
    public var notes: [String]
    /// The same control samples against the simulation before correction (nil when the run
    /// had no corrections): the report shows data/MC before and after.
    public var uncorrected: [ControlSampleResult]? = nil
    /// The corrections the corrected comparison applied.
    public var corrections: CorrectionSet? = nil
}

/// What `limits` writes (limits.json).
public struct LimitsOutput: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var point: LimitPoint
        public var input: CountingInput
        /// Observed count in the signal region; present only in an unblinded run.
        public var observed: Int?
        /// Local p-value P(N >= observed | b) of this signal region; unblinded runs only.
        public var localPValue: Double?
        /// Why this hypothesis cannot be tested (its limits are null), e.g. no selected signal
        /// near the kinematic limit; nil when it can.
        public var notTestable: String? = nil
    }
    public var search: String
    public var configurationHash: String
    public var confidenceLevel: Double
    public var method: String
    public var unblinded: Bool
    public var rows: [Row]
    /// The largest excess of an unblinded scan: local and (look-elsewhere) global significance.
    public var largestExcess: LargestExcess?
    /// Limits of the binned template fit with asymptotic CLs (method `template-fit`), same
    /// hypotheses as `rows`.
    public var templateFit: [LimitPoint]?
    /// What the template fit of each hypothesis was given (same hypotheses), so that its
    /// workspace can be written and refitted (`PyhfExport`).
    public var templateFitInputs: [TemplateFitInput]?
    /// Background-only pseudo-experiments over all windows (scans of more than one window),
    /// thrown here from the selected simulation: the calibration of the global significance.
    public var lookElsewhere: LookElsewhereCalibration?
    /// Limits of the sliding-window fit (method `window-fit`), same hypotheses as `rows`.
    public var windowFit: WindowFitLimits.Output? = nil
}

/// Where the data exceed the background most, and how surprising that is in one window
/// (local) and anywhere in the scan (global, from `LookElsewhereCalibration`).
public struct LargestExcess: Codable, Sendable {
    public var hypothesis: String
    public var observed: Int
    public var background: Double
    public var localPValue: Double
    public var localSignificance: Double
    public var globalPValue: Double?
    public var globalSignificance: Double?
    public var toys: Int?
}

/// JSON in and out of a run directory, atomically written.
public enum StageFile {
    public static let optimisation = "optimisation.json"
    public static let validation = "validation.json"
    public static let limits = "limits.json"

    public static func write<T: Encodable>(_ value: T, to url: URL) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try e.encode(value)
        // rename(2) replaces the old file in one step: a reader (or a killed writer) sees the
        // old or the new file, never none or half of one.
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try data.write(to: tmp)
            guard rename(tmp.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw PipelineError.cannotWrite(file: url.path, reason: error.localizedDescription)
        }
    }

    /// Sorted-key JSON of a value in one line (what the provenance database stores).
    public static func canonicalJSON<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? e.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    public static func read<T: Decodable>(_ type: T.Type, from url: URL, stage: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PipelineError.missingStageOutput(file: url.path, stage: stage)
        }
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try d.decode(T.self, from: data)
    }
}

/// The inputs of one hypothesis' template fit: its templates, the relative signal and
/// background uncertainties it used, and the observed histogram of an unblinded run.
public struct TemplateFitInput: Codable, Sendable {
    public var templates: HypothesisTemplates
    public var relativeSignalUncertainty: Double
    public var relativeBackgroundUncertainty: Double
    public var observed: [Double]?
}
