import CHDF5
import EventModel
import Foundation

/// A thin, typed layer over the HDF5 C API: files, groups, extensible chunked datasets
/// and scalar attributes. Everything the event store needs and nothing more.
final class HDF5File {
    let path: String
    private var handle: HDF5Handle?
    /// Open datasets by path, so appends do not reopen them for every batch.
    private var datasets: [String: HDF5Handle] = [:]
    /// Columns created by this writer, buffered into whole chunks (see `ChunkedColumn`).
    private var chunkedColumns: [String: ChunkedColumn] = [:]

    /// The file identifier; -1 (which every HDF5 call rejects) once closed.
    var id: hid_t { handle?.id ?? -1 }

    private init(path: String, handle: HDF5Handle) {
        self.path = path
        self.handle = handle
    }

    /// Creates a new file, failing if one exists.
    static func create(path: String) throws -> HDF5File {
        try HDF5Library.withLock(file: path) {
            // No object timestamps, so that the same seed gives bit-identical files.
            guard let fcpl = HDF5Handle(H5Pcreate(ds_h5p_file_create()), .propertyList) else {
                throw EventStoreError.writeFailed(path: path, detail: "H5Pcreate failed")
            }
            H5Pset_obj_track_times(fcpl.id, false)
            let fid = H5Fcreate(path, ds_h5f_acc_excl(), fcpl.id, ds_h5p_default())
            guard let h = HDF5Handle(fid, .file) else {
                throw EventStoreError.writeFailed(path: path, detail: "H5Fcreate failed")
            }
            return HDF5File(path: path, handle: h)
        }
    }

    /// Opens an existing file read-only, distinguishing a missing file, a non-HDF5 file and
    /// an HDF5 file that cannot be opened (truncated or corrupt).
    static func openReadOnly(path: String) throws -> HDF5File {
        guard FileManager.default.fileExists(atPath: path) else { throw EventStoreError.fileNotFound(path: path) }
        return try HDF5Library.withLock(file: path) {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw EventStoreError.unreadable(path: path, detail: "permission denied")
            }
            if !Self.hasHDF5Signature(path: path) { throw EventStoreError.notHDF5(path: path) }
            let fid = H5Fopen(path, ds_h5f_acc_rdonly(), ds_h5p_default())
            guard let h = HDF5Handle(fid, .file) else {
                throw EventStoreError.unreadable(path: path, detail: "HDF5 could not open it")
            }
            return HDF5File(path: path, handle: h)
        }
    }

    /// The 8-byte HDF5 format signature at offset 0 (the common case for files we write).
    private static func hasHDF5Signature(path: String) -> Bool {
        guard let fh = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? fh.close() }
        let head = (try? fh.read(upToCount: 8)) ?? Data()
        return head == Data([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a])
    }

    /// Writes the buffered partial chunks, closes every dataset, then the file, so that
    /// everything is on disk when this returns.
    func close() throws {
        try flushFinalChunks()
        HDF5Library.withLock(file: path) { releaseInOrder() }
    }

    /// Closes without writing buffered chunks: for a file that is about to be deleted.
    func discard() {
        HDF5Library.withLock(file: path) { releaseInOrder() }
    }

    deinit {
        HDF5Library.withLock(file: path) { releaseInOrder() }
    }

    /// Closing a dataset flushes its cached chunks, which is when HDF5 gives them file space.
    /// Closing in a fixed order (not the dictionary's per-process random order) keeps the
    /// layout, and so the bytes of the file, identical for identical input.
    private func releaseInOrder() {
        for name in datasets.keys.sorted() { datasets[name] = nil }
        handle = nil
    }

    // MARK: groups

    func createGroup(_ name: String) throws {
        try HDF5Library.withLock(file: path) {
            guard let gcpl = HDF5Handle(H5Pcreate(ds_h5p_group_create()), .propertyList) else {
                throw EventStoreError.writeFailed(path: path, detail: "H5Pcreate failed")
            }
            H5Pset_obj_track_times(gcpl.id, false)
            guard HDF5Handle(H5Gcreate2(id, name, ds_h5p_default(), gcpl.id, ds_h5p_default()), .group) != nil else {
                throw EventStoreError.writeFailed(path: path, detail: "cannot create group \(name)")
            }
        }
    }

    func exists(_ objectPath: String) -> Bool {
        HDF5Library.withLock(file: path) {
            var partial = ""
            for component in objectPath.split(separator: "/") {
                partial += (partial.isEmpty ? "" : "/") + component
                if H5Lexists(id, partial, ds_h5p_default()) <= 0 { return false }
            }
            return true
        }
    }

    /// Names of the links directly inside a group.
    func members(of group: String) throws -> [String] {
        try HDF5Library.withLock(file: path) {
            guard let g = HDF5Handle(H5Gopen2(id, group, ds_h5p_default()), .group) else {
                throw EventStoreError.unreadable(path: path, detail: "cannot open group \(group)")
            }
            var info = H5G_info_t()
            guard H5Gget_info(g.id, &info) >= 0 else {
                throw EventStoreError.unreadable(path: path, detail: "cannot list group \(group)")
            }
            var names: [String] = []
            for i in 0..<info.nlinks {
                let size = H5Lget_name_by_idx(g.id, ".", H5_INDEX_NAME, H5_ITER_INC, i, nil, 0, ds_h5p_default())
                guard size >= 0 else { continue }
                var buffer = [CChar](repeating: 0, count: Int(size) + 1)
                H5Lget_name_by_idx(g.id, ".", H5_INDEX_NAME, H5_ITER_INC, i, &buffer, Int(size) + 1, ds_h5p_default())
                names.append(String(nullTerminated: buffer))
            }
            return names
        }
    }

    // MARK: datasets

    /// Creates an empty, extensible, chunked 1-D dataset with shuffle + deflate (+ Fletcher-32
    /// so that `store check` detects corrupted chunks without the catalog).
    /// `fletcher32: false` exists only so that tests can write the kind of file the shard
    /// verifier must refuse; production files always carry the checksum.
    /// `attributes` (name, string value) are written on the dataset, in order, right after it
    /// is created (the writer's `units` and `description`).
    func createColumn(_ name: String, type: ColumnType, chunkRows: Int, compressionLevel: Int,
                      fletcher32: Bool = true, attributes: [(String, String)] = []) throws {
        try HDF5Library.withLock(file: path) {
            var dims: [hsize_t] = [0]
            var maxDims: [hsize_t] = [ds_h5s_unlimited()]
            guard let space = HDF5Handle(H5Screate_simple(1, &dims, &maxDims), .dataspace),
                  let dcpl = HDF5Handle(H5Pcreate(ds_h5p_dataset_create()), .propertyList) else {
                throw EventStoreError.writeFailed(path: path, detail: "cannot create dataspace for \(name)")
            }
            var chunk: [hsize_t] = [hsize_t(max(1, chunkRows))]
            H5Pset_chunk(dcpl.id, 1, &chunk)
            if compressionLevel > 0 {
                if type.byteWidth > 1 { H5Pset_shuffle(dcpl.id) }
                H5Pset_deflate(dcpl.id, UInt32(compressionLevel))
            }
            if fletcher32 { H5Pset_fletcher32(dcpl.id) }
            H5Pset_obj_track_times(dcpl.id, false)
            chunkedColumns[name] = ChunkedColumn(name: name, type: type, chunkRows: max(1, chunkRows),
                                                 deflateLevel: compressionLevel, fletcher32: fletcher32)
            let did = H5Dcreate2(id, name, type.nativeHDF5Type, space.id, ds_h5p_default(), dcpl.id, ds_h5p_default())
            guard let ds = HDF5Handle(did, .dataset) else {
                throw EventStoreError.writeFailed(path: path, detail: "cannot create dataset \(name)")
            }
            datasets[name] = ds
            for (key, value) in attributes { try setStringAttribute(key, value, on: ds.id, objectName: name) }
        }
    }

    func dataset(_ name: String) throws -> HDF5Handle {
        if let d = datasets[name] { return d }
        guard let d = HDF5Handle(H5Dopen2(id, name, ds_h5p_default()), .dataset) else {
            throw EventStoreError.unreadable(path: path, detail: "cannot open dataset \(name)")
        }
        datasets[name] = d
        return d
    }

    /// Appends values to the end of an extensible 1-D dataset created by `createColumn`.
    func append(_ name: String, _ data: ColumnData) throws {
        try append([(name, data)])
    }

    /// Appends to several columns at once: whole chunks are encoded on all cores and
    /// written with `H5Dwrite_chunk` under the library lock, in column order, each as soon
    /// as it and the chunks before it are encoded.
    func append(_ columns: [(String, ColumnData)]) throws {
        var chunks: [RawChunk] = []
        for (name, data) in columns where data.count > 0 {
            guard let column = chunkedColumns[name] else {
                throw EventStoreError.writeFailed(path: path, detail: "column \(name) was not created by this writer")
            }
            column.add(data, into: &chunks)
        }
        try write(chunks)
    }

    private func flushFinalChunks() throws {
        var chunks: [RawChunk] = []
        for name in chunkedColumns.keys.sorted() { chunkedColumns[name]!.takeFinal(into: &chunks) }
        try write(chunks)
    }

    private func write(_ chunks: [RawChunk]) throws {
        try RawChunk.encodeAndWrite(chunks) { chunk, encoded in
            try HDF5Library.withLock(file: path) {
                let ds = try dataset(chunk.column.name)
                var extent: [hsize_t] = [hsize_t(chunk.firstRow + chunk.rows)]
                guard H5Dset_extent(ds.id, &extent) >= 0 else {
                    throw EventStoreError.writeFailed(path: path, detail: Self.failure("cannot extend \(chunk.column.name)"))
                }
                var offset: [hsize_t] = [hsize_t(chunk.firstRow)]
                guard H5Dwrite_chunk(ds.id, ds_h5p_default(), 0, &offset, encoded.count, encoded.baseAddress) >= 0 else {
                    throw EventStoreError.writeFailed(path: path, detail: Self.failure("writing a chunk of \(chunk.column.name) failed"))
                }
            }
        }
    }

    /// `what`, plus the operating system's reason when HDF5 has one (a full disk says
    /// "No space left on device"), so that the user knows what to fix.
    private static func failure(_ what: String) -> String {
        guard let reason = HDF5Library.lastErrorMessage() else { return what }
        return "\(what): \(reason)"
    }

    private func length(of ds: HDF5Handle) throws -> Int {
        guard let space = HDF5Handle(H5Dget_space(ds.id), .dataspace) else {
            throw EventStoreError.unreadable(path: path, detail: "no dataspace")
        }
        guard H5Sget_simple_extent_ndims(space.id) == 1 else {
            throw EventStoreError.invalidContent(path: path, detail: "dataset is not one-dimensional")
        }
        var dims: [hsize_t] = [0]
        H5Sget_simple_extent_dims(space.id, &dims, nil)
        return Int(dims[0])
    }

    /// Stored element type (nil if it is none of the schema's types) and length of a dataset.
    func columnInfo(_ name: String) throws -> (type: ColumnType?, typeName: String, length: Int) {
        try HDF5Library.withLock(file: path) {
            let ds = try dataset(name)
            guard let t = HDF5Handle(H5Dget_type(ds.id), .datatype) else {
                throw EventStoreError.unreadable(path: path, detail: "no datatype for \(name)")
            }
            let (type, typeName) = ColumnType.from(hdf5Type: t.id)
            return (type, typeName, try length(of: ds))
        }
    }

    /// Reads `range` of a 1-D dataset as the given type (HDF5 converts if stored otherwise,
    /// so callers check `columnInfo` first when the stored type matters).
    func read(_ name: String, as type: ColumnType, range: Range<Int>) throws -> ColumnData {
        switch type {
        case .float64: return .float64(try readTyped(name, type, range, Double.self))
        case .float32: return .float32(try readTyped(name, type, range, Float.self))
        case .int64: return .int64(try readTyped(name, type, range, Int64.self))
        case .int32: return .int32(try readTyped(name, type, range, Int32.self))
        case .int8: return .int8(try readTyped(name, type, range, Int8.self))
        case .uint8: return .uint8(try readTyped(name, type, range, UInt8.self))
        case .uint32: return .uint32(try readTyped(name, type, range, UInt32.self))
        }
    }

    /// Reads straight into a new array's storage: no intermediate buffer, no copy. Large
    /// reads of the store's own layout decode their chunks on all cores
    /// (`ParallelChunkReader`); everything else goes through `H5Dread`.
    private func readTyped<T>(_ name: String, _ type: ColumnType, _ range: Range<Int>, _: T.Type) throws -> [T] {
        let n = range.count
        guard n > 0 else { return [] }
        let (datasetID, parallel) = try HDF5Library.withLock(file: path) { () throws -> (hid_t, ParallelChunkReader?) in
            let ds = try dataset(name)
            guard let t = HDF5Handle(H5Dget_type(ds.id), .datatype), ColumnType.from(hdf5Type: t.id).0 == type else {
                return (ds.id, nil)
            }
            return (ds.id, ParallelChunkReader.layout(of: ds.id))
        }
        if let parallel, n >= 2 * parallel.chunkRows {
            var complete = false
            var decodeError: ChunkDecodeError?
            let values = [T](unsafeUninitializedCapacity: n) { buffer, initialised in
                do {
                    complete = try parallel.read(dataset: datasetID, elementSize: type.byteWidth, range: range,
                                                 into: UnsafeMutableRawPointer(buffer.baseAddress!),
                                                 lock: { body in HDF5Library.withLock(body) })
                } catch let e as ChunkDecodeError {
                    decodeError = e
                } catch {}
                initialised = n
            }
            if let e = decodeError {
                throw EventStoreError.unreadable(path: path, detail: "\(name) chunk \(e.chunk): \(e.reason)")
            }
            if complete { return values }
        }
        return try HDF5Library.withLock(file: path) {
            let ds = try dataset(name)
            guard let fileSpace = HDF5Handle(H5Dget_space(ds.id), .dataspace) else {
                throw EventStoreError.unreadable(path: path, detail: "no dataspace for \(name)")
            }
            var start: [hsize_t] = [hsize_t(range.lowerBound)]
            var count: [hsize_t] = [hsize_t(n)]
            H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, &start, nil, &count, nil)
            guard let memSpace = HDF5Handle(H5Screate_simple(1, &count, nil), .dataspace) else {
                throw EventStoreError.unreadable(path: path, detail: "cannot create memory space")
            }
            var status: herr_t = -1
            let values = [T](unsafeUninitializedCapacity: n) { buffer, initialised in
                status = H5Dread(ds.id, type.nativeHDF5Type, memSpace.id, fileSpace.id, ds_h5p_default(),
                                 UnsafeMutableRawPointer(buffer.baseAddress!))
                // Numeric payloads are trivially typed; on failure the values are discarded below.
                initialised = n
            }
            guard status >= 0 else {
                throw EventStoreError.unreadable(
                    path: path,
                    detail: "reading \(name) rows \(range.lowerBound)..<\(range.upperBound) failed (checksum or truncation)")
            }
            return values
        }
    }

    // MARK: attributes (on the root group, or on a dataset)

    /// A scalar variable-length UTF-8 string attribute on the root group.
    func setAttribute(_ name: String, string value: String) throws {
        try HDF5Library.withLock(file: path) { try setStringAttribute(name, value, on: id, objectName: "/") }
    }

    /// A scalar variable-length UTF-8 string attribute (h5py returns `str`) on `object`
    /// (call under the lock).
    private func setStringAttribute(_ name: String, _ value: String, on object: hid_t, objectName: String) throws {
        guard let type = HDF5Handle(H5Tcopy(ds_h5t_c_s1()), .datatype),
              let space = HDF5Handle(H5Screate(H5S_SCALAR), .dataspace) else {
            throw EventStoreError.writeFailed(path: path, detail: "attribute \(name) of \(objectName)")
        }
        H5Tset_size(type.id, Int(bitPattern: UInt(bitPattern: -1)))  // H5T_VARIABLE
        H5Tset_cset(type.id, H5T_CSET_UTF8)
        guard let attr = HDF5Handle(H5Acreate2(object, name, type.id, space.id, ds_h5p_default(), ds_h5p_default()), .attribute) else {
            throw EventStoreError.writeFailed(path: path, detail: "cannot create attribute \(name) of \(objectName)")
        }
        let status = value.withCString { cString -> herr_t in
            var pointer: UnsafePointer<CChar>? = cString
            return H5Awrite(attr.id, type.id, &pointer)
        }
        guard status >= 0 else { throw EventStoreError.writeFailed(path: path, detail: "attribute \(name) of \(objectName)") }
    }

    func setAttribute(_ name: String, double value: Double) throws {
        try setNumeric(name, ds_h5t_native_double(), value)
    }

    func setAttribute(_ name: String, int value: Int64) throws {
        try setNumeric(name, ds_h5t_native_int64(), value)
    }

    private func setNumeric<T: BinaryInteger & Sendable>(_ name: String, _ type: hid_t, _ value: T) throws {
        try setScalar(name, type) { attr in withUnsafeBytes(of: value) { H5Awrite(attr, type, $0.baseAddress) } }
    }

    private func setNumeric(_ name: String, _ type: hid_t, _ value: Double) throws {
        try setScalar(name, type) { attr in withUnsafeBytes(of: value) { H5Awrite(attr, type, $0.baseAddress) } }
    }

    private func setScalar(_ name: String, _ type: hid_t, write: (hid_t) -> herr_t) throws {
        try HDF5Library.withLock(file: path) {
            guard let space = HDF5Handle(H5Screate(H5S_SCALAR), .dataspace),
                  let attr = HDF5Handle(H5Acreate2(id, name, type, space.id, ds_h5p_default(), ds_h5p_default()), .attribute) else {
                throw EventStoreError.writeFailed(path: path, detail: "cannot create attribute \(name)")
            }
            guard write(attr.id) >= 0 else {
                throw EventStoreError.writeFailed(path: path, detail: "attribute \(name)")
            }
        }
    }

    func attributeNames() -> [String] {
        HDF5Library.withLock(file: path) {
            var info = H5O_info_t()
            guard H5Oget_info2(id, &info, UInt32(H5O_INFO_NUM_ATTRS)) >= 0 else { return [] }
            var names: [String] = []
            for i in 0..<info.num_attrs {
                let size = H5Aget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, i, nil, 0, ds_h5p_default())
                guard size >= 0 else { continue }
                var buffer = [CChar](repeating: 0, count: Int(size) + 1)
                H5Aget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, i, &buffer, Int(size) + 1, ds_h5p_default())
                names.append(String(nullTerminated: buffer))
            }
            return names
        }
    }

    /// Reads an attribute of the root group, or of the dataset `dataset` (a path such as
    /// `tracks/px`), as string, double or integer, whichever it is stored as; nil if the
    /// object or the attribute is absent or of another kind.
    func attribute(_ name: String, of dataset: String? = nil) -> AttributeValue? {
        HDF5Library.withLock(file: path) {
            let object: hid_t
            if let dataset {
                guard exists(dataset), let ds = try? self.dataset(dataset) else { return nil }
                object = ds.id
            } else {
                object = id
            }
            guard H5Aexists(object, name) > 0,
                  let attr = HDF5Handle(H5Aopen(object, name, ds_h5p_default()), .attribute),
                  let type = HDF5Handle(H5Aget_type(attr.id), .datatype) else { return nil }
            switch H5Tget_class(type.id) {
            case H5T_STRING:
                if H5Tis_variable_str(type.id) > 0 {
                    guard let memType = HDF5Handle(H5Tcopy(ds_h5t_c_s1()), .datatype) else { return nil }
                    H5Tset_size(memType.id, Int(bitPattern: UInt(bitPattern: -1)))
                    H5Tset_cset(memType.id, H5Tget_cset(type.id))
                    var pointer: UnsafeMutablePointer<CChar>? = nil
                    guard H5Aread(attr.id, memType.id, &pointer) >= 0, let p = pointer else { return nil }
                    defer { H5free_memory(p) }
                    return .string(String(cString: p))
                }
                let size = H5Tget_size(type.id)
                var buffer = [CChar](repeating: 0, count: size + 1)
                guard H5Aread(attr.id, type.id, &buffer) >= 0 else { return nil }
                return .string(String(nullTerminated: buffer))
            case H5T_FLOAT:
                var v = 0.0
                guard H5Aread(attr.id, ds_h5t_native_double(), &v) >= 0 else { return nil }
                return .double(v)
            case H5T_INTEGER:
                var v: Int64 = 0
                guard H5Aread(attr.id, ds_h5t_native_int64(), &v) >= 0 else { return nil }
                return .int(v)
            default:
                return nil
            }
        }
    }
}

/// A root attribute's value as stored.
enum AttributeValue: Equatable {
    case string(String)
    case double(Double)
    case int(Int64)

    var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int(let i): return Double(i)
        case .string: return nil
        }
    }
    var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d): return d == d.rounded() ? Int64(d) : nil
        case .string: return nil
        }
    }
}

extension String {
    /// Decodes a C string buffer up to its first NUL.
    init(nullTerminated buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
