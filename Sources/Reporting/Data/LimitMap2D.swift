/// A limit on a grid of two masses, e.g. a coupling versus two
/// masses of a two-parameter scan. `values[iy][ix]` belongs to `(x[ix], y[iy])`; `nil` marks grid points
/// that are kinematically forbidden or were not computed (drawn blank, omitted from HEPData).
public struct LimitMap2D: Sendable, Codable, Equatable {
    public var x: [Double]
    public var y: [Double]
    public var values: [[Double?]]
    public var xName: String
    public var xUnit: String?
    public var yName: String
    public var yUnit: String?
    public var quantity: String
    public var quantityUnit: String?
    public var confidenceLevel: Double
    public var method: String

    /// - Throws: `ReportingError.invalidData` if the grid shape is not `y.count x x.count`.
    public init(x: [Double], y: [Double], values: [[Double?]],
                xName: String, xUnit: String? = "GeV", yName: String, yUnit: String? = "GeV",
                quantity: String, quantityUnit: String? = nil,
                confidenceLevel: Double, method: String) throws {
        let what = "2D limit map on \(quantity)"
        guard !x.isEmpty, !y.isEmpty else { throw ReportingError.invalidData(what: what, reason: "empty grid") }
        guard values.count == y.count, values.allSatisfy({ $0.count == x.count }) else {
            throw ReportingError.invalidData(what: what,
                reason: "values must have \(y.count) rows (one per y) of \(x.count) entries (one per x)")
        }
        guard (x + y).allSatisfy(\.isFinite),
              values.allSatisfy({ $0.allSatisfy { $0.map(\.isFinite) ?? true } }) else {
            throw ReportingError.nonFiniteValue(what: "a coordinate or value of the \(what) (use nil for missing points)")
        }
        self.x = x
        self.y = y
        self.values = values
        self.xName = xName
        self.xUnit = xUnit
        self.yName = yName
        self.yUnit = yUnit
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.confidenceLevel = confidenceLevel
        self.method = method
    }
}
