import CGSL

/// A reproducible stream of random numbers: GSL's Mersenne Twister (`gsl_rng_mt19937`).
///
/// Why a class wrapping `gsl_rng`: the generator state lives in C memory that must be freed
/// exactly once, and every shard of a production owns exactly one stream. It is deliberately
/// not `Sendable`: a stream is used by one task at a time.
///
/// Streams: `RandomStream(seed: S, stream: k)` seeds the twister with a 64-bit SplitMix64
/// hash of (S, k), so shard k of seed S is the same sequence whatever the number of jobs
/// that run the shards. GSL's mt19937 uses the low 32 bits of the seed (Matsumoto-Nishimura
/// initialisation), so two (S, k) pairs collide with probability 2^-32 per pair; for a
/// production of 10^4 shards the chance of any collision is about 1%, and a collision only
/// duplicates a shard, it does not bias it. Seeds that hash to 0 are replaced by GSL's
/// default (4357) as GSL itself does.
public final class RandomStream {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    public let seed: UInt64
    public let stream: UInt64

    public init(seed: UInt64, stream: UInt64 = 0) {
        self.seed = seed
        self.stream = stream
        guard let r = gsl_rng_alloc(RandomStream.mt19937Type()) else {
            fatalError("gsl_rng_alloc failed (out of memory)")
        }
        rng = r
        gsl_rng_set(rng, UInt(truncatingIfNeeded: RandomStream.derivedSeed(seed: seed, stream: stream)))
    }

    deinit { gsl_rng_free(rng) }

    /// GSL exposes the generator type as a mutable global, which Swift 6 strict concurrency
    /// does not let us read; look it up by name in GSL's table instead (once per stream).
    private static func mt19937Type() -> UnsafePointer<gsl_rng_type> {
        guard var cursor = gsl_rng_types_setup() else { fatalError("GSL has no generator table") }
        while let type = cursor.pointee {
            if String(cString: type.pointee.name) == "mt19937" { return type }
            cursor += 1
        }
        fatalError("GSL lacks mt19937")
    }

    /// SplitMix64 (Steele, Lea, Flood, OOPSLA 2014) of seed and stream, folded to 32 bits.
    public static func derivedSeed(seed: UInt64, stream: UInt64) -> UInt32 {
        func mix(_ x0: UInt64) -> UInt64 {
            var z = x0 &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let h = mix(mix(seed) ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// Uniform in (0, 1): both ends excluded, so that log(u) and pow(u, 1/beta) are finite.
    @inlinable
    public func uniform() -> Double { gsl_rng_uniform_pos(rng) }

    /// Standard normal deviate (GSL ziggurat).
    @inlinable
    public func gaussian() -> Double { gsl_ran_gaussian_ziggurat(rng, 1.0) }

    /// Poisson deviate of the given mean.
    @inlinable
    public func poisson(_ mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }

    /// Exponential deviate with the given mean.
    @inlinable
    public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

    /// Uniform in [lower, upper).
    @inlinable
    public func uniform(_ lower: Double, _ upper: Double) -> Double { lower + (upper - lower) * gsl_rng_uniform(rng) }

    /// Uniform azimuth in [0, 2 pi).
    @inlinable
    public func azimuth() -> Double { 2 * Double.pi * gsl_rng_uniform(rng) }

    /// Breit-Wigner (Cauchy) deviate of the given width (full width at half maximum) around 0.
    @inlinable
    public func breitWigner(width: Double) -> Double { gsl_ran_cauchy(rng, width / 2) }

    /// Integer uniform in 0..<n.
    @inlinable
    public func index(below n: Int) -> Int { Int(gsl_rng_uniform_int(rng, UInt(n))) }
}
