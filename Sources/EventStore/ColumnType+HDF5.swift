import CHDF5
import EventModel

extension ColumnType {
    /// The HDF5 native memory type for this column type.
    var nativeHDF5Type: hid_t {
        switch self {
        case .float64: return ds_h5t_native_double()
        case .float32: return ds_h5t_native_float()
        case .int64: return ds_h5t_native_int64()
        case .int32: return ds_h5t_native_int32()
        case .int8: return ds_h5t_native_int8()
        case .uint8: return ds_h5t_native_uint8()
        case .uint32: return ds_h5t_native_uint32()
        }
    }

    /// Maps a stored HDF5 datatype to a schema type, with a readable name for errors
    /// (e.g. "int16" or "string" for a column that should be float64).
    static func from(hdf5Type t: hid_t) -> (ColumnType?, String) {
        let size = H5Tget_size(t)
        switch H5Tget_class(t) {
        case H5T_FLOAT:
            if size == 8 { return (.float64, "float64") }
            if size == 4 { return (.float32, "float32") }
            return (nil, "float\(size * 8)")
        case H5T_INTEGER:
            let signed = H5Tget_sign(t) == H5T_SGN_2
            switch (signed, size) {
            case (true, 8): return (.int64, "int64")
            case (true, 4): return (.int32, "int32")
            case (true, 1): return (.int8, "int8")
            case (false, 1): return (.uint8, "uint8")
            case (false, 4): return (.uint32, "uint32")
            default: return (nil, "\(signed ? "int" : "uint")\(size * 8)")
            }
        case H5T_STRING: return (nil, "string")
        case H5T_COMPOUND: return (nil, "compound")
        default: return (nil, "unsupported HDF5 class")
        }
    }
}

extension ColumnData {
    func withUnsafeRawPointer<R>(_ body: (UnsafeRawPointer) -> R) -> R {
        switch self {
        case .float64(let v): return v.withUnsafeBytes { body($0.baseAddress!) }
        case .float32(let v): return v.withUnsafeBytes { body($0.baseAddress!) }
        case .int64(let v): return v.withUnsafeBytes { body($0.baseAddress!) }
        case .int32(let v): return v.withUnsafeBytes { body($0.baseAddress!) }
        case .int8(let v): return v.withUnsafeBytes { body($0.baseAddress!) }
        case .uint8(let v): return v.withUnsafeBytes { body($0.baseAddress!) }
        case .uint32(let v): return v.withUnsafeBytes { body($0.baseAddress!) }
        }
    }
}
