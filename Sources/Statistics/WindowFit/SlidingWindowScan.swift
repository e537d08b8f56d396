import Foundation

/// A sliding-window fit over mass hypotheses: for each mass m, a window m +- k sigma(m) of the
/// spectrum (sigma the caller's mass-dependent resolution), the background order chosen on its
/// sidebands (`BackgroundOrderSelection`, signal region m +- j sigma left out), then the
/// profile-likelihood fit of the signal strength, asymptotic CLs limits with q~_mu
/// (`WindowCLs`), optionally the Bayesian limit with the background marginalised
/// (`WindowBayesianLimit`), and the local significance (`WindowSignificance`).
///
/// Any search with a peak on a smooth background can use it: a diphoton or recoil mass, a
/// missing mass squared, a photon energy (mono-photon). The signal shape comes from the caller
/// per mass (a Gaussian of the resolution by default, or a binned template from its
/// simulation); mu's meaning is that shape's normalisation (`WindowSignalShape`).
public enum SlidingWindowScan {
    public struct Settings: Sendable {
        public var family: BackgroundShape.Family = .polynomial
        public var minimumOrder = 0
        public var maximumOrder = 3
        public var orderPValueThreshold = 0.05
        /// Fit window m +- this many sigma (clipped to the spectrum).
        public var windowHalfWidthInSigma = 10.0
        /// Signal region left out of the order choice: m +- this many sigma.
        public var signalRegionHalfWidthInSigma = 2.0
        public var cl = 0.95
        public var bayesian = true
        public init() {}
    }

    public struct Point: Sendable {
        public let mass: Double
        public let sigma: Double
        public let window: ClosedRange<Double>
        public let background: BackgroundShape
        public let orderSelection: BackgroundOrderSelection.Outcome
        /// Best-fit signal strength (mu free) and its Hessian uncertainty.
        public let muHat: Double
        public let muUncertainty: Double
        public let cls: AsymptoticCLs.Limits
        public let bayesian: WindowBayesianLimit.Result?
        public let significance: WindowSignificance
    }

    /// The signal shape at a mass with resolution sigma, for the window's bin edges.
    public typealias SignalProvider = @Sendable (_ mass: Double, _ sigma: Double, _ windowEdges: [Double]) throws
        -> WindowSignalShape

    public static func gaussianSignal(mass: Double, sigma: Double, windowEdges: [Double]) -> WindowSignalShape {
        .gaussian(mean: mass, sigma: sigma)
    }

    public static func run(spectrum: BinnedSpectrum, masses: [Double], resolution: (Double) -> Double,
                           signal: SignalProvider = gaussianSignal, settings: Settings = Settings()) throws -> [Point] {
        try masses.map { try point(spectrum: spectrum, mass: $0, sigma: resolution($0), signal: signal, settings: settings) }
    }

    /// One mass hypothesis.
    public static func point(spectrum: BinnedSpectrum, mass: Double, sigma: Double,
                             signal: SignalProvider = gaussianSignal, settings: Settings = Settings()) throws -> Point {
        guard sigma.isFinite, sigma > 0 else {
            throw StatisticsError.invalidArgument(name: "resolution at m = \(mass)", value: "\(sigma)", reason: "must be positive")
        }
        let low = max(mass - settings.windowHalfWidthInSigma * sigma, spectrum.edges.first!)
        let high = min(mass + settings.windowHalfWidthInSigma * sigma, spectrum.edges.last!)
        let bins = spectrum.bins(inside: low, high)
        let window = spectrum.edges[bins.lowerBound]...spectrum.edges[bins.upperBound]
        let j = settings.signalRegionHalfWidthInSigma
        let selection = try BackgroundOrderSelection.choose(
            spectrum: spectrum, window: window, family: settings.family, signalRegion: (mass - j * sigma)...(mass + j * sigma),
            minimumOrder: settings.minimumOrder, maximumOrder: settings.maximumOrder,
            pValueThreshold: settings.orderPValueThreshold)
        let shape = try BackgroundShape(settings.family, order: selection.order)
        let edges = Array(spectrum.edges[bins.lowerBound...bins.upperBound])
        let model = try WindowModel(spectrum: spectrum, window: window, signal: signal(mass, sigma, edges), background: shape)
        let cls = try WindowCLs(model: model)
        let limits = try cls.upperLimits(cl: settings.cl)
        let bayes = settings.bayesian ? try WindowBayesianLimit.upperLimit(model: model, cl: settings.cl) : nil
        return Point(mass: mass, sigma: sigma, window: window, background: shape, orderSelection: selection,
                     muHat: cls.data.freeFit.mu, muUncertainty: cls.data.freeFit.muUncertainty, cls: limits,
                     bayesian: bayes, significance: try WindowSignificance(profile: cls.data))
    }
}
