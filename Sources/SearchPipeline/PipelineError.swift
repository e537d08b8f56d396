/// Errors of the search pipeline a user can cause, naming what is missing and what to run.
public enum PipelineError: Error, CustomStringConvertible, Equatable, Sendable {
    case noSamples(directory: String)
    case noData(directory: String)
    case missingStageOutput(file: String, stage: String)
    case configurationChanged(file: String, recorded: String, current: String)
    case noRun(directory: String)
    case duplicateShard(first: String, second: String, reason: String)
    case corruptShard(path: String, reason: String)
    case missingBackground(search: String, processes: [String], directory: String)
    case unknownRun(search: String, runID: String, reason: String)
    case cannotWrite(file: String, reason: String)
    case corruptStageOutput(file: String, reason: String)
    /// The work units of a fanned-out run do not add up to the whole (a shard or hypothesis
    /// slice missing or twice, made with another configuration or other corrections).
    case incompleteFanOut(what: String, reason: String)

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
        case let .duplicateShard(a, b, why):
            return "the same shard is present twice, \(a) and \(b) (\(why)); remove one of them"
        case let .corruptShard(path, why):
            return "shard \(path) cannot be used: \(why)"
        case let .missingBackground(search, processes, d):
            return "the simulation under \(d) lacks the background process(es) \(processes.joined(separator: ", ")) that '\(search)' needs; produce them (`darksector generate --processes ...`) or pass --allow-missing-background (the report then says so at the top)"
        case let .incompleteFanOut(what, why):
            return "cannot merge \(what): \(why)"
        case let .corruptStageOutput(file, why):
            return "\(file) cannot be read: \(why)"
        case let .cannotWrite(file, why):
            return "cannot write \(file): \(why); check the free space and permissions of its folder"
        case let .unknownRun(search, id, why):
            return "no run '\(id)' of '\(search)': \(why)"
        }
    }
}
