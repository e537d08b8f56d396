/// The random numbers the detector simulation consumes.
///
/// The detector does not own a generator: the caller passes one per event so that a sample
/// is reproducible from the seed recorded with it. `Generators.RandomStream` (xoshiro256**, GSL samplers)
/// conforms with a one-line `extension RandomStream: DetectorRandom {}`.
/// Conformers are expected to be classes (methods are non-mutating).
public protocol DetectorRandom {
    /// Uniform in [0, 1).
    func uniform() -> Double
    /// Standard normal (mean 0, sigma 1).
    func gaussian() -> Double
    /// Poisson-distributed count with the given mean.
    func poisson(_ mean: Double) -> Int
}
