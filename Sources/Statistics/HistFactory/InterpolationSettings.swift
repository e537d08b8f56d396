import Foundation

/// Interpolation schemes of HistFactory nuisance parameters, exactly as pyhf 0.7.6 codes them.
/// The formulas live with the modifiers that use them: `NormsysInterpolator`
/// (NormSysModifier.swift) and `HistosysInterpolation` (HistoSysModifier.swift).
///
/// Note: pyhf's *documentation* names code1 (normsys) and code0 (histosys) as the modifier
/// defaults, but `pyhf.Model` actually defaults to normsys code4 and histosys code4p
/// (pyhf/pdf.py `default_modifier_settings`). `InterpolationSettings.pyhfDefault` follows the
/// code, so a workspace gives pyhf's numbers; `.code1Code0` is the documented alternative.
public struct InterpolationSettings: Sendable, Equatable {
    public enum NormsysCode: String, Sendable, CaseIterable { case code1, code4 }
    public enum HistosysCode: String, Sendable, CaseIterable { case code0, code4p }

    public var normsys: NormsysCode
    public var histosys: HistosysCode

    public init(normsys: NormsysCode, histosys: HistosysCode) {
        self.normsys = normsys
        self.histosys = histosys
    }

    /// What `pyhf.Model(spec)` uses when no `modifier_settings` are given.
    public static let pyhfDefault = InterpolationSettings(normsys: .code4, histosys: .code4p)
    /// Piecewise exponential (normsys) and piecewise linear (histosys).
    public static let code1Code0 = InterpolationSettings(normsys: .code1, histosys: .code0)
}
