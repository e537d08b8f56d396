import Foundation

/// Profile-likelihood test statistics of Cowan, Cranmer, Gross, Vitells (EPJC 71 (2011) 1554),
/// computed as pyhf 0.7.6 does (twice the NLL difference, clipped at 0).
///
/// - q~_mu (`qmuTilde`): 2 [NLL(mu, theta_hat_mu) - NLL(mu_hat, theta_hat)] with mu_hat >= 0
///   (the POI's lower bound must be 0), and 0 when mu_hat > mu.
/// - q0: the same at mu = 0, set to 0 when mu_hat < 0 (cannot happen with a 0 lower bound).
/// The unconditional fit does not depend on mu, so callers that scan mu pass it in once.
public struct ProfileLikelihood: Sendable {
    public let model: HistFactoryModel
    public let fitter: MaximumLikelihoodFit

    public init(model: HistFactoryModel) {
        self.model = model
        self.fitter = MaximumLikelihoodFit(model: model)
    }

    /// Result of a test-statistic evaluation with the fits it used (for warm starts).
    public struct TestStatistic: Sendable {
        public let value: Double
        public let conditional: FitResult
        public let unconditional: FitResult
    }

    /// q~_mu for `data`. `unconditional` is the free fit to the same data if already known.
    public func qmuTilde(mu: Double, data: HistFactoryModel.Data, unconditional: FitResult? = nil,
                         start: [Double]? = nil) throws -> TestStatistic {
        guard model.parameters[model.poiIndex].bounds.lowerBound == 0 else {
            throw StatisticsError.invalidArgument(
                name: "POI lower bound", value: "\(model.parameters[model.poiIndex].bounds.lowerBound)",
                reason: "q~_mu needs the POI bounded below at 0; set bounds [[0, ...]] in the measurement")
        }
        let free = try unconditional ?? fitter.fit(data: data)
        let conditional = try fitter.fixedPOIFit(poi: mu, data: data, start: start ?? free.parameters)
        var q = max(conditional.twiceNLL - free.twiceNLL, 0)
        if free.parameters[model.poiIndex] > mu { q = 0 }
        return TestStatistic(value: q, conditional: conditional, unconditional: free)
    }

    /// Discovery test statistic q0.
    public func q0(data: HistFactoryModel.Data, unconditional: FitResult? = nil) throws -> TestStatistic {
        let free = try unconditional ?? fitter.fit(data: data)
        let conditional = try fitter.fixedPOIFit(poi: 0, data: data, start: free.parameters)
        var q = max(conditional.twiceNLL - free.twiceNLL, 0)
        if free.parameters[model.poiIndex] < 0 { q = 0 }
        return TestStatistic(value: q, conditional: conditional, unconditional: free)
    }

    /// The Asimov dataset of pyhf: expected main and auxiliary data at the parameters of a fit
    /// to `data` with the POI fixed at `mu` (so nuisance parameters are profiled on data).
    public func asimovData(mu: Double, data: HistFactoryModel.Data) throws -> HistFactoryModel.Data {
        let fit = try fitter.fixedPOIFit(poi: mu, data: data)
        return model.expectedData(fit.parameters)
    }
}
