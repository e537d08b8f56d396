import Foundation

/// Local discovery significance of a workspace: p0 and Z from the asymptotic distribution
/// of q0 (p0 = 1 - Phi(sqrt(q0)), pyhf's `hypotest(0, test_stat="q0")` CLsb).
public enum Significance {
    public struct Result: Sendable, Equatable {
        public let q0: Double
        public let p0: Double
        public let z: Double
        /// Median expected p0 under the nominal signal (Asimov with mu = 1).
        public let expectedP0: Double
    }

    public static func discovery(model: HistFactoryModel, data: HistFactoryModel.Data? = nil) throws -> Result {
        let data = data ?? model.observed
        let profile = ProfileLikelihood(model: model)
        let q0 = try profile.q0(data: data).value
        let asimov = try profile.asimovData(mu: 1, data: data)
        let q0A = try profile.q0(data: asimov).value
        let p0 = SpecialFunctions.normalSurvival(q0.squareRoot())
        return Result(q0: q0, p0: p0, z: q0.squareRoot(), expectedP0: SpecialFunctions.normalSurvival(q0A.squareRoot()))
    }

    /// Z = Phi^-1(1 - p), the one-sided Gaussian significance of a p-value.
    public static func z(pValue: Double) throws -> Double {
        guard pValue.isFinite, pValue > 0, pValue <= 1 else {
            throw StatisticsError.invalidArgument(name: "p-value", value: "\(pValue)", reason: "must lie in (0, 1]")
        }
        return SpecialFunctions.significance(pValue: pValue)
    }

    /// p = 1 - Phi(Z).
    public static func pValue(z: Double) -> Double { SpecialFunctions.normalSurvival(z) }
}
