import CGSL
import Foundation

/// Chooses the background order of a window fit by a likelihood-ratio test between nested
/// orders on the sidebands (the window without its signal region, so the choice can be made
/// blind and a signal cannot raise the order that would absorb it).
///
/// Rule: starting at `minimumOrder`, fit the background alone with orders n and n + 1; by
/// Wilks' theorem Delta = -2 ln L(n) + 2 ln L(n + 1) follows chi^2 with 1 degree of freedom when
/// order n suffices, so keep n if p = P(chi^2_1 > Delta) > `pValueThreshold` (0.05), otherwise
/// try n + 1; stop at `maximumOrder`. This is the test the LHC diphoton searches call the Fisher
/// test (e.g. CMS, H -> gamma gamma, EPJC 74 (2014) 3076). The fits' -2 ln L and p-values are kept.
public enum BackgroundOrderSelection {
    public struct Outcome: Sendable, Equatable {
        public let order: Int
        /// -2 ln L of the background-only sideband fit, per order tried (from `minimumOrder`).
        public let twiceNLL: [Double]
        /// p-value of going from order n to n + 1, per pair tried.
        public let pValues: [Double]
    }

    public static func choose(spectrum: BinnedSpectrum, window: ClosedRange<Double>, family: BackgroundShape.Family,
                              signalRegion: ClosedRange<Double>?, minimumOrder: Int = 0, maximumOrder: Int = 3,
                              pValueThreshold: Double = 0.05) throws -> Outcome {
        guard minimumOrder >= 0, maximumOrder >= minimumOrder else {
            throw StatisticsError.invalidArgument(name: "order range", value: "\(minimumOrder)...\(maximumOrder)",
                                                  reason: "needs 0 <= minimum <= maximum")
        }
        _ = GSLSetup.ready
        func fit(_ order: Int, start: [Double]?) throws -> WindowFitResult {
            let model = try WindowModel(spectrum: spectrum, window: window, signal: nil,
                                        background: BackgroundShape(family, order: order), excluding: signalRegion)
            return try WindowFitter(model: model).fit(start: start, fixedMu: 0,
                                                      what: "sideband fit, \(family.rawValue) order \(order)")
        }
        var current = try fit(minimumOrder, start: nil)
        var nlls = [current.twiceNLL], pValues: [Double] = []
        var order = minimumOrder
        while order < maximumOrder {
            // Order n + 1 starts at the order-n solution with a zero top coefficient, so its
            // minimum can only be lower (the models are nested).
            let next = try fit(order + 1, start: current.parameters + [0])
            let delta = max(current.twiceNLL - next.twiceNLL, 0)
            let p = gsl_cdf_chisq_Q(delta, 1)
            nlls.append(next.twiceNLL); pValues.append(p)
            if p > pValueThreshold { break }
            order += 1
            current = next
        }
        return Outcome(order: order, twiceNLL: nlls, pValues: pValues)
    }
}
