/// Errors of the search pipeline a user can cause, naming what is missing and what to run.
public enum PipelineError: Error, CustomStringConvertible, Equatable, Sendable {
    case noSamples(directory: String)
    case noData(directory: String)
    case missingStageOutput(file: String, stage: String)
    case configurationChanged(file: String, recorded: String, current: String)
    case noRun(directory: String)

    public var description: String {
        switch self {
        case let .noSamples(d):
            return "no simulation (.h5 with conditions 'mc') found under \(d); run `darksector generate --out \(d)`"
        case let .noData(d):
            return "no pseudo-data (.h5 with conditions 'data') found under \(d); run `darksector generate --out \(d)`"
        case let .missingStageOutput(f, stage):
            return "\(f) is missing; run `darksector \(stage)` for this run first"
        case let .configurationChanged(f, recorded, current):
            return "\(f) was written with configuration \(recorded), the current one is \(current); rerun the earlier stages"
        case let .noRun(d):
            return "no run found under \(d); start one with `darksector run` or `darksector optimise`"
        }
    }
}
