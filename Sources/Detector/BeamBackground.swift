import Foundation

/// Beam-induced ECL clusters: extra low-energy photons overlaid on every event.
///
/// They matter for the searches because they feed the extra-energy variable, the closest-
/// photon veto and the pi0 veto (random photon pairs near 135 MeV), and they are the main
/// thing that differs between running periods. The count is Poisson with mean
/// `meanClusters`; energies are `minEnergy` plus an exponential of mean `energySlope`;
/// directions are uniform in cos(theta) within a region chosen with `regionFractions`
/// (more per solid angle in the endcaps, close to the beam lines); a fraction
/// `inTimeFraction` is in time with the collision, the rest spread uniformly over
/// +-`timeWindow` ns so that a cluster-timing cut can reject them.
public struct BeamBackground: Sendable {
    public struct Photon: Sendable {
        public var energy: Double
        public var cosTheta: Double
        /// The azimuth as its cosine and sine (uniform on the circle): the cluster needs its
        /// direction, and drawing the point directly spares a cos and a sin per cluster.
        public var cosPhi: Double
        public var sinPhi: Double
        public var time: Double
        public var region: ECLRegion

        public init(energy: Double, cosTheta: Double, cosPhi: Double, sinPhi: Double, time: Double, region: ECLRegion) {
            self.energy = energy; self.cosTheta = cosTheta; self.cosPhi = cosPhi; self.sinPhi = sinPhi
            self.time = time; self.region = region
        }

        /// Azimuth in (-pi, pi].
        public var phi: Double { atan2(sinPhi, cosPhi) }
    }

    public let meanClusters: Double
    /// exp(-meanClusters), the stopping point of `count`.
    public let expMinusMean: Double
    public let minEnergy: Double
    public let energySlope: Double
    public let cumulativeForward: Double
    public let cumulativeBarrel: Double
    public let inTimeFraction: Double
    public let timeWindow: Double
    public let forward: ClosedRange<Double>
    public let barrel: ClosedRange<Double>
    public let backward: ClosedRange<Double>

    public init(_ b: DetectorConditions.BeamBackground, acceptance: Acceptance) {
        meanClusters = b.meanClusters
        expMinusMean = exp(-b.meanClusters)
        minEnergy = b.minEnergyGeV
        energySlope = b.energySlopeGeV
        cumulativeForward = b.fractionForwardEndcap
        cumulativeBarrel = b.fractionForwardEndcap + b.fractionBarrel
        inTimeFraction = b.inTimeFraction
        timeWindow = b.timeWindowNs
        forward = acceptance.cosRange(of: .forwardEndcap)
        barrel = acceptance.cosRange(of: .barrel)
        backward = acceptance.cosRange(of: .backwardEndcap)
    }

    /// Number of background clusters in one event: Poisson by Knuth's product of uniforms
    /// (the count of uniforms whose running product stays above exp(-mean); exact, about
    /// mean + 1 uniforms, a few ns for a mean of 3, against 25 ns for GSL's sampler through
    /// its function pointers); GSL's for large means.
    @inlinable
    public func count<R: DetectorRandom>(random: R) -> Int {
        guard meanClusters > 0 else { return 0 }
        guard meanClusters < 30 else { return random.poisson(meanClusters) }
        var n = 0
        var product = random.uniform()
        while product > expMinusMean {
            n += 1
            product *= random.uniform()
        }
        return n
    }

    /// One background cluster; `timeSigma` is the ECL time resolution at its energy.
    @inlinable
    public func sample<R: DetectorRandom>(random: R, timeSigma: (Double) -> Double) -> Photon {
        let u = random.uniform()
        let range: ClosedRange<Double>
        let region: ECLRegion
        if u < cumulativeForward {
            range = forward; region = .forwardEndcap
        } else if u < cumulativeBarrel {
            range = barrel; region = .barrel
        } else {
            range = backward; region = .backwardEndcap
        }
        let c = range.lowerBound + (range.upperBound - range.lowerBound) * random.uniform()
        // A uniform point in the unit disc gives a uniform azimuth: (x^2 - y^2, 2xy) / r^2.
        var cosPhi = 1.0, sinPhi = 0.0
        while true {
            let x = 2 * random.uniform() - 1, y = 2 * random.uniform() - 1
            let r2 = x * x + y * y
            if r2 < 1 && r2 > 0 {
                cosPhi = (x * x - y * y) / r2
                sinPhi = 2 * x * y / r2
                break
            }
        }
        // Exponential above the threshold; single precision is ample (the energy is stored
        // as float32) and its log is twice as fast.
        let e = minEnergy - energySlope * Double(log(Float(1 - random.uniform())))
        let t: Double
        if random.uniform() < inTimeFraction {
            t = timeSigma(e) * random.gaussian()
        } else {
            t = timeWindow * (2 * random.uniform() - 1)
        }
        return Photon(energy: e, cosTheta: c, cosPhi: cosPhi, sinPhi: sinPhi, time: t, region: region)
    }
}
