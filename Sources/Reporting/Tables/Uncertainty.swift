/// An uncertainty attached to a number: symmetric (`a ± b`) or asymmetric (`a +p -m`).
///
/// Both magnitudes are stored as positive numbers; `minus` is the size of the downward
/// uncertainty, which is how HEPData's `asymerror` and physicists' tables read it.
public enum Uncertainty: Sendable, Codable, Equatable, Hashable {
    case symmetric(Double)
    case asymmetric(plus: Double, minus: Double)

    /// The larger of the two magnitudes; used when a single width is needed (rounding).
    public var largest: Double {
        switch self {
        case let .symmetric(e): return abs(e)
        case let .asymmetric(p, m): return max(abs(p), abs(m))
        }
    }
}
