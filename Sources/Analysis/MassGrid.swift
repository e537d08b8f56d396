/// The scan grid from configuration: per parameter a list of values; the search turns the
/// Cartesian product into hypotheses (and may drop points, e.g. m_h' >= m_A').
public struct MassGrid: Sendable, Hashable, Codable {
    public var axes: [String: [Double]]
    /// Search-specific scan options (`scan_options`, e.g. the dark-Higgsstrahlung window
    /// step), completed with the search's defaults.
    public var options: [String: Double]
    public init(axes: [String: [Double]], options: [String: Double] = [:]) {
        self.axes = axes
        self.options = options
    }

    /// Cartesian product, parameters in name order, last name varying fastest.
    public var points: [[String: Double]] {
        var out: [[String: Double]] = [[:]]
        for name in axes.keys.sorted() {
            out = out.flatMap { p in axes[name]!.map { v in var q = p; q[name] = v; return q } }
        }
        return out
    }
}
