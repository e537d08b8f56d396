import CGSL
import Foundation

/// A reproducible stream of random numbers: xoshiro256** (D. Blackman, S. Vigna, "Scrambled
/// linear pseudorandom number generators", ACM TOMS 47 (2021) 36), registered with GSL as a
/// `gsl_rng_type` so that GSL's samplers (Poisson, exponential, Cauchy) draw from the same
/// stream; Gaussians come from `NormalZiggurat`, inlined.
///
/// Why not GSL's own mt19937 any more (it was used until the perf2 branch): every uniform went
/// through `gsl_rng`'s function pointers (`gsl_rng_uniform_pos` -> `mt_get_double`), which
/// Swift cannot inline; the generator and detector draw about 60 numbers per mu mu event, and
/// the calls were 14% of the `bench generate` profile. xoshiro256** passes BigCrush and
/// PractRand like mt19937, has period 2^256 - 1 and a 32-byte state, so the uniforms here are
/// inlined into the callers (a few instructions each). GSL stays what it is good at: the
/// non-uniform samplers, which call this generator through the registered type (a C function
/// pointer into the same state). The Detector tests' `TestRandom` uses the same generator.
///
/// Why a class wrapping `gsl_rng`: the generator state lives in C memory that must be freed
/// exactly once, and every shard of a production owns exactly one stream. It is deliberately
/// not `Sendable`: a stream is used by one task at a time.
///
/// Streams: `RandomStream(seed: S, stream: k)` fills the 256-bit state with SplitMix64 outputs
/// started from a 64-bit hash of (S, k) (Vigna's recommended seeding), so shard k of seed S is
/// the same sequence whatever the number of jobs that run the shards. Two (S, k) pairs share a
/// sequence with probability 2^-64 per pair; two different starting points overlap within the
/// 10^9 numbers a shard draws with probability ~10^-58 (period 2^256).
public final class RandomStream {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    /// The four 64-bit words of the xoshiro256** state (owned by `rng`).
    @usableFromInline let state: UnsafeMutablePointer<UInt64>
    public let seed: UInt64
    public let stream: UInt64
    @usableFromInline let ziggurat = NormalZiggurat.shared

    public init(seed: UInt64, stream: UInt64 = 0) {
        self.seed = seed
        self.stream = stream
        guard let r = gsl_rng_alloc(XoshiroGSLType.pointer) else {
            fatalError("gsl_rng_alloc failed (out of memory)")
        }
        rng = r
        state = r.pointee.state.assumingMemoryBound(to: UInt64.self)
        Self.fill(state, from: Self.derivedSeed(seed: seed, stream: stream))
    }

    deinit { gsl_rng_free(rng) }

    /// SplitMix64 (Steele, Lea, Flood, OOPSLA 2014) hash of seed and stream.
    public static func derivedSeed(seed: UInt64, stream: UInt64) -> UInt64 {
        let h = splitMix(seed)
        return splitMix(h ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    @usableFromInline
    static func splitMix(_ x0: UInt64) -> UInt64 {
        var z = x0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The state from four consecutive SplitMix64 outputs (never all zero: SplitMix64 is a
    /// bijection of its counter, so at most one of four distinct counters maps to 0).
    static func fill(_ s: UnsafeMutablePointer<UInt64>, from seed: UInt64) {
        var x = seed
        for i in 0..<4 {
            s[i] = splitMix(x)
            x = x &+ 0x9E37_79B9_7F4A_7C15
        }
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable @inline(__always)
    static func next(_ s: UnsafeMutablePointer<UInt64>) -> UInt64 {
        let s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3]
        let m = s1 &* 5
        let result = ((m << 7) | (m >> 57)) &* 9
        let t = s1 << 17
        let n2 = s2 ^ s0
        let n3 = s3 ^ s1
        s[1] = s1 ^ n2
        s[0] = s0 ^ n3
        s[2] = n2 ^ t
        s[3] = (n3 << 45) | (n3 >> 19)
        return result
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public func nextBits() -> UInt64 { Self.next(state) }

    /// Uniform in (0, 1): both ends excluded, so that log(u) and pow(u, 1/beta) are finite.
    /// (52 random bits, values (k + 1/2) 2^-52.)
    @inlinable @inline(__always)
    public func uniform() -> Double { (Double(nextBits() >> 12) + 0.5) * 0x1p-52 }

    /// Uniform in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    func uniformHalfOpen() -> Double { Double(nextBits() >> 11) * 0x1p-53 }

    /// Standard normal deviate (`NormalZiggurat`): the first draw's common case (98.8%)
    /// inlined into the caller, the rest out of line.
    @inlinable @inline(__always)
    public func gaussian() -> Double {
        let b = nextBits()
        let i = Int(b & 0x7F)
        let u = Double(Int64(bitPattern: b) >> 11) * 0x1p-52
        if abs(u) < ziggurat.inner[i] { return u * ziggurat.edges[i] }
        return gaussianBeyondInner(layer: i, u: u)
    }

    /// The ziggurat's first draw fell outside its layer's inner rectangle: the base layer's
    /// tail, or the edge test, and if that rejects, a fresh draw (the same algorithm as
    /// `NormalZiggurat.sample`, continued).
    @usableFromInline @inline(never)
    func gaussianBeyondInner(layer i: Int, u: Double) -> Double {
        let z = ziggurat
        if i == 0 { return z.tail(negative: u < 0, uniform: { self.uniform() }) }
        let x = u * z.edges[i]
        if z.edgeAccepts(x, layer: i, uniform: uniform()) { return x }
        return z.sample(bits: { self.nextBits() }, uniform: { self.uniform() })
    }

    /// Poisson deviate of the given mean.
    @inlinable
    public func poisson(_ mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }

    /// Exponential deviate with the given mean.
    @inlinable
    public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

    /// Uniform in [lower, upper).
    @inlinable
    public func uniform(_ lower: Double, _ upper: Double) -> Double { lower + (upper - lower) * uniformHalfOpen() }

    /// Uniform azimuth in [0, 2 pi).
    @inlinable
    public func azimuth() -> Double { 2 * Double.pi * uniformHalfOpen() }

    /// (cos phi, sin phi) of a uniform azimuth phi, without trigonometric calls: a uniform
    /// point (x, y) of the unit disk by rejection (acceptance pi/4), then its doubled angle,
    /// ((x^2 - y^2), 2xy)/(x^2 + y^2) (von Neumann's method; exactly uniform in phi, and
    /// cos^2 + sin^2 = 1 to rounding). For generators that need a direction, not phi itself:
    /// cheaper than `azimuth()` followed by `cos` and `sin`.
    @inlinable
    public func azimuthCosSin() -> (cos: Double, sin: Double) {
        while true {
            let x = 2 * uniform() - 1, y = 2 * uniform() - 1
            let r2 = x * x + y * y
            if r2 < 1 && r2 > 0 {
                let inv = 1 / r2
                return ((x * x - y * y) * inv, 2 * x * y * inv)
            }
        }
    }

    /// Breit-Wigner (Cauchy) deviate of the given width (full width at half maximum) around 0.
    @inlinable
    public func breitWigner(width: Double) -> Double { gsl_ran_cauchy(rng, width / 2) }

    /// Integer uniform in 0..<n.
    @inlinable
    public func index(below n: Int) -> Int { Int(gsl_rng_uniform_int(rng, UInt(n))) }
}

/// xoshiro256** as a `gsl_rng_type`, created once. GSL reads it through C function pointers
/// (no captures), which work on the same four state words as `RandomStream.next`.
private enum XoshiroGSLType {
    nonisolated(unsafe) static let pointer: UnsafePointer<gsl_rng_type> = {
        let name = UnsafePointer<CChar>(strdup("xoshiro256starstar")!)
        let type = UnsafeMutablePointer<gsl_rng_type>.allocate(capacity: 1)
        type.initialize(to: gsl_rng_type(
            name: name, max: UInt.max, min: 0, size: 4 * MemoryLayout<UInt64>.size,
            set: { state, seed in
                RandomStream.fill(state!.assumingMemoryBound(to: UInt64.self), from: UInt64(seed))
            },
            get: { state in UInt(RandomStream.next(state!.assumingMemoryBound(to: UInt64.self))) },
            get_double: { state in
                Double(RandomStream.next(state!.assumingMemoryBound(to: UInt64.self)) >> 11) * 0x1p-53
            }))
        return UnsafePointer(type)
    }()
}
