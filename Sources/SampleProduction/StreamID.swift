/// Stable 64-bit identifiers for random streams, from names like "mumu/mc/shard-3".
///
/// FNV-1a, not Swift's `Hasher` (which is seeded per process): the same name must give the
/// same stream in every run, so that a shard is reproducible whatever `--jobs` is and
/// whichever other shards run.
enum StreamID {
    static func of(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
