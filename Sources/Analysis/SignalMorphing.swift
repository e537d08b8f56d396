/// Signal MC for a hypothesis between generated points: the selected events of nearby
/// generated samples, their peaking observables shifted and stretched to the hypothesis'
/// centre and resolution, each sample weighted by its interpolation weight.
///
/// Why: a scan of thousands of windows (dark Higgsstrahlung) cannot generate signal at
/// every window. With x' = c_target + (x - c_gen) sigma_target / sigma_gen per peaking
/// observable, the Punzi optimiser and the window counting see a signal peak of the right
/// position and width, while the non-peaking observables (pT, angles, vetoes) keep their
/// generated distributions. Each component's weights are divided by its produced yield, so
/// the combined input has produced yield sum(w_k) = 1 and efficiency sum_k w_k eps_k: the
/// efficiency is interpolated linearly in the weights (bilinear on a rectangular grid).
/// Accuracy: the morph assumes the resolution shape only scales between neighbouring
/// generated points; a test compares a morphed sample with one generated at the target.
public enum SignalMorphing {
    /// How one peaking observable is moved from a generated point to the target.
    public struct Shift: Sendable, Hashable {
        public var observable: String
        public var generatedCentre: Double, generatedSigma: Double
        public var targetCentre: Double, targetSigma: Double
        public init(observable: String, generatedCentre: Double, generatedSigma: Double,
                    targetCentre: Double, targetSigma: Double) {
            self.observable = observable
            self.generatedCentre = generatedCentre; self.generatedSigma = generatedSigma
            self.targetCentre = targetCentre; self.targetSigma = targetSigma
        }
    }

    /// One generated sample's contribution, named by the hypothesis it was generated at.
    public struct Component: Sendable {
        public var generatedAt: [String: Double]
        public var weight: Double
        public var shifts: [Shift]
        public init(generatedAt: [String: Double], weight: Double, shifts: [Shift]) {
            self.generatedAt = generatedAt; self.weight = weight; self.shifts = shifts
        }

        var label: String { generatedAt.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
    }

    public static func input(_ components: [Component], from signal: SignalSampleSet) throws -> PunziOptimiser.SignalInput {
        var combined: CandidateTable? = nil
        var total = 0.0
        for c in components where c.weight > 0 {
            guard let process = signal.process(generatedAt: c.generatedAt),
                  let produced = signal.producedYield(ofProcess: process), produced > 0,
                  var rows = signal.candidates(ofProcess: process) else {
                throw AnalysisError.emptySignalSample(process: c.label, detail: "no signal sample produced at this point for interpolation")
            }
            for s in c.shifts {
                guard s.generatedSigma > 0, s.targetSigma > 0 else {
                    throw AnalysisError.invalidArgument("signal morphing of \(s.observable) needs positive resolutions (got \(s.generatedSigma), \(s.targetSigma))")
                }
                let k = s.targetSigma / s.generatedSigma
                rows = rows.replacingColumn(s.observable, with: try rows.column(s.observable).map {
                    s.targetCentre + ($0 - s.generatedCentre) * k
                })
            }
            rows = rows.scalingWeights(by: c.weight / produced)
            total += c.weight
            if combined == nil { combined = rows } else { combined!.append(rows) }
        }
        guard let combined, total > 0 else {
            throw AnalysisError.emptySignalSample(process: components.map(\.label).joined(separator: "+"),
                                                  detail: "no component with positive interpolation weight")
        }
        return .init(candidates: combined, producedYield: total)
    }
}
