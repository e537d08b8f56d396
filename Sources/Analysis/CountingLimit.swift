/// The interface Analysis needs from Statistics, and the translation of event limits into
/// cross-section and coupling limits.
///
/// Statistics is written in parallel and Analysis must not depend on it yet; the lead
/// connects the two with a conforming adapter (e.g. `struct BayesCalculator: UpperLimitCalculator`).
public protocol UpperLimitCalculator: Sendable {
    /// Upper limit on the signal yield s (events) for n ~ Poisson(s e + b), with relative
    /// Gaussian uncertainties r_s on e (nominal 1) and r_b on b, at confidence level `cl`.
    func upperLimit(observed: Int, background: Double, relativeSignalUncertainty: Double,
                    relativeBackgroundUncertainty: Double, confidenceLevel: Double) throws -> Double
    /// Median expected limit and its +-1 and +-2 sigma band under the background-only hypothesis.
    func expectedUpperLimit(background: Double, relativeSignalUncertainty: Double,
                            relativeBackgroundUncertainty: Double, confidenceLevel: Double) throws -> ExpectedLimit
}

public struct ExpectedLimit: Sendable, Hashable, Codable {
    public var median: Double
    /// (-2 sigma, -1 sigma, +1 sigma, +2 sigma)
    public var minus2: Double, minus1: Double, plus1: Double, plus2: Double
    public init(median: Double, minus2: Double, minus1: Double, plus1: Double, plus2: Double) {
        self.median = median; self.minus2 = minus2; self.minus1 = minus1; self.plus1 = plus1; self.plus2 = plus2
    }
    public func scaled(by k: Double) -> ExpectedLimit {
        ExpectedLimit(median: median * k, minus2: minus2 * k, minus1: minus1 * k, plus1: plus1 * k, plus2: plus2 * k)
    }

    /// JSON holds numbers or null: a limit that does not exist (no selected signal, an
    /// infinite limit) is written as null and read back as +infinity.
    enum CodingKeys: String, CodingKey { case median, minus2, minus1, plus1, plus2 }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ k: CodingKeys) throws -> Double { try c.decodeIfPresent(Double.self, forKey: k) ?? .infinity }
        self.init(median: try value(.median), minus2: try value(.minus2), minus1: try value(.minus1),
                  plus1: try value(.plus1), plus2: try value(.plus2))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (k, v) in [(CodingKeys.median, median), (.minus2, minus2), (.minus1, minus1), (.plus1, plus1), (.plus2, plus2)] {
            if v.isFinite { try c.encode(v, forKey: k) } else { try c.encodeNil(forKey: k) }
        }
    }
}

/// One hypothesis' counting experiment: what the selection, the Punzi step and the
/// systematics table feed to the limit calculator.
public struct CountingInput: Sendable, Hashable, Codable {
    public var hypothesis: MassHypothesis
    public var signalEfficiency: Double
    public var luminosityInvFb: Double
    public var expectedBackground: Double
    public var relativeSignalUncertainty: Double
    public var relativeBackgroundUncertainty: Double
    public init(hypothesis: MassHypothesis, signalEfficiency: Double, luminosityInvFb: Double, expectedBackground: Double,
                relativeSignalUncertainty: Double, relativeBackgroundUncertainty: Double) {
        self.hypothesis = hypothesis
        self.signalEfficiency = signalEfficiency
        self.luminosityInvFb = luminosityInvFb
        self.expectedBackground = expectedBackground
        self.relativeSignalUncertainty = relativeSignalUncertainty
        self.relativeBackgroundUncertainty = relativeBackgroundUncertainty
    }
}

/// Expected (always) and observed (only when unblinded) limits at one hypothesis.
public struct LimitPoint: Sendable, Hashable, Codable {
    public var hypothesis: MassHypothesis
    public var expectedCrossSectionFb: ExpectedLimit
    public var observedCrossSectionFb: Double?
    public var expectedCoupling: ExpectedLimit
    public var observedCoupling: Double?
    public init(hypothesis: MassHypothesis, expectedCrossSectionFb: ExpectedLimit, observedCrossSectionFb: Double?,
                expectedCoupling: ExpectedLimit, observedCoupling: Double?) {
        self.hypothesis = hypothesis
        self.expectedCrossSectionFb = expectedCrossSectionFb
        self.observedCrossSectionFb = observedCrossSectionFb
        self.expectedCoupling = expectedCoupling
        self.observedCoupling = observedCoupling
    }

    enum CodingKeys: String, CodingKey {
        case hypothesis, expectedCrossSectionFb, observedCrossSectionFb, expectedCoupling, observedCoupling
    }

    /// Observed limits that do not exist (infinite) are null, like a blinded one; the row's
    /// `notTestable` says which it is.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hypothesis, forKey: .hypothesis)
        try c.encode(expectedCrossSectionFb, forKey: .expectedCrossSectionFb)
        try c.encode(observedCrossSectionFb.flatMap { $0.isFinite ? $0 : nil }, forKey: .observedCrossSectionFb)
        try c.encode(expectedCoupling, forKey: .expectedCoupling)
        try c.encode(observedCoupling.flatMap { $0.isFinite ? $0 : nil }, forKey: .observedCoupling)
    }
}

public enum LimitTranslation {
    /// sigma_lim = s_up / (eps L): Belle II's sigma = (N_obs - B) / (L eps) at the limit.
    public static func crossSectionFb(eventLimit: Double, efficiency: Double, luminosityInvFb: Double) throws -> Double {
        guard efficiency > 0, luminosityInvFb > 0 else {
            throw AnalysisError.invalidArgument("cross-section limit needs efficiency > 0 and luminosity > 0 (got \(efficiency), \(luminosityInvFb))")
        }
        return eventLimit / (efficiency * luminosityInvFb)
    }

    /// Expected limits, and observed ones when `observed` comes from an unblinded search
    /// (the token proves it), translated to cross section and coupling.
    public static func limit(_ input: CountingInput, calculator: any UpperLimitCalculator, confidenceLevel: Double,
                             model: any SignalModel, observed: (count: Int, token: UnblindingToken)? = nil) throws -> LimitPoint {
        let k = 1 / (input.signalEfficiency * input.luminosityInvFb)
        guard input.luminosityInvFb > 0, input.signalEfficiency >= 0 else {
            throw AnalysisError.invalidArgument("efficiency and luminosity must be non-negative at \(input.hypothesis.label)")
        }
        // No selected signal (e.g. a window the trigger cannot see): no sensitivity, the
        // limit is infinite rather than an error, so one dead window does not stop a scan.
        guard k.isFinite else {
            let none = ExpectedLimit(median: .infinity, minus2: .infinity, minus1: .infinity, plus1: .infinity, plus2: .infinity)
            return LimitPoint(hypothesis: input.hypothesis, expectedCrossSectionFb: none,
                              observedCrossSectionFb: observed == nil ? nil : .infinity,
                              expectedCoupling: none, observedCoupling: observed == nil ? nil : .infinity)
        }
        let exp = try calculator.expectedUpperLimit(background: input.expectedBackground,
                                                    relativeSignalUncertainty: input.relativeSignalUncertainty,
                                                    relativeBackgroundUncertainty: input.relativeBackgroundUncertainty,
                                                    confidenceLevel: confidenceLevel).scaled(by: k)
        let p = input.hypothesis.parameters
        func g(_ x: Double) throws -> Double { try model.couplingLimit(crossSectionLimitFb: x, parameters: p) }
        let expG = ExpectedLimit(median: try g(exp.median), minus2: try g(exp.minus2), minus1: try g(exp.minus1),
                                 plus1: try g(exp.plus1), plus2: try g(exp.plus2))
        var obs: Double? = nil
        if let observed {
            obs = k * (try calculator.upperLimit(observed: observed.count, background: input.expectedBackground,
                                                 relativeSignalUncertainty: input.relativeSignalUncertainty,
                                                 relativeBackgroundUncertainty: input.relativeBackgroundUncertainty,
                                                 confidenceLevel: confidenceLevel))
        }
        return LimitPoint(hypothesis: input.hypothesis, expectedCrossSectionFb: exp, observedCrossSectionFb: obs,
                          expectedCoupling: expG, observedCoupling: try obs.map(g))
    }
}
