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
///
/// The library is told not to install its `atexit` cleanup (`H5dont_atexit`). After a write
/// fails (disk full, file-size limit), `H5Fclose` fails too and leaves the file half closed
/// inside the library; HDF5's exit handler then closes it a second time and dereferences
/// freed state (SIGSEGV in `H5F__close_cb`, issue #14). Every file DarkSector writes is
/// closed explicitly before it is renamed into place, and read-only files have nothing to
/// flush, so skipping the exit handler loses nothing.
enum HDF5Library {
    private static let lock = NSLockWrapper()
    nonisolated(unsafe) private static var initialised = false

    /// Runs `body` (HDF5 calls) under the library's lock. `file`: the file the calls read or
    /// write, named in the one-line error if libhdf5 faults on a damaged file (`shim.c`,
    /// `ds_hdf5_guard_enter`).
    static func withLock<T>(file: String? = nil, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        if !initialised {
            H5dont_atexit()
            H5open()
            ds_hdf5_guard_install()
            initialised = true
        }
        // Error printing is per thread when HDF5 is built thread-safe (Debian's is), so
        // silence it on whichever thread is calling; it is a cheap flag write.
        ds_h5_silence_errors()
        ds_hdf5_guard_enter(file)
        defer { ds_hdf5_guard_leave() }
        return try body()
    }

    /// What the innermost HDF5 error on this thread's stack says, for messages after a
    /// failed call (call it under the lock, right after the failure: the next API call
    /// clears the stack). For an operating-system error it is the system's own words
    /// ("No space left on device", "File too large"); nil if the stack is empty.
    static func lastErrorMessage() -> String? {
        final class Collected { var descriptions: [String] = [] }
        let collected = Collected()
        let walker: H5E_walk2_t = { _, error, clientData in
            guard let error, let clientData, let d = error.pointee.desc else { return 0 }
            Unmanaged<Collected>.fromOpaque(clientData).takeUnretainedValue().descriptions.append(String(cString: d))
            return 0
        }
        withExtendedLifetime(collected) {
            _ = H5Ewalk2(0 /* H5E_DEFAULT */, H5E_WALK_UPWARD, walker, Unmanaged.passUnretained(collected).toOpaque())
        }
        for d in collected.descriptions {
            if let r = d.range(of: "error message = '") {
                let rest = d[r.upperBound...]
                if let end = rest.firstIndex(of: "'") { return String(rest[..<end]) }
            }
        }
        return collected.descriptions.first
    }
}

import Foundation

final class NSLockWrapper: @unchecked Sendable {
    private let l = NSRecursiveLock()
    func lock() { l.lock() }
    func unlock() { l.unlock() }
}
