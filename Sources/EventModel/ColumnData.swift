/// The element types a stored column may have. The raw values are the names written to
/// the HDF5 schema and printed by `darksector store info`.
public enum ColumnType: String, Sendable, Codable, CaseIterable {
    case float64, float32, int64, int32, int8, uint8, uint32

    public var byteWidth: Int {
        switch self {
        case .float64, .int64: return 8
        case .float32, .int32, .uint32: return 4
        case .int8, .uint8: return 1
        }
    }
}

/// One column's values, type-tagged, so that generic code (the event store, `store info`)
/// can move columns around without knowing the event model.
public enum ColumnData: Sendable, Equatable {
    case float64([Double])
    case float32([Float])
    case int64([Int64])
    case int32([Int32])
    case int8([Int8])
    case uint8([UInt8])
    case uint32([UInt32])

    public var type: ColumnType {
        switch self {
        case .float64: return .float64
        case .float32: return .float32
        case .int64: return .int64
        case .int32: return .int32
        case .int8: return .int8
        case .uint8: return .uint8
        case .uint32: return .uint32
        }
    }

    public var count: Int {
        switch self {
        case .float64(let v): return v.count
        case .float32(let v): return v.count
        case .int64(let v): return v.count
        case .int32(let v): return v.count
        case .int8(let v): return v.count
        case .uint8(let v): return v.count
        case .uint32(let v): return v.count
        }
    }

    /// An empty column of the given type.
    public static func empty(_ type: ColumnType) -> ColumnData {
        switch type {
        case .float64: return .float64([])
        case .float32: return .float32([])
        case .int64: return .int64([])
        case .int32: return .int32([])
        case .int8: return .int8([])
        case .uint8: return .uint8([])
        case .uint32: return .uint32([])
        }
    }

    /// Values as Double, for generic summaries and plots.
    public var asDoubles: [Double] {
        switch self {
        case .float64(let v): return v
        case .float32(let v): return v.map(Double.init)
        case .int64(let v): return v.map(Double.init)
        case .int32(let v): return v.map(Double.init)
        case .int8(let v): return v.map(Double.init)
        case .uint8(let v): return v.map(Double.init)
        case .uint32(let v): return v.map(Double.init)
        }
    }
}

extension ColumnData {
    /// Double values rounded to nearest float32, for the columns the schema stores as
    /// float32 but the event model keeps as Double.
    public static func narrowed(_ values: [Double]) -> ColumnData {
        .float32([Float](unsafeUninitializedCapacity: values.count) { buffer, count in
            for i in values.indices { buffer[i] = Float(values[i]) }
            count = values.count
        })
    }
}
