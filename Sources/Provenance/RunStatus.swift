/// Where a run ended up. Stored as its raw value in `runs.status`.
///
/// `interrupted` is distinct from `failed`: the run did not fail on its inputs, it was
/// stopped (SIGINT, SIGTERM, or killed outright and found dead at a later start), so
/// rerunning it as it was is the right thing to do.
public enum RunStatus: String, Sendable, CaseIterable, Codable {
    case running, succeeded, failed, interrupted
}
