/// The units of one HepMC3 event (its `U` line: momentum unit, then length unit).
///
/// HepMC3 allows MEV or GEV and MM or CM; DarkSector works in GeV and cm (docs/DESIGN.md,
/// "Conventions"), so every momentum and position is scaled by these factors when read.
public struct HepMC3Units: Sendable, Equatable {
    /// Multiply a momentum or energy in the file's unit by this to get GeV.
    public var toGeV: Double
    /// Multiply a length (position or c*t) in the file's unit by this to get cm.
    public var toCm: Double

    public init(toGeV: Double, toCm: Double) {
        self.toGeV = toGeV
        self.toCm = toCm
    }

    /// HepMC3's default when an event has no `U` line (GenEvent defaults: GEV, MM).
    public static let hepMC3Default = HepMC3Units(toGeV: 1, toCm: 0.1)

    /// The factors for the unit names of a `U` line, nil for a name HepMC3 does not define.
    public static func parse(momentum: Substring, length: Substring) -> HepMC3Units? {
        let p: Double
        switch momentum {
        case "GEV": p = 1
        case "MEV": p = 1e-3
        default: return nil
        }
        let l: Double
        switch length {
        case "CM": l = 1
        case "MM": l = 0.1
        default: return nil
        }
        return HepMC3Units(toGeV: p, toCm: l)
    }
}
