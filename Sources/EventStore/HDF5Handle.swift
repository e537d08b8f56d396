import CHDF5

/// Owns one HDF5 identifier and closes it with the matching H5*close call.
///
/// HDF5 leaks identifiers unless every open is paired with a close; tying each to an
/// object's lifetime makes the pairing impossible to forget on early returns and throws.
final class HDF5Handle {
    enum Kind { case file, group, dataset, dataspace, datatype, attribute, propertyList }

    let id: hid_t
    let kind: Kind

    init?(_ id: hid_t, _ kind: Kind) {
        guard id >= 0 else { return nil }
        self.id = id
        self.kind = kind
    }

    deinit {
        switch kind {
        case .file: H5Fclose(id)
        case .group: H5Gclose(id)
        case .dataset: H5Dclose(id)
        case .dataspace: H5Sclose(id)
        case .datatype: H5Tclose(id)
        case .attribute: H5Aclose(id)
        case .propertyList: H5Pclose(id)
        }
    }
}

/// HDF5 is not thread-safe in Debian's serial build; every call into it goes through this
/// lock so that parallel generation jobs can write their own files safely.
/// Also silences HDF5's own error printing once: DarkSector reports errors itself.
enum HDF5Library {
    private static let lock = NSLockWrapper()
    nonisolated(unsafe) private static var initialised = false

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        if !initialised {
            H5open()
            initialised = true
        }
        // Error printing is per thread when HDF5 is built thread-safe (Debian's is), so
        // silence it on whichever thread is calling; it is a cheap flag write.
        ds_h5_silence_errors()
        return try body()
    }
}

import Foundation

final class NSLockWrapper: @unchecked Sendable {
    private let l = NSRecursiveLock()
    func lock() { l.lock() }
    func unlock() { l.unlock() }
}
