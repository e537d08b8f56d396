import Foundation

/// The modifier kinds `HistFactoryModel` supports, keyed by pyhf's modifier `type`.
///
/// The order of `builders` is pyhf's modifier registry order (alphabetical by type name),
/// which is also how pyhf groups parameters in the parameter vector (`par_order`).
enum ModifierRegistry {
    static let builders: [any ModifierBuilder] = ([
        HistoSysModifier(), LumiModifier(), NormFactorModifier(), NormSysModifier(),
        ShapeSysModifier(), StatErrorModifier(),
    ] as [any ModifierBuilder]).sorted { $0.kind.rawValue < $1.kind.rawValue }

    static let byType: [String: any ModifierBuilder] =
        Dictionary(uniqueKeysWithValues: builders.map { ($0.kind.rawValue, $0) })

    /// Position of `kind` in pyhf's parameter order.
    static let rank: [HistFactoryModel.ParameterKind: Int] =
        Dictionary(uniqueKeysWithValues: builders.enumerated().map { ($1.kind, $0) })

    /// The builder for `modifier`'s type.
    /// - Throws: `StatisticsError.invalidWorkspace` at `path + ".type"` if none is registered.
    static func builder(for modifier: PyhfWorkspace.Modifier, at path: String) throws -> any ModifierBuilder {
        guard let builder = byType[modifier.kind.typeName] else {
            throw StatisticsError.invalidWorkspace(
                path: path + ".type", reason: "modifier type '\(modifier.kind.typeName)' has no HistFactory builder")
        }
        return builder
    }
}
