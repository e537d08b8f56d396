/// Pythia settings every DarkSector hadronic generator shares.
enum HadronicSettings {
    /// No per-event printout, and a seed our `PythiaSession` replaces from the shard's stream.
    static let common = [
        "Next:numberCount = 0",
        "Next:numberShowEvent = 0",
        "Next:numberShowProcess = 0",
        "Next:numberShowInfo = 0",
        "Random:setSeed = on",
        "Random:seed = 1",
    ]
}
